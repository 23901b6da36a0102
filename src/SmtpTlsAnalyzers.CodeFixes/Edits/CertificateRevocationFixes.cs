using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Internal;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>
/// SMTP007: sets the revocation check back to true, or (MailKit mail clients, where true is the default) removes
/// the assignment.
/// </summary>
internal sealed class CertificateRevocationFixes : CodeFixProvider
{
    public const string SetTrueKey = "SMTP007_SetTrue";
    public const string RemoveKey = "SMTP007_RemoveAssignment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateRevocationOff);

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
                AssignmentEditor.FindAssignment(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Check certificate revocation", ct => AssignmentEditor.ReplaceAsync(context.Document, assignment, AssignmentEditor.WithTrue(assignment), ct), SetTrueKey),
                diagnostic);

            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.RemovableDefault) && AssignmentEditor.CanRemove(assignment))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the assignment (revocation is checked by default)", ct => AssignmentEditor.RemoveAsync(context.Document, assignment, ct), RemoveKey),
                    diagnostic);
            }
        }
    }
}
