using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Languages;

/// <summary><see cref="LanguageSyntax"/> for Visual Basic.</summary>
internal sealed class VisualBasicSyntax : LanguageSyntax
{
    public static readonly VisualBasicSyntax Instance = new();

    private VisualBasicSyntax()
        : base(LanguageNames.VisualBasic)
    {
    }

    /// <summary>Visual Basic identifiers ignore case: <c>client.enablessl = false</c> writes EnableSsl.</summary>
    public override bool IgnoresCase => true;

    public override IEnumerable<SyntaxNode> OperationRoots(SyntaxNode root, CancellationToken cancellationToken)
    {
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or NamespaceBlockSyntax or TypeBlockSyntax or PropertyBlockSyntax or EventBlockSyntax or PropertyStatementSyntax or FieldDeclarationSyntax or VariableDeclaratorSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case MethodBlockBaseSyntax:
                case EqualsValueSyntax { Parent: VariableDeclaratorSyntax { Parent: FieldDeclarationSyntax } or PropertyStatementSyntax }:
                case AsNewClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: FieldDeclarationSyntax } or PropertyStatementSyntax }:
                    yield return node;
                    break;
            }
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public override void AddDeclaredTypeNames(SyntaxNode root, ISet<string> names, CancellationToken cancellationToken)
    {
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or NamespaceBlockSyntax or TypeBlockSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case TypeBlockSyntax type:
                    names.Add(type.BlockStatement.Identifier.ValueText);
                    break;
                case EnumBlockSyntax type:
                    names.Add(type.EnumStatement.Identifier.ValueText);
                    break;
                case DelegateStatementSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
            }
        }
    }

    public override bool IsLiteral(SyntaxNode node) => node is LiteralExpressionSyntax;

    public override bool HasArgumentList(SyntaxNode invocation) => invocation is InvocationExpressionSyntax { ArgumentList: not null };

    public override int ArgumentIndex(SyntaxNode invocation, SyntaxNode argument) =>
        invocation is InvocationExpressionSyntax { ArgumentList: { } list } && argument is ArgumentSyntax syntax
            ? list.Arguments.IndexOf(syntax)
            : -1;

    public override bool IsCallbackDeclaration(SyntaxNode declaration) =>
        declaration is LambdaExpressionSyntax || IsMethodDeclaration(declaration);

    public override SyntaxNode? FieldInitializerValue(SyntaxNode declarator) =>
        declarator is ModifiedIdentifierSyntax { Parent: VariableDeclaratorSyntax variable } && variable.Names.Count == 1
            ? variable.Initializer?.Value ?? (variable.AsClause as AsNewClauseSyntax)?.NewExpression
            : null;

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
        declaration is MethodBlockSyntax || declaration is MethodStatementSyntax { Parent: MethodBlockSyntax };

    /// <summary>
    /// A method (a Sub, a Function, a Sub New, an accessor) and a type are declared by their statements; the block
    /// around the statement holds the body, or the members.
    /// </summary>
    public override SyntaxNode DeclarationBlock(SyntaxNode declaration) => declaration switch
    {
        MethodBaseSyntax { Parent: MethodBlockBaseSyntax block } => block,
        TypeStatementSyntax { Parent: TypeBlockSyntax block } => block,
        _ => declaration,
    };

    public override bool IsWithBlock(SyntaxNode node) => node is WithBlockSyntax or WithStatementSyntax;

    public override bool HasUnstructuredErrorHandling(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is OnErrorGoToStatementSyntax or OnErrorResumeNextStatementSyntax or ResumeStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first line of the node, for a node written over several lines (a multi-line lambda, an object initializer).
    /// The Visual Basic compiler prints every source line a diagnostic covers under it, and MSBuild takes a printed line
    /// that reads like a message of its own (<c>Log("TLS error: " &amp; e)</c>) for an error and fails the build. The
    /// first line starts where the node does, so a fix that looks for the node from the location still finds it.
    /// </summary>
    public override Location ReportLocation(SyntaxNode node) => Location.Create(node.SyntaxTree, FirstLineSpan.Of(node));

    /// <summary>
    /// A lambda without parameters (<c>Function() True</c>): Visual Basic relaxes it to any delegate, as C# does an
    /// anonymous method without a parameter list.
    /// </summary>
    public override bool IsParameterlessAnonymousMethod(SyntaxNode node) =>
        node is LambdaExpressionSyntax { SubOrFunctionHeader.ParameterList: null or { Parameters.Count: 0 } };

    public override bool ReturnsOnlyTrue(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var block = declaration as MethodBlockSyntax ?? declaration.Parent as MethodBlockSyntax;
        if (block is null || block.Statements.Count == 0 || block.Statements[block.Statements.Count - 1] is not ReturnStatementSyntax last || !IsTrueLiteral(last.Expression))
        {
            return false;
        }

        foreach (var node in block.DescendantNodes(n => n is not LambdaExpressionSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case ReturnStatementSyntax ret when !IsTrueLiteral(ret.Expression):
                case ThrowStatementSyntax:
                // Exit Function returns the function's own variable, False unless the body assigns it.
                case ExitStatementSyntax exit when exit.IsKind(SyntaxKind.ExitFunctionStatement):
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
            if (token.IsKind(SyntaxKind.IdentifierToken) && string.Equals(token.ValueText, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
