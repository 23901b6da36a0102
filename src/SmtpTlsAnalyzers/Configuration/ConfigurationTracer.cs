using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>How the code turns the configured string into the value it uses.</summary>
internal enum ValueReading
{
    /// <summary>The configuration binder (options classes, GetValue, Get): bools and enums in any case, enums by number too.</summary>
    Binder,

    /// <summary>bool.Parse, bool.TryParse, Convert.ToBoolean, int.Parse, Convert.ToInt32: any case for bools.</summary>
    Parse,

    /// <summary>Enum.Parse or Enum.TryParse without ignoreCase: member names in their exact case, or a number.</summary>
    EnumParse,

    /// <summary>Enum.Parse or Enum.TryParse with ignoreCase: true.</summary>
    EnumParseIgnoreCase,

    /// <summary><c>value == "true"</c>, <c>string.Equals(value, "true", comparison)</c>: a string comparison.</summary>
    Equality,

    /// <summary>
    /// Visual Basic's String-to-Boolean conversion (<c>CBool(text)</c>, <c>CType(text, Boolean)</c>, or implicit under
    /// Option Strict Off): True or False in any case, or a number, which is False only when it is zero.
    /// </summary>
    VisualBasicConversion,
}

/// <summary>A TLS input the code reads from one configuration key.</summary>
internal sealed class ConfiguredRead
{
    public ConfiguredRead(ConfigurationSource source, string key, ValueReading reading, string? comparand = null, bool ignoreCase = false, bool negated = false, object? onFailure = null, INamedTypeSymbol? boundAs = null)
    {
        BoundAs = boundAs;
        Source = source;
        Key = key;
        Reading = reading;
        Comparand = comparand;
        IgnoreCase = ignoreCase;
        Negated = negated;
        OnFailure = onFailure;
    }

    public ConfigurationSource Source { get; }

    /// <summary>The full key (<c>Smtp:EnableSsl</c>, or the appSettings key).</summary>
    public string Key { get; }

    public ValueReading Reading { get; }

    /// <summary>For <see cref="ValueReading.Equality"/>: the string the value is compared with.</summary>
    public string? Comparand { get; }

    public bool IgnoreCase { get; }

    /// <summary>The code negates what it reads: a comparison with <c>!=</c>, or a <c>!</c> before the read.</summary>
    public bool Negated { get; }

    /// <summary>
    /// What the code ends up with when a <c>TryParse</c> cannot read the text (a Boolean, or an enum's value as a
    /// long): the out argument's default, or the fallback the code writes (<c>TryParse(text, out var f) ? f : false</c>).
    /// Null when such a text decides nothing (a <c>Parse</c> throws: the application fails).
    /// </summary>
    public object? OnFailure { get; }

    /// <summary>The key's section: <c>Smtp</c> for <c>Smtp:EnableSsl</c>; empty at the top.</summary>
    public string Section
    {
        get
        {
            var colon = Key.LastIndexOf(':');
            return colon < 0 ? string.Empty : Key.Substring(0, colon);
        }
    }

    public ConfiguredRead WithReading(ValueReading reading, string? comparand = null, bool ignoreCase = false, bool negated = false) =>
        new(Source, Key, reading, comparand, ignoreCase, negated);

    /// <summary>
    /// The enum the binder reads the text into, when the code converts it to another by number
    /// (<c>(SecureSocketOptions)(int)options.Security</c> over a <c>Security</c> property of the project's own enum).
    /// </summary>
    public INamedTypeSymbol? BoundAs { get; }

    /// <summary>The same read, negated (<c>!config.GetValue&lt;bool&gt;("Smtp:DisableTls")</c>).</summary>
    public ConfiguredRead Negate() => new(Source, Key, Reading, Comparand, IgnoreCase, !Negated, OnFailure, BoundAs);

    /// <summary>A binder read into <paramref name="type"/>, kept when it is an enum.</summary>
    public static ConfiguredRead Bound(string key, ITypeSymbol? type) =>
        new(ConfigurationSource.Json, key, ValueReading.Binder, boundAs: type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named ? named : null);

    /// <summary>The member of <see cref="BoundAs"/> the text gives (by name, in any case unless the read is case-sensitive, or by number).</summary>
    public IFieldSymbol? ReadBoundMember(ConfigurationValue value) =>
        BoundAs is null ? null : new ConfiguredRead(Source, Key, Reading).ReadEnum(value, BoundAs);

    /// <summary>The same read, into the project's own enum (<see cref="BoundAs"/>).</summary>
    public ConfiguredRead WithBoundAs(INamedTypeSymbol boundAs) =>
        new(Source, Key, Reading, Comparand, IgnoreCase, Negated, OnFailure, boundAs);

    /// <summary>The same read, with what a text that does not parse gives (<see cref="OnFailure"/>).</summary>
    public ConfiguredRead WithFailureValue(object? onFailure) =>
        new(Source, Key, Reading, Comparand, IgnoreCase, Negated, onFailure, BoundAs);

    /// <summary>True when <see cref="OnFailure"/> decides the value: the text is there, and the TryParse cannot read it.</summary>
    public bool FallsBack(ConfigurationValue value, INamedTypeSymbol? enumType)
    {
        if (OnFailure is null || value.Value is null)
        {
            return false;
        }

        var strict = new ConfiguredRead(Source, Key, Reading, Comparand, IgnoreCase, Negated);
        return OnFailure is bool ? strict.ReadBoolean(value) is null : enumType is not null && strict.ReadEnum(value, enumType) is null;
    }

    /// <summary>The boolean the code ends up with for a configured value; null when the value is absent or would throw.</summary>
    public bool? ReadBoolean(ConfigurationValue value) => ReadBooleanAsWritten(value) is { } read ? read != Negated : null;

    private bool? ReadBooleanAsWritten(ConfigurationValue value)
    {
        if (value.Value is not { } text)
        {
            return null;
        }

        if (Reading == ValueReading.Equality)
        {
            return string.Equals(text, Comparand, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        if (bool.TryParse(text.Trim(), out var result))
        {
            return result;
        }

        return Reading == ValueReading.VisualBasicConversion &&
            double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            ? number != 0
            : OnFailure as bool?;
    }

    /// <summary>The integer the code ends up with (a port); null when the value is absent or not an integer.</summary>
    public static int? ReadInt32(ConfigurationValue value) =>
        value.Value is { } text && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    /// <summary>An enum constant as a long, its bits kept for an unsigned 64-bit one above long's range.</summary>
    public static long AsInt64(object constant) =>
        constant is ulong unsigned ? unchecked((long)unsigned) : Convert.ToInt64(constant, CultureInfo.InvariantCulture);

    /// <summary>The member of <paramref name="enumType"/> whose value is <paramref name="value"/>.</summary>
    public static IFieldSymbol? MemberOf(INamedTypeSymbol enumType, long value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant } field && AsInt64(constant) == value)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The enum member the code ends up with; null when the value is absent or not a member.</summary>
    public IFieldSymbol? ReadEnum(ConfigurationValue value, INamedTypeSymbol enumType)
    {
        if (value.Value is not { } text)
        {
            return null;
        }

        if (BoundAs is not null && !SymbolEqualityComparer.Default.Equals(BoundAs, enumType))
        {
            // The binder reads the project's enum; the code converts its value, not its name.
            return ReadBoundMember(value) is { ConstantValue: { } bound } ? MemberOf(enumType, AsInt64(bound)) : null;
        }

        text = text.Trim();
        var ignoreCase = Reading != ValueReading.EnumParse;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return MemberOf(enumType, number);
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field &&
                string.Equals(field.Name, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return field;
            }
        }

        return OnFailure is long fallback ? MemberOf(enumType, fallback) : null;
    }
}

/// <summary>
/// Follows the value that feeds a TLS input back to a configuration key: IConfiguration reads with constant keys
/// (indexer, GetValue, GetSection chains) and the parses around them, options classes bound to a section (read through
/// IOptions, IOptionsMonitor, IOptionsSnapshot, a field, parameter or local of the class, Get&lt;T&gt;, Bind), and
/// ConfigurationManager.AppSettings. Every decision rests on symbols; a value it cannot follow has no key.
/// </summary>
internal static class ConfigurationTracer
{
    private const int MaxDepth = 8;

    public static ConfiguredRead? Trace(IOperation? value, ConfigurationContext context, CancellationToken cancellationToken) =>
        Trace(value, context, 0, cancellationToken);

    private static ConfiguredRead? Trace(IOperation? operation, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        if (operation is IConversionOperation { Type.SpecialType: SpecialType.System_Boolean, Operand.Type.SpecialType: SpecialType.System_String } textToBoolean &&
            depth <= MaxDepth)
        {
            // Only Visual Basic converts a string to a Boolean, and it reads numbers too: CBool("0") is False.
            return Trace(textToBoolean.Operand, context, depth + 1, cancellationToken)?.WithReading(ValueReading.VisualBasicConversion);
        }

        operation = Skip(operation);
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (ValueResolver.FindSingleWrite(local) is { } written)
                {
                    return Trace(written, context, depth + 1, cancellationToken);
                }

                return TraceTryParse(local, context, depth, cancellationToken);

            case ICoalesceOperation coalesce:
                // The fallback applies only when the key is absent, and an absent key decides nothing.
                return Trace(coalesce.Value, context, depth + 1, cancellationToken);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null, Type.SpecialType: SpecialType.System_Boolean } not:
                // `!config.GetValue<bool>("Smtp:DisableTls")`, `!string.Equals(text, "false", ...)`.
                return Trace(not.Operand, context, depth + 1, cancellationToken)?.Negate();

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, RightOperand: var parsed } binary
                when Skip(binary.LeftOperand) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } failed && TryParseWrites(failed.Operand, parsed):
                // `!bool.TryParse(text, out var flag) || flag`: the parsed value, true for a text that does not parse.
                return Trace(parsed, context, depth + 1, cancellationToken)?.WithFailureValue(true);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, RightOperand: var parsed } binary
                when TryParseWrites(binary.LeftOperand, parsed):
                // `bool.TryParse(text, out var flag) && flag`: the parsed value, false for a text that does not parse.
                return Trace(parsed, context, depth + 1, cancellationToken)?.WithFailureValue(false);

            case IConditionalOperation { WhenTrue: var parsed, WhenFalse: not null } conditional
                when TryParseWrites(conditional.Condition, parsed):
                // `bool.TryParse(text, out var flag) ? flag : false`: the parsed value, or the fallback for a text that
                // does not parse (unknown unless the code fixes it).
                return Trace(parsed, context, depth + 1, cancellationToken)?.WithFailureValue(FailureValue(conditional.WhenFalse));

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when binary.LeftOperand.Type?.SpecialType == SpecialType.System_String && binary.RightOperand.Type?.SpecialType == SpecialType.System_String:
                // Visual Basic's Option Compare Text makes = and <> ignore case.
                return TraceComparison(binary.LeftOperand, binary.RightOperand, binary.IsCompareText, binary.OperatorKind == BinaryOperatorKind.NotEquals, context, depth, cancellationToken);

            case IInvocationOperation invocation:
                return TraceInvocation(invocation, context, depth, cancellationToken);

            case IPropertyReferenceOperation property:
                if (ReadString(property, context, depth) is { } raw)
                {
                    return raw;
                }

                return OptionsPath.Trace(property, context, cancellationToken) is { } options
                    ? ConfiguredRead.Bound(options, property.Type)
                    : null;

            default:
                return null;
        }
    }

    private static ITypeSymbol? OutParameterType(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref)
            {
                return parameter.Type;
            }
        }

        return null;
    }

    /// <summary>A constant fallback as <see cref="ConfiguredRead.OnFailure"/> holds it: a Boolean, or an enum's value as a long.</summary>
    private static object? FailureValue(IOperation fallback) =>
        !ValueResolver.TryGetConstant(fallback, out var value) ? null
        : value is bool flag ? flag
        : fallback.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } && value is not null ? ConfiguredRead.AsInt64(value)
        : null;

    /// <summary>True when <paramref name="condition"/> is a <c>TryParse</c> call whose out argument is the local <paramref name="read"/> reads.</summary>
    private static bool TryParseWrites(IOperation condition, IOperation read)
    {
        if (Skip(condition) is not IInvocationOperation { TargetMethod.Name: "TryParse" } tryParse || Skip(read) is not ILocalReferenceOperation local)
        {
            return false;
        }

        foreach (var argument in tryParse.Arguments)
        {
            var written = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref &&
                written is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>bool.TryParse(text, out var flag)</c> or <c>Enum.TryParse(text, out mode)</c> writes the local.</summary>
    private static ConfiguredRead? TraceTryParse(ILocalReferenceOperation local, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        IInvocationOperation? tryParse = null;
        foreach (var descendant in OperationWalk.DescendantsOf(ValueResolver.GetRoot(local)))
        {
            switch (descendant)
            {
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local.Local) && other != local:
                    // `out var flag` wraps the reference in a declaration expression.
                    var use = other.Parent is IDeclarationExpressionOperation declaration ? declaration.Parent : other.Parent;
                    // Visual Basic has no out: its ByRef argument is Ref for the same parameter.
                    if (use is IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Parent: IInvocationOperation { TargetMethod.Name: "TryParse" } invocation })
                    {
                        if (tryParse is not null)
                        {
                            return null;
                        }

                        tryParse = invocation;
                    }
                    else if (other.Parent is IAssignmentOperation assignment && assignment.Target == other ||
                             other.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } ||
                             other.Parent is IIncrementOrDecrementOperation)
                    {
                        return null;
                    }

                    break;
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) && declarator.Initializer is not null:
                    return null;
            }
        }

        if (tryParse is null)
        {
            return null;
        }

        var method = tryParse.TargetMethod;
        var text = ParsedText(tryParse);

        // A text it cannot read leaves the out argument at its default (false, or the enum's zero), which the code goes
        // on with when it drops TryParse's answer (a statement of its own). Code that asks for the answer (`if
        // (!bool.TryParse(...)) throw ...;`) may stop or choose another value on failure: such a text decides nothing.
        var answerDropped = tryParse.Parent is IExpressionStatementOperation;
        if (method.ContainingType.SpecialType == SpecialType.System_Boolean)
        {
            var read = Trace(text, context, depth + 1, cancellationToken)?.WithReading(ValueReading.Parse);
            return answerDropped ? read?.WithFailureValue(false) : read;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, context.Symbols.Enum))
        {
            var ignoreCase = BooleanArgument(tryParse, "ignoreCase");
            var read = Trace(text, context, depth + 1, cancellationToken)?.WithReading(ignoreCase ? ValueReading.EnumParseIgnoreCase : ValueReading.EnumParse);

            // TryParse<T> of the project's own enum reads its names and numbers; Enum.TryParse(Type, text, out object)
            // leaves null on failure, which the cast that follows cannot unbox.
            var parsedAs = OutParameterType(method) as INamedTypeSymbol;
            if (parsedAs is { TypeKind: TypeKind.Enum } && !SymbolEqualityComparer.Default.Equals(parsedAs, context.Types.SecureSocketOptions))
            {
                return read?.WithBoundAs(parsedAs);
            }

            return answerDropped && parsedAs is { TypeKind: TypeKind.Enum } ? read?.WithFailureValue(0L) : read;
        }

        return null;
    }

    private static ConfiguredRead? TraceInvocation(IInvocationOperation invocation, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        var symbols = context.Symbols;
        var text = ParsedText(invocation);

        switch (method.Name)
        {
            case "ToString" when containing.SpecialType == SpecialType.System_String && invocation.Arguments.IsEmpty:
                // `AppSettings["EnableSsl"].ToString()`: the text itself.
                return Trace(invocation.Instance, context, depth + 1, cancellationToken);
            case "Parse" when containing.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_UInt16:
                return Trace(text, context, depth + 1, cancellationToken)?.WithReading(ValueReading.Parse);
            case "ToBoolean" or "ToInt32" when SymbolEqualityComparer.Default.Equals(containing, symbols.Convert) && text is not null:
                return Trace(text, context, depth + 1, cancellationToken)?.WithReading(ValueReading.Parse);
            case "Parse" when SymbolEqualityComparer.Default.Equals(containing, symbols.Enum):
                var ignoreCase = BooleanArgument(invocation, "ignoreCase");
                return Trace(text, context, depth + 1, cancellationToken)?.WithReading(ignoreCase ? ValueReading.EnumParseIgnoreCase : ValueReading.EnumParse);
            case "Equals" when containing.SpecialType == SpecialType.System_String:
                var strings = new List<IOperation>();
                if (invocation.Instance is { } instance)
                {
                    strings.Add(instance);
                }

                var ignore = false;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        strings.Add(argument.Value);
                    }
                    else if (ValueResolver.TryGetConstant(argument.Value, out var comparison) && comparison is int kind)
                    {
                        // StringComparison.CurrentCultureIgnoreCase, InvariantCultureIgnoreCase, OrdinalIgnoreCase.
                        ignore = kind is 1 or 3 or 5;
                    }
                }

                return strings.Count == 2 ? TraceComparison(strings[0], strings[1], ignore, negated: false, context, depth, cancellationToken) : null;
            case "GetValue" when SymbolEqualityComparer.Default.Equals(containing, symbols.ConfigurationBinder):
                var key = ConstantArgument(invocation, "key");
                var prefix = SectionPath(Receiver(invocation), context, depth + 1);
                return key is null || prefix is null ? null : ConfiguredRead.Bound(Combine(prefix, key), invocation.Type);
            case "Get" when SymbolEqualityComparer.Default.Equals(containing, symbols.ConfigurationBinder) && method.IsGenericMethod:
                // config.GetSection("Smtp:EnableSsl").Get<bool>()
                var path = SectionPath(Receiver(invocation), context, depth + 1);
                return path is { Length: > 0 } ? new ConfiguredRead(ConfigurationSource.Json, path, ValueReading.Binder) : null;
            case "Get" when SymbolEqualityComparer.Default.Equals(containing, symbols.NameValueCollection) && text is not null:
                return IsAppSettings(invocation.Instance, context) && ValueResolver.TryGetString(text, out var appKey)
                    ? new ConfiguredRead(ConfigurationSource.AppSettings, appKey, ValueReading.Parse)
                    : null;
        }

        return null;
    }

    private static ConfiguredRead? TraceComparison(IOperation left, IOperation right, bool ignoreCase, bool negated, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        if (ValueResolver.TryGetString(right, out var comparand) && Trace(left, context, depth + 1, cancellationToken) is { } fromLeft)
        {
            return fromLeft.WithReading(ValueReading.Equality, comparand, ignoreCase, negated);
        }

        if (ValueResolver.TryGetString(left, out comparand) && Trace(right, context, depth + 1, cancellationToken) is { } fromRight)
        {
            return fromRight.WithReading(ValueReading.Equality, comparand, ignoreCase, negated);
        }

        return null;
    }

    /// <summary><c>config["Smtp:EnableSsl"]</c>, <c>section.Value</c>, <c>ConfigurationManager.AppSettings["SmtpSsl"]</c>: the raw string.</summary>
    private static ConfiguredRead? ReadString(IPropertyReferenceOperation property, ConfigurationContext context, int depth)
    {
        var symbols = context.Symbols;
        var declaring = property.Property.ContainingType;
        if (property.Property.IsIndexer && property.Arguments.Length == 1 && ValueResolver.TryGetString(property.Arguments[0].Value, out var key))
        {
            if (KnownTypes.IsOrInherits(declaring, symbols.IConfiguration))
            {
                return SectionPath(property.Instance, context, depth + 1) is { } prefix
                    ? new ConfiguredRead(ConfigurationSource.Json, Combine(prefix, key), ValueReading.Binder)
                    : null;
            }

            if (KnownTypes.IsOrDerivesFrom(declaring, symbols.NameValueCollection) && IsAppSettings(property.Instance, context))
            {
                return new ConfiguredRead(ConfigurationSource.AppSettings, key, ValueReading.Parse);
            }

            return null;
        }

        if (property.Property.Name == "Value" && KnownTypes.IsOrInherits(declaring, symbols.IConfigurationSection))
        {
            return SectionPath(property.Instance, context, depth + 1) is { Length: > 0 } path
                ? new ConfiguredRead(ConfigurationSource.Json, path, ValueReading.Binder)
                : null;
        }

        return null;
    }

    /// <summary><c>ConfigurationManager.AppSettings</c> or <c>WebConfigurationManager.AppSettings</c>, directly or through a local.</summary>
    private static bool IsAppSettings(IOperation? operation, ConfigurationContext context)
    {
        operation = Skip(operation);
        if (operation is ILocalReferenceOperation local)
        {
            operation = Skip(ValueResolver.FindSingleWrite(local));
        }

        return operation is IPropertyReferenceOperation { Property.Name: "AppSettings", Property.IsStatic: true } appSettings &&
            (ConfigurationSymbols.Is(appSettings.Property.ContainingType, context.Symbols.ConfigurationManager) ||
             ConfigurationSymbols.Is(appSettings.Property.ContainingType, context.Symbols.WebConfigurationManager));
    }

    /// <summary>
    /// The section an IConfiguration expression stands for: empty for the root (a field, parameter or property of
    /// type IConfiguration, IConfigurationRoot, ConfigurationManager...), <c>Smtp</c> for <c>config.GetSection("Smtp")</c>,
    /// null when it cannot be told (a section handed in from elsewhere).
    /// </summary>
    public static string? SectionPath(IOperation? operation, ConfigurationContext context, int depth = 0)
    {
        operation = Skip(operation);
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        var symbols = context.Symbols;
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } invocation:
                var receiver = Receiver(invocation);
                if (!KnownTypes.IsOrInherits(invocation.TargetMethod.ContainingType, symbols.IConfiguration) &&
                    !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.ConfigurationExtensions))
                {
                    return null;
                }

                var key = ConstantArgument(invocation, "key");
                var prefix = SectionPath(receiver, context, depth + 1);
                return key is null || prefix is null ? null : Combine(prefix, key);
            case ILocalReferenceOperation local:
                return ValueResolver.FindSingleWrite(local) is { } written ? SectionPath(written, context, depth + 1) : Root(local.Type, symbols);
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                return null;
            default:
                // A field, parameter or property (builder.Configuration), or a call such as ConfigurationBuilder.Build().
                return Root(operation.Type, symbols);
        }
    }

    /// <summary>Empty (the root) for a configuration that is not a section; null for a section of unknown path.</summary>
    private static string? Root(ITypeSymbol? type, ConfigurationSymbols symbols) =>
        KnownTypes.IsOrInherits(type, symbols.IConfigurationSection) ? null
        : KnownTypes.IsOrInherits(type, symbols.IConfiguration) ? string.Empty
        : null;

    public static string Combine(string prefix, string key) => prefix.Length == 0 ? key : prefix + ":" + key;

    public static IOperation? Skip(IOperation? operation)
    {
        // Casts too: (SecureSocketOptions)Enum.Parse(typeof(SecureSocketOptions), text).
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// What an extension method is called on (<c>config</c> in <c>config.GetValue&lt;bool&gt;(...)</c>): the first
    /// argument in C#, whose operation calls the static method, and the instance in Visual Basic, whose operation calls
    /// the reduced method. For any other method, its instance, or else its first argument.
    /// </summary>
    public static IOperation? Receiver(IInvocationOperation invocation) => invocation.Instance ?? FirstArgument(invocation);

    private static IOperation? FirstArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public static string? ConstantArgument(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return ValueResolver.TryGetString(argument.Value, out var value) ? value : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The text argument of a parse, through a <c>Trim()</c> written around it: the parses of bool, int and enums skip
    /// the white space around their text themselves.
    /// </summary>
    private static IOperation? ParsedText(IInvocationOperation invocation) =>
        ArgumentOfType(invocation, SpecialType.System_String) is { } text &&
        Skip(text) is IInvocationOperation { TargetMethod: { Name: "Trim", ContainingType.SpecialType: SpecialType.System_String }, Arguments.IsEmpty: true, Instance: { } trimmed }
            ? trimmed
            : ArgumentOfType(invocation, SpecialType.System_String);

    private static IOperation? ArgumentOfType(IInvocationOperation invocation, SpecialType type)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == type && argument.Parameter.RefKind == RefKind.None)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool BooleanArgument(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return ValueResolver.TryGetBoolean(argument.Value, out var value) && value;
            }
        }

        return false;
    }
}
