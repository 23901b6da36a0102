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
/// the simplifier, which leaves <c>Global.</c> names in place in comparisons under Option Strict On.
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

    /// <summary>
    /// Replaces <paramref name="oldNode"/>; the type names <paramref name="newNode"/> marks are written short, after
    /// an Imports of their namespace when <paramref name="addImports"/> allows one, qualified by their namespace, or
    /// from <c>Global</c>: the first that adds no compiler error to the document.
    /// </summary>
    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, bool addImports, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var known = await ErrorsAsync(document, cancellationToken).ConfigureAwait(false);
        var replaced = root.ReplaceNode(oldNode, newNode);
        var candidates = new List<SyntaxNode> { replaced };
        if (addImports && WithImports(replaced) is { } imported)
        {
            candidates.Add(imported);
        }

        candidates.Add(Qualify(replaced, string.Empty));
        foreach (var candidate in candidates)
        {
            var changed = document.WithSyntaxRoot(candidate);
            if (AddsNoError(known, await ErrorsAsync(changed, cancellationToken).ConfigureAwait(false)))
            {
                return await VisualBasicEdit.CleanUpAsync(changed, cancellationToken).ConfigureAwait(false);
            }
        }

        return await VisualBasicEdit.CleanUpAsync(document.WithSyntaxRoot(Qualify(replaced, "Global.")), cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode Qualify(SyntaxNode root, string prefix) =>
        root.ReplaceNodes(
            root.GetAnnotatedNodes(Kind),
            (original, _) => SyntaxFactory.ParseExpression(prefix + original.GetAnnotations(Kind).First().Data + "." + original).WithTriviaFrom(original));

    /// <summary>The file with the Imports its marked names miss, each in order; null when none is missing.</summary>
    private static SyntaxNode? WithImports(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return null;
        }

        var missing = root.GetAnnotatedNodes(Kind)
            .Select(n => n.GetAnnotations(Kind).First().Data!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(ns => !unit.Imports.SelectMany(i => i.ImportsClauses).OfType<SimpleImportsClauseSyntax>()
                .Any(c => c.Alias is null && string.Equals(c.Name.ToString(), ns, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.CarriageReturnLineFeed;
        var imports = unit.Imports;
        foreach (var ns in missing)
        {
            var statement = SyntaxFactory.ImportsStatement(SyntaxFactory.SingletonSeparatedList<ImportsClauseSyntax>(SyntaxFactory.SimpleImportsClause(SyntaxFactory.ParseName(ns))))
                .NormalizeWhitespace()
                .WithTrailingTrivia(imports.Count == 0 ? SyntaxFactory.TriviaList(endOfLine, endOfLine) : SyntaxFactory.TriviaList(endOfLine));
            var at = imports.TakeWhile(i => ComesBefore(i.ImportsClauses.ToString(), ns)).Count();
            if (at == 0 && imports.Count > 0)
            {
                // A file header stays at the top of the file.
                statement = statement.WithLeadingTrivia(imports[0].GetLeadingTrivia());
                imports = imports.Replace(imports[0], imports[0].WithoutLeadingTrivia());
            }

            imports = imports.Insert(at, statement);
        }

        return unit.WithImports(imports);
    }

    /// <summary>The order Visual Basic tools keep: System namespaces first, then by name.</summary>
    private static bool ComesBefore(string existing, string added)
    {
        var existingIsSystem = IsSystem(existing);
        return existingIsSystem != IsSystem(added) ? existingIsSystem : string.Compare(existing, added, StringComparison.OrdinalIgnoreCase) < 0;
    }

    private static bool IsSystem(string name) => name.Equals("System", StringComparison.OrdinalIgnoreCase) || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase);

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
