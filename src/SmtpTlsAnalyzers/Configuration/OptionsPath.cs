using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// The configuration key of a property read from an options object: <c>_options.Value.Smtp.EnableSsl</c> is
/// <c>Mail:Smtp:EnableSsl</c> when the compilation binds the options class to the section <c>Mail</c>. Property
/// names are keys (or their <c>[ConfigurationKeyName]</c>); the object is reached through IOptions&lt;T&gt;.Value,
/// IOptionsSnapshot&lt;T&gt;.Value, IOptionsMonitor&lt;T&gt;.CurrentValue, a field, parameter or property of the class,
/// a local copy of any of those, <c>section.Get&lt;T&gt;()</c>, or a local bound with <c>section.Bind(local)</c>.
/// </summary>
internal static class OptionsPath
{
    private const int MaxDepth = 6;

    public static string? Trace(IPropertyReferenceOperation property, ConfigurationContext context, CancellationToken cancellationToken) =>
        PathOf(property, context, 0, cancellationToken) is { } path && !context.GetBindings(cancellationToken).IsSetInCode(property.Property)
            ? path
            : null;

    /// <summary>The key of a chain of options properties (<c>options.Smtp.EnableSsl</c>), down from the section of its root.</summary>
    private static string? PathOf(IPropertyReferenceOperation property, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        var segments = new List<string>();
        IOperation? current = property;
        while (current is IPropertyReferenceOperation reference && IsSegment(reference, context))
        {
            segments.Insert(0, KeyName(reference.Property, context.Symbols.ConfigurationKeyNameAttribute));
            current = ConfigurationTracer.Skip(reference.Instance);
        }

        return segments.Count > 0 && RootSection(current, context, depth, cancellationToken) is { } root
            ? ConfigurationTracer.Combine(root, string.Join(":", segments))
            : null;
    }

    /// <summary>The key a property binds to: its [ConfigurationKeyName], or its name.</summary>
    public static string KeyName(IPropertySymbol property, INamedTypeSymbol? keyNameAttribute)
    {
        if (keyNameAttribute is not null)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, keyNameAttribute) &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }
        }

        return property.Name;
    }

    /// <summary>A property of an options object (not the accessor that hands the object out, not a member of the calling class).</summary>
    private static bool IsSegment(IPropertyReferenceOperation reference, ConfigurationContext context) =>
        !reference.Property.IsIndexer && !reference.Property.IsStatic &&
        ConfigurationTracer.Skip(reference.Instance) is { } instance and not IInstanceReferenceOperation &&
        !IsOptionsAccessor(reference, context);

    private static bool IsOptionsAccessor(IPropertyReferenceOperation reference, ConfigurationContext context)
    {
        var symbols = context.Symbols;
        var declaring = reference.Property.ContainingType;
        return reference.Property.Name switch
        {
            "Value" => ConfigurationSymbols.Is(declaring, symbols.IOptions) || ConfigurationSymbols.Is(declaring, symbols.IOptionsSnapshot),
            "CurrentValue" => ConfigurationSymbols.Is(declaring, symbols.IOptionsMonitor),
            _ => false,
        };
    }

    private static string? RootSection(IOperation? root, ConfigurationContext context, int depth, CancellationToken cancellationToken)
    {
        root = ConfigurationTracer.Skip(root);
        if (root is null || depth > MaxDepth)
        {
            return null;
        }

        switch (root)
        {
            case IPropertyReferenceOperation accessor when IsOptionsAccessor(accessor, context):
                return FindSection(accessor.Type, anyInstance: false, context, cancellationToken);
            case ILocalReferenceOperation local:
                var written = ConfigurationTracer.Skip(ValueResolver.FindSingleWrite(local));
                if (written is null or IObjectCreationOperation)
                {
                    return BoundLocal(local, context);
                }

                // A local copy of a nested object (`var smtp = options.Value.Fallback;`) is that property's section,
                // not whichever section binds its type.
                return written is IPropertyReferenceOperation copied && IsSegment(copied, context)
                    ? PathOf(copied, context, depth + 1, cancellationToken)
                    : RootSection(written, context, depth + 1, cancellationToken);
            case IInvocationOperation { TargetMethod.Name: "Get", TargetMethod.IsGenericMethod: true } get
                when SymbolEqualityComparer.Default.Equals(get.TargetMethod.ContainingType, context.Symbols.ConfigurationBinder):
                return ConfigurationTracer.SectionPath(ConfigurationTracer.Receiver(get), context);
            case ICoalesceOperation coalesce:
                // `Get<T>() ?? new T()`, `?? throw ...`: the fallback serves only where no file has the section.
                return RootSection(coalesce.Value, context, depth + 1, cancellationToken);
            case IConditionalAccessOperation access when ConfigurationTracer.SectionPath(access.Operation, context) is { Length: 0 }:
                // `configuration?.GetSection("Smtp").Get<T>()`: what follows `?.` starts at the root. After a section
                // (`mail?.GetSection("Smtp")`) the path would be read from the root instead, and is not followed.
                return RootSection(access.WhenNotNull, context, depth + 1, cancellationToken);
            case IFieldReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation:
                return FindSection(root.Type, anyInstance: true, context, cancellationToken);
            default:
                return null;
        }
    }

    private static string? FindSection(ITypeSymbol? type, bool anyInstance, ConfigurationContext context, CancellationToken cancellationToken) =>
        type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct } named
            ? context.GetBindings(cancellationToken).FindSection(named, anyInstance)
            : null;

    /// <summary><c>var o = new SmtpOptions(); config.GetSection("Smtp").Bind(o);</c> in the same body.</summary>
    private static string? BoundLocal(ILocalReferenceOperation local, ConfigurationContext context)
    {
        string? found = null;
        foreach (var descendant in OperationWalk.DescendantsOf(ValueResolver.GetRoot(local)))
        {
            if (descendant is not IInvocationOperation { TargetMethod.Name: "Bind" } bind ||
                !SymbolEqualityComparer.Default.Equals(bind.TargetMethod.ContainingType, context.Symbols.ConfigurationBinder))
            {
                continue;
            }

            IOperation? instance = null;
            string? key = null;
            foreach (var argument in bind.Arguments)
            {
                if (argument.Parameter?.Name == "instance")
                {
                    instance = ConfigurationTracer.Skip(argument.Value);
                }
                else if (argument.Parameter?.Name == "key")
                {
                    key = ValueResolver.TryGetString(argument.Value, out var text) ? text : null;
                    if (key is null)
                    {
                        return null;
                    }
                }
            }

            if (instance is not ILocalReferenceOperation bound || !SymbolEqualityComparer.Default.Equals(bound.Local, local.Local))
            {
                continue;
            }

            var section = ConfigurationTracer.SectionPath(ConfigurationTracer.Receiver(bind), context);
            if (section is null || found is not null)
            {
                return null;
            }

            found = key is null ? section : ConfigurationTracer.Combine(section, key);
        }

        return found;
    }
}
