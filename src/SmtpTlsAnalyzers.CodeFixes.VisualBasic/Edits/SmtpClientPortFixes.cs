using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>SMTP005 for System.Net.Mail.SmtpClient in Visual Basic: the literal port 465 becomes 587.</summary>
internal sealed class SmtpClientPortFixes : CodeFixProvider
{
    public const string UsePort587Key = "SMTP005_UsePort587";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TlsModeDoesNotMatchPort);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != DiagnosticProperties.UseSubmissionPort ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.NumericLiteralExpression) && !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            // `"465"` under Option Strict Off becomes the number, as the property takes it.
            var replacement = SyntaxFactory.NumericLiteralExpression(SyntaxFactory.IntegerLiteralToken("587", LiteralBase.Decimal, TypeCharacter.None, 587)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create("Use port 587 (STARTTLS)", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))), UsePort587Key),
                diagnostic);
        }
    }
}
