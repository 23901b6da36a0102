using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Languages;

/// <summary><see cref="LanguageSyntax"/> for C#.</summary>
internal sealed class CSharpSyntax : LanguageSyntax
{
    public static readonly CSharpSyntax Instance = new();

    private CSharpSyntax()
        : base(LanguageNames.CSharp)
    {
    }

    public override IEnumerable<SyntaxNode> OperationRoots(SyntaxNode root, CancellationToken cancellationToken)
    {
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    // Top-level statements: one body for the whole file.
                    yield return unit;
                    break;
                }
            }
        }

        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax or VariableDeclaratorSyntax or BaseListSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax }:
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax }:
                case PrimaryConstructorBaseTypeSyntax:
                    yield return node;
                    break;
            }
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public override void AddDeclaredTypeNames(SyntaxNode root, ISet<string> names, CancellationToken cancellationToken)
    {
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    // Top-level statements are the body of a type the compiler declares, named Program.
                    names.Add(WellKnownMemberNames.TopLevelStatementsEntryPointTypeName);
                    break;
                }
            }
        }

        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case BaseTypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
            }
        }
    }

    public override bool IsLiteral(SyntaxNode node) => node is LiteralExpressionSyntax;

    public override bool HasArgumentList(SyntaxNode invocation) => invocation is InvocationExpressionSyntax;

    public override int ArgumentIndex(SyntaxNode invocation, SyntaxNode argument) =>
        invocation is InvocationExpressionSyntax { ArgumentList: var list } && argument is ArgumentSyntax syntax
            ? list.Arguments.IndexOf(syntax)
            : -1;

    public override bool IsCallbackDeclaration(SyntaxNode declaration) =>
        declaration is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax;

    public override SyntaxNode? FieldInitializerValue(SyntaxNode declarator) =>
        declarator is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value : null;

    public override bool TryGetLiteralValue(SyntaxNode expression, out object? value)
    {
        value = null;
        if (expression is not LiteralExpressionSyntax literal)
        {
            return false;
        }

        switch (literal.Kind())
        {
            case SyntaxKind.TrueLiteralExpression:
                value = true;
                return true;
            case SyntaxKind.FalseLiteralExpression:
                value = false;
                return true;
            case SyntaxKind.NumericLiteralExpression or SyntaxKind.StringLiteralExpression:
                value = literal.Token.Value;
                return value is not null;
            default:
                return false;
        }
    }

    public override bool IsMethodDeclaration(SyntaxNode declaration) =>
        declaration is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax;

    public override bool IsParameterlessAnonymousMethod(SyntaxNode node) =>
        node is AnonymousMethodExpressionSyntax { ParameterList: null };

    public override bool ReturnsOnlyTrue(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var (block, expression) = declaration switch
        {
            BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody?.Expression),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody?.Expression),
            _ => (null, null),
        };

        if (expression is not null)
        {
            return IsTrueLiteral(expression);
        }

        if (block is null || block.Statements.Count == 0 || block.Statements[block.Statements.Count - 1] is not ReturnStatementSyntax last || !IsTrueLiteral(last.Expression))
        {
            return false;
        }

        foreach (var node in block.DescendantNodes(n => n is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case ReturnStatementSyntax ret when !IsTrueLiteral(ret.Expression):
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return false;
            }
        }

        return true;
    }

    private static bool IsTrueLiteral(ExpressionSyntax? expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is not null && expression.IsKind(SyntaxKind.TrueLiteralExpression);
    }

    public override bool NamesIdentifier(SyntaxNode node, string name, CancellationToken cancellationToken)
    {
        foreach (var token in node.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}
