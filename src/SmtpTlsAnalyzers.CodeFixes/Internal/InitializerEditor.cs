using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpTlsAnalyzers.CodeFixes.Internal;

/// <summary>Adds a member assignment to an object creation's initializer, creating the initializer if needed.</summary>
internal static class InitializerEditor
{
    /// <summary>
    /// False when the initializer holds code an <c>#if</c> leaves out of this compilation: what another build sets there
    /// (the same member, which would then be set twice and not compile, or a pickup directory) is not known.
    /// </summary>
    public static bool CanAdd(BaseObjectCreationExpressionSyntax creation) =>
        creation.Initializer is not { } initializer ||
        !initializer.DescendantTrivia(descendIntoTrivia: false).Any(static t => t.IsKind(SyntaxKind.DisabledTextTrivia));

    public static BaseObjectCreationExpressionSyntax AddAssignment(BaseObjectCreationExpressionSyntax creation, string memberName, ExpressionSyntax value)
    {
        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(memberName),
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
            value.WithoutTrivia());

        if (creation.Initializer is not { } initializer)
        {
            // `new SmtpClient(host)` becomes `new SmtpClient(host) { EnableSsl = true }` on the same line.
            var trailing = creation.GetTrailingTrivia();
            var bare = creation.WithoutTrailingTrivia();
            var created = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(trailing));
            return bare.WithInitializer(created);
        }

        return creation.WithInitializer(Append(initializer, assignment));
    }

    private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax assignment)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia())
                .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia());
        }

        var multiline = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var hasTrailingSeparator = expressions.SeparatorCount == expressions.Count;
        var items = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var isLast = i == expressions.Count - 1;
            if (isLast && !hasTrailingSeparator)
            {
                // The old last element gets a comma; its line break moves after the comma.
                items.Add(expression.WithoutTrailingTrivia());
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? expression.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            }
            else
            {
                items.Add(expression);
                items.Add(expressions.GetSeparator(i));
            }
        }

        if (multiline)
        {
            var indentation = expressions[0].GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            var added = assignment.WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation));
            if (hasTrailingSeparator)
            {
                items.Add(added);
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(expressions.GetSeparator(expressions.Count - 1).TrailingTrivia));
            }
            else
            {
                // Only the line break: a comment at the end of the old last line stays with that line.
                items.Add(added.WithTrailingTrivia(expressions.Last().GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia))));
            }
        }
        else
        {
            items.Add(assignment.WithTrailingTrivia(hasTrailingSeparator ? SyntaxFactory.TriviaList() : expressions.Last().GetTrailingTrivia()));
            if (hasTrailingSeparator)
            {
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }
        }

        var result = initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        var beforeBrace = initializer.CloseBraceToken.LeadingTrivia;
        if (!multiline || !DirectiveTrivia.HoldsDirectives(beforeBrace))
        {
            return result;
        }

        // The last members sit in an #if region that ends above the closing brace: the new member goes after the
        // region, so it holds in every build, and the brace keeps only its indentation.
        var region = DirectiveTrivia.IndentationStart(beforeBrace);

        var addedMember = result.Expressions.Last();
        result = result.ReplaceNode(addedMember, addedMember.WithLeadingTrivia(beforeBrace.Take(region).Concat(addedMember.GetLeadingTrivia())));
        return result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(beforeBrace.Skip(region)));
    }
}
