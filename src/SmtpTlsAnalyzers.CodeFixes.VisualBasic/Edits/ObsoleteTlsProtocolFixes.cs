using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// SMTP008 in Visual Basic, with the C# fix's titles and keys: "Remove obsolete protocol versions" keeps the TLS
/// 1.2/1.3 flags of the value (none left: the value that lets the operating system choose; an
/// <c>x = x Or Tls11</c> that added only obsolete flags is removed). "Let the operating system choose the protocol"
/// assigns <c>SslProtocols.None</c> / <c>SecurityProtocolType.SystemDefault</c>. Both edit the value of an assignment
/// statement or of a With member, and, like the C# fix, add no Imports: a name the file does not import is written
/// with its namespace.
/// </summary>
internal sealed class ObsoleteTlsProtocolFixes : CodeFixProvider
{
    public const string DropObsoleteKey = "SMTP008_RemoveObsoleteProtocols";
    public const string UseSystemDefaultKey = "SMTP008_UseSystemDefault";

    private const string DropObsoleteTitle = "Remove obsolete protocol versions";

    private static readonly SymbolDisplayFormat QualifiedName = SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ObsoleteProtocolAllowed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != DiagnosticProperties.ObsoleteBits ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.RemainingBits, out var remainingText) ||
                !ulong.TryParse(remainingText, NumberStyles.None, CultureInfo.InvariantCulture, out var remaining) ||
                !root.FullSpan.Contains(span) ||
                VisualBasicEdit.FindReportedExpression(root, span) is not { } value ||
                value.Parent is not { } assignment || VisualBasicEdit.AssignedValue(assignment) != value ||
                TargetType(model, assignment, context) is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ||
                ProtocolMask.FindDefault(enumType) is not { } osDefault)
            {
                continue;
            }

            // `x = x Or Tls11` adds to the current value; with modern flags among its operands, rewriting them is
            // left to the user (the second action still applies).
            var addsToCurrentValue = diagnostic.Properties.ContainsKey(DiagnosticProperties.AddsToCurrentValue);
            if (remaining == 0 && addsToCurrentValue)
            {
                if (AssignmentRemover.CanRemove(assignment))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(DropObsoleteTitle, ct => AssignmentRemover.RemoveAsync(context.Document, assignment, ct), DropObsoleteKey),
                        diagnostic);
                }
            }
            else if (!addsToCurrentValue && (remaining == 0 ? Member(enumType, osDefault) : Compose(enumType, remaining)) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(DropObsoleteTitle, ct => TypeNameEdit.ReplaceAsync(context.Document, value, replacement.WithTriviaFrom(value), addImports: false, ct), DropObsoleteKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Let the operating system choose the protocol",
                    ct => TypeNameEdit.ReplaceAsync(context.Document, value, Member(enumType, osDefault).WithTriviaFrom(value), addImports: false, ct),
                    UseSystemDefaultKey),
                diagnostic);
        }
    }

    /// <summary>The type of the property or variable assigned.</summary>
    private static ITypeSymbol? TargetType(SemanticModel model, SyntaxNode assignment, CodeFixContext context) => assignment switch
    {
        AssignmentStatementSyntax statement when statement.IsKind(SyntaxKind.SimpleAssignmentStatement) => model.GetTypeInfo(statement.Left, context.CancellationToken).Type,
        NamedFieldInitializerSyntax member => (model.GetSymbolInfo(member.Name, context.CancellationToken).Symbol as IPropertySymbol)?.Type,
        _ => null,
    };

    /// <summary><c>Tls12 Or Tls13</c> for the kept bits, spelled by <see cref="ProtocolMask.Members"/>.</summary>
    private static ExpressionSyntax? Compose(INamedTypeSymbol enumType, ulong bits)
    {
        if (ProtocolMask.Members(enumType, bits) is not { } members)
        {
            return null;
        }

        var parts = members.Select(field => Member(enumType, field)).ToList();
        var result = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            result = SyntaxFactory.OrExpression(
                result.WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OrKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space), "Or"),
                parts[i]);
        }

        return result;
    }

    private static ExpressionSyntax Member(INamedTypeSymbol enumType, IFieldSymbol field) =>
        enumType.ContainingType is null && enumType.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? TypeNameEdit.Member(containing.ToDisplayString(QualifiedName), enumType.Name, field.Name)
            : VisualBasicEdit.Qualified(enumType.ToDisplayString(QualifiedName) + "." + field.Name);
}
