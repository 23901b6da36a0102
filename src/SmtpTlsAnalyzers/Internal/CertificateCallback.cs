using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The visible body of a certificate validation callback: a lambda, an anonymous method, a local function or a
/// method of the compilation, reached directly, through <c>new RemoteCertificateValidationCallback(x)</c>, or through
/// a local or readonly field written once. A body that is not visible (a parameter, a property, a method of another
/// assembly, a method declared in another file whose body cannot be bound here) resolves to nothing.
/// </summary>
internal sealed class CertificateCallback
{
    private const int MaxDepth = 6;

    private CertificateCallback(IMethodSymbol? signature, IOperation? body, SyntaxNode declaration)
    {
        Signature = signature;
        Body = body;
        Declaration = declaration;
    }

    /// <summary>The method whose parameters the callback receives (null for a parameterless anonymous method).</summary>
    public IMethodSymbol? Signature { get; }

    /// <summary>The bound body; null when only the syntax is available (a method declared in another file).</summary>
    public IOperation? Body { get; }

    /// <summary>The lambda, anonymous method, local function or method declaration.</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>Follows a delegate-typed value to the callback it creates.</summary>
    public static CertificateCallback? Resolve(IOperation? value, CancellationToken cancellationToken) =>
        Resolve(value, 0, cancellationToken);

    private static CertificateCallback? Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
    {
        value = ValueResolver.SkipImplicitConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        switch (value)
        {
            case IDelegateCreationOperation creation:
                return Resolve(creation.Target, depth + 1, cancellationToken);
            case IConversionOperation { OperatorMethod: null } cast:
                return Resolve(cast.Operand, depth + 1, cancellationToken);
            case IAnonymousFunctionOperation lambda:
                var parameterless = LanguageSyntax.Of(lambda.Syntax)?.IsParameterlessAnonymousMethod(lambda.Syntax) == true;
                return new CertificateCallback(parameterless ? null : lambda.Symbol, lambda.Body, lambda.Syntax);
            case IMethodReferenceOperation methodReference:
                return FromMethod(methodReference.Method, methodReference.SemanticModel, cancellationToken);
            case ILocalReferenceOperation local:
                return Resolve(ValueResolver.FindSingleWrite(local, cancellationToken), depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return Resolve(ValueResolver.FindReadOnlyFieldInitializer(field, cancellationToken), depth + 1, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The body of a method of the compilation; bound when it is in the file being analyzed.</summary>
    public static CertificateCallback? FromMethod(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
    {
        // The body's parameter references point at the original definition; a reduced extension method would also
        // shift the parameters by one, so such a callback is left alone.
        if (method.ReducedFrom is not null)
        {
            return null;
        }

        if (MethodBodies.Declaration(ref method, cancellationToken) is not { } declaration)
        {
            return null;
        }

        if (model is not null && model.SyntaxTree == declaration.SyntaxTree)
        {
            var body = MethodBodies.Bind(declaration, model, cancellationToken);
            return body is null ? null : new CertificateCallback(method, body, declaration);
        }

        // Another file: binding it would need a second semantic model. Only the plainest bodies are read.
        return new CertificateCallback(method, null, declaration);
    }

    /// <summary>Which parameter is which: sender, certificate, chain (or request), errors (or problem).</summary>
    public IParameterSymbol? Parameter(int ordinal) =>
        Signature is { } s && s.Parameters.Length > ordinal ? s.Parameters[ordinal] : null;

    /// <summary>
    /// True when the read only feeds a logging call made as a statement of its own (<c>_log.LogDebug("... {E}",
    /// errors)</c>, see <see cref="MethodBodies.IsLoggingCall"/>): it decides nothing.
    /// </summary>
    private static bool IsOnlyLogged(IOperation read)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IExpressionStatementOperation { Operation: IInvocationOperation call }:
                    return MethodBodies.IsLoggingCall(call);
                case IAssignmentOperation or IDeclarationExpressionOperation or IIncrementOrDecrementOperation or IAnonymousFunctionOperation:
                case IExpressionStatementOperation or IBlockOperation or IReturnOperation or IConditionalOperation or IVariableInitializerOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Decides what the callback accepts. Certificate and chain are parameters 1 and 2, errors parameter 3.</summary>
    public CallbackVerdict Classify(CancellationToken cancellationToken)
    {
        if (Body is null)
        {
            return LanguageSyntax.Of(Declaration)?.ReturnsOnlyTrue(Declaration, cancellationToken) == true ? CallbackVerdict.AcceptsAll() : CallbackVerdict.Unknown;
        }

        var returns = new List<IReturnOperation>();
        var readsErrors = false;
        var readsCertificate = false;
        var throws = false;
        var errors = Parameter(3);
        var exit = VisualBasicFunctionExit.Of(Body);
        var exitsEarly = false;
        foreach (var operation in MethodBodies.OwnOperations(Body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IReturnOperation { IsImplicit: true, ReturnedValue: ILocalReferenceOperation { Local.IsFunctionValue: true } }:
                    // Visual Basic's closing return of the function's own variable: reached by Exit Function or by
                    // falling off the end, and read below.
                    break;
                case IReturnOperation { ReturnedValue: not null } ret:
                    returns.Add(ret);
                    break;
                case IThrowOperation:
                case IInvocationOperation invocation when MethodBodies.DoesNotReturn(invocation.TargetMethod):
                    throws = true;
                    break;
                case IBranchOperation { BranchKind: BranchKind.Break } branch when exit is not null && exit.IsExit(branch):
                    exitsEarly = true;
                    break;
            }
        }

        var closingReached = exit is not null && (exitsEarly || exit.FallsOffTheEnd);

        // Reads count wherever they are, nested lambdas included (`pins.Any(p => p == certificate.Thumbprint)`).
        foreach (var operation in Body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is not IParameterReferenceOperation parameter)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Parameter, errors))
            {
                readsErrors |= !IsOnlyLogged(parameter);
            }
            else if (parameter.Parameter.Ordinal is 1 or 2 && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, Signature))
            {
                readsCertificate = true;
            }
        }

        if (returns.Count == 0 && !closingReached)
        {
            return CallbackVerdict.Unknown;
        }

        var allTrue = true;
        var anyMaybeTrue = false;
        IOperation? flag = null;
        void Returned(IOperation value)
        {
            if (ValueResolver.TryGetBoolean(value, out var constant))
            {
                allTrue &= constant;
                anyMaybeTrue |= constant;
            }
            else
            {
                allTrue = false;
                anyMaybeTrue = true;
                flag ??= value;
            }
        }

        foreach (var ret in returns)
        {
            Returned(ret.ReturnedValue!);
        }

        if (closingReached)
        {
            // The function's variable holds False unless written on every path; each value that reaches the end may be
            // the one returned.
            var atClose = exit!.ValuesAtClose(Body, out var defaultReaches, cancellationToken);
            foreach (var value in atClose)
            {
                Returned(value);
            }

            allTrue &= !defaultReaches;
        }

        if (allTrue && !throws)
        {
            return CallbackVerdict.AcceptsAll();
        }

        if (readsCertificate)
        {
            // Pinning: the callback looks at who the server is.
            return CallbackVerdict.Unknown;
        }

        if (!readsErrors)
        {
            // Parameterless anonymous methods cannot read anything; their flags turn validation off as well. A callback
            // that may throw decides something the analyzer does not follow.
            if (!throws && anyMaybeTrue && flag is not null)
            {
                return CallbackVerdict.AcceptsAll(flag);
            }

            // `if (settings.TrustServer) return true; return false;` says the same as returning the setting: with it
            // off, no certificate passes, so mail works only with it on.
            return errors is not null && PolicyErrorsEvaluator.AcceptsEveryErrorWhen(Body, errors, cancellationToken, out var setting, out var settingValue)
                ? CallbackVerdict.AcceptsAll(setting, settingValue)
                : CallbackVerdict.Unknown;
        }

        // From here on the errors decide; a throw rejects the certificate on its path (PolicyErrorsEvaluator).

        if (errors is null || Signature is null)
        {
            return CallbackVerdict.Unknown;
        }

        // A validating callback that a setting widens (`e == SslPolicyErrors.None || options.AcceptAny`) is left alone:
        // with the setting off, as it is meant to be in production, it checks the certificate.
        return PolicyErrorsEvaluator.AcceptsEveryError(Body, errors, cancellationToken)
            ? CallbackVerdict.AcceptsAll()
            : PolicyErrorsEvaluator.FindToleratedErrors(Body, errors, cancellationToken);
    }
}

/// <summary>What a certificate callback accepts.</summary>
internal readonly struct CallbackVerdict
{
    private CallbackVerdict(CallbackVerdictKind kind, IOperation? flag, bool flagValue, string? toleratedErrors)
    {
        Kind = kind;
        Flag = flag;
        FlagValue = flagValue;
        ToleratedErrors = toleratedErrors;
    }

    public static CallbackVerdict Unknown => default;

    public CallbackVerdictKind Kind { get; }

    /// <summary>
    /// The setting the callback accepts everything on, if it does only then: the non-constant value returned by a
    /// callback that never reads the errors, or a condition that widens a validating callback.
    /// </summary>
    public IOperation? Flag { get; }

    /// <summary>The value of <see cref="Flag"/> for which the callback accepts everything.</summary>
    public bool FlagValue { get; }

    /// <summary>"a name mismatch", "chain errors" or both, for SMTP010.</summary>
    public string? ToleratedErrors { get; }

    public static CallbackVerdict AcceptsAll(IOperation? flag = null, bool flagValue = true) => new(CallbackVerdictKind.AcceptsAll, flag, flagValue, null);

    public static CallbackVerdict Tolerates(string errors) => new(CallbackVerdictKind.ToleratesErrors, null, false, errors);
}

/// <summary>Ordered from harmless to worst.</summary>
internal enum CallbackVerdictKind
{
    Unknown,
    ToleratesErrors,
    AcceptsAll,
}
