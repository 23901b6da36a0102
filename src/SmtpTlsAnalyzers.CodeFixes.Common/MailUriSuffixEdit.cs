using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// The fix of a MailKit Uri built from text and values (<c>$"smtp://{host}:{port}"</c>), in C# and Visual Basic alike:
/// the query that requires STARTTLS is appended to its text, inside an interpolated string before its closing quote,
/// after a concatenation as one more text. The appended text holds no quote, brace or escape, so it reads the same in
/// every kind of string but a raw one, which is left alone.
/// </summary>
internal static class MailUriSuffixEdit
{
    public static void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string equivalenceKey)
    {
        if (diagnostic.AdditionalLocations.Count < 2 ||
            !diagnostic.Properties.TryGetValue(DiagnosticProperties.Uri, out var suffix) || suffix is null ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[1].SourceSpan))
        {
            return;
        }

        var span = diagnostic.AdditionalLocations[1].SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node.Span != span)
        {
            return;
        }

        var written = node.ToString();
        TextChange change;
        if (written.StartsWith("$", System.StringComparison.Ordinal) || written.StartsWith("@$", System.StringComparison.Ordinal))
        {
            if (!written.EndsWith("\"", System.StringComparison.Ordinal) || written.EndsWith("\"\"\"", System.StringComparison.Ordinal) ||
                written.Contains("$\"\"\""))
            {
                return;
            }

            change = new TextChange(new TextSpan(span.End - 1, 0), suffix);
        }
        else
        {
            var concatenation = context.Document.Project.Language == LanguageNames.VisualBasic ? " & " : " + ";
            change = new TextChange(new TextSpan(span.End, 0), concatenation + "\"" + suffix + "\"");
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Append " + suffix + " to the Uri",
                async ct => context.Document.WithText((await context.Document.GetTextAsync(ct).ConfigureAwait(false)).WithChanges(change)),
                equivalenceKey),
            diagnostic);
    }
}
