using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Works out which constant a value is proven to hold from the code's own flow: literals, constants and enum members,
/// built-in conversions of those, a local written exactly once, and a readonly field whose only write is a constant
/// initializer. Anything else (configuration, parameters, options objects, method results) is unknown, and an unknown
/// value never leads to a warning.
/// </summary>
internal static class ValueResolver
{
    private const int MaxDepth = 8;

    /// <summary>Returns true and the value when <paramref name="operation"/> is proven to hold one constant.</summary>
    public static bool TryGetConstant(IOperation? operation, out object? value) => TryGetConstant(operation, 0, out value);

    public static bool TryGetBoolean(IOperation? operation, out bool value)
    {
        if (TryGetConstant(operation, out var constant) && constant is bool b)
        {
            value = b;
            return true;
        }

        value = false;
        return false;
    }

    public static bool TryGetInt32(IOperation? operation, out int value)
    {
        if (TryGetConstant(operation, out var constant) && constant is not null && IsIntegral(constant))
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

    public static bool TryGetString(IOperation? operation, out string value)
    {
        if (TryGetConstant(operation, out var constant) && constant is string s)
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
    public static bool TryGetEnumBits(IOperation? operation, out ulong bits)
    {
        if (TryGetConstant(operation, out var constant) && constant is not null && IsIntegral(constant))
        {
            bits = constant is ulong u ? u : unchecked((ulong)Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        bits = 0;
        return false;
    }

    /// <summary>
    /// Collects every value an expression can yield through conditionals, switch expressions, null-coalescing and
    /// single-write locals. Each leaf is reported with the operation it comes from; a leaf whose value is unknown is
    /// reported with <c>HasValue == false</c>.
    /// </summary>
    public static void CollectPossibleValues(IOperation? operation, List<PossibleValue> results) =>
        CollectPossibleValues(operation, 0, results);

    private static void CollectPossibleValues(IOperation? operation, int depth, List<PossibleValue> results)
    {
        operation = SkipImplicitConversions(operation);
        if (operation is null)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            results.Add(new PossibleValue(operation, false, null));
            return;
        }

        switch (operation)
        {
            case IConditionalOperation { WhenFalse: not null } conditional when !conditional.ConstantValue.HasValue:
                CollectPossibleValues(conditional.WhenTrue, depth + 1, results);
                CollectPossibleValues(conditional.WhenFalse, depth + 1, results);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    CollectPossibleValues(arm.Value, depth + 1, results);
                }

                return;
            case ICoalesceOperation coalesce:
                CollectPossibleValues(coalesce.Value, depth + 1, results);
                CollectPossibleValues(coalesce.WhenNull, depth + 1, results);
                return;
            case ILocalReferenceOperation localReference when FindSingleWrite(localReference) is { } written:
                CollectPossibleValues(written, depth + 1, results);
                return;
        }

        results.Add(TryGetConstant(operation, depth, out var value)
            ? new PossibleValue(operation, true, value)
            : new PossibleValue(operation, false, null));
    }

    /// <summary>Looks through conversions the compiler inserted (not casts the user wrote).</summary>
    public static IOperation? SkipImplicitConversions(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool TryGetConstant(IOperation? operation, int depth, out object? value)
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
                if (!TryGetConstant(conversion.Operand, depth + 1, out var operand))
                {
                    return false;
                }

                return TryConvert(operand, conversion.Type, out value);

            case IConditionalOperation { WhenFalse: not null } conditional:
                // Both branches yield the same constant: the condition does not matter.
                if (TryGetConstant(conditional.WhenTrue, depth + 1, out var whenTrue) &&
                    TryGetConstant(conditional.WhenFalse, depth + 1, out var whenFalse) &&
                    Equals(whenTrue, whenFalse))
                {
                    value = whenTrue;
                    return true;
                }

                return false;

            case IBinaryOperation { OperatorMethod: null } binary:
                return TryFoldBinary(binary, depth, out value);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not
                when TryGetConstant(not.Operand, depth + 1, out var notOperand) && notOperand is bool b:
                value = !b;
                return true;

            case ILocalReferenceOperation localReference:
                return TryGetConstant(FindSingleWrite(localReference), depth + 1, out value);

            case IFieldReferenceOperation fieldReference:
                return TryGetReadOnlyFieldValue(fieldReference, depth, out value);

            default:
                return false;
        }
    }

    private static bool TryFoldBinary(IBinaryOperation binary, int depth, out object? value)
    {
        value = null;
        if (!TryGetConstant(binary.LeftOperand, depth + 1, out var left) ||
            !TryGetConstant(binary.RightOperand, depth + 1, out var right))
        {
            // `x || true` is true and `x && false` is false whatever x is.
            if (binary.OperatorKind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or &&
                (IsConstantBool(binary.LeftOperand, depth, true) || IsConstantBool(binary.RightOperand, depth, true)))
            {
                value = true;
                return true;
            }

            if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And &&
                (IsConstantBool(binary.LeftOperand, depth, false) || IsConstantBool(binary.RightOperand, depth, false)))
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
            var l = unchecked((ulong)Convert.ToInt64(left, System.Globalization.CultureInfo.InvariantCulture));
            var r = unchecked((ulong)Convert.ToInt64(right, System.Globalization.CultureInfo.InvariantCulture));
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

    private static bool IsConstantBool(IOperation operation, int depth, bool expected) =>
        TryGetConstant(operation, depth + 1, out var value) && value is bool b && b == expected;

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
    public static IOperation? FindSingleWrite(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || local.IsConst)
        {
            return null;
        }

        var root = GetRoot(reference);
        IOperation? written = null;
        var writes = 0;
        foreach (var descendant in root.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null)
                    {
                        writes++;
                        written = initializer.Value;
                    }

                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local):
                    if (other.IsDeclaration)
                    {
                        // `out var x`, deconstruction or pattern: the value comes from elsewhere.
                        return null;
                    }

                    switch (other.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == other:
                            if (assignment.IsRef)
                            {
                                return null;
                            }

                            writes++;
                            written = assignment.Value;
                            break;
                        case IAssignmentOperation assignment when assignment.Target == other:
                        case IIncrementOrDecrementOperation:
                        case IAddressOfOperation:
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                        case ITupleOperation:
                            return null;
                    }

                    break;
            }

            if (writes > 1)
            {
                return null;
            }
        }

        return writes == 1 ? written : null;
    }

    /// <summary>
    /// The constant initializer of a readonly field that no constructor writes again. The initializer is bound when
    /// it is in the same syntax tree (other trees would need a new semantic model); elsewhere only a literal counts.
    /// </summary>
    private static bool TryGetReadOnlyFieldValue(IFieldReferenceOperation reference, int depth, out object? value)
    {
        value = null;
        var field = reference.Field;
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1 ||
            field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializerValue } ||
            IsWrittenByConstructor(field))
        {
            return false;
        }

        var model = reference.SemanticModel;
        if (model is not null && model.SyntaxTree == initializerValue.SyntaxTree)
        {
            return TryGetConstant(model.GetOperation(initializerValue), depth + 1, out value);
        }

        if (initializerValue is LiteralExpressionSyntax literal)
        {
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
            }
        }

        return false;
    }

    internal static bool IsWrittenByConstructor(IFieldSymbol field)
    {
        var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            foreach (var syntaxReference in constructor.DeclaringSyntaxReferences)
            {
                // A cheap syntactic look is enough here: it can only make the resolver give up.
                foreach (var node in syntaxReference.GetSyntax().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && NamesField(assignment.Left, field.Name))
                    {
                        return true;
                    }

                    if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument && NamesField(argument.Expression, field.Name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool NamesField(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText == name,
        _ => false,
    };

    /// <summary>The outermost operation of the body, initializer or lambda-free member that contains this one.</summary>
    public static IOperation GetRoot(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
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
