using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.CodeFixes.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// Takes an assignment statement or a <c>.Member = value</c> of a With initializer out of Visual Basic code. A
/// statement must be alone on its line in a block of statements, or the only statement of a single-line
/// <c>If ... Then</c> without Else whose condition has no effects (the <c>If</c> goes too): anywhere else, removing it
/// would leave a line that does not compile, and nothing is removed.
/// </summary>
internal static class AssignmentRemover
{
    private static readonly StatementRemoval Removal = new(
        (int)SyntaxKind.EndOfLineTrivia,
        (int)SyntaxKind.WhitespaceTrivia,
        (int)SyntaxKind.DisabledTextTrivia,
        static next => next is ExecutableStatementSyntax or LocalDeclarationStatementSyntax,
        static trivia => trivia.Kind() is SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElseIfDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia);

    /// <summary>True when <see cref="RemoveAsync"/> can take the assignment out.</summary>
    public static bool CanRemove(SyntaxNode assignment) => assignment switch
    {
        NamedFieldInitializerSyntax { Parent: ObjectMemberInitializerSyntax { Parent: ObjectCreationExpressionSyntax } } => true,
        AssignmentStatementSyntax statement => StatementToRemove(statement) is { } removed && !StatementRemoval.HasDirectiveInside(removed),
        _ => false,
    };

    public static async Task<Document> RemoveAsync(Document document, SyntaxNode assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        switch (assignment)
        {
            case NamedFieldInitializerSyntax { Parent: ObjectMemberInitializerSyntax { Parent: ObjectCreationExpressionSyntax creation } initializer } member:
                return document.WithSyntaxRoot(root.ReplaceNode(creation, RemoveMember(creation, initializer, member)));
            case AssignmentStatementSyntax statement when StatementToRemove(statement) is { } removed:
                return document.WithSyntaxRoot(Removal.Remove(root, removed));
            default:
                return document;
        }
    }

    /// <summary>The statement to remove with the assignment: itself, or the single-line If it is the body of.</summary>
    private static StatementSyntax? StatementToRemove(AssignmentStatementSyntax statement)
    {
        StatementSyntax removed = statement;
        if (statement.Parent is SingleLineIfStatementSyntax { ElseClause: null } ifStatement &&
            ifStatement.Statements.Count == 1 && IsFreeOfEffects(ifStatement.Condition))
        {
            // `If disableChecks Then client.X = ...` has nothing left to do.
            removed = ifStatement;
        }
        else if (statement.Parent is MultiLineIfBlockSyntax { ElseBlock: null, ElseIfBlocks.Count: 0, Statements.Count: 1 } ifBlock &&
            IsFreeOfEffects(ifBlock.IfStatement.Condition) &&
            !ifBlock.DescendantTrivia(descendIntoTrivia: false).Any(t =>
                (t.IsDirective || t.IsKind(SyntaxKind.CommentTrivia) && !statement.FullSpan.Contains(t.Span)) &&
                t.SpanStart >= ifBlock.SpanStart && t.SpanStart < ifBlock.FullSpan.End))
        {
            // The same written as a block (a comment or directive of its own, outside the statement, keeps it).
            removed = ifBlock;
        }

        return removed.Parent is not (SingleLineIfStatementSyntax or SingleLineElseClauseSyntax or SingleLineLambdaExpressionSyntax) &&
            IsAloneOnItsLine(removed)
            ? removed
            : null;
    }

    /// <summary>No other statement shares the line (<c>a = 1 : b = 2</c>), so the line can go with the statement.</summary>
    private static bool IsAloneOnItsLine(StatementSyntax statement)
    {
        var previous = statement.GetFirstToken().GetPreviousToken();
        var startsLine = previous.IsKind(SyntaxKind.None) || previous.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return startsLine &&
            !statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.ColonTrivia)) &&
            !statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.ColonTrivia));
    }

    /// <summary>A condition made of names, literals and operators on them: evaluating it changes nothing.</summary>
    private static bool IsFreeOfEffects(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or MeExpressionSyntax => true,
        MemberAccessExpressionSyntax { Expression: { } target } => IsFreeOfEffects(target),
        ParenthesizedExpressionSyntax parenthesized => IsFreeOfEffects(parenthesized.Expression),
        UnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.NotExpression) => IsFreeOfEffects(negation.Operand),
        BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.AndAlsoExpression or SyntaxKind.OrElseExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
            => IsFreeOfEffects(binary.Left) && IsFreeOfEffects(binary.Right),
        _ => false,
    };

    /// <summary>The creation without the member; without its With clause when that was the only member (<c>With {}</c> does not compile).</summary>
    private static ObjectCreationExpressionSyntax RemoveMember(ObjectCreationExpressionSyntax creation, ObjectMemberInitializerSyntax initializer, FieldInitializerSyntax member)
    {
        var members = initializer.Initializers;
        if (members.Count == 1)
        {
            var bare = creation.WithInitializer(null);
            var last = bare.GetLastToken();
            return bare.ReplaceToken(last, last.WithTrailingTrivia(initializer.GetTrailingTrivia()));
        }

        var index = members.IndexOf(member);
        var items = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < members.Count; i++)
        {
            if (i == index)
            {
                continue;
            }

            if (i == index - 1 && index == members.Count - 1)
            {
                // The removed member was the last one: the new last one gives up its comma, and keeps what followed
                // that comma when it is more than a space (a comment about itself, the line break).
                var separatorTrivia = members.GetSeparator(i).TrailingTrivia;
                var kept = separatorTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ? members[i].GetTrailingTrivia() : members[i].GetTrailingTrivia().AddRange(separatorTrivia);
                items.Add(members[i].WithTrailingTrivia(kept));
                continue;
            }

            items.Add(members[i]);
            if (i < members.SeparatorCount)
            {
                items.Add(members.GetSeparator(i));
            }
        }

        return creation.WithInitializer(initializer.WithInitializers(SyntaxFactory.SeparatedList<FieldInitializerSyntax>(items)));
    }
}
