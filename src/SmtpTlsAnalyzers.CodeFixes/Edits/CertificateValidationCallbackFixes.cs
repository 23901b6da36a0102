using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SmtpTlsAnalyzers.CodeFixes.Internal;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>
/// SMTP006 and SMTP010. "Use the default certificate validation" removes the MailKit callback assignment (statement,
/// initializer member or <c>+=</c>) or sets the process-wide ServicePointManager callback to null. "Accept only valid
/// certificates" makes every result of the callback <c>errors == SslPolicyErrors.None</c>. The now unused method
/// is left alone.
/// </summary>
internal sealed class CertificateValidationCallbackFixes : CodeFixProvider
{
    public const string UseDefaultValidationKey = "SMTP006_UseDefaultValidation";
    public const string AcceptOnlyValidKey = "SMTP006_AcceptOnlyValidCertificates";

    private const string ErrorsName = "sslPolicyErrors";
    private const string ProblemName = "certificateProblem";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.CertificateCallbackAcceptsAll,
        DiagnosticIds.CertificateCallbackToleratesErrors);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) ||
                AssignmentEditor.FindAssignment(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            if (fix == DiagnosticProperties.RemoveCertificateCallback && AssignmentEditor.CanRemove(assignment))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Use the default certificate validation", ct => AssignmentEditor.RemoveAsync(context.Document, assignment, ct), UseDefaultValidationKey),
                    diagnostic);
            }
            else if (fix == DiagnosticProperties.ResetGlobalCertificateCallback)
            {
                var reset = AssignmentEditor.WithValue(assignment, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
                context.RegisterCodeFix(
                    CodeAction.Create("Use the default certificate validation", ct => AssignmentEditor.ReplaceAsync(context.Document, assignment, reset, ct), UseDefaultValidationKey),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.CallbackErrors, out var errorsKind) &&
                diagnostic.AdditionalLocations.Count > 0 &&
                diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree &&
                root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) &&
                root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is { } declaration &&
                RestrictResult(declaration, errorsKind == DiagnosticProperties.CertificateProblemParameter) is { } restricted)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Accept only valid certificates", ct => ReplaceAndImportAsync(context.Document, declaration, restricted, ct), AcceptOnlyValidKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Replaces the callback and adds <c>using System.Net.Security;</c> when the file does not have it yet.</summary>
    private static async Task<Document> ReplaceAndImportAsync(Document document, SyntaxNode declaration, SyntaxNode restricted, CancellationToken cancellationToken)
    {
        var replaced = await AssignmentEditor.ReplaceAsync(document, declaration, restricted, cancellationToken).ConfigureAwait(false);
        return await ImportAdder.AddImportsAsync(replaced, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The callback with every result replaced by "no policy error", or null when that cannot be written.</summary>
    private static SyntaxNode? RestrictResult(SyntaxNode declaration, bool certificateProblem)
    {
        var (parameters, body) = declaration switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.ParameterList, (CSharpSyntaxNode)lambda.Body),
            AnonymousMethodExpressionSyntax { ParameterList: { } list } method => (list, method.Body),
            BaseMethodDeclarationSyntax method => (method.ParameterList, (CSharpSyntaxNode?)method.Body ?? method.ExpressionBody),
            LocalFunctionStatementSyntax function => (function.ParameterList, (CSharpSyntaxNode?)function.Body ?? function.ExpressionBody),
            _ => (null, null),
        };

        if (parameters is not { Parameters.Count: 4 } || body is null)
        {
            return null;
        }

        var errors = parameters.Parameters[3];
        var name = errors.Identifier.ValueText;
        if (name == "_")
        {
            // A discard (or a parameter called `_`) gets a name; the body must not already use either name.
            name = certificateProblem ? ProblemName : ErrorsName;
            if (body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText is "_" || i.Identifier.ValueText == name) ||
                parameters.Parameters.Any(p => p.Identifier.ValueText == name))
            {
                return null;
            }
        }

        ExpressionSyntax result = certificateProblem
            ? SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)))
            : SyntaxFactory.BinaryExpression(
                SyntaxKind.EqualsExpression,
                SyntaxFactory.IdentifierName(name),
                SyntaxFactory.ParseExpression("global::System.Net.Security.SslPolicyErrors.None").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

        var newBody = body switch
        {
            ArrowExpressionClauseSyntax arrow => (SyntaxNode?)arrow.WithExpression(result.WithTriviaFrom(arrow.Expression)),
            ExpressionSyntax expression => result.WithTriviaFrom(expression),
            BlockSyntax block => ReplaceReturns(block, result),
            _ => null,
        };

        if (newBody is null)
        {
            return null;
        }

        var renamed = errors.Identifier.ValueText == name
            ? declaration
            : declaration.ReplaceNode(errors, errors.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(errors.Identifier)));
        var bodyInRenamed = renamed == declaration ? body : FindBody(renamed);
        return bodyInRenamed is null ? null : renamed.ReplaceNode(bodyInRenamed, newBody);
    }

    private static SyntaxNode? FindBody(SyntaxNode declaration) => declaration switch
    {
        ParenthesizedLambdaExpressionSyntax lambda => lambda.Body,
        AnonymousMethodExpressionSyntax method => method.Body,
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        LocalFunctionStatementSyntax function => (SyntaxNode?)function.Body ?? function.ExpressionBody,
        _ => null,
    };

    private static BlockSyntax? ReplaceReturns(BlockSyntax block, ExpressionSyntax result)
    {
        var returns = block
            .DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Where(r => r.Expression is not null)
            .ToList();
        return returns.Count == 0
            ? null
            : block.ReplaceNodes(returns, (original, _) => original.WithExpression(result.WithTriviaFrom(original.Expression!)));
    }
}
