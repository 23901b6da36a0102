using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpTlsAnalyzers.CodeFixes.Internal;

/// <summary>
/// Leading trivia that holds directives (<c>#if</c> ... <c>#endif</c>) or the code they leave out of this compilation:
/// an edit that moves or removes the token it leads must keep it, or the directives no longer pair.
/// </summary>
internal static class DirectiveTrivia
{
    public static bool HoldsDirectives(SyntaxTriviaList trivia) =>
        trivia.Any(static t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia));

    /// <summary>Where the indentation that ends the trivia (the line of the token it leads) begins.</summary>
    public static int IndentationStart(SyntaxTriviaList trivia)
    {
        var start = trivia.Count;
        while (start > 0 && trivia[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return start;
    }
}
