using System;
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
/// SMTP006 and SMTP010 in Visual Basic, with the C# fix's titles and keys. "Use the default certificate validation"
/// removes the MailKit callback assignment (statement or With member) or sets the process-wide ServicePointManager
/// callback to Nothing. "Accept only valid certificates" makes every result of the callback
/// <c>errors = SslPolicyErrors.None</c>: the body of a single-line lambda, every <c>Return</c> of a multi-line lambda
/// or method. A method that also returns by assigning its own name gets no such fix. The now unused method is left
/// alone.
/// </summary>
internal sealed class CertificateValidationCallbackFixes : CodeFixProvider
{
    public const string UseDefaultValidationKey = "SMTP006_UseDefaultValidation";
    public const string AcceptOnlyValidKey = "SMTP006_AcceptOnlyValidCertificates";

    private const string UseDefaultValidationTitle = "Use the default certificate validation";

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
                VisualBasicEdit.FindAssignment(root, diagnostic.Location.SourceSpan) is not { } assignment)
            {
                continue;
            }

            if (fix == DiagnosticProperties.RemoveCertificateCallback && AssignmentRemover.CanRemove(assignment))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(UseDefaultValidationTitle, ct => AssignmentRemover.RemoveAsync(context.Document, assignment, ct), UseDefaultValidationKey),
                    diagnostic);
            }
            else if (fix == DiagnosticProperties.ResetGlobalCertificateCallback && VisualBasicEdit.AssignedValue(assignment) is { } value)
            {
                var nothing = SyntaxFactory.NothingLiteralExpression(SyntaxFactory.Token(SyntaxKind.NothingKeyword)).WithTriviaFrom(value);
                context.RegisterCodeFix(
                    CodeAction.Create(UseDefaultValidationTitle, ct => VisualBasicEdit.ReplaceAsync(context.Document, value, nothing, ct), UseDefaultValidationKey),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.CallbackErrors, out var errorsKind) &&
                diagnostic.AdditionalLocations.Count > 0 &&
                diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree &&
                root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) &&
                FindCallback(root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)) is { } declaration &&
                RestrictResult(declaration, errorsKind == DiagnosticProperties.CertificateProblemParameter) is { } restricted)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Accept only valid certificates", ct => TypeNameEdit.ReplaceAsync(context.Document, declaration, restricted, addImports: true, ct), AcceptOnlyValidKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The lambda, or the block of the method whose Function statement declares the callback.</summary>
    private static SyntaxNode? FindCallback(SyntaxNode node) => node switch
    {
        LambdaExpressionSyntax lambda => lambda,
        MethodBlockSyntax method => method,
        MethodStatementSyntax { Parent: MethodBlockSyntax method } => method,
        _ => node.Parent is { } parent && parent.Span == node.Span ? FindCallback(parent) : null,
    };

    /// <summary>The callback with every result replaced by "no policy error", or null when that cannot be written.</summary>
    private static SyntaxNode? RestrictResult(SyntaxNode declaration, bool certificateProblem)
    {
        var parameters = declaration switch
        {
            LambdaExpressionSyntax lambda => lambda.SubOrFunctionHeader.ParameterList,
            MethodBlockSyntax method => method.SubOrFunctionStatement.ParameterList,
            _ => null,
        };

        if (parameters is not { Parameters.Count: 4 } ||
            (declaration is LambdaExpressionSyntax && !declaration.IsKind(SyntaxKind.SingleLineFunctionLambdaExpression) && !declaration.IsKind(SyntaxKind.MultiLineFunctionLambdaExpression)))
        {
            return null;
        }

        // Parsed, not built: built tokens carry elastic trivia, and the formatter would then re-indent the lambda.
        var result = (BinaryExpressionSyntax)SyntaxFactory.ParseExpression(parameters.Parameters[3].Identifier.Identifier.Text + " = 0");
        if (!certificateProblem)
        {
            result = result.WithRight(TypeNameEdit.Member("System.Net.Security", "SslPolicyErrors", "None"));
        }

        switch (declaration)
        {
            case SingleLineLambdaExpressionSyntax { Body: ExpressionSyntax body } lambda:
                return lambda.ReplaceNode(body, result.WithTriviaFrom(body));
            case MultiLineLambdaExpressionSyntax lambda:
                return ReplaceReturns(lambda, result);
            case MethodBlockSyntax method when !AssignsFunctionName(method):
                return ReplaceReturns(method, result);
            default:
                return null;
        }
    }

    /// <summary><c>Validate = True</c> in Function Validate: a result that no Return statement shows.</summary>
    private static bool AssignsFunctionName(MethodBlockSyntax method)
    {
        var name = method.SubOrFunctionStatement.Identifier.ValueText;
        return method.Statements.SelectMany(s => s.DescendantNodesAndSelf(n => n is not LambdaExpressionSyntax))
            .OfType<IdentifierNameSyntax>()
            .Any(i => string.Equals(i.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase));
    }

    private static SyntaxNode? ReplaceReturns(SyntaxNode block, ExpressionSyntax result)
    {
        var returns = block
            .DescendantNodes(n => n == block || n is not LambdaExpressionSyntax)
            .OfType<ReturnStatementSyntax>()
            .Where(r => r.Expression is not null)
            .ToList();
        return returns.Count == 0
            ? null
            : block.ReplaceNodes(returns, (original, _) => original.WithExpression(result.WithTriviaFrom(original.Expression!)));
    }
}
