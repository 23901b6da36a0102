using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpTlsAnalyzers.CodeFixes.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.Internal;

/// <summary>Edits of one assignment that the TLS-setting fixes share: find it, set it to true, remove it.</summary>
internal static class AssignmentEditor
{
    /// <summary>The assignment whose span is exactly <paramref name="span"/>, or null.</summary>
    public static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        return root.FindNode(span, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment && assignment.Span == span ? assignment : null;
    }

    public static AssignmentExpressionSyntax WithValue(AssignmentExpressionSyntax assignment, ExpressionSyntax value) =>
        SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            assignment.Left,
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTriviaFrom(assignment.OperatorToken),
            value.WithTriviaFrom(assignment.Right));

    public static AssignmentExpressionSyntax WithTrue(AssignmentExpressionSyntax assignment) =>
        WithValue(assignment, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));

    /// <summary>True when <see cref="Remove"/> can take the assignment out: a statement or an initializer member.</summary>
    public static bool CanRemove(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is ExpressionStatementSyntax or InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } &&
        !StatementRemoval.HasDirectiveInside(assignment.Parent is ExpressionStatementSyntax statement ? (SyntaxNode?)RemovedIf(statement) ?? statement : assignment);

    /// <summary>
    /// The <c>if</c> that <see cref="Remove"/> takes out with the statement, when the statement is all it does: its body,
    /// or the one statement of its braces (a comment before the closing brace keeps it).
    /// </summary>
    private static IfStatementSyntax? RemovedIf(ExpressionStatementSyntax statement)
    {
        SyntaxNode body = statement.Parent is BlockSyntax { Statements.Count: 1 } block ? block : statement;
        return body.Parent is IfStatementSyntax { Else: null } ifStatement &&
            ifStatement.Statement == body && IsFreeOfEffects(ifStatement.Condition) && ifStatement.Parent is BlockSyntax or SwitchSectionSyntax &&
            (body == statement || !HasOwnCommentOrDirective(ifStatement, statement))
                ? ifStatement
                : null;
    }

    /// <summary>
    /// A comment of the braced <c>if</c> outside the statement (<c>if (x) // staging only</c>, a comment before its
    /// closing brace) or a directive anywhere in it (an <c>#if</c> region): the <c>if</c> stays, emptied.
    /// </summary>
    private static bool HasOwnCommentOrDirective(IfStatementSyntax ifStatement, SyntaxNode statement) =>
        ifStatement.DescendantTrivia(descendIntoTrivia: false).Any(trivia =>
            (trivia.IsDirective || IsComment(trivia) && !statement.FullSpan.Contains(trivia.Span)) &&
            trivia.SpanStart >= ifStatement.SpanStart && trivia.SpanStart < ifStatement.FullSpan.End);

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    /// <summary>
    /// Removes the assignment: the statement from its block, the member from its object initializer. A statement that
    /// is the body of an <c>if</c> or a loop becomes an empty block, so the code around it still compiles.
    /// </summary>
    public static SyntaxNode Remove(SyntaxNode root, AssignmentExpressionSyntax assignment)
    {
        switch (assignment.Parent)
        {
            case ExpressionStatementSyntax statement when RemovedIf(statement) is { } ifStatement:
                // `if (disableChecks) client.X = ...;` has nothing left to do.
                return RemoveStatement(root, ifStatement);
            case ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement:
                return RemoveStatement(root, statement);
            case ExpressionStatementSyntax { Parent: GlobalStatementSyntax global }:
                return RemoveStatement(root, global);
            case ExpressionStatementSyntax statement:
                var emptyBlock = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    default,
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList()));
                return root.ReplaceNode(statement, emptyBlock.WithTriviaFrom(statement));
            case InitializerExpressionSyntax initializer:
                return root.ReplaceNode(initializer, RemoveMember(initializer, assignment));
            default:
                return root;
        }
    }

    private static readonly StatementRemoval Removal = new(
        (int)SyntaxKind.EndOfLineTrivia,
        (int)SyntaxKind.WhitespaceTrivia,
        (int)SyntaxKind.DisabledTextTrivia,
        static next => next is StatementSyntax or GlobalStatementSyntax,
        static trivia => trivia.Kind() is SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia);

    private static SyntaxNode RemoveStatement(SyntaxNode root, SyntaxNode statement) => Removal.Remove(root, statement);

    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }

    public static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(Remove(root, assignment));
    }

    /// <summary>A condition made of names, literals and operators on them: evaluating it changes nothing.</summary>
    private static bool IsFreeOfEffects(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax => true,
        MemberAccessExpressionSyntax memberAccess => IsFreeOfEffects(memberAccess.Expression),
        ThisExpressionSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsFreeOfEffects(parenthesized.Expression),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => IsFreeOfEffects(not.Operand),
        BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
            => IsFreeOfEffects(binary.Left) && IsFreeOfEffects(binary.Right),
        _ => false,
    };

    private static InitializerExpressionSyntax RemoveMember(InitializerExpressionSyntax initializer, ExpressionSyntax member)
    {
        var expressions = initializer.Expressions;
        var index = expressions.IndexOf(member);
        var leading = member.GetLeadingTrivia();

        // Beside directives, the member before keeps its comma: another build's members may follow it (a trailing
        // comma is allowed).
        var keepComma = DirectiveTrivia.HoldsDirectives(leading) || DirectiveTrivia.HoldsDirectives(initializer.CloseBraceToken.LeadingTrivia);
        var items = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < expressions.Count; i++)
        {
            if (i == index)
            {
                continue;
            }

            var hasSeparator = i < expressions.SeparatorCount;
            if (i == index - 1 && index == expressions.Count - 1 && index >= expressions.SeparatorCount && !keepComma)
            {
                // The removed member was the last one and had no comma: the new last one gives up its comma and
                // keeps what followed that comma (a comment about itself, the line break).
                items.Add(expressions[i].WithTrailingTrivia(expressions[i].GetTrailingTrivia().AddRange(expressions.GetSeparator(i).TrailingTrivia)));
                continue;
            }

            items.Add(expressions[i]);
            if (hasSeparator)
            {
                items.Add(expressions.GetSeparator(i));
            }
        }

        var result = initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        if (!DirectiveTrivia.HoldsDirectives(leading))
        {
            return result;
        }

        // Directives above the member, and the code they leave out of this compilation, stay: they go to what follows
        // it (the next member, or the closing brace), without the member's own indentation.
        var kept = leading.Take(DirectiveTrivia.IndentationStart(leading));
        if (index + 1 < expressions.Count)
        {
            var next = result.Expressions[index];
            return result.ReplaceNode(next, next.WithLeadingTrivia(kept.Concat(next.GetLeadingTrivia())));
        }

        return result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(kept.Concat(result.CloseBraceToken.LeadingTrivia)));
    }
}
