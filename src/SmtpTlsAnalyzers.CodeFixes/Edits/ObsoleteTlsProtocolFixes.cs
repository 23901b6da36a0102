using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SmtpTlsAnalyzers.CodeFixes.Internal;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>
/// SMTP008: "Remove obsolete protocol versions" keeps the TLS 1.2/1.3 flags of the value (none left: the value that
/// lets the operating system choose; a <c>|=</c> that added only obsolete flags is removed). "Let the operating system
/// choose the protocol" assigns <c>SslProtocols.None</c> / <c>SecurityProtocolType.SystemDefault</c>.
/// </summary>
internal sealed class ObsoleteTlsProtocolFixes : CodeFixProvider
{
    public const string DropObsoleteKey = "SMTP008_RemoveObsoleteProtocols";
    public const string UseSystemDefaultKey = "SMTP008_UseSystemDefault";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ObsoleteProtocolAllowed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != DiagnosticProperties.ObsoleteBits ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.RemainingBits, out var remainingText) ||
                !ulong.TryParse(remainingText, NumberStyles.None, CultureInfo.InvariantCulture, out var remaining) ||
                !root.FullSpan.Contains(span) ||
                root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionSyntax>() is not { } value ||
                value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value ||
                model.GetTypeInfo(assignment.Left, context.CancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ||
                ProtocolMask.FindDefault(enumType) is not { } osDefault)
            {
                continue;
            }

            var osDefaultValue = Member(enumType, osDefault);
            // `x = x | Tls11` adds to the current value like `|=`; with modern flags among its operands, rewriting
            // them is left to the user (the second action still applies).
            var addsToCurrentValue = diagnostic.Properties.ContainsKey(DiagnosticProperties.AddsToCurrentValue);
            if (remaining == 0 && (addsToCurrentValue || assignment.IsKind(SyntaxKind.OrAssignmentExpression)))
            {
                if (AssignmentEditor.CanRemove(assignment))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove obsolete protocol versions", ct => AssignmentEditor.RemoveAsync(context.Document, assignment, ct), DropObsoleteKey),
                        diagnostic);
                }
            }
            else if (!addsToCurrentValue && (remaining == 0 ? osDefaultValue : Compose(enumType, remaining)) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove obsolete protocol versions", ct => AssignmentEditor.ReplaceAsync(context.Document, value, replacement.WithTriviaFrom(value), ct), DropObsoleteKey),
                    diagnostic);
            }

            var systemDefault = AssignmentEditor.WithValue(assignment, osDefaultValue);
            context.RegisterCodeFix(
                CodeAction.Create("Let the operating system choose the protocol", ct => AssignmentEditor.ReplaceAsync(context.Document, assignment, systemDefault, ct), UseSystemDefaultKey),
                diagnostic);
        }
    }

    /// <summary><c>Tls12 | Tls13</c> for the kept bits, spelled by <see cref="ProtocolMask.Members"/>.</summary>
    private static ExpressionSyntax? Compose(INamedTypeSymbol enumType, ulong bits)
    {
        if (ProtocolMask.Members(enumType, bits) is not { } members)
        {
            return null;
        }

        var parts = members.Select(field => Member(enumType, field)).ToList();
        var result = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, result, parts[i]);
        }

        return result;
    }

    private static ExpressionSyntax Member(INamedTypeSymbol enumType, IFieldSymbol field) =>
        SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name)
            .WithAdditionalAnnotations(Simplifier.Annotation);
}
