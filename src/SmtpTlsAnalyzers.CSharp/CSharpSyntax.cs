using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpTlsAnalyzers.Languages;

/// <summary><see cref="LanguageSyntax"/> for C#.</summary>
internal sealed class CSharpSyntax : LanguageSyntax
{
    public static readonly CSharpSyntax Instance = new();

    private CSharpSyntax()
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

    public override bool IsLiteral(SyntaxNode node) => node is LiteralExpressionSyntax;

    public override bool HasArgumentList(SyntaxNode invocation) => invocation is InvocationExpressionSyntax;

    public override int ArgumentIndex(SyntaxNode invocation, SyntaxNode argument) =>
        invocation is InvocationExpressionSyntax { ArgumentList: var list } && argument is ArgumentSyntax syntax
            ? list.Arguments.IndexOf(syntax)
            : -1;

    public override bool IsCallbackDeclaration(SyntaxNode declaration) =>
        declaration is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax;

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
