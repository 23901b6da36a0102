using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Internal;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>SMTP012: sets <c>ProtocolLogger.RedactSecrets</c> back to true.</summary>
internal sealed class ProtocolLogRedactionFixes : CodeFixProvider
{
    public const string SetTrueKey = "SMTP012_RedactSecrets";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProtocolLogContainsSecrets);

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
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) && fix == DiagnosticProperties.SetTrue &&
                AssignmentEditor.FindAssignment(root, diagnostic.Location.SourceSpan) is { } assignment)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Redact secrets in the protocol log", ct => AssignmentEditor.ReplaceAsync(context.Document, assignment, AssignmentEditor.WithTrue(assignment), ct), SetTrueKey),
                    diagnostic);
            }
        }
    }
}
