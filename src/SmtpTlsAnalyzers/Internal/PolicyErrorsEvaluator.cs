using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Runs a certificate callback body for one value of its <c>SslPolicyErrors</c> parameter and tells what it returns.
/// Only straight-line code is followed: <c>if</c>/<c>else</c>, <c>switch</c> statements and expressions, blocks, locals,
/// returns, comparisons, masks, <c>HasFlag</c> and patterns; a <c>when</c> clause counts when its condition is known.
/// Statements with other effects (logging) are skipped; loops, calls whose result matters and anything else make the
/// answer unknown, and an unknown answer reports nothing.
/// </summary>
internal static class PolicyErrorsEvaluator
{
    private const ulong NameMismatch = 2;
    private const ulong ChainErrors = 4;
    private const ulong AllErrors = 7;
    private const int MaxSteps = 500;

    private static readonly object Unknown = new();

    /// <summary>SMTP010: the callback returns true for a name mismatch or chain errors.</summary>
    public static CallbackVerdict FindToleratedErrors(IOperation body, IParameterSymbol errors, CancellationToken cancellationToken)
    {
        var nameMismatch = Returns(body, errors, NameMismatch, cancellationToken) == true;
        var chainErrors = Returns(body, errors, ChainErrors, cancellationToken) == true;
        var both = Returns(body, errors, NameMismatch | ChainErrors, cancellationToken) == true;
        if (nameMismatch && chainErrors || both && !nameMismatch && !chainErrors)
        {
            return CallbackVerdict.Tolerates("a name mismatch or chain errors");
        }

        if (nameMismatch)
        {
            return CallbackVerdict.Tolerates("a name mismatch");
        }

        return chainErrors ? CallbackVerdict.Tolerates("chain errors") : CallbackVerdict.Unknown;
    }

    /// <summary>
    /// SMTP006: the body returns true for every combination of <c>SslPolicyErrors</c> flags, although it reads them
    /// (<c>e.HasFlag(SslPolicyErrors.None)</c> holds for every value: None has no bits). A certificate policy's problem
    /// is a number with no fixed set of values and is never asked.
    /// </summary>
    public static bool AcceptsEveryError(IOperation body, IParameterSymbol errors, CancellationToken cancellationToken)
    {
        return errors.Type.TypeKind == TypeKind.Enum &&
            ReturnsTrueForEveryError(body, errors, VisualBasicFunctionExit.Of(body), flag: null, flagValue: false, cancellationToken);
    }

    /// <summary>
    /// SMTP006 when a setting says so: the body returns true for every combination of flags once one condition that
    /// reads none of the callback's parameters (<c>if (settings.TrustServer) return true; return false;</c>, <c>if
    /// (strict) throw ...; return true;</c>) holds <paramref name="flagValue"/>. That condition is the first one the
    /// body cannot decide for a certificate with every error; every other condition must still be decided.
    /// </summary>
    public static bool AcceptsEveryErrorWhen(IOperation body, IParameterSymbol errors, CancellationToken cancellationToken, out IOperation? flag, out bool flagValue)
    {
        flagValue = true;
        var exit = VisualBasicFunctionExit.Of(body);
        var discovery = new Run(errors, AllErrors, exit, cancellationToken, flag: null, flagValue: false);
        discovery.Execute(body);
        flag = discovery.FirstFlag;
        if (flag is null || errors.Type.TypeKind != TypeKind.Enum)
        {
            flag = null;
            return false;
        }

        foreach (var assumed in new[] { true, false })
        {
            if (ReturnsTrueForEveryError(body, errors, exit, flag.Syntax, assumed, cancellationToken))
            {
                flagValue = assumed;
                return true;
            }
        }

        flag = null;
        return false;
    }

    /// <summary>Whether the body returns true for all eight combinations of error flags, all three first (the value a callback that checks anything refuses).</summary>
    private static bool ReturnsTrueForEveryError(IOperation body, IParameterSymbol errors, VisualBasicFunctionExit? exit, SyntaxNode? flag, bool flagValue, CancellationToken cancellationToken)
    {
        for (var value = AllErrors + 1; value-- > 0;)
        {
            var run = new Run(errors, value, exit, cancellationToken, flag, flagValue);
            if (run.Execute(body) != Outcome.Returned || run.Result is not true)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the body returns when the errors parameter holds <paramref name="value"/>; null when unknown.</summary>
    public static bool? Returns(IOperation body, IParameterSymbol errors, ulong value, CancellationToken cancellationToken)
    {
        var run = new Run(errors, value, VisualBasicFunctionExit.Of(body), cancellationToken, flag: null, flagValue: false);
        return run.Execute(body) == Outcome.Returned && run.Result is bool b ? b : null;
    }

    private enum Outcome
    {
        Continue,
        Returned,
        Break,
        Unknown,
    }

    private sealed class Run
    {
        private readonly IParameterSymbol _errors;
        private object _value;
        private readonly VisualBasicFunctionExit? _exit;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ILocalSymbol, object> _locals = new(SymbolEqualityComparer.Default);
        private readonly SyntaxNode? _flag;
        private readonly bool _flagValue;
        private int _steps;

        public Run(IParameterSymbol errors, ulong value, VisualBasicFunctionExit? exit, CancellationToken cancellationToken, SyntaxNode? flag, bool flagValue)
        {
            _errors = errors;
            _value = value;
            _exit = exit;
            _cancellationToken = cancellationToken;
            _flag = flag;
            _flagValue = flagValue;
        }

        public object? Result { get; private set; }

        /// <summary>The first condition the run could not decide that reads none of the callback's parameters.</summary>
        public IOperation? FirstFlag { get; private set; }

        public Outcome Execute(IOperation statement)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (++_steps > MaxSteps)
            {
                return Outcome.Unknown;
            }

            switch (statement)
            {
                case IBlockOperation block:
                    foreach (var inner in block.Operations)
                    {
                        var outcome = Execute(inner);
                        if (outcome != Outcome.Continue)
                        {
                            return outcome;
                        }
                    }

                    return Outcome.Continue;

                case IReturnOperation ret:
                    Result = Evaluate(ret.ReturnedValue);
                    return Result == Unknown ? Outcome.Unknown : Outcome.Returned;

                case IConditionalOperation conditional:
                    var condition = Evaluate(conditional.Condition);
                    if (condition is not bool taken)
                    {
                        // `if (errors != None && _logger.IsEnabled(...)) _logger.LogWarning(...);`: whichever way it
                        // goes, it only logs, and the code after it decides.
                        return !WritesState(conditional.Condition) && IsInert(conditional.WhenTrue) && IsInert(conditional.WhenFalse)
                            ? Outcome.Continue
                            : Outcome.Unknown;
                    }

                    var branch = taken ? conditional.WhenTrue : conditional.WhenFalse;
                    return branch is null ? Outcome.Continue : Execute(branch);

                case ISwitchOperation switchStatement:
                    return ExecuteSwitch(switchStatement);

                case IBranchOperation { BranchKind: BranchKind.Break } exitFunction when _exit is not null && _exit.IsExit(exitFunction):
                    // Visual Basic's Exit Function returns the function's own variable.
                    Result = Evaluate(_exit.Return.ReturnedValue);
                    return Result == Unknown ? Outcome.Unknown : Outcome.Returned;

                case IBranchOperation { BranchKind: BranchKind.Break }:
                    return Outcome.Break;

                case ILabeledOperation labeled:
                    return labeled.Operation is null ? Outcome.Continue : Execute(labeled.Operation);

                case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                case IExpressionStatementOperation { Operation: IInvocationOperation call } when MethodBodies.DoesNotReturn(call.TargetMethod):
                    // The handshake fails: the certificate is rejected.
                    Result = false;
                    return Outcome.Returned;

                case IVariableDeclarationGroupOperation group:
                    foreach (var declaration in group.Declarations)
                    {
                        foreach (var declarator in declaration.Declarators)
                        {
                            var initializer = declarator.Initializer ?? declaration.Initializer;
                            _locals[declarator.Symbol] = initializer is null ? Unknown : Evaluate(initializer.Value);
                        }
                    }

                    return Outcome.Continue;

                case IExpressionStatementOperation { Operation: IAssignmentOperation assignment } when IsVariable(assignment.Target):
                    var written = assignment switch
                    {
                        ISimpleAssignmentOperation simple => Evaluate(simple.Value),
                        ICompoundAssignmentOperation { OperatorMethod: null } compound => Combine(compound.OperatorKind, Evaluate(compound.Target), Evaluate(compound.Value)),
                        _ => Unknown,
                    };
                    Write(assignment.Target, written);
                    return Outcome.Continue;

                case IExpressionStatementOperation expressionStatement:
                    // Logging and other side effects do not change what the callback returns, unless they write the
                    // errors parameter or a local.
                    return WritesState(expressionStatement) ? Outcome.Unknown : Outcome.Continue;

                case IEmptyOperation:
                    return Outcome.Continue;

                default:
                    return Outcome.Unknown;
            }
        }

        /// <summary>True when the operation writes the errors parameter or a local, which what follows may read.</summary>
        private bool WritesState(IOperation operation)
        {
            foreach (var inner in operation.DescendantsAndSelf())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (inner is IAssignmentOperation { Target: IParameterReferenceOperation or ILocalReferenceOperation } or
                    IIncrementOrDecrementOperation or IDeclarationExpressionOperation or
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when running the statement (absent, empty, or a block of them) cannot change what the callback returns:
        /// logging calls (<see cref="MethodBodies.IsLoggingCall"/>) that write no local or parameter. Any other call
        /// may throw, which would reject the certificate.
        /// </summary>
        private bool IsInert(IOperation? statement) => statement switch
        {
            null or IEmptyOperation => true,
            IBlockOperation block => block.Locals.IsEmpty && block.Operations.All(IsInert),
            IExpressionStatementOperation { Operation: IInvocationOperation call } expression => MethodBodies.IsLoggingCall(call) && !WritesState(expression),
            _ => false,
        };

        private Outcome ExecuteSwitch(ISwitchOperation switchStatement)
        {
            var value = Evaluate(switchStatement.Value);
            if (value == Unknown)
            {
                return Outcome.Unknown;
            }

            ISwitchCaseOperation? chosen = null;
            ISwitchCaseOperation? fallback = null;
            foreach (var section in switchStatement.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation:
                            fallback = section;
                            break;
                        case IPatternCaseClauseOperation patternClause when chosen is null:
                            var selected = Selects(patternClause.Pattern, patternClause.Guard, value);
                            if (selected == Unknown)
                            {
                                return Outcome.Unknown;
                            }

                            if (selected is true)
                            {
                                chosen = section;
                            }

                            break;
                        case IPatternCaseClauseOperation:
                            // An earlier section already takes the value.
                            break;
                        case ISingleValueCaseClauseOperation single:
                            var label = Evaluate(single.Value);
                            if (label == Unknown)
                            {
                                return Outcome.Unknown;
                            }

                            if (Equals(label, value))
                            {
                                chosen ??= section;
                            }

                            break;
                        default:
                            return Outcome.Unknown;
                    }
                }
            }

            chosen ??= fallback;
            if (chosen is null)
            {
                return Outcome.Continue;
            }

            foreach (var inner in chosen.Body)
            {
                var outcome = Execute(inner);
                if (outcome == Outcome.Break)
                {
                    return Outcome.Continue;
                }

                if (outcome != Outcome.Continue)
                {
                    return outcome;
                }
            }

            return Outcome.Continue;
        }

        private object Evaluate(IOperation? operation)
        {
            if (operation is null || ++_steps > MaxSteps)
            {
                return Unknown;
            }

            if (operation.ConstantValue.HasValue)
            {
                return Normalize(operation.ConstantValue.Value);
            }

            if (_flag is not null && operation.Syntax == _flag && operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return _flagValue;
            }

            var value = EvaluateOperation(operation);
            if (value == Unknown && FirstFlag is null && IsSetting(operation))
            {
                FirstFlag = operation;
            }

            return value;
        }

        /// <summary>
        /// A condition that reads none of the callback's parameters and none of its own variables: a setting, an
        /// environment check, a captured flag.
        /// </summary>
        private bool IsSetting(IOperation operation)
        {
            if (operation.Type?.SpecialType != SpecialType.System_Boolean ||
                operation is not (IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation or ILocalReferenceOperation or IParameterReferenceOperation))
            {
                return false;
            }

            var callback = _errors.ContainingSymbol;
            foreach (var inner in operation.DescendantsAndSelf())
            {
                switch (inner)
                {
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, callback):
                        return false;
                    case ILocalReferenceOperation local when _locals.ContainsKey(local.Local) || local.Local.IsFunctionValue:
                        return false;
                    case IAnonymousFunctionOperation:
                        return false;
                    case { Type: { } type } when IsCertificate(type):
                        // Pinning through a captured stream's certificate: it looks at who the server is.
                        return false;
                }
            }

            return true;
        }

        /// <summary>A value of the type of the callback's certificate parameter (or derived from it).</summary>
        private bool IsCertificate(ITypeSymbol type)
        {
            if (_errors.ContainingSymbol is not IMethodSymbol { Parameters.Length: > 1 } callback)
            {
                return false;
            }

            var certificate = callback.Parameters[1].Type;
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, certificate))
                {
                    return true;
                }
            }

            return false;
        }

        private object EvaluateOperation(IOperation operation)
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, _errors):
                    return _value;
                case ILocalReferenceOperation local:
                    if (_locals.TryGetValue(local.Local, out var known))
                    {
                        return known;
                    }

                    if (local.Local.IsFunctionValue)
                    {
                        // Visual Basic's function variable starts as the type's default: False.
                        return false;
                    }

                    return ValueResolver.TryGetConstant(local, out var constant, _cancellationToken) ? Normalize(constant) : Unknown;
                case IConversionOperation { OperatorMethod: null } conversion:
                    return Evaluate(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    // Visual Basic keeps the parentheses it was written with.
                    return Evaluate(parenthesized.Operand);
                case IUnaryOperation { OperatorMethod: null } unary:
                    var operand = Evaluate(unary.Operand);
                    return (unary.OperatorKind, operand) switch
                    {
                        (UnaryOperatorKind.Not, bool b) => !b,
                        (UnaryOperatorKind.BitwiseNegation, ulong bits) => ~bits,
                        _ => Unknown,
                    };
                case IBinaryOperation { OperatorMethod: null } binary:
                    return EvaluateBinary(binary);
                case IConditionalOperation { WhenFalse: not null } conditional:
                    return Evaluate(conditional.Condition) switch
                    {
                        true => Evaluate(conditional.WhenTrue),
                        false => Evaluate(conditional.WhenFalse),
                        _ => Unknown,
                    };
                case IInvocationOperation { TargetMethod.Name: "HasFlag", Instance: { } instance, Arguments.Length: 1 } invocation:
                    return (Evaluate(instance), Evaluate(invocation.Arguments[0].Value)) switch
                    {
                        (ulong value, ulong flag) => (value & flag) == flag,
                        _ => Unknown,
                    };
                case IIsPatternOperation isPattern:
                    var tested = Evaluate(isPattern.Value);
                    return tested == Unknown ? Unknown : Matches(isPattern.Pattern, tested);
                case ISwitchExpressionOperation switchExpression:
                    return EvaluateSwitchExpression(switchExpression);
                default:
                    return ValueResolver.TryGetConstant(operation, out var folded, _cancellationToken) ? Normalize(folded) : Unknown;
            }
        }

        /// <summary>The value of the first arm that takes the value; unknown when no arm does (the expression throws).</summary>
        private object EvaluateSwitchExpression(ISwitchExpressionOperation switchExpression)
        {
            var value = Evaluate(switchExpression.Value);
            if (value == Unknown)
            {
                return Unknown;
            }

            foreach (var arm in switchExpression.Arms)
            {
                var selected = Selects(arm.Pattern, arm.Guard, value);
                if (selected is true)
                {
                    return Evaluate(arm.Value);
                }

                if (selected == Unknown)
                {
                    return Unknown;
                }
            }

            return Unknown;
        }

        /// <summary>Whether a pattern and its <c>when</c> clause take the value; unknown when either cannot be decided.</summary>
        private object Selects(IPatternOperation pattern, IOperation? guard, object value)
        {
            var matched = Matches(pattern, value);
            if (matched is not true || guard is null)
            {
                return matched;
            }

            return Evaluate(guard) is bool taken ? taken : Unknown;
        }

        private bool IsVariable(IOperation target) =>
            target is ILocalReferenceOperation ||
            (target is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, _errors));

        private void Write(IOperation target, object value)
        {
            if (target is ILocalReferenceOperation local)
            {
                _locals[local.Local] = value;
            }
            else
            {
                _value = value;
            }
        }

        private object EvaluateBinary(IBinaryOperation binary)
        {
            var left = Evaluate(binary.LeftOperand);
            switch (binary.OperatorKind, left)
            {
                case (BinaryOperatorKind.ConditionalOr, true):
                    return true;
                case (BinaryOperatorKind.ConditionalAnd, false):
                    return false;
            }

            var right = Evaluate(binary.RightOperand);
            switch (binary.OperatorKind, right)
            {
                case (BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or, true) when left == Unknown && CannotThrow(binary.LeftOperand):
                    // `settings.DisableValidation || e == None || e == NameMismatch`: true for those errors whatever the
                    // setting holds (a call on the left might throw, which would reject the certificate).
                    return true;
                case (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And, false) when left == Unknown && CannotThrow(binary.LeftOperand):
                    return false;
            }

            if (left == Unknown || right == Unknown)
            {
                return Unknown;
            }

            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals:
                    return Equals(left, right);
                case BinaryOperatorKind.NotEquals:
                    return !Equals(left, right);
            }

            return Combine(binary.OperatorKind, left, right);
        }

        /// <summary>True when the value reads fields, properties, parameters and constants only: no call that may throw.</summary>
        private static bool CannotThrow(IOperation value)
        {
            foreach (var inner in value.DescendantsAndSelf())
            {
                if (inner is IInvocationOperation or IObjectCreationOperation or IThrowOperation or IConversionOperation { OperatorMethod: not null } or IBinaryOperation { OperatorMethod: not null } or IUnaryOperation { OperatorMethod: not null })
                {
                    return false;
                }
            }

            return true;
        }

        private static object Combine(BinaryOperatorKind operatorKind, object left, object right) => (operatorKind, left, right) switch
        {
            (BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or, bool l, bool r) => l || r,
            (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And, bool l, bool r) => l && r,
            (BinaryOperatorKind.ExclusiveOr, bool l, bool r) => l ^ r,
            (BinaryOperatorKind.Or, ulong l, ulong r) => l | r,
            (BinaryOperatorKind.And, ulong l, ulong r) => l & r,
            (BinaryOperatorKind.ExclusiveOr, ulong l, ulong r) => l ^ r,
            _ => Unknown,
        };

        private object Matches(IPatternOperation pattern, object value)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    var expected = Evaluate(constant.Value);
                    return expected == Unknown ? Unknown : Equals(expected, value);
                case IDiscardPatternOperation:
                    return true;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } declaration
                    when declaration.MatchesNull || SymbolEqualityComparer.Default.Equals(declaration.MatchedType, declaration.InputType):
                    // `var x` or `SslPolicyErrors x`: takes every value and names it.
                    _locals[local] = value;
                    return true;
                case INegatedPatternOperation negated:
                    return Matches(negated.Pattern, value) is bool b ? !b : Unknown;
                case IBinaryPatternOperation binary:
                    var left = Matches(binary.LeftPattern, value);
                    var right = Matches(binary.RightPattern, value);
                    return (binary.OperatorKind, left, right) switch
                    {
                        (BinaryOperatorKind.Or, bool l, bool r) => l || r,
                        (BinaryOperatorKind.And, bool l, bool r) => l && r,
                        _ => Unknown,
                    };
                default:
                    return Unknown;
            }
        }

        private static object Normalize(object? value) => value switch
        {
            bool b => b,
            int or uint or long or ulong or short or ushort or byte or sbyte =>
                value is ulong u ? u : unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => Unknown,
        };
    }
}
