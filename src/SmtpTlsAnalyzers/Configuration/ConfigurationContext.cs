using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// What one compilation knows about its configuration, shared by every callback, each part computed once on first
/// use: the configuration and options types, and, only in a compilation where code reads a TLS setting from
/// configuration, the configuration files (parsed from the AdditionalFiles, never from disk) and the index of the
/// options classes bound to configuration sections.
/// </summary>
internal sealed class ConfigurationContext
{
    private readonly ImmutableArray<AdditionalText> _files;
    private readonly object _layersGate = new();
    private readonly object _bindingsGate = new();
    private ConfigurationLayers? _layers;
    private OptionsBindingIndex? _bindings;

    private readonly Lazy<ConfigurationSymbols> _symbols;

    private ConfigurationContext(Compilation compilation, AnalyzerOptions options, KnownTypes types, AnalyzerSettings settings, bool ignoresCase)
    {
        Compilation = compilation;
        IgnoresCase = ignoresCase;
        Types = types;
        _symbols = new Lazy<ConfigurationSymbols>(() => ConfigurationSymbols.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        Settings = settings;
        _files = options.AdditionalFiles;
        foreach (var file in _files)
        {
            if (ConfigurationLayers.IsConfigurationFile(file.Path))
            {
                HasConfigurationFiles = true;
                break;
            }
        }
    }

    public Compilation Compilation { get; }

    public KnownTypes Types { get; }

    /// <summary>
    /// The configuration and options types, looked up on first use: by a rule that follows a TLS setting into
    /// configuration, or in a compilation with configuration files among its AdditionalFiles. Sixteen lookups among
    /// every reference are not free, and most compilations need neither.
    /// </summary>
    public ConfigurationSymbols Symbols => _symbols.Value;

    public AnalyzerSettings Settings { get; }

    /// <summary>True in Visual Basic, whose names ignore case: a text scan for a method name must too.</summary>
    public bool IgnoresCase { get; }

    /// <summary>True when an AdditionalFile is named like a configuration file; nothing is read to know it.</summary>
    public bool HasConfigurationFiles { get; }

    public static ConfigurationContext Create(Compilation compilation, AnalyzerOptions options, KnownTypes types, AnalyzerSettings settings, bool ignoresCase) =>
        new(compilation, options, types, settings, ignoresCase);

    /// <summary>The configuration layers, parsed on the first call. A cancelled parse is not kept.</summary>
    public ConfigurationLayers GetLayers(CancellationToken cancellationToken)
    {
        lock (_layersGate)
        {
            return _layers ??= ConfigurationLayers.Read(_files, cancellationToken);
        }
    }

    /// <summary>The options bindings of the compilation, collected on the first call.</summary>
    public OptionsBindingIndex GetBindings(CancellationToken cancellationToken)
    {
        lock (_bindingsGate)
        {
            return _bindings ??= OptionsBindingIndex.Build(this, cancellationToken);
        }
    }
}
