using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// A call that only writes a log: a method of <c>System.Console</c>, <c>System.Diagnostics.Debug</c> or
    /// <c>Trace</c>, or of the Microsoft.Extensions.Logging, Serilog, NLog or log4net namespaces, with no <c>ref</c> or
    /// <c>out</c> argument. It decides nothing a certificate callback returns.
    /// </summary>
    public static bool IsLoggingCall(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { RefKind: not RefKind.None and not RefKind.In })
            {
                return false;
            }
        }

        var type = call.TargetMethod.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type.Name == "Console" ||
            type.ContainingNamespace is { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && type.Name is "Debug" or "Trace")
        {
            return true;
        }

        var root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root?.Name switch
        {
            "Serilog" or "NLog" or "log4net" => true,
            "Microsoft" => type.ContainingNamespace is { Name: "Logging", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } },
            _ => false,
        };
    }

    /// <summary>A method marked <c>[DoesNotReturn]</c> (a throw helper, <c>Environment.FailFast</c>): calling it throws.</summary>
    public static bool DoesNotReturn(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "DoesNotReturnAttribute", ContainingNamespace: { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
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
    /// What a call of a method of the same file returns: the value of each reachable <c>return</c> of its body, in
    /// source order (an async method's for an awaited call), and for a Visual Basic function that ends without
    /// <c>Return</c>, each value written to its variable that reaches the end.
    /// <see cref="ReturnedValues.OthersPossible"/> when the code does not show every value: the method can be
    /// overridden, or the function's variable may end unwritten (its default). Null when the body is not visible (another file,
    /// another assembly, an interface or abstract member), for an iterator, for an async method's call that is not
    /// awaited, and when the call passes a constant to a parameter the body reads (the constant picks among the
    /// returns, which is not followed here).
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

        if (!Returned.TryGetValue(body, out var returned))
        {
            var read = ReadReturns(body, cancellationToken);
            returned = Returned.GetValue(body, _ => read);
        }

        if (returned.Values is null)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && returned.ReadsParameter(parameter.Ordinal) &&
                ValueResolver.TryGetConstant(argument.Value, out _, cancellationToken))
            {
                return null;
            }
        }

        return new ReturnedValues(returned.Values, othersPossible || returned.OthersPossible);
    }

    private static readonly ConditionalWeakTable<IOperation, BodyReturns> Returned = new();

    private static BodyReturns ReadReturns(IOperation body, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        var othersPossible = false;
        var exit = VisualBasicFunctionExit.Of(body);
        var closingReached = false;
        foreach (var operation in OwnOperations(body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                    return new BodyReturns(null, false, 0);
                case IReturnOperation closing when exit is not null && closing == exit.Return:
                    closingReached |= exit.FallsOffTheEnd;
                    break;
                case IBranchOperation branch when exit is not null && exit.IsExit(branch):
                    closingReached = true;
                    break;
                case IReturnOperation { ReturnedValue: { } value } returned when IsReachable(returned):
                    values.Add(value);
                    break;
            }
        }

        if (closingReached)
        {
            // A Visual Basic function that ends without Return gives its own variable: the values written to it that
            // reach the end, and its default when it may be unwritten.
            values.AddRange(exit!.ValuesAtClose(body, out var defaultReaches, cancellationToken));
            othersPossible |= defaultReaches;
        }

        // Parameters read anywhere in the body, its lambdas included (a factory's callback may read them).
        ulong readParameters = 0;
        foreach (var operation in body.Descendants())
        {
            if (operation is IParameterReferenceOperation { Parameter.Ordinal: < 64 and var ordinal })
            {
                readParameters |= 1UL << ordinal;
            }
        }

        values.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return new BodyReturns(values, othersPossible, readParameters);
    }

    /// <summary>False for a <c>return</c> the compiler finds unreachable (after `if (false)` on a constant, for one).</summary>
    private static bool IsReachable(IReturnOperation returned)
    {
        if (returned.IsImplicit || returned.SemanticModel is not { } model)
        {
            return true;
        }

        try
        {
            return model.AnalyzeControlFlow(returned.Syntax) is not { Succeeded: true, StartPointIsReachable: false };
        }
        catch (System.ArgumentException)
        {
            // A statement the flow analysis does not take alone: counted.
            return true;
        }
    }

    /// <summary>What a body returns, read once per body; <see cref="Values"/> is null for an iterator.</summary>
    private sealed class BodyReturns
    {
        private readonly ulong _readParameters;

        public BodyReturns(List<IOperation>? values, bool othersPossible, ulong readParameters)
        {
            Values = values;
            OthersPossible = othersPossible;
            _readParameters = readParameters;
        }

        public List<IOperation>? Values { get; }

        public bool OthersPossible { get; }

        /// <summary>Whether the body reads the parameter; a parameter past the 64th is taken as read.</summary>
        public bool ReadsParameter(int ordinal) => ordinal >= 64 || (_readParameters & (1UL << ordinal)) != 0;
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
