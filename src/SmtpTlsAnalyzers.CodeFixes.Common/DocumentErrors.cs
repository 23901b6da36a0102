using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>How many errors the compiler finds in a document: the fixes compare an edit's result against another's.</summary>
internal static class DocumentErrors
{
    public static async Task<int> CountAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? 0 : model.GetDiagnostics(cancellationToken: cancellationToken).Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }
}
