using System.Linq;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Removes a statement with its line. A blank line above it set it and the code after it apart from the code before:
/// when the next statement has none of its own, it takes that blank line, so the two paragraphs stay apart.
/// </summary>
internal static class StatementRemoval
{
    private const SyntaxRemoveOptions Options = SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives;

    /// <param name="root">The syntax root that holds <paramref name="statement"/>.</param>
    /// <param name="statement">The statement to remove.</param>
    /// <param name="endOfLineKind">The language's end-of-line trivia kind.</param>
    /// <param name="whitespaceKind">The language's whitespace trivia kind.</param>
    /// <param name="isStatement">Whether a node after the statement is one that can take the blank line (not the end of a block).</param>
    public static SyntaxNode Remove(SyntaxNode root, SyntaxNode statement, int endOfLineKind, int whitespaceKind, System.Func<SyntaxNode, bool> isStatement)
    {
        var next = statement.Parent?.ChildNodes().SkipWhile(n => n != statement).Skip(1).FirstOrDefault();
        if (next is null || !isStatement(next) ||
            HasDirective(statement) || HasDirective(next) ||
            BlankLineAbove(statement, endOfLineKind, whitespaceKind) is not { } blank ||
            BlankLineAbove(next, endOfLineKind, whitespaceKind) is not null)
        {
            return root.RemoveNode(statement, Options) ?? root;
        }

        var tracked = root.TrackNodes(statement, next);
        var current = tracked.GetCurrentNode(next)!;
        tracked = tracked.ReplaceNode(current, current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, blank)));
        return tracked.RemoveNode(tracked.GetCurrentNode(statement)!, Options) ?? root;
    }

    /// <summary>A directive (<c>#if</c>, <c>#endif</c>) stands in the node's leading trivia: lines there are the directives' own.</summary>
    private static bool HasDirective(SyntaxNode node) => node.GetLeadingTrivia().Any(trivia => trivia.IsDirective);

    /// <summary>The end of the blank line that opens the node's leading trivia (after spaces only), if there is one.</summary>
    private static SyntaxTrivia? BlankLineAbove(SyntaxNode node, int endOfLineKind, int whitespaceKind)
    {
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.RawKind == whitespaceKind)
            {
                continue;
            }

            return trivia.RawKind == endOfLineKind ? trivia : null;
        }

        return null;
    }
}
