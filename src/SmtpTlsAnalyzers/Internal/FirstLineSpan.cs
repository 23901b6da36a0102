using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The first line of a node written over several lines: where Visual Basic diagnostics are reported (see
/// <c>VisualBasicSyntax.ReportLocation</c>), and what its fixes look for.
/// </summary>
internal static class FirstLineSpan
{
    /// <summary>
    /// The node's span up to the end of its first line, trailing blanks and a line continuation (<c> _</c>) left out;
    /// the node's own span when it is written on one line.
    /// </summary>
    public static TextSpan Of(SyntaxNode node)
    {
        var span = node.Span;
        var text = node.SyntaxTree.GetText();
        var firstLine = text.Lines.GetLineFromPosition(span.Start);
        if (span.End <= firstLine.End)
        {
            return span;
        }

        var end = firstLine.End;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - 1 > span.Start && text[end - 1] == '_' && char.IsWhiteSpace(text[end - 2]))
        {
            end--;
            while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
        }

        return TextSpan.FromBounds(span.Start, end);
    }
}
