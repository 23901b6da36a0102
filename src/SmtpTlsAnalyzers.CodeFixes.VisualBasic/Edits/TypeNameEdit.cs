using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// Writes a member of a framework type by its short name (<c>SslPolicyErrors.None</c>) and makes it compile without
/// the simplifier, which leaves <c>Global.</c> names in place in comparisons under Option Strict On. The edit is
/// tried as written; then with an Imports of the type's namespace; then with the fully qualified name. The first
/// version that adds no compiler error to the document wins.
/// </summary>
internal static class TypeNameEdit
{
    private const string Kind = "SmtpTlsAnalyzers.TypeName";

    /// <summary><c>Type.Member</c>, the type marked with its namespace for <see cref="ReplaceAsync"/>.</summary>
    public static ExpressionSyntax Member(string containingNamespace, string type, string member)
    {
        // Parsed, not built: built tokens carry elastic trivia, and the formatter would then re-indent the lines around.
        var access = (MemberAccessExpressionSyntax)SyntaxFactory.ParseExpression(type + "." + member);
        return access.WithExpression(access.Expression!.WithAdditionalAnnotations(new SyntaxAnnotation(Kind, containingNamespace)));
    }

    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var known = await ErrorsAsync(document, cancellationToken).ConfigureAwait(false);
        var replaced = root.ReplaceNode(oldNode, newNode);
        foreach (var candidate in Candidates(replaced))
        {
            var changed = document.WithSyntaxRoot(candidate);
            if (AddsNoError(known, await ErrorsAsync(changed, cancellationToken).ConfigureAwait(false)))
            {
                return await VisualBasicEdit.CleanUpAsync(changed, cancellationToken).ConfigureAwait(false);
            }
        }

        var qualified = replaced.ReplaceNodes(
            replaced.GetAnnotatedNodes(Kind),
            (original, _) => SyntaxFactory.ParseExpression("Global." + original.GetAnnotations(Kind).First().Data + "." + original).WithTriviaFrom(original));
        return await VisualBasicEdit.CleanUpAsync(document.WithSyntaxRoot(qualified), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The edited file as written, then with the missing Imports added in order.</summary>
    private static IEnumerable<SyntaxNode> Candidates(SyntaxNode root)
    {
        yield return root;
        if (root is not CompilationUnitSyntax unit)
        {
            yield break;
        }

        var missing = root.GetAnnotatedNodes(Kind)
            .Select(n => n.GetAnnotations(Kind).First().Data!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(ns => !unit.Imports.SelectMany(i => i.ImportsClauses).OfType<SimpleImportsClauseSyntax>()
                .Any(c => c.Alias is null && string.Equals(c.Name.ToString(), ns, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count == 0)
        {
            yield break;
        }

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.CarriageReturnLineFeed;
        var imports = unit.Imports;
        foreach (var ns in missing)
        {
            var statement = SyntaxFactory.ImportsStatement(SyntaxFactory.SingletonSeparatedList<ImportsClauseSyntax>(SyntaxFactory.SimpleImportsClause(SyntaxFactory.ParseName(ns))))
                .NormalizeWhitespace()
                .WithTrailingTrivia(imports.Count == 0 ? SyntaxFactory.TriviaList(endOfLine, endOfLine) : SyntaxFactory.TriviaList(endOfLine));
            var at = imports.TakeWhile(i => string.Compare(i.ImportsClauses.ToString(), ns, StringComparison.OrdinalIgnoreCase) < 0).Count();
            if (at == 0 && imports.Count > 0)
            {
                // A file header stays at the top of the file.
                statement = statement.WithLeadingTrivia(imports[0].GetLeadingTrivia());
                imports = imports.Replace(imports[0], imports[0].WithoutLeadingTrivia());
            }

            imports = imports.Insert(at, statement);
        }

        yield return unit.WithImports(imports);
    }

    /// <summary>True when every error of <paramref name="after"/> was already there, counted one for one.</summary>
    private static bool AddsNoError(List<string> before, List<string> after)
    {
        var remaining = new List<string>(before);
        return after.All(remaining.Remove);
    }

    private static async Task<List<string>> ErrorsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null
            ? new List<string>()
            : model.GetDiagnostics(cancellationToken: cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
    }
}
