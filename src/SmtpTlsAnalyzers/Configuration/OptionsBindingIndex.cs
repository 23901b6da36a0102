using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>One options class bound to a configuration section.</summary>
internal sealed class OptionsBinding
{
    public OptionsBinding(INamedTypeSymbol type, string? section, bool isNamed)
    {
        Type = type;
        Section = section;
        IsNamed = isNamed;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The section path; null when the code does not fix it.</summary>
    public string? Section { get; }

    /// <summary>A named options instance (<c>Configure&lt;T&gt;("name", ...)</c>), which IOptions&lt;T&gt;.Value does not hand out.</summary>
    public bool IsNamed { get; }
}

/// <summary>
/// Every call of the compilation that binds an options class to a configuration section:
/// <c>services.Configure&lt;T&gt;(config.GetSection("Smtp"))</c>, <c>AddOptions&lt;T&gt;().Bind(...)</c> and
/// <c>.BindConfiguration("Smtp")</c>, <c>GetSection("Smtp").Get&lt;T&gt;()</c>, <c>GetSection("Smtp").Bind(instance)</c>
/// and <c>config.Bind("Smtp", instance)</c>.
/// <para>
/// The binding calls usually sit in another file (Program.cs) than the mail code, so this needs the semantic models
/// of other trees. It is built once per compilation, on the first TLS input that reads an options class, from the
/// trees whose text names a binding method (most trees never do), and in them only the members whose text names
/// one are bound. A diagnostic therefore stays at the code that reads the setting, and shows live in the editor, where an
/// index filled by operation actions would only be complete at compilation end.
/// </para>
/// </summary>
internal sealed class OptionsBindingIndex
{
    /// <summary>What a binding call's text names: <c>Get&lt;T&gt;</c> in C#, <c>Get(Of T)</c> in Visual Basic.</summary>
    private static readonly string[] TextMarkers = { "Configure", "Bind", "Get<", "Get(Of" };

    /// <summary>A file that names no marker holds no binding: the answer is kept with the file's scan.</summary>
    private static readonly FileScan.NameTest NamesMarker = new(TextMarkers, StringComparison.Ordinal);

    private static readonly FileScan.NameTest NamesMarkerIgnoringCase = new(TextMarkers, StringComparison.OrdinalIgnoreCase);

    private readonly ImmutableArray<OptionsBinding> _bindings;
    private readonly INamedTypeSymbol? _keyNameAttribute;
    private readonly ImmutableHashSet<ISymbol> _setInCode;

    private OptionsBindingIndex(ImmutableArray<OptionsBinding> bindings, INamedTypeSymbol? keyNameAttribute, ImmutableHashSet<ISymbol> setInCode)
    {
        _bindings = bindings;
        _keyNameAttribute = keyNameAttribute;
        _setInCode = setInCode;
    }

    /// <summary>
    /// True when code of the compilation writes the property in an options delegate
    /// (<c>services.Configure&lt;T&gt;(o =&gt; o.EnableSsl = true)</c>, PostConfigure, OptionsBuilder.Configure), or
    /// configures its class with a delegate the index cannot read: the configured value may not be the one used.
    /// </summary>
    public bool IsSetInCode(IPropertySymbol property) =>
        _setInCode.Contains(property.OriginalDefinition) || _setInCode.Contains(property.ContainingType.OriginalDefinition);

    public ImmutableArray<OptionsBinding> Bindings => _bindings;

    public static OptionsBindingIndex Build(ConfigurationContext context, CancellationToken cancellationToken)
    {
        var bindings = ImmutableArray.CreateBuilder<OptionsBinding>();
        var setInCode = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var compilation = context.Compilation;
        var comparison = context.IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The gate has scanned every file at compilation start; the whole-file answer is kept with that scan, so an
            // IDE's next compilation reads only the files that name a marker.
            var markers = context.IgnoresCase ? NamesMarkerIgnoringCase : NamesMarker;
            if (FileScan.Known(tree) is { } scan ? !scan.Passes(markers, tree, cancellationToken) : !markers.Passes(tree.GetText(cancellationToken).ToString()))
            {
                continue;
            }

            var text = tree.GetText(cancellationToken).ToString();

#pragma warning disable RS1030 // The binding calls sit in other files than the code that reads the options; see the class summary and docs/rules/SMTP014.md.
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var root in OperationRoots(tree.GetRoot(cancellationToken), text, comparison, model, cancellationToken))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is not IInvocationOperation invocation || !IsBindingName(invocation.TargetMethod.Name))
                    {
                        continue;
                    }

                    if (Classify(invocation, context) is { } binding)
                    {
                        bindings.Add(binding);
                    }
                    else
                    {
                        CollectSetInCode(invocation, context, setInCode);
                    }
                }
            }
        }

        return new OptionsBindingIndex(bindings.ToImmutable(), context.Symbols.ConfigurationKeyNameAttribute, setInCode.ToImmutable());
    }

    /// <summary>
    /// The section <paramref name="type"/> is bound to, for the default options instance: null when no call binds it,
    /// when calls bind it to different or unknown sections, or when it is only reached as a nested property of
    /// bound classes in more than one place. With <paramref name="anyInstance"/> (a field, parameter or property of the
    /// type, which may hold the bound instance or a nested one), a section it is bound to must also be the only place
    /// it is nested.
    /// </summary>
    public string? FindSection(INamedTypeSymbol type, bool anyInstance)
    {
        string? found = null;
        var any = false;
        foreach (var binding in _bindings)
        {
            if (binding.IsNamed || !SymbolEqualityComparer.Default.Equals(binding.Type, type))
            {
                continue;
            }

            if (binding.Section is null || (any && !string.Equals(found, binding.Section, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            found = binding.Section;
            any = true;
        }

        if (any && !anyInstance)
        {
            return found;
        }

        // A nested options class (Mail:Smtp) handed out on its own.
        foreach (var binding in _bindings)
        {
            if (binding.IsNamed || binding.Section is null)
            {
                continue;
            }

            if (!CollectNested(binding.Type, type, binding.Section, 0, ref found))
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>
    /// Finds where <paramref name="wanted"/> is nested in <paramref name="container"/> (bound at
    /// <paramref name="path"/>), into <paramref name="found"/>; false when it is found at two different keys
    /// (<c>Primary</c> and <c>Fallback</c> of one type), where the type alone cannot tell which section a value is of.
    /// </summary>
    private bool CollectNested(INamedTypeSymbol container, INamedTypeSymbol wanted, string path, int depth, ref string? found)
    {
        if (depth > 2)
        {
            return true;
        }

        foreach (var member in container.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, Type: INamedTypeSymbol propertyType } property)
            {
                continue;
            }

            var childPath = ConfigurationTracer.Combine(path, OptionsPath.KeyName(property, _keyNameAttribute));
            if (SymbolEqualityComparer.Default.Equals(propertyType, wanted))
            {
                if (found is not null && !string.Equals(found, childPath, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                found = childPath;
            }
            else if (propertyType.SpecialType == SpecialType.None && propertyType.TypeKind == TypeKind.Class &&
                SymbolEqualityComparer.Default.Equals(propertyType.ContainingAssembly, container.ContainingAssembly) &&
                !CollectNested(propertyType, wanted, childPath, depth + 1, ref found))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text in the span names a binding method (or something longer that starts so).</summary>
    private static bool Mentions(string text, int start, int length, StringComparison comparison)
    {
        foreach (var marker in TextMarkers)
        {
            if (text.IndexOf(marker, start, length, comparison) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The outermost nodes of the tree that have an operation (member bodies, initializers, top-level statements),
    /// among those whose text names a binding method: the walk goes down only where a marker is, and asks the
    /// semantic model for nothing else. Language-neutral: no syntax kind is looked at.
    /// </summary>
    private static IEnumerable<IOperation> OperationRoots(SyntaxNode root, string text, StringComparison comparison, SemanticModel model, CancellationToken cancellationToken)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = pending.Pop();
            if (!Mentions(text, node.SpanStart, node.Span.Length, comparison))
            {
                continue;
            }

            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                yield return operation;
                if (node != root)
                {
                    continue;
                }

                // Top-level statements are the file's own operation; its type declarations have theirs. A binding
                // seen twice is the same binding.
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push(child);
            }
        }
    }

    private static bool IsBindingName(string? name) =>
        name is "Configure" or "Bind" or "BindConfiguration" or "Get" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll";

    /// <summary>
    /// An options delegate (<c>Configure&lt;T&gt;(o =&gt; ...)</c>, PostConfigure, ConfigureAll, PostConfigureAll, on the
    /// service collection or an OptionsBuilder): the properties it writes on its parameter, or the whole class when
    /// the delegate is not a lambda the index can read.
    /// </summary>
    private static void CollectSetInCode(IInvocationOperation invocation, ConfigurationContext context, ImmutableHashSet<ISymbol>.Builder setInCode)
    {
        var method = invocation.TargetMethod;
        var symbols = context.Symbols;
        INamedTypeSymbol? type = null;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.OptionsServiceCollectionExtensions) && method.TypeArguments.Length == 1)
        {
            type = method.TypeArguments[0] as INamedTypeSymbol;
        }
        else if (ConfigurationSymbols.Is(method.ContainingType, symbols.OptionsBuilder) && method.ContainingType.TypeArguments.Length == 1)
        {
            type = method.ContainingType.TypeArguments[0] as INamedTypeSymbol;
        }

        if (type is null || method.Name is not ("Configure" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll"))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.Type?.TypeKind != TypeKind.Delegate)
            {
                continue;
            }

            if (ConfigurationTracer.Skip(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation written })
                    {
                        setInCode.Add(written.Property.OriginalDefinition);
                    }
                }
            }
            else
            {
                setInCode.Add(type.OriginalDefinition);
            }
        }
    }

    /// <summary>The options class and section a call binds; null when it is not a binding call.</summary>
    public static OptionsBinding? Classify(IInvocationOperation invocation, ConfigurationContext context)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        var symbols = context.Symbols;
        if (SymbolEqualityComparer.Default.Equals(containing, symbols.OptionsConfigurationServiceCollectionExtensions))
        {
            if (method.Name != "Configure" || method.TypeArguments.Length != 1 || method.TypeArguments[0] is not INamedTypeSymbol type)
            {
                return null;
            }

            var isNamed = IsNamed(invocation, "name");
            return new OptionsBinding(type, ConfigurationTracer.SectionPath(Argument(invocation, "config"), context), isNamed);
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.OptionsBuilderConfigurationExtensions))
        {
            // The options type is the builder's: Visual Basic's reduced Bind(...) has no type argument of its own.
            var builder = ConfigurationTracer.Skip(ConfigurationTracer.Receiver(invocation));
            if (builder?.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } builderType || builderType.TypeArguments[0] is not INamedTypeSymbol type)
            {
                return null;
            }

            var isNamed = builder is IInvocationOperation { TargetMethod.Name: "AddOptions" } addOptions && IsNamed(addOptions, "name");
            return method.Name switch
            {
                "Bind" => new OptionsBinding(type, ConfigurationTracer.SectionPath(Argument(invocation, "config"), context), isNamed),
                "BindConfiguration" => new OptionsBinding(type, ConfigurationTracer.ConstantArgument(invocation, "configSectionPath"), isNamed),
                _ => null,
            };
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.ConfigurationBinder))
        {
            var section = ConfigurationTracer.SectionPath(ConfigurationTracer.Receiver(invocation), context);
            switch (method.Name)
            {
                case "Get" when method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol type && IsOptionsClass(type):
                    return new OptionsBinding(type, section, isNamed: false);
                case "Bind":
                    var instance = ConfigurationTracer.Skip(Argument(invocation, "instance"));
                    if (instance?.Type is not INamedTypeSymbol boundType || !IsOptionsClass(boundType))
                    {
                        return null;
                    }

                    var key = Argument(invocation, "key");
                    if (key is not null)
                    {
                        section = section is not null && ValueResolver.TryGetString(key, out var keyText) ? ConfigurationTracer.Combine(section, keyText) : null;
                    }

                    return new OptionsBinding(boundType, section, isNamed: false);
            }
        }

        return null;
    }

    private static bool IsOptionsClass(INamedTypeSymbol type) =>
        type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct;

    /// <summary>True when a name argument is given and is not the default name (empty); an unknown name counts as named.</summary>
    private static bool IsNamed(IInvocationOperation invocation, string parameterName)
    {
        var name = Argument(invocation, parameterName);
        if (name is null)
        {
            return false;
        }

        if (ValueResolver.TryGetConstant(name, out var value))
        {
            return value is string { Length: > 0 };
        }

        return true;
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
