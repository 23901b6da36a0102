using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// SMTP007 and SMTP012 in Visual Basic: the False written to CheckCertificateRevocation or RedactSecrets becomes True.
/// </summary>
internal sealed class SetTrueFixes : CodeFixProvider
{
    public const string CheckRevocationKey = "SMTP007_SetTrue";
    public const string RedactSecretsKey = "SMTP012_RedactSecrets";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.CertificateRevocationOff,
        DiagnosticIds.ProtocolLogContainsSecrets);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != DiagnosticProperties.SetTrue ||
                VisualBasicEdit.FindAssignment(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            var (title, key) = diagnostic.Id == DiagnosticIds.CertificateRevocationOff
                ? ("Check certificate revocation", CheckRevocationKey)
                : ("Redact secrets in the protocol log", RedactSecretsKey);
            context.RegisterCodeFix(CodeAction.Create(title, ct => VisualBasicEdit.SetTrueAsync(context.Document, assignment, ct), key), diagnostic);
        }
    }
}
