using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>
/// A set of analyzers measured together: their diagnostic options for the run, the IDs that count for the
/// comparison, and why the set could not be loaded, if it could not.
/// </summary>
internal sealed record Tool(
    string Name,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableDictionary<string, ReportDiagnostic> DiagnosticOptions,
    ImmutableArray<string> ComparableIds,
    string? LoadError)
{
    public bool IsLoaded => LoadError is null && !Analyzers.IsEmpty;
}

internal static class Tools
{
    /// <summary>
    /// Every non-abstract C# DiagnosticAnalyzer of the SmtpTlsAnalyzers assemblies (the core and the C# one), found by
    /// reflection, so that however the rules are split into analyzers, all of them are measured.
    /// </summary>
    public static Tool Ours()
    {
        var assemblies = new[] { typeof(SmtpTlsAnalyzers.Analysis.MailAnalyzer).Assembly, typeof(SmtpTlsAnalyzers.SmtpTlsAnalyzer).Assembly };
        var analyzers = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null &&
                        t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
        return new Tool("SmtpTlsAnalyzers", analyzers, ImmutableDictionary<string, ReportDiagnostic>.Empty, ids, null);
    }

    public static Tool SemanticModelBaseline() => Reference("Baseline: one empty semantic-model action", new EmptySemanticModelAnalyzer());

    public static Tool OperationFloor() => Reference("Floor: empty operation actions", new EmptyOperationFloorAnalyzer());

    /// <summary>The report floor: it reports what SmtpTlsAnalyzers (<paramref name="ours"/>) last reported (<see cref="ReportFloorAnalyzer.Replay"/>).</summary>
    public static Tool ReportFloor(Tool ours) =>
        Reference("Floor: SmtpTlsAnalyzers' diagnostics reported with no analysis", new ReportFloorAnalyzer(ours.Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray()));

    public static Tool SyntaxFloor() => Reference("Floor: syntax name check", new NameCheckSyntaxFloorAnalyzer());

    /// <summary>An analyzer of this program, measured for what its callbacks alone cost; only the report floor reports, and only what ours found.</summary>
    private static Tool Reference(string name, DiagnosticAnalyzer analyzer) =>
        new(name, ImmutableArray.Create(analyzer), ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableArray<string>.Empty, null);

    /// <summary>The name of the peer the goals compare with (<see cref="Peers"/>).</summary>
    public const string NetAnalyzers = "NetAnalyzers";

    /// <summary>
    /// The peers a user would pick instead, with the rules that compare to ours; with <paramref name="only"/>, the
    /// peers whose name starts with one of its entries (case-insensitive).
    /// </summary>
    public static IEnumerable<Tool> Peers(IReadOnlyCollection<string>? only = null)
    {
        var peers = new (string Name, Func<Tool> Load)[]
        {
            ("SonarAnalyzer.CSharp", () => Peer("SonarAnalyzer.CSharp", "sonaranalyzer.csharp", "9.32.0.97167", "analyzers", new[] { "S5332", "S4830", "S4423" })),
            (NetAnalyzers, () => Peer(NetAnalyzers, "microsoft.codeanalysis.netanalyzers", "10.0.401", Path.Combine("analyzers", "dotnet", "cs"), new[] { "CA5359", "CA5364", "CA5397" })),
            ("SecurityCodeScan", () => Peer("SecurityCodeScan", "securitycodescan.vs2019", "5.6.7", Path.Combine("analyzers", "dotnet"), new[] { "SCS0004" })),
        };
        return peers
            .Where(p => only is null || only.Any(o => p.Name.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Load())
            .ToList();
    }

    /// <summary>
    /// Loads a peer's analyzer DLLs from the NuGet packages folder (restored by the PackageDownload items of this
    /// project) and keeps the analyzers that report one of <paramref name="ids"/>. Only those IDs are enabled; every
    /// other ID of the kept analyzers is suppressed, so the run pays for the comparable rules only.
    /// </summary>
    private static Tool Peer(string name, string packageId, string version, string folder, string[] ids)
    {
        var label = $"{name} {version}";
        var directory = Path.Combine(PackageRoot(), packageId, version, folder);
        if (!Directory.Exists(directory))
        {
            return Failed(label, ids, $"{directory} does not exist: restore the benchmark project (PackageDownload) first");
        }

        var loader = new AnalyzerLoader();
        var dlls = Directory.GetFiles(directory, "*.dll");
        foreach (var dll in dlls)
        {
            loader.AddDependencyLocation(dll);
        }

        var errors = new List<string>();
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (var dll in dlls)
        {
            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) =>
            {
                // Dependencies without analyzers (protobuf, YamlDotNet) fail with "no analyzers", which is no error.
                if (e.ErrorCode != AnalyzerLoadFailureEventArgs.FailureErrorCode.NoAnalyzers)
                {
                    errors.Add($"{Path.GetFileName(dll)}: {e.ErrorCode} {e.TypeName} {e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}");
                }
            };
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                ImmutableArray<DiagnosticDescriptor> supported;
                try
                {
                    supported = analyzer.SupportedDiagnostics;
                }
                catch (Exception e)
                {
                    errors.Add($"{analyzer.GetType().Name}.SupportedDiagnostics threw {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (supported.Any(d => ids.Contains(d.Id)))
                {
                    analyzers.Add(analyzer);
                }
            }
        }

        if (analyzers.Count == 0)
        {
            return Failed(label, ids, errors.Count > 0
                ? "no analyzer reporting " + string.Join("/", ids) + " could be loaded: " + string.Join("; ", errors.Take(3))
                : "no analyzer in " + directory + " reports " + string.Join("/", ids));
        }

        var options = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
        foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            options[descriptor.Id] = ids.Contains(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
        }

        return new Tool(label, analyzers.ToImmutableArray(), options.ToImmutable(), ids.ToImmutableArray(), null);
    }

    private static Tool Failed(string label, string[] ids, string error) =>
        new(label, ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty, ids.ToImmutableArray(), error);

    /// <summary>The NuGet global packages folder: NUGET_PACKAGES, the folder this project restored to, or ~/.nuget/packages.</summary>
    public static string PackageRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var fromBuild = typeof(Tools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && Directory.Exists(fromBuild))
        {
            return fromBuild;
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>
    /// Loads analyzer assemblies into their own context. The compiler assemblies and the framework always come from
    /// the host, so the peers' analyzers bind to the Roslyn this program runs.
    /// </summary>
    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);
        private readonly Context _context;

        public AnalyzerLoader() => _context = new Context(this);

        public void AddDependencyLocation(string fullPath) =>
            _dependencies.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);

        public Assembly LoadFromPath(string fullPath) =>
            _loaded.GetOrAdd(Path.GetFullPath(fullPath), path => _context.LoadFromAssemblyPath(path));

        private sealed class Context : AssemblyLoadContext
        {
            private static readonly HashSet<string> HostAssemblies = new(StringComparer.OrdinalIgnoreCase)
            {
                "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.VisualBasic",
                "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces",
            };

            private readonly AnalyzerLoader _owner;

            public Context(AnalyzerLoader owner)
                : base("peer-analyzers", isCollectible: false) => _owner = owner;

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var name = assemblyName.Name;
                if (name is null || HostAssemblies.Contains(name))
                {
                    return null;
                }

                return _owner._dependencies.TryGetValue(name, out var path) ? _owner.LoadFromPath(path) : null;
            }
        }
    }
}
