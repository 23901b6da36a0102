using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The body of a method or local function of the compilation, for a rule that follows a call or a method group into
/// it: its one declaration, and the bound body when that declaration is in the file being analyzed (another file would
/// need a second semantic model).
/// </summary>
internal static class MethodBodies
{
    /// <summary>
    /// The declaration of the method's implementation (a partial method's implementing part, a generic method's
    /// definition); null for a method with no body in source or with several declarations.
    /// </summary>
    public static SyntaxNode? Declaration(ref IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        method = method.PartialImplementationPart ?? method;
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        return LanguageSyntax.Of(declaration)?.IsMethodDeclaration(declaration) == true ? declaration : null;
    }

    /// <summary>The bound body of a declaration <see cref="Declaration"/> gave, when <paramref name="model"/> is of its file.</summary>
    public static IOperation? Bind(SyntaxNode declaration, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null || model.SyntaxTree != declaration.SyntaxTree)
        {
            return null;
        }

        return model.GetOperation(LanguageSyntax.Of(declaration)!.DeclarationBlock(declaration), cancellationToken) switch
        {
            IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
            ILocalFunctionOperation f => f.Body,
            IBlockOperation b => b, // Visual Basic binds a method block to its body's block.
            _ => null,
        };
    }

    /// <summary>The operations of the body, without those of nested lambdas and local functions.</summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                stack.Push(child);
            }
        }
    }

    /// <summary>
    /// What a call of a method of the same file returns: the value of each <c>return</c> of its body, in source order
    /// (an async method's for an awaited call). <see cref="ReturnedValues.OthersPossible"/> when the code does not show
    /// every value: the method can be overridden, or a Visual Basic function can end without <c>Return</c>. Null when
    /// the body is not visible (another file, another assembly, an interface or abstract member), for an iterator, and
    /// for an async method's call that is not awaited.
    /// </summary>
    public static ReturnedValues? Returns(IInvocationOperation invocation, bool awaited, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.ReturnsVoid || method.IsAsync != awaited)
        {
            return null;
        }

        method = method.ReducedFrom ?? method;
        // An override elsewhere may return anything; the code shows the values of this implementation only.
        var othersPossible = (method.IsVirtual || method.IsOverride && !method.IsSealed) && !method.ContainingType.IsSealed;
        if (Declaration(ref method, cancellationToken) is not { } declaration ||
            Bind(declaration, invocation.SemanticModel, cancellationToken) is not { } body)
        {
            return null;
        }

        var values = new List<IOperation>();
        var exit = VisualBasicFunctionExit.Of(body);
        foreach (var operation in OwnOperations(body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                    return null;
                case IReturnOperation closing when exit is not null && closing == exit.Return:
                    othersPossible |= exit.FallsOffTheEnd;
                    break;
                case IBranchOperation branch when exit is not null && exit.IsExit(branch):
                    othersPossible = true;
                    break;
                case IReturnOperation { ReturnedValue: { } value }:
                    values.Add(value);
                    break;
            }
        }

        values.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return new ReturnedValues(values, othersPossible);
    }
}

/// <summary>The values a method's <c>return</c> statements give, and whether it can return others.</summary>
internal sealed class ReturnedValues
{
    public ReturnedValues(IReadOnlyList<IOperation> values, bool othersPossible)
    {
        Values = values;
        OthersPossible = othersPossible;
    }

    public IReadOnlyList<IOperation> Values { get; }

    public bool OthersPossible { get; }
}
