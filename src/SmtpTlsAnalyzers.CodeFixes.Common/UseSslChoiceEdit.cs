using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// The code side of SMTP014's fix, in C# and Visual Basic alike: the useSsl flag of a MailKit Connect call becomes
/// <c>flag ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls</c> (<c>If(flag, ...)</c> in VB), so a
/// configured false requires STARTTLS where MailKit would use it only when the server offers it, and a configured true
/// keeps its meaning. A named <c>useSsl:</c> argument becomes <c>options:</c>. The syntax comes from the language's
/// <see cref="SyntaxGenerator"/>; the type is written fully qualified, then shortened with an import where one does not
/// make another name of the file ambiguous.
/// </summary>
internal static class UseSslChoiceEdit
{
    private const string SecureSocketOptions = "MailKit.Security.SecureSocketOptions";

    /// <summary>The flag at <paramref name="span"/>, when it is still the useSsl argument of a MailKit Connect call.</summary>
    public static SyntaxNode? FindFlag(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken) =>
        Find(root, model, span, cancellationToken) is { } found ? found.Flag : null;

    /// <summary>The title of the fix for the flag <paramref name="flag"/>.</summary>
    public static string Title(SyntaxNode flag) =>
        "Use SslOnConnect when " + flag + " is " + (flag.Language == LanguageNames.VisualBasic ? "True" : "true") + ", StartTls otherwise";

    /// <summary>Rewrites every useSsl flag at <paramref name="spans"/> in one pass; spans that no longer hold one are left alone.</summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetBestTypeByMetadataName(SecureSocketOptions) is not { } optionsType)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);

        // Annotated here: the generator's own addImport flag adds no annotation on Roslyn 4.8.
        var typeName = generator.TypeExpression(optionsType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        SyntaxNode Mode(string name) => generator.MemberAccessExpression(typeName, name);
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var span in spans.Distinct())
        {
            if (Find(root, model, span, cancellationToken) is not { } found || replacements.ContainsKey(found.Replaced))
            {
                continue;
            }

            var choice = generator.ConditionalExpression(found.Flag.WithoutTrivia(), Mode("SslOnConnect"), Mode("StartTls"))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var replacement = found.Replaced == found.Flag
                ? choice
                : generator.Argument("options", RefKind.None, choice);
            replacements[found.Replaced] = replacement.WithTriviaFrom(found.Replaced);
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var edited = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        return await CleanUpAsync(edited, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The flag, and the node to replace: the flag itself, or its whole argument when the argument is named
    /// (<c>useSsl: x</c>, <c>useSsl:=x</c>), whose name must change with the type.
    /// </summary>
    private static (SyntaxNode Flag, SyntaxNode Replaced)? Find(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(span) || root.FindNode(span, getInnermostNodeForTie: true) is not { } flag || flag.Span != span)
        {
            return null;
        }

        var operation = model.GetOperation(flag, cancellationToken);
        while (operation?.Parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        if (operation?.Parent is not IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { Name: "useSsl", Type.SpecialType: SpecialType.System_Boolean } } argument ||
            argument.Parent is not IInvocationOperation { TargetMethod.Name: "Connect" or "ConnectAsync" })
        {
            return null;
        }

        return (flag, argument.Syntax.Span == flag.Span ? flag : argument.Syntax);
    }

    /// <summary>
    /// Adds the import of MailKit.Security where needed and shortens the names, unless the import makes a name the
    /// file already uses ambiguous (another SecureSocketOptions imported): then the names stay qualified.
    /// </summary>
    private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        var withImport = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        withImport = await SimplifyAsync(withImport, cancellationToken).ConfigureAwait(false);
        var withoutImport = await SimplifyAsync(document, cancellationToken).ConfigureAwait(false);
        return await DocumentErrors.CountAsync(withImport, cancellationToken).ConfigureAwait(false) > await DocumentErrors.CountAsync(withoutImport, cancellationToken).ConfigureAwait(false)
            ? withoutImport
            : withImport;
    }

    /// <summary>
    /// Shortens and formats what the edit wrote, then parses the text again: a name left qualified is a type name in
    /// the generated tree, where a parse of the same text makes member accesses.
    /// </summary>
    private static async Task<Document> SimplifyAsync(Document document, CancellationToken cancellationToken)
    {
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(SourceText.From(text.ToString(), text.Encoding, text.ChecksumAlgorithm));
    }
}
