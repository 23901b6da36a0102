using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Works out which constant a value is proven to hold from the code's own flow: literals, constants and enum members,
/// built-in conversions of those, conditionals and switch expressions whose branches agree, a local written exactly
/// once or whose writes that reach the read all hold the same constant (or deconstructed once from tuples that all
/// hold it at the local's place), and a readonly field whose initializer and
/// constructor writes all hold the same constant. Anything else (configuration, parameters, options objects, method
/// results) is unknown, and an unknown value never leads to a warning. The callers pass their cancellation token: the
/// first question about a body indexes its writes, and the index is kept with the body.
/// </summary>
internal static class ValueResolver
{
    private const int MaxDepth = 8;

    /// <summary>How many values <see cref="CollectPossibleValues(IOperation?, List{PossibleValue}, CancellationToken)"/> lists before it stops.</summary>
    private const int MaxLeaves = 64;

    /// <summary>Returns true and the value when <paramref name="operation"/> is proven to hold one constant.</summary>
    public static bool TryGetConstant(IOperation? operation, out object? value, CancellationToken cancellationToken = default) =>
        TryGetConstant(operation, 0, cancellationToken, out value);

    public static bool TryGetBoolean(IOperation? operation, out bool value, CancellationToken cancellationToken = default)
    {
        if (TryGetConstant(operation, out var constant, cancellationToken) && constant is bool b)
        {
            value = b;
            return true;
        }

        value = false;
        return false;
    }

    public static bool TryGetInt32(IOperation? operation, out int value, CancellationToken cancellationToken = default)
    {
        if (TryGetConstant(operation, out var constant, cancellationToken) && constant is not null && IsIntegral(constant) &&
            !(constant is ulong big && big > long.MaxValue))
        {
            var wide = Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
            if (wide is >= int.MinValue and <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The integer every path of <paramref name="operation"/> gives (a constant, the returns of a method of the same
    /// file, a local written on several paths), when each path is a constant written in <paramref name="tree"/> and all
    /// are the same.
    /// </summary>
    public static bool TryGetInt32OnEveryPath(IOperation? operation, SyntaxTree tree, out int value, CancellationToken cancellationToken = default)
    {
        if (TryGetInt32(operation, out value, cancellationToken))
        {
            return true;
        }

        var leaves = new List<PossibleValue>();
        CollectPossibleValues(operation, leaves, cancellationToken);
        int? same = null;
        foreach (var leaf in leaves)
        {
            if (!leaf.HasValue || leaf.Source.Syntax.SyntaxTree != tree ||
                !TryGetInt32(leaf.Source, out var path, cancellationToken) || (same is not null && same != path))
            {
                return false;
            }

            same = path;
        }

        value = same ?? 0;
        return same is not null;
    }

    public static bool TryGetString(IOperation? operation, out string value, CancellationToken cancellationToken = default)
    {
        if (TryGetConstant(operation, out var constant, cancellationToken) && constant is string s)
        {
            value = s;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// Resolves a value of an enum type (or an integer cast to it) to its underlying bits.
    /// </summary>
    public static bool TryGetEnumBits(IOperation? operation, out ulong bits, CancellationToken cancellationToken = default)
    {
        if (TryGetConstant(operation, out var constant, cancellationToken) && constant is not null && IsIntegral(constant))
        {
            bits = constant is ulong u ? u : unchecked((ulong)Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        bits = 0;
        return false;
    }

    /// <summary>
    /// Collects every value an expression can yield through conditionals, switch expressions, null-coalescing,
    /// locals (the value of a local written once, the values of the writes that reach the read of one written more
    /// than once) and calls of methods of the same file (the values they return). Each leaf is reported with the
    /// operation it comes from; a leaf whose value is unknown is reported with <c>HasValue == false</c>.
    /// </summary>
    public static void CollectPossibleValues(IOperation? operation, List<PossibleValue> results, CancellationToken cancellationToken = default) =>
        CollectPossibleValues(operation, 0, results, readOnlyFields: true, cancellationToken);

    /// <summary>
    /// As <see cref="CollectPossibleValues(IOperation?, List{PossibleValue}, CancellationToken)"/>, with a readonly field
    /// whose writes differ left as one unknown leaf: for a rule that reports such a field where its values are written.
    /// </summary>
    public static void CollectPossibleValuesOutsideFields(IOperation? operation, List<PossibleValue> results, CancellationToken cancellationToken = default) =>
        CollectPossibleValues(operation, 0, results, readOnlyFields: false, cancellationToken);

    [MethodImpl(HotPath.Optimized)]
    private static void CollectPossibleValues(IOperation? operation, int depth, List<PossibleValue> results, bool readOnlyFields, CancellationToken cancellationToken)
    {
        operation = SkipImplicitConversions(operation);
        if (operation is null || results.Count > MaxLeaves)
        {
            return;
        }

        if (depth > MaxDepth || results.Count == MaxLeaves)
        {
            // Past the limits the values are not all known: one unknown leaf says so.
            results.Add(new PossibleValue(operation, false, null));
            return;
        }

        switch (operation)
        {
            case IConditionalOperation { WhenFalse: not null } conditional when !conditional.ConstantValue.HasValue:
                // A condition the code fixes (`var ssl = true;`, a readonly field) picks its branch.
                if (TryGetConstant(conditional.Condition, depth + 1, cancellationToken, out var fixedCondition) && fixedCondition is bool taken)
                {
                    CollectPossibleValues(taken ? conditional.WhenTrue : conditional.WhenFalse, depth + 1, results, readOnlyFields, cancellationToken);
                    return;
                }

                CollectPossibleValues(conditional.WhenTrue, depth + 1, results, readOnlyFields, cancellationToken);
                CollectPossibleValues(conditional.WhenFalse, depth + 1, results, readOnlyFields, cancellationToken);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    CollectPossibleValues(arm.Value, depth + 1, results, readOnlyFields, cancellationToken);
                }

                return;
            case ICoalesceOperation coalesce:
                CollectPossibleValues(coalesce.Value, depth + 1, results, readOnlyFields, cancellationToken);
                CollectPossibleValues(coalesce.WhenNull, depth + 1, results, readOnlyFields, cancellationToken);
                return;
            case ILocalReferenceOperation localReference when FindSingleWrite(localReference, cancellationToken) is { } written:
                CollectPossibleValues(written, depth + 1, results, readOnlyFields, cancellationToken);
                return;
            case IInvocationOperation invocation when MethodBodies.Returns(invocation, awaited: false, cancellationToken) is { } returned:
                CollectReturnedValues(operation, returned, depth, results, readOnlyFields, cancellationToken);
                return;
            case IAwaitOperation awaitOperation when AwaitedCall(awaitOperation) is { } awaited &&
                MethodBodies.Returns(awaited, awaited: true, cancellationToken) is { } returned:
                CollectReturnedValues(operation, returned, depth, results, readOnlyFields, cancellationToken);
                return;
            case ILocalReferenceOperation localReference when FindReachingWrites(localReference, cancellationToken) is { } reaching:
                foreach (var written in reaching)
                {
                    CollectPossibleValues(written, depth + 1, results, readOnlyFields, cancellationToken);
                }

                return;
            case ILocalReferenceOperation localReference when FindDeconstruction(localReference, cancellationToken) is { } deconstruction:
                CollectElementValues(deconstruction.Value, deconstruction.Index, depth + 1, results, readOnlyFields, cancellationToken);
                return;
            case ILocalReferenceOperation localReference when FindForEachElements(localReference, cancellationToken) is { } elements:
                foreach (var element in elements)
                {
                    CollectPossibleValues(element, depth + 1, results, readOnlyFields, cancellationToken);
                }

                return;
            case IFieldReferenceOperation fieldReference when readOnlyFields && !TryGetConstant(fieldReference, depth, cancellationToken, out _) &&
                CollectReadOnlyFieldValues(fieldReference, depth, results, readOnlyFields, cancellationToken):
                return;
        }

        results.Add(TryGetConstant(operation, depth, cancellationToken, out var value)
            ? new PossibleValue(operation, true, value)
            : new PossibleValue(operation, false, null));
    }

    /// <summary>
    /// The call an <c>await</c> waits for, through <c>ConfigureAwait</c> called on its task (an instance method of the
    /// task's own type; the call must still be of an async method to count).
    /// </summary>
    private static IInvocationOperation? AwaitedCall(IAwaitOperation awaitOperation)
    {
        var awaited = SkipImplicitConversions(awaitOperation.Operation);
        if (awaited is IInvocationOperation { TargetMethod.Name: nameof(System.Threading.Tasks.Task.ConfigureAwait), Instance: { Type: { } taskType } instance } configure &&
            SymbolEqualityComparer.Default.Equals(configure.TargetMethod.ContainingType, taskType))
        {
            awaited = SkipImplicitConversions(instance);
        }

        return awaited as IInvocationOperation;
    }

    /// <summary>The values a call returns; a value the method's code does not show is an unknown leaf at the call.</summary>
    private static void CollectReturnedValues(IOperation call, ReturnedValues returned, int depth, List<PossibleValue> results, bool readOnlyFields, CancellationToken cancellationToken)
    {
        foreach (var value in returned.Values)
        {
            CollectPossibleValues(value, depth + 1, results, readOnlyFields, cancellationToken);
        }

        if (returned.OthersPossible || returned.Values.Count == 0)
        {
            results.Add(new PossibleValue(call, false, null));
        }
    }

    /// <summary>
    /// The values of one element of a deconstructed value: the element at <paramref name="index"/> of each tuple the
    /// value can be (a tuple, a conditional or switch expression of tuples); any other value is an unknown leaf.
    /// </summary>
    private static void CollectElementValues(IOperation value, int index, int depth, List<PossibleValue> results, bool readOnlyFields, CancellationToken cancellationToken)
    {
        var unwrapped = SkipImplicitConversions(value)!;
        if (depth <= MaxDepth)
        {
            switch (unwrapped)
            {
                case ITupleOperation tuple when index < tuple.Elements.Length:
                    CollectPossibleValues(tuple.Elements[index], depth + 1, results, readOnlyFields, cancellationToken);
                    return;
                case IConditionalOperation { WhenFalse: not null } conditional:
                    if (TryGetConstant(conditional.Condition, depth + 1, cancellationToken, out var fixedCondition) && fixedCondition is bool taken)
                    {
                        CollectElementValues(taken ? conditional.WhenTrue : conditional.WhenFalse, index, depth + 1, results, readOnlyFields, cancellationToken);
                        return;
                    }

                    CollectElementValues(conditional.WhenTrue, index, depth + 1, results, readOnlyFields, cancellationToken);
                    CollectElementValues(conditional.WhenFalse, index, depth + 1, results, readOnlyFields, cancellationToken);
                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        CollectElementValues(arm.Value, index, depth + 1, results, readOnlyFields, cancellationToken);
                    }

                    return;
            }
        }

        results.Add(new PossibleValue(unwrapped, false, null));
    }

    /// <summary>
    /// The initializer of a declared local: its own, or the declaration's that it shares (Visual Basic's <c>Dim a As New
    /// T</c> and <c>Dim a As T = value</c> keep it on the declaration).
    /// </summary>
    public static IVariableInitializerOperation? InitializerOf(IVariableDeclaratorOperation declarator) =>
        declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;

    /// <summary>
    /// True when both read the same variable the same way: one local, one parameter, <c>this</c> (or, in one Visual Basic
    /// <c>With</c> block, its value), or the same field or property (without arguments) of instances read the same way,
    /// or static.
    /// </summary>
    public static bool IsSameRead(IOperation? left, IOperation? right) =>
        (SkipImplicitConversions(left), SkipImplicitConversions(right)) switch
        {
            (null, null) => true,
            (ILocalReferenceOperation l, ILocalReferenceOperation r) => SymbolEqualityComparer.Default.Equals(l.Local, r.Local),
            (IParameterReferenceOperation l, IParameterReferenceOperation r) => SymbolEqualityComparer.Default.Equals(l.Parameter, r.Parameter),
            (IInstanceReferenceOperation l, IInstanceReferenceOperation r) => l.ReferenceKind == r.ReferenceKind,
            (IFieldReferenceOperation l, IFieldReferenceOperation r) => SymbolEqualityComparer.Default.Equals(l.Field, r.Field) && IsSameRead(l.Instance, r.Instance),
            (IPropertyReferenceOperation { Arguments.Length: 0 } l, IPropertyReferenceOperation { Arguments.Length: 0 } r) =>
                SymbolEqualityComparer.Default.Equals(l.Property, r.Property) && IsSameRead(l.Instance, r.Instance),
            _ => false,
        };

    /// <summary>Looks through conversions the compiler inserted (not casts the user wrote).</summary>
    public static IOperation? SkipImplicitConversions(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool TryGetConstant(IOperation? operation, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            value = operation.ConstantValue.Value;
            return true;
        }

        switch (operation)
        {
            case IConversionOperation { OperatorMethod: null } conversion:
                if (!TryGetConstant(conversion.Operand, depth + 1, cancellationToken, out var operand))
                {
                    return false;
                }

                return TryConvert(operand, conversion.Type, out value);

            case IConditionalOperation { WhenFalse: not null } conditional:
                if (TryGetConstant(conditional.Condition, depth + 1, cancellationToken, out var fixedCondition) && fixedCondition is bool taken)
                {
                    // A condition the code fixes picks its branch.
                    return TryGetConstant(taken ? conditional.WhenTrue : conditional.WhenFalse, depth + 1, cancellationToken, out value);
                }

                // Both branches yield the same constant: the condition does not matter.
                if (TryGetConstant(conditional.WhenTrue, depth + 1, cancellationToken, out var whenTrue) &&
                    TryGetConstant(conditional.WhenFalse, depth + 1, cancellationToken, out var whenFalse) &&
                    Equals(whenTrue, whenFalse))
                {
                    value = whenTrue;
                    return true;
                }

                return false;

            case ISwitchExpressionOperation switchExpression:
                return TryFoldSwitchExpression(switchExpression, depth, cancellationToken, out value);

            case IBinaryOperation { OperatorMethod: null } binary:
                return TryFoldBinary(binary, depth, cancellationToken, out value);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not
                when TryGetConstant(not.Operand, depth + 1, cancellationToken, out var notOperand) && notOperand is bool b:
                value = !b;
                return true;

            case ILocalReferenceOperation localReference:
                if (FindSingleWrite(localReference, cancellationToken) is { } single)
                {
                    return TryGetConstant(single, depth + 1, cancellationToken, out value);
                }

                if (FindDeconstruction(localReference, cancellationToken) is { } deconstruction)
                {
                    return TryGetDeconstructedConstant(deconstruction.Value, deconstruction.Index, depth, cancellationToken, out value);
                }

                return TryGetReachingConstant(localReference, depth, cancellationToken, out value);

            case IParenthesizedOperation parenthesized:
                // Visual Basic keeps the parentheses it was written with.
                return TryGetConstant(parenthesized.Operand, depth + 1, cancellationToken, out value);

            case IFieldReferenceOperation fieldReference:
                return TryGetReadOnlyFieldValue(fieldReference, depth, cancellationToken, out value);

            default:
                return false;
        }
    }

    /// <summary>
    /// Every arm yields the same constant: which arm is taken, and what the guards say, does not matter. A switch that
    /// leaves values to an exception is not folded: a certificate callback that throws rejects those certificates.
    /// </summary>
    private static bool TryFoldSwitchExpression(ISwitchExpressionOperation switchExpression, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        if (!switchExpression.IsExhaustive)
        {
            return false;
        }

        var arms = switchExpression.Arms;
        for (var i = 0; i < arms.Length; i++)
        {
            if (!TryGetConstant(arms[i].Value, depth + 1, cancellationToken, out var armValue) || (i > 0 && !Equals(armValue, value)))
            {
                return false;
            }

            value = armValue;
        }

        return arms.Length > 0;
    }

    private static bool TryFoldBinary(IBinaryOperation binary, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        if (!TryGetConstant(binary.LeftOperand, depth + 1, cancellationToken, out var left) ||
            !TryGetConstant(binary.RightOperand, depth + 1, cancellationToken, out var right))
        {
            // `x || true` is true and `x && false` is false whatever x is.
            if (binary.OperatorKind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or &&
                (IsConstantBool(binary.LeftOperand, depth, true, cancellationToken) || IsConstantBool(binary.RightOperand, depth, true, cancellationToken)))
            {
                value = true;
                return true;
            }

            if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And &&
                (IsConstantBool(binary.LeftOperand, depth, false, cancellationToken) || IsConstantBool(binary.RightOperand, depth, false, cancellationToken)))
            {
                value = false;
                return true;
            }

            return false;
        }

        if (left is bool lb && right is bool rb)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or:
                    value = lb || rb;
                    return true;
                case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And:
                    value = lb && rb;
                    return true;
                case BinaryOperatorKind.Equals:
                    value = lb == rb;
                    return true;
                case BinaryOperatorKind.NotEquals or BinaryOperatorKind.ExclusiveOr:
                    value = lb != rb;
                    return true;
                default:
                    return false;
            }
        }

        if (left is not null && right is not null && IsIntegral(left) && IsIntegral(right))
        {
            var l = ToUInt64(left);
            var r = ToUInt64(right);
            ulong? bits = binary.OperatorKind switch
            {
                BinaryOperatorKind.Or => l | r,
                BinaryOperatorKind.And => l & r,
                BinaryOperatorKind.ExclusiveOr => l ^ r,
                _ => null,
            };
            if (bits is { } folded)
            {
                return TryConvert(folded, binary.Type, out value);
            }
        }

        return false;
    }

    private static bool IsConstantBool(IOperation operation, int depth, bool expected, CancellationToken cancellationToken) =>
        TryGetConstant(operation, depth + 1, cancellationToken, out var value) && value is bool b && b == expected;

    private static bool IsWord(string text, string word) => string.Equals(text.Trim(), word, StringComparison.OrdinalIgnoreCase);

    private static bool TryConvert(object? operand, ITypeSymbol? targetType, out object? value)
    {
        value = null;
        if (targetType is null)
        {
            return false;
        }

        if (operand is null)
        {
            value = null;
            return !targetType.IsValueType;
        }

        var specialType = targetType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            ? enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.None
            : targetType.SpecialType;

        try
        {
            switch (specialType)
            {
                // Visual Basic converts text where Option Strict is Off (`client.Port = "465"`, `EnableSsl = "False"`).
                case SpecialType.System_Int32 when operand is string digits && targetType.TypeKind != TypeKind.Enum &&
                    int.TryParse(digits.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number):
                    value = number;
                    return true;
                case SpecialType.System_Boolean when operand is string word && (IsWord(word, "True") || IsWord(word, "False")):
                    value = IsWord(word, "True");
                    return true;
                case SpecialType.System_Boolean when operand is bool:
                case SpecialType.System_String when operand is string:
                case SpecialType.System_Object:
                    value = operand;
                    return true;
                case SpecialType.System_Int32 when IsIntegral(operand):
                    value = unchecked((int)ToUInt64(operand));
                    return true;
                case SpecialType.System_UInt32 when IsIntegral(operand):
                    value = unchecked((uint)ToUInt64(operand));
                    return true;
                case SpecialType.System_Int64 when IsIntegral(operand):
                    value = unchecked((long)ToUInt64(operand));
                    return true;
                case SpecialType.System_UInt64 when IsIntegral(operand):
                    value = ToUInt64(operand);
                    return true;
                case SpecialType.System_Int16 when IsIntegral(operand):
                    value = unchecked((short)ToUInt64(operand));
                    return true;
                case SpecialType.System_UInt16 when IsIntegral(operand):
                    value = unchecked((ushort)ToUInt64(operand));
                    return true;
                case SpecialType.System_Byte when IsIntegral(operand):
                    value = unchecked((byte)ToUInt64(operand));
                    return true;
                case SpecialType.System_SByte when IsIntegral(operand):
                    value = unchecked((sbyte)ToUInt64(operand));
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException)
        {
            return false;
        }
    }

    private static ulong ToUInt64(object value) => value is ulong u
        ? u
        : unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsIntegral(object value) =>
        value is int or uint or long or ulong or short or ushort or byte or sbyte;

    /// <summary>
    /// The value written to a local when the code writes it exactly once (initializer or assignment) and never
    /// hands it out by reference; otherwise null.
    /// </summary>
    public static IOperation? FindSingleWrite(ILocalReferenceOperation reference, CancellationToken cancellationToken = default)
    {
        var local = reference.Local;
        return local.IsRef || local.IsConst ? null : WriteIndex.For(GetRoot(reference), cancellationToken).SingleWrite(local);
    }

    /// <summary>
    /// The values of the writes that reach this read of a local written more than once, each a plain assignment or
    /// initializer (<see cref="ReachingWrites"/>); null for any other local, or when the flow does not tell.
    /// </summary>
    public static IReadOnlyList<IOperation>? FindReachingWrites(ILocalReferenceOperation reference, CancellationToken cancellationToken = default)
    {
        var local = reference.Local;
        if (local.IsRef || local.IsConst)
        {
            return null;
        }

        var root = GetRoot(reference);
        return WriteIndex.For(root, cancellationToken).HasOnlyPlainWrites(local)
            ? ReachingWrites.Of(reference, root, cancellationToken)
            : null;
    }

    /// <summary>The constant of a local written more than once, when every write that reaches the read holds it.</summary>
    private static bool TryGetReachingConstant(ILocalReferenceOperation reference, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        if (FindReachingWrites(reference, cancellationToken) is not { Count: > 0 } reaching)
        {
            return false;
        }

        for (var i = 0; i < reaching.Count; i++)
        {
            if (!TryGetConstant(reaching[i], depth + 1, cancellationToken, out var written) || (i > 0 && !Equals(written, value)))
            {
                value = null;
                return false;
            }

            value = written;
        }

        return true;
    }

    /// <summary>
    /// The deconstructed value and the local's position in it, when the local's one write is a deconstruction into a
    /// flat tuple (<c>var (port, options) = value;</c>, <c>(port, options) = value;</c>); otherwise null.
    /// </summary>
    public static (IOperation Value, int Index)? FindDeconstruction(ILocalReferenceOperation reference, CancellationToken cancellationToken = default)
    {
        var local = reference.Local;
        return local.IsRef || local.IsConst ? null : WriteIndex.For(GetRoot(reference), cancellationToken).OnlyDeconstruction(local);
    }

    /// <summary>
    /// The elements of the array a <c>foreach</c> loop walks, written in the loop (<c>foreach (var mode in new[] {
    /// SecureSocketOptions.StartTlsWhenAvailable, SecureSocketOptions.None })</c>), when the local is the variable the
    /// loop declares and nothing else writes it; otherwise null.
    /// </summary>
    public static ImmutableArray<IOperation>? FindForEachElements(ILocalReferenceOperation reference, CancellationToken cancellationToken = default)
    {
        var local = reference.Local;
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is not IForEachLoopOperation loop)
            {
                continue;
            }

            if (loop.LoopControlVariable is not IVariableDeclaratorOperation declarator || !SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                continue;
            }

            return SkipImplicitConversions(loop.Collection) is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements } &&
                !WriteIndex.For(GetRoot(reference), cancellationToken).Writes(local)
                ? elements
                : null;
        }

        return null;
    }

    /// <summary>True for an element of the array a <c>foreach</c> loop walks (<see cref="FindForEachElements"/>).</summary>
    public static bool IsForEachElement(IOperation value)
    {
        var element = value;
        while (element.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            element = conversion;
        }

        IOperation? collection = element.Parent is IArrayInitializerOperation { Parent: IArrayCreationOperation creation } ? creation : null;
        while (collection?.Parent is IConversionOperation { IsImplicit: true } wrapped)
        {
            collection = wrapped;
        }

        return collection?.Parent is IForEachLoopOperation loop && loop.Collection == collection;
    }

    /// <summary>The constant of a deconstructed local, when every tuple the value can be holds it at the local's place.</summary>
    private static bool TryGetDeconstructedConstant(IOperation deconstructed, int index, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        var elements = new List<PossibleValue>();
        CollectElementValues(deconstructed, index, depth + 1, elements, readOnlyFields: false, cancellationToken);
        for (var i = 0; i < elements.Count; i++)
        {
            if (!elements[i].HasValue || (i > 0 && !Equals(elements[i].Value, value)))
            {
                value = null;
                return false;
            }

            value = elements[i].Value;
        }

        return elements.Count > 0;
    }

    /// <summary>
    /// The constant a readonly field holds: the value of its initializer (its type's default when it has none) and of
    /// every write of its constructors and init accessors, when all are the same constant. A field with neither an
    /// initializer nor such a write is left unknown (a serializer may fill it). A value is bound when it is in the same
    /// syntax tree (other trees would need a new semantic model); elsewhere only a literal initializer counts.
    /// </summary>
    private static bool TryGetReadOnlyFieldValue(IFieldReferenceOperation reference, int depth, CancellationToken cancellationToken, out object? value)
    {
        value = null;
        var field = reference.Field;
        var model = reference.SemanticModel;
        if (!IsReadOnlyDeclaredOnce(field, cancellationToken, out var initializer) ||
            ConstructorWrites(field, model, cancellationToken, out _) is not { } writes)
        {
            return false;
        }

        if (initializer is not null)
        {
            if (model is not null && model.SyntaxTree == initializer.SyntaxTree)
            {
                if (!TryGetConstant(model.GetOperation(initializer, cancellationToken), depth + 1, cancellationToken, out value))
                {
                    return false;
                }
            }
            else if (LanguageSyntax.Of(initializer) is not { } syntax || !syntax.TryGetLiteralValue(initializer, out value))
            {
                return false;
            }
        }
        else if (writes.Count == 0 || !TryGetDefault(field.Type, out value))
        {
            return false;
        }

        foreach (var written in writes)
        {
            if (!TryGetConstant(written, depth + 1, cancellationToken, out var writtenValue) || !Equals(writtenValue, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The values a readonly field can hold, when its writes can all be listed (<see cref="ConstructorWrites"/>): what
    /// each constructor or init accessor writes, and the initializer's value unless every constructor writes the field
    /// on its way through (its type's default, as an unknown leaf, when it has no initializer). Returns false, adding
    /// nothing, for any other field, and for a field nothing writes (a serializer may fill it).
    /// </summary>
    private static bool CollectReadOnlyFieldValues(IFieldReferenceOperation reference, int depth, List<PossibleValue> results, bool readOnlyFields, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (!IsReadOnlyDeclaredOnce(reference.Field, cancellationToken, out var initializer) ||
            ConstructorWrites(reference.Field, model, cancellationToken, out var everyConstructorWrites) is not { } writes ||
            (writes.Count == 0 && initializer is null))
        {
            return false;
        }

        if (everyConstructorWrites)
        {
            // The initializer's value, or the default, is overwritten before any other code reads the field.
        }
        else if (initializer is null)
        {
            results.Add(new PossibleValue(reference, false, null));
        }
        else if (model is not null && model.SyntaxTree == initializer.SyntaxTree)
        {
            CollectPossibleValues(model.GetOperation(initializer, cancellationToken), depth + 1, results, readOnlyFields, cancellationToken);
        }
        else
        {
            results.Add(LanguageSyntax.Of(initializer) is { } syntax && syntax.TryGetLiteralValue(initializer, out var literal)
                ? new PossibleValue(reference, true, literal)
                : new PossibleValue(reference, false, null));
        }

        foreach (var written in writes)
        {
            if (written is null)
            {
                results.Add(new PossibleValue(reference, false, null));
            }
            else
            {
                CollectPossibleValues(written, depth + 1, results, readOnlyFields, cancellationToken);
            }
        }

        return true;
    }

    /// <summary>The default value of an enum, Boolean or integral type, as its constants are represented.</summary>
    private static bool TryGetDefault(ITypeSymbol type, out object? value)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        value = type.SpecialType switch
        {
            SpecialType.System_Boolean => false,
            SpecialType.System_Int32 => 0,
            SpecialType.System_UInt32 => 0u,
            SpecialType.System_Int64 => 0L,
            SpecialType.System_UInt64 => 0ul,
            SpecialType.System_Int16 => (short)0,
            SpecialType.System_UInt16 => (ushort)0,
            SpecialType.System_Byte => (byte)0,
            SpecialType.System_SByte => (sbyte)0,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>
    /// The bound initializer of a readonly field declared in the tree being analyzed, when no constructor and no init
    /// accessor writes the field again; otherwise null.
    /// </summary>
    public static IOperation? FindReadOnlyFieldInitializer(IFieldReferenceOperation reference, CancellationToken cancellationToken = default)
    {
        var field = reference.Field;
        return IsReadOnlyDeclaredOnce(field, cancellationToken, out var initializer) && initializer is not null &&
            reference.SemanticModel is { } model && model.SyntaxTree == initializer.SyntaxTree &&
            ConstructorWrites(field, model, cancellationToken, out _) is { Count: 0 }
            ? model.GetOperation(initializer, cancellationToken)
            : null;
    }

    /// <summary>True for a readonly field declared in one place, with the value its initializer writes (null: none).</summary>
    private static bool IsReadOnlyDeclaredOnce(IFieldSymbol field, CancellationToken cancellationToken, out SyntaxNode? initializer)
    {
        initializer = null;
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        initializer = LanguageSyntax.Of(declarator)?.FieldInitializerValue(declarator);
        return true;
    }

    /// <summary>
    /// The values the constructors and init accessors of the field's type (the only code that may write a readonly
    /// field besides its initializer) write to it, an unknown write (deconstruction, <c>ref</c>, compound) as null; null
    /// when what they write cannot be listed. Members in the tree of <paramref name="model"/> are read as operations; a
    /// member in another tree, which would need another semantic model, cannot be listed when it names the field at all.
    /// <paramref name="everyConstructorWrites"/> tells whether each constructor that does not hand over to another of
    /// the type writes the field in a statement of its own block that nothing before it can return from.
    /// </summary>
    private static List<IOperation?>? ConstructorWrites(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken, out bool everyConstructorWrites)
    {
        field = field.OriginalDefinition;
        var type = field.ContainingType;
        List<IOperation?>? writes = null;
        var constructors = 0;
        everyConstructorWrites = true;
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method || !MayWrite(method, field))
            {
                continue;
            }

            var isConstructor = method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor;
            if (isConstructor)
            {
                constructors++;
                everyConstructorWrites &= !method.DeclaringSyntaxReferences.IsEmpty;
            }

            foreach (var syntaxReference in method.DeclaringSyntaxReferences)
            {
                var declaration = syntaxReference.GetSyntax(cancellationToken);
                if (IsDeclarationOf(type, declaration))
                {
                    // A primary constructor has no body: its only writes are the field initializers themselves.
                    everyConstructorWrites = false;
                    continue;
                }

                declaration = LanguageSyntax.Of(declaration)?.DeclarationBlock(declaration) ?? declaration;

                var body = model is not null && model.SyntaxTree == declaration.SyntaxTree
                    ? model.GetOperation(declaration, cancellationToken)
                    : null;
                if (body is null)
                {
                    if (NameIndex.For(declaration, cancellationToken).Contains(field.Name))
                    {
                        return null;
                    }

                    everyConstructorWrites &= !isConstructor;
                    continue;
                }

                var index = WriteIndex.For(body, cancellationToken);
                if (index.WritesThis)
                {
                    return null;
                }

                if (index.FieldWrites(field) is { } written)
                {
                    (writes ??= new List<IOperation?>()).AddRange(written);
                }

                everyConstructorWrites &= !isConstructor || WritesOnItsWay(body, field, type, cancellationToken);
            }
        }

        everyConstructorWrites &= constructors > 0;
        return writes ?? NoWrites;
    }

    /// <summary>
    /// True when a constructor body hands over to another constructor of the type (which writes the field in its
    /// turn), or writes the field in a top-level statement that no statement before it can return around.
    /// </summary>
    private static bool WritesOnItsWay(IOperation body, IFieldSymbol field, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        IBlockOperation? block;
        switch (body)
        {
            case IConstructorBodyOperation constructor:
                if (IsOwnConstructorCall(constructor.Initializer, type))
                {
                    return true;
                }

                block = constructor.BlockBody;
                if (block is null && constructor.ExpressionBody is { Operations.Length: 1 } expressionBody)
                {
                    return IsWriteOf(expressionBody.Operations[0], field);
                }

                break;
            case IMethodBodyOperation method:
                block = method.BlockBody;
                break;
            default:
                block = body as IBlockOperation;
                break;
        }

        // Visual Basic's `Me.New(...)` hands over as well: the other constructor writes the field.
        return block is not null &&
            DefiniteWrites.InSequence(block.Operations, statement => IsWriteOf(statement, field) || IsOwnConstructorCall(statement, type), cancellationToken);
    }

    /// <summary>
    /// A statement that writes the field of this instance whatever it holds: an assignment, a deconstruction that names
    /// it (<c>(_mode, _port) = (mode, port);</c>) or a call that takes it as an <c>out</c> argument.
    /// </summary>
    private static bool IsWriteOf(IOperation statement, IFieldSymbol field)
    {
        switch ((statement as IExpressionStatementOperation)?.Operation)
        {
            case ISimpleAssignmentOperation { Target: var target }:
                return IsOwnField(target, field);
            case IDeconstructionAssignmentOperation { Target: ITupleOperation tuple }:
                return NamesInTuple(tuple, field);
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind == RefKind.Out && IsOwnField(argument.Value, field))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool NamesInTuple(ITupleOperation tuple, IFieldSymbol field)
    {
        foreach (var element in tuple.Elements)
        {
            if (IsOwnField(element, field) || (element is ITupleOperation nested && NamesInTuple(nested, field)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOwnField(IOperation? operation, IFieldSymbol field) =>
        operation is IFieldReferenceOperation target &&
        SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field) && Model.ClientIdentity.IsOwn(target.Instance);

    private static bool IsOwnConstructorCall(IOperation? statement, INamedTypeSymbol type) =>
        (statement is IExpressionStatementOperation expression ? expression.Operation : statement) is IInvocationOperation
        {
            TargetMethod.MethodKind: MethodKind.Constructor,
            Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance },
        } call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType.OriginalDefinition, type);

    private static readonly List<IOperation?> NoWrites = new();

    private static bool MayWrite(IMethodSymbol method, IFieldSymbol field) => field.IsStatic
        ? method.MethodKind == MethodKind.StaticConstructor
        : method.MethodKind == MethodKind.Constructor || method is { MethodKind: MethodKind.PropertySet, IsInitOnly: true };

    private static bool IsDeclarationOf(INamedTypeSymbol type, SyntaxNode node)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == node.SyntaxTree && reference.Span == node.Span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost operation of the body, initializer or lambda-free member that contains this one.</summary>
    public static IOperation GetRoot(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// What one operation root (a body, an initializer) writes, found in a single walk and kept as long as the root:
    /// the value of each local written exactly once, and the fields it writes in any way.
    /// </summary>
    private sealed class WriteIndex
    {
        private static readonly ConditionalWeakTable<IOperation, WriteIndex> Cache = new();

        private readonly Dictionary<ILocalSymbol, (int Count, IOperation? Value, bool Plain)> _locals = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IFieldSymbol, List<IOperation?>> _fields = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, (IOperation Value, int Index)> _deconstructions = new(SymbolEqualityComparer.Default);

        public static WriteIndex For(IOperation root, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(root, out var index))
            {
                return index;
            }

            var built = Build(root, cancellationToken);
            return Cache.GetValue(root, _ => built);
        }

        public IOperation? SingleWrite(ILocalSymbol local) =>
            _locals.TryGetValue(local, out var writes) && writes.Count == 1 ? writes.Value : null;

        /// <summary>Whether the root writes the local in any way (a <c>foreach</c> variable is not counted).</summary>
        public bool Writes(ILocalSymbol local) => _locals.ContainsKey(local);

        /// <summary>Whether the root writes the local more than once, each time by a plain assignment or an initializer.</summary>
        public bool HasOnlyPlainWrites(ILocalSymbol local) =>
            _locals.TryGetValue(local, out var writes) && writes.Count > 1 && writes.Plain;

        /// <summary>The deconstruction that is the local's one write, or null.</summary>
        public (IOperation Value, int Index)? OnlyDeconstruction(ILocalSymbol local) =>
            _deconstructions.TryGetValue(local, out var deconstruction) && _locals.TryGetValue(local, out var writes) && writes.Count == 2
                ? deconstruction
                : null;

        /// <summary>Whether the root writes the whole instance (<c>this = …</c> in a struct).</summary>
        public bool WritesThis { get; private set; }

        /// <summary>The values the root writes to the field (null for a write whose value is unknown), or null when it never writes it.</summary>
        public List<IOperation?>? FieldWrites(IFieldSymbol field) =>
            _fields.TryGetValue(field.OriginalDefinition, out var writes) ? writes : null;

        private static WriteIndex Build(IOperation root, CancellationToken cancellationToken)
        {
            var index = new WriteIndex();
            foreach (var operation in OperationWalk.AllOf(root))
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Only these kinds can write; the kind is one call, each interface test below a type check.
                if (operation.Kind is not (OperationKind.VariableDeclarator or OperationKind.LocalReference or
                    OperationKind.FieldReference or OperationKind.InstanceReference))
                {
                    continue;
                }

                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        if (InitializerOf(declarator) is { } initializer)
                        {
                            index.AddWrite(declarator.Symbol, initializer.Value);
                        }

                        break;
                    case ILocalReferenceOperation { IsDeclaration: true } declaration:
                        // `out var x`, deconstruction or pattern: the value comes from elsewhere.
                        index.AddWrite(declaration.Local, null);
                        index.AddDeconstruction(declaration);
                        break;
                    case ILocalReferenceOperation local when IsWritten(local, out var value):
                        index.AddWrite(local.Local, value);
                        if (value is null)
                        {
                            index.AddDeconstruction(local);
                        }

                        break;
                    case IFieldReferenceOperation field when IsWritten(field, out var value):
                        if (!index._fields.TryGetValue(field.Field.OriginalDefinition, out var writes))
                        {
                            index._fields.Add(field.Field.OriginalDefinition, writes = new List<IOperation?>());
                        }

                        writes.Add(value);
                        break;
                    case IInstanceReferenceOperation instance when IsWritten(instance, out _):
                        index.WritesThis = true;
                        break;
                }
            }

            return index;
        }

        /// <summary>
        /// Keeps the value and position of a local written by a deconstruction into a flat tuple, its declaration
        /// written in the tuple (<c>var (a, b)</c>) or in the element (<c>(var a, b)</c>).
        /// </summary>
        private void AddDeconstruction(ILocalReferenceOperation reference)
        {
            IOperation element = reference;
            if (element.Parent is IDeclarationExpressionOperation declaration)
            {
                element = declaration;
            }

            if (element.Parent is not ITupleOperation tuple)
            {
                return;
            }

            IOperation target = tuple;
            if (target.Parent is IDeclarationExpressionOperation declaredTuple)
            {
                target = declaredTuple;
            }

            if (target.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == target)
            {
                _deconstructions[reference.Local] = (deconstruction.Value, tuple.Elements.IndexOf(element));
            }
        }

        /// <summary>A write whose value is unknown (null) counts twice, so that no single value survives it.</summary>
        private void AddWrite(ILocalSymbol local, IOperation? value)
        {
            var plain = !_locals.TryGetValue(local, out var writes) || writes.Plain;
            _locals[local] = (writes.Count + (value is null ? 2 : 1), value, plain && value is not null);
        }

        /// <summary>
        /// Whether a reference to a variable writes it: as the target of an assignment (<paramref name="value"/> is the
        /// value of a plain one) or of a deconstruction, by increment, or handed out by <c>ref</c>, <c>out</c> or address.
        /// </summary>
        private static bool IsWritten(IOperation reference, out IOperation? value)
        {
            value = null;
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Target == reference:
                    value = assignment.Value;
                    return true;
                case IAssignmentOperation assignment when assignment.Target == reference:
                case ISimpleAssignmentOperation { IsRef: true } refAssignment when refAssignment.Value == reference:
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: RefKind.Ref } }:
                case IIncrementOrDecrementOperation:
                case IAddressOfOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case ILoopOperation loop when LoopControlVariable(loop) == reference:
                    return true;
                case IDynamicInvocationOperation dynamicCall when dynamicCall.Operation != reference:
                case IDynamicIndexerAccessOperation dynamicIndexer when dynamicIndexer.Operation != reference:
                case IDynamicObjectCreationOperation:
                    // A late-bound call may take the variable by reference (`out` with dynamic; any Visual Basic argument).
                    return true;
                case ITupleOperation tuple:
                    return IsDeconstructionTarget(tuple);
                default:
                    return false;
            }
        }

        /// <summary>A Visual Basic <c>For</c> or <c>For Each</c> that assigns a variable declared before it.</summary>
        private static IOperation? LoopControlVariable(ILoopOperation loop) => loop switch
        {
            IForEachLoopOperation forEach => forEach.LoopControlVariable,
            IForToLoopOperation forTo => forTo.LoopControlVariable,
            _ => null,
        };

        private static bool IsDeconstructionTarget(ITupleOperation tuple)
        {
            IOperation outermost = tuple;
            while (outermost.Parent is ITupleOperation outer)
            {
                outermost = outer;
            }

            return outermost.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == outermost ||
                outermost.Parent is IForEachLoopOperation;
        }
    }

    /// <summary>
    /// The names a declaration in another syntax tree mentions, compared without case so that it holds for every
    /// language. A declaration that never names a field cannot write it; one that names it is taken to write it.
    /// </summary>
    private static class NameIndex
    {
        private static readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> Cache = new();

        public static HashSet<string> For(SyntaxNode declaration, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(declaration, out var names))
            {
                return names;
            }

            var built = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in declaration.DescendantTokens())
            {
                cancellationToken.ThrowIfCancellationRequested();
                built.Add(token.ValueText);
            }

            return Cache.GetValue(declaration, _ => built);
        }
    }
}

/// <summary>One value an expression can yield, and the operation it comes from.</summary>
internal readonly struct PossibleValue
{
    public PossibleValue(IOperation source, bool hasValue, object? value)
    {
        Source = source;
        HasValue = hasValue;
        Value = value;
    }

    public IOperation Source { get; }
    public bool HasValue { get; }
    public object? Value { get; }
}
