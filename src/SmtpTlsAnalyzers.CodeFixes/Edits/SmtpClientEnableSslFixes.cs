using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpTlsAnalyzers.CodeFixes.Internal;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>
/// Turns EnableSsl on for System.Net.Mail.SmtpClient: SMTP001 sets the false value to true, SMTP002 adds
/// <c>EnableSsl = true</c> to the client's initializer, SMTP009 does whichever of the two its client needs.
/// </summary>
internal sealed class SmtpClientEnableSslFixes : CodeFixProvider
{
    public const string SetTrueKey = "SMTP001_SetEnableSslTrue";
    public const string AddToInitializerKey = "SMTP002_AddEnableSslTrue";
    public const string CredentialsKey = "SMTP009_EnableSsl";

    private const string Title = "Set EnableSsl to true";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.SmtpClientEnableSslFalse,
        DiagnosticIds.SmtpClientSendsWithoutSsl,
        DiagnosticIds.CredentialsWithoutTls);

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
            var (kind, span, key) = diagnostic.Id switch
            {
                DiagnosticIds.SmtpClientEnableSslFalse => (DiagnosticProperties.SetEnableSslTrue, diagnostic.Location.SourceSpan, SetTrueKey),
                DiagnosticIds.SmtpClientSendsWithoutSsl => (DiagnosticProperties.AddEnableSslToInitializer, diagnostic.Location.SourceSpan, AddToInitializerKey),
                DiagnosticIds.CredentialsWithoutTls when diagnostic.AdditionalLocations.Count > 0 &&
                    diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) &&
                    fix is DiagnosticProperties.SetEnableSslTrue or DiagnosticProperties.AddEnableSslToInitializer
                    => (fix!, diagnostic.AdditionalLocations[0].SourceSpan, CredentialsKey),
                _ => (string.Empty, default, string.Empty),
            };

            if (kind.Length == 0 || !root.FullSpan.Contains(span))
            {
                continue;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (kind == DiagnosticProperties.SetEnableSslTrue && node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ReplaceAsync(context.Document, assignment, SetTrue(assignment), ct), key),
                    diagnostic);
            }
            else if (kind == DiagnosticProperties.AddEnableSslToInitializer && node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation &&
                InitializerEditor.CanAdd(creation))
            {
                // SMTP009 on a client of several creations names each one that may carry the credentials: all are secured.
                var creations = new List<BaseObjectCreationExpressionSyntax> { creation };
                if (diagnostic.Id == DiagnosticIds.CredentialsWithoutTls)
                {
                    foreach (var other in diagnostic.AdditionalLocations.Skip(1))
                    {
                        if (root.FullSpan.Contains(other.SourceSpan) &&
                            root.FindNode(other.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } more &&
                            InitializerEditor.CanAdd(more) && !creations.Contains(more))
                        {
                            creations.Add(more);
                        }
                    }
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ReplaceAllAsync(context.Document, creations, ct), key),
                    diagnostic);
            }
        }
    }

    private static AssignmentExpressionSyntax SetTrue(AssignmentExpressionSyntax assignment) =>
        assignment.WithRight(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right));

    private static BaseObjectCreationExpressionSyntax AddEnableSsl(BaseObjectCreationExpressionSyntax creation) =>
        InitializerEditor.AddAssignment(creation, "EnableSsl", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));

    private static async Task<Document> ReplaceAllAsync(Document document, List<BaseObjectCreationExpressionSyntax> creations, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNodes(creations, (_, rewritten) => AddEnableSsl(rewritten)));
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }
}
