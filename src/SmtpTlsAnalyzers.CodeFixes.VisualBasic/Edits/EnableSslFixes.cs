using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// Turns EnableSsl on for System.Net.Mail.SmtpClient in Visual Basic: SMTP001 sets the False value to True, SMTP002
/// adds <c>.EnableSsl = True</c> to the client's With initializer (or gives it one), SMTP009 does whichever of the
/// two its client needs.
/// </summary>
internal sealed class EnableSslFixes : CodeFixProvider
{
    public const string SetTrueKey = "SMTP001_SetEnableSslTrue";
    public const string AddToInitializerKey = "SMTP002_AddEnableSslTrue";
    public const string CredentialsKey = "SMTP009_EnableSsl";

    private const string Title = "Set EnableSsl to True";

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
            var (kind, location, key) = diagnostic.Id switch
            {
                DiagnosticIds.SmtpClientEnableSslFalse => (DiagnosticProperties.SetEnableSslTrue, diagnostic.Location, SetTrueKey),
                DiagnosticIds.SmtpClientSendsWithoutSsl => (DiagnosticProperties.AddEnableSslToInitializer, diagnostic.Location, AddToInitializerKey),
                DiagnosticIds.CredentialsWithoutTls when diagnostic.AdditionalLocations.Count > 0 &&
                    diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) &&
                    fix is DiagnosticProperties.SetEnableSslTrue or DiagnosticProperties.AddEnableSslToInitializer
                    => (fix!, diagnostic.AdditionalLocations[0], CredentialsKey),
                _ => (string.Empty, Location.None, string.Empty),
            };

            if (kind.Length == 0 || !root.FullSpan.Contains(location.SourceSpan))
            {
                continue;
            }

            if (kind == DiagnosticProperties.SetEnableSslTrue && VisualBasicEdit.FindAssignment(root, location.SourceSpan) is { } assignment)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, ct => VisualBasicEdit.SetTrueAsync(context.Document, assignment, ct), key), diagnostic);
            }
            else if (kind == DiagnosticProperties.AddEnableSslToInitializer &&
                root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ObjectCreationExpressionSyntax>() is { } creation)
            {
                // SMTP009 on a client of several creations names each one that may carry the credentials: all are secured.
                var creations = new List<ObjectCreationExpressionSyntax> { creation };
                if (diagnostic.Id == DiagnosticIds.CredentialsWithoutTls)
                {
                    foreach (var other in diagnostic.AdditionalLocations.Skip(1))
                    {
                        if (root.FullSpan.Contains(other.SourceSpan) &&
                            root.FindNode(other.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ObjectCreationExpressionSyntax>() is { } more &&
                            !creations.Contains(more))
                        {
                            creations.Add(more);
                        }
                    }
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => VisualBasicEdit.CleanUpAsync(context.Document.WithSyntaxRoot(root.ReplaceNodes(creations, (_, rewritten) => AddEnableSsl(rewritten))), ct), key),
                    diagnostic);
            }
        }
    }

    private static ObjectCreationExpressionSyntax AddEnableSsl(ObjectCreationExpressionSyntax creation)
    {
        var member = SyntaxFactory.NamedFieldInitializer(SyntaxFactory.IdentifierName("EnableSsl"), VisualBasicEdit.True()).NormalizeWhitespace();
        if (creation.Initializer is ObjectMemberInitializerSyntax initializer)
        {
            var members = initializer.Initializers;
            var last = members[members.Count - 1];
            members = members.Replace(last, last.WithoutTrailingTrivia()).Add(member.WithTrailingTrivia(last.GetTrailingTrivia()));
            members = members.ReplaceSeparator(members.GetSeparator(members.Count - 2), SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            return creation.WithInitializer(initializer.WithInitializers(members));
        }

        // Parsed, not built: built tokens carry elastic trivia, which the formatter would break over three lines.
        var withClause = ((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("New T With {.EnableSsl = True}")).Initializer!;
        return creation.WithoutTrailingTrivia().WithInitializer(withClause.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(creation.GetTrailingTrivia());
    }
}
