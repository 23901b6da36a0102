using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>The small pieces of Visual Basic syntax the fixes write, and the clean-up after an edit.</summary>
internal static class VisualBasicEdit
{
    public static ExpressionSyntax True() => SyntaxFactory.TrueLiteralExpression(SyntaxFactory.Token(SyntaxKind.TrueKeyword));

    /// <summary>A fully qualified name the clean-up shortens, adding an Imports when that is what it takes.</summary>
    public static ExpressionSyntax Qualified(string name) =>
        SyntaxFactory.ParseExpression("Global." + name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>The right-hand side of an assignment statement or of a <c>.Member = value</c> in a With initializer.</summary>
    public static ExpressionSyntax? AssignedValue(SyntaxNode node) => node switch
    {
        AssignmentStatementSyntax assignment => assignment.Right,
        NamedFieldInitializerSyntax field => field.Expression,
        _ => null,
    };

    /// <summary>
    /// The assignment statement or initializer member a diagnostic was reported at: its span is exactly
    /// <paramref name="span"/>, or its first line is, for one written over several lines (<see cref="FirstLineSpan"/>).
    /// </summary>
    public static SyntaxNode? FindAssignment(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        for (var node = root.FindNode(span, getInnermostNodeForTie: true); node is not null && node.SpanStart == span.Start; node = node.Parent)
        {
            if (AssignedValue(node) is not null && (node.Span == span || FirstLineSpan.Of(node) == span))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>
    /// The expression a diagnostic was reported at: the outermost one that starts there and whose first line is the
    /// span (<see cref="FirstLineSpan"/>), so that a mask continued with <c> _</c> after its first operand is found
    /// whole rather than as that operand.
    /// </summary>
    public static ExpressionSyntax? FindReportedExpression(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span) || root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionSyntax>() is not { } value)
        {
            return null;
        }

        while (value.Parent is ExpressionSyntax parent && parent.SpanStart == span.Start && FirstLineSpan.Of(parent) == span)
        {
            value = parent;
        }

        return value;
    }

    public static Task<Document> SetTrueAsync(Document document, SyntaxNode assignment, CancellationToken cancellationToken) =>
        ReplaceAsync(document, AssignedValue(assignment)!, True().WithTriviaFrom(AssignedValue(assignment)!), cancellationToken);

    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : await CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the Imports the new names need, shortens them and formats what the edit wrote.</summary>
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
