using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>Every analyzer, descriptor and code fix the two assemblies ship, found by reflection.</summary>
internal static class RuleCatalog
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SmtpTlsAnalyzers.SmtpTlsAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = typeof(SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientEnableSslFixes).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static IEnumerable<object[]> DescriptorIds() => Descriptors.Select(d => new object[] { d.Id });

    public static IEnumerable<object[]> AnalyzerNames() => Analyzers.Select(a => new object[] { a.GetType().Name });

    public static IEnumerable<object[]> CodeFixNames() => CodeFixes.Select(f => new object[] { f.GetType().Name });

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    public static DiagnosticAnalyzer Analyzer(string name) => Analyzers.Single(a => a.GetType().Name == name);

    public static CodeFixProvider CodeFix(string name) => CodeFixes.Single(f => f.GetType().Name == name);

    public static bool IsFixable(string id) => CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

    /// <summary>The address the package is published from: the one property of Directory.Build.props.</summary>
    public static string RepositoryUrl => BuildProperty("SmtpTlsAnalyzersRepositoryUrl");

    /// <summary>The tag of the version being built (v + Version), which help links and package links point at.</summary>
    public static string ReleaseTag => "v" + BuildProperty("Version");

    public static string BuildProperty(string name)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props"));
        return props.Descendants(name).Single().Value.Trim();
    }

    /// <summary>The repository root: the folder that holds SmtpTlsAnalyzers.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmtpTlsAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SmtpTlsAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
