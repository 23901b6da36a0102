using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Removes a statement with its line. A blank line above it set it and the code after it apart from the code before:
/// when the next statement has none of its own, it takes that blank line, so the two paragraphs stay apart (not across
/// an <c>#if</c> region's directives, where the line could land inside the region). A statement that opened its block
/// takes the blank line below it along, which would otherwise open the block. Directives and the code they leave
/// out of this compilation, above the statement, stay where they are, with any comment among them.
/// </summary>
internal sealed class StatementRemoval
{
    private readonly int _endOfLine;
    private readonly int _whitespace;
    private readonly int _disabledText;
    private readonly Func<SyntaxNode, bool> _isStatement;
    private readonly Func<SyntaxTrivia, bool> _isConditionalDirective;

    /// <param name="endOfLine">The language's end-of-line trivia kind.</param>
    /// <param name="whitespace">The language's whitespace trivia kind.</param>
    /// <param name="disabledText">The language's kind for code an <c>#if</c> leaves out.</param>
    /// <param name="isStatement">Whether a node after the statement is one that can take the blank line (not the end of a block).</param>
    /// <param name="isConditionalDirective">Whether a trivia is <c>#if</c>, <c>#elif</c>, <c>#else</c> or <c>#endif</c>.</param>
    public StatementRemoval(int endOfLine, int whitespace, int disabledText, Func<SyntaxNode, bool> isStatement, Func<SyntaxTrivia, bool> isConditionalDirective)
    {
        _endOfLine = endOfLine;
        _whitespace = whitespace;
        _disabledText = disabledText;
        _isStatement = isStatement;
        _isConditionalDirective = isConditionalDirective;
    }

    /// <summary>
    /// True when a directive stands inside the node (not above it): <c>x =\n#if DEBUG\n a;\n#else\n b;\n#endif</c>. Such a
    /// node is not removed: what it is in the compilations that take the other branch is not known here.
    /// </summary>
    public static bool HasDirectiveInside(SyntaxNode node) =>
        node.ContainsDirectives && node.DescendantTrivia(descendIntoTrivia: false).Any(t => t.IsDirective && t.SpanStart >= node.SpanStart && t.SpanStart < node.Span.End);

    /// <param name="root">The syntax root that holds <paramref name="statement"/>.</param>
    /// <param name="statement">The statement to remove.</param>
    public SyntaxNode Remove(SyntaxNode root, SyntaxNode statement)
    {
        const SyntaxRemoveOptions options = SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives;
        var leading = statement.GetLeadingTrivia();
        if (leading.Any(t => t.IsDirective || t.RawKind == _disabledText))
        {
            return RemoveKeepingDirectives(root, statement, leading);
        }

        var next = statement.Parent?.ChildNodes().SkipWhile(n => n != statement).Skip(1).FirstOrDefault();
        var previous = statement.Parent?.ChildNodes().TakeWhile(n => n != statement).LastOrDefault();
        if (next is not null && _isStatement(next) && (previous is null || !_isStatement(previous)) &&
            !next.GetLeadingTrivia().Any(_isConditionalDirective) && BlankLineAbove(next.GetLeadingTrivia()) is { } opening)
        {
            // The statement opened its block: the blank line that set the next one apart from it would open the block.
            var trackedFirst = root.TrackNodes(statement, next);
            var following = trackedFirst.GetCurrentNode(next)!;
            // The blank line with any spaces on it.
            var at = next.GetLeadingTrivia().IndexOf(opening);
            var kept = following.GetLeadingTrivia();
            for (var i = at; i >= 0; i--)
            {
                kept = kept.RemoveAt(i);
            }

            trackedFirst = trackedFirst.ReplaceNode(following, following.WithLeadingTrivia(kept));
            return trackedFirst.RemoveNode(trackedFirst.GetCurrentNode(statement)!, options) ?? root;
        }

        if (next is null || !_isStatement(next) ||
            next.GetLeadingTrivia().Any(_isConditionalDirective) ||
            BlankLineAbove(leading) is not { } blank ||
            BlankLineAbove(next.GetLeadingTrivia()) is not null)
        {
            return root.RemoveNode(statement, options) ?? root;
        }

        var tracked = root.TrackNodes(statement, next);
        var current = tracked.GetCurrentNode(next)!;
        tracked = tracked.ReplaceNode(current, current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, blank)));
        return tracked.RemoveNode(tracked.GetCurrentNode(statement)!, options) ?? root;
    }

    /// <summary>
    /// The statement's leading trivia, but its own indentation, goes to the token after it: the directives above it and
    /// the code they leave out of this compilation (another target framework's) stay.
    /// </summary>
    private SyntaxNode RemoveKeepingDirectives(SyntaxNode root, SyntaxNode statement, SyntaxTriviaList leading)
    {
        var keep = leading.Count;
        while (keep > 0 && leading[keep - 1].RawKind == _whitespace)
        {
            keep--;
        }

        var first = statement.GetFirstToken();
        var next = statement.GetLastToken().GetNextToken(includeZeroWidth: true);
        if (next.RawKind == 0)
        {
            return root;
        }

        var tracked = root.TrackNodes(statement);
        var trackedFirst = tracked.FindToken(first.SpanStart);
        var trackedNext = tracked.FindToken(next.SpanStart);
        tracked = tracked.ReplaceTokens(
            new[] { trackedFirst, trackedNext },
            (original, _) => original == trackedFirst
                ? original.WithLeadingTrivia(default(SyntaxTriviaList))
                : original.WithLeadingTrivia(leading.Take(keep).Concat(original.LeadingTrivia)));
        return tracked.GetCurrentNode(statement) is { } current
            ? tracked.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia) ?? root
            : root;
    }

    /// <summary>The end of the blank line that opens the leading trivia (after spaces only), if there is one.</summary>
    private SyntaxTrivia? BlankLineAbove(SyntaxTriviaList leading)
    {
        foreach (var trivia in leading)
        {
            if (trivia.RawKind == _whitespace)
            {
                continue;
            }

            return trivia.RawKind == _endOfLine ? trivia : null;
        }

        return null;
    }
}
