using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>
/// The sources and references of one benchmark compilation. Each run builds a fresh compilation of freshly parsed
/// trees, as a build does: an analyzer may keep what it learnt about a tree for as long as the tree lives (an IDE's
/// next compilation reuses the trees of unchanged files), and a build never hands it the same tree twice.
/// </summary>
internal sealed class Workload
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private readonly ImmutableArray<(string Path, string Text)> _sources;

    public Workload(string name, IEnumerable<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references)
    {
        Name = name;
        _sources = sources.ToImmutableArray();
        Trees = Parse();
        References = references;
        Lines = Trees.Sum(t => t.GetText().Lines.Count);
    }

    public string Name { get; }

    /// <summary>The trees of the first parse, for counting and inspecting files; no measured compilation holds them.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }
    public int Lines { get; }

    /// <summary>A compilation of trees parsed for it alone (parsing is not part of any measurement).</summary>
    public CSharpCompilation CreateCompilation(ImmutableDictionary<string, ReportDiagnostic>? diagnosticOptions = null) =>
        CreateCompilation(Parse(), diagnosticOptions);

    /// <summary>A compilation of the given trees: the same trees in a second compilation are what an IDE forms after an edit elsewhere.</summary>
    public CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, ImmutableDictionary<string, ReportDiagnostic>? diagnosticOptions = null) =>
        CSharpCompilation.Create(
            "Benchmark",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: diagnosticOptions ?? ImmutableDictionary<string, ReportDiagnostic>.Empty,
                concurrentBuild: true));

    /// <summary>The workload's files parsed afresh.</summary>
    public ImmutableArray<SyntaxTree> Parse()
    {
        var trees = new SyntaxTree[_sources.Length];
        Parallel.For(0, trees.Length, i => trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(_sources[i].Text, Encoding.UTF8), ParseOptions, _sources[i].Path));
        return trees.ToImmutableArray();
    }
}

/// <summary>What one analysis run measured.</summary>
internal sealed record AnalysisRun(
    TimeSpan Wall,
    TimeSpan AnalyzerTime,
    ImmutableDictionary<string, TimeSpan> PerAnalyzer,
    int ActionsBeyondCompilationStart,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> Exceptions);

internal static class Measurement
{
    /// <summary>The SonarLint.xml that turns on Sonar's comparable rules (hotspot rules only run when listed there).</summary>
    private static readonly AdditionalText SonarLintXml = new InMemoryAdditionalText(
        Path.Combine(Path.GetTempPath(), ".sonarlint", "SonarLint.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <AnalysisInput>
          <Settings />
          <Rules>
            <Rule><Key>S5332</Key></Rule>
            <Rule><Key>S4830</Key></Rule>
            <Rule><Key>S4423</Key></Rule>
          </Rules>
          <Files />
        </AnalysisInput>
        """);

    /// <summary>The compile alone: bind, check and emit the whole compilation to memory.</summary>
    public static (TimeSpan Wall, int Errors, ImmutableArray<Diagnostic> FirstErrors) Compile(Workload workload)
    {
        var compilation = workload.CreateCompilation();

        // After parsing: the fresh trees are collected into the older generation before the clock starts.
        Collect();
        var stopwatch = Stopwatch.StartNew();
        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream);
        stopwatch.Stop();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (stopwatch.Elapsed, errors.Length, errors.Take(5).ToImmutableArray());
    }

    /// <summary>
    /// Where <c>--spans</c> writes each analysis' start and end: tab-separated workload, tool, start and end in
    /// seconds of <see cref="Stopwatch"/>'s clock (CLOCK_MONOTONIC on Linux, the clock of <c>perf record -k mono</c>),
    /// and the tool's assemblies. <c>benchmarks/cpu-by-tool.py</c> reads it.
    /// </summary>
    public static TextWriter? Spans { get; set; }

    private static void WriteSpan(string workloadName, Tool tool, long started, long ended)
    {
        if (Spans is null)
        {
            return;
        }

        // The assemblies whose frames mark the tool's own code on a sampled stack: its analyzers' and their bases'.
        var assemblies = tool.Analyzers
            .SelectMany(a => BaseTypes(a.GetType()))
            .Select(t => t.Assembly.GetName().Name)
            .Where(n => n is not null && n != typeof(DiagnosticAnalyzer).Assembly.GetName().Name)
            .Distinct(StringComparer.Ordinal);
        Spans.WriteLine(FormattableString.Invariant(
            $"{workloadName}\t{tool.Name}\t{started / (double)Stopwatch.Frequency:F6}\t{ended / (double)Stopwatch.Frequency:F6}\t{string.Join(",", assemblies)}"));

        static IEnumerable<Type> BaseTypes(Type? type)
        {
            for (; type is not null && type != typeof(DiagnosticAnalyzer); type = type.BaseType)
            {
                yield return type;
            }
        }
    }

    /// <summary>
    /// Runs one tool's analyzers over a fresh compilation with execution-time telemetry: of freshly parsed trees, or of
    /// <paramref name="trees"/> (trees an earlier compilation held, as in an IDE).
    /// </summary>
    public static async Task<AnalysisRun> AnalyzeAsync(Workload workload, Tool tool, CancellationToken cancellationToken, ImmutableArray<SyntaxTree> trees = default)
    {
        var compilation = trees.IsDefault ? workload.CreateCompilation(tool.DiagnosticOptions) : workload.CreateCompilation(trees, tool.DiagnosticOptions);
        Collect();
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray.Create(SonarLintXml)),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var started = Stopwatch.GetTimestamp();
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(tool.Analyzers, options);
        var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();
        WriteSpan(trees.IsDefault ? workload.Name : workload.Name + " (trees given by the caller: two compilations of one set)", tool, started, Stopwatch.GetTimestamp());

        var perAnalyzer = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        var total = TimeSpan.Zero;
        var actions = 0;
        foreach (var analyzer in tool.Analyzers)
        {
            if (!result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry))
            {
                continue;
            }

            total += telemetry.ExecutionTime;
            var key = analyzer.GetType().Name;
            perAnalyzer[key] = perAnalyzer.TryGetValue(key, out var before) ? before + telemetry.ExecutionTime : telemetry.ExecutionTime;
            actions += ActionsBeyondCompilationStart(telemetry);
        }

        var diagnostics = result.GetAllDiagnostics();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                exceptions.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new AnalysisRun(stopwatch.Elapsed, total, perAnalyzer.ToImmutable(), actions, diagnostics, exceptions.Distinct().ToImmutableArray());
    }

    private static int ActionsBeyondCompilationStart(AnalyzerTelemetryInfo t) =>
        t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount +
        t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount +
        t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount +
        t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
