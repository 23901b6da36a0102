using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>
/// Measures SmtpTlsAnalyzers against the compile alone, against an empty semantic-model action per file, against the
/// peers' comparable rules, on a compilation without mail code, and optionally on a real corpus. Prints one markdown
/// report ending with one line per goal, met or not, and exits non-zero when a goal it enforces is not met.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/SmtpTlsAnalyzers.Benchmarks -- [options]
          --files N        generated files (default 2000, about 100 lines each; one in ten is mail code)
          --runs N         repetitions; every figure is the median (default 5)
          --quick          100 files, 1 run, a small warm-up (CI): the shape table is enforced, the timing goals are
                           reported but do not fail the run
          --corpus DIR     also measure a real corpus: every .cs file under DIR (obj/ and bin/ skipped)
          --corpus-only    with --corpus: skip the generated project (and its goals)
          --peers LIST     only the peers whose name starts with one of LIST (comma-separated, e.g. NetAnalyzers)
          --no-peers       skip the peer analyzers (the goal against NetAnalyzers is then not measured)
          --floors         also the empty operation-action, syntax name-check and report floors
          --cold N         also N rounds of a first analysis in a fresh process per tool (ours, NetAnalyzers), no
                           warm-up: what a first pass pays; reported, enforces nothing (not with --corpus-only)
          --spans FILE     write when each tool's analysis started and ended (monotonic clock, seconds), one line
                           per analysis, to match against a sampling profiler's recording (docs/performance.md)
        Exit code: 0 when every enforced goal is met, 1 when one is not or the run failed, 2 on bad arguments.
        """;

    /// <summary>The goals of docs/performance.md.</summary>
    private const double MaxTimesNetAnalyzers = 0.5;
    private const double MaxShareOfCompile = 0.005;
    private const double MaxShareOfCompileWithoutMailCode = 0.0005;
    private const double MaxTimesBaselineWithoutMailCode = 2.0;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ColdPasses.PassArgument)
        {
            if (args.Length != 4 || args[2] != "--files" || !int.TryParse(args[3], out var passFiles) || passFiles <= 0)
            {
                Console.Error.WriteLine($"{ColdPasses.PassArgument} takes a tool name and --files N.");
                return 2;
            }

            return await ColdPasses.RunOneAsync(args[1], passFiles).ConfigureAwait(false);
        }

        var files = 2000;
        var runs = 5;
        var cold = 0;
        var quick = false;
        var peers = true;
        var floors = false;
        var corpusOnly = false;
        List<string>? peerFilter = null;
        string? corpus = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files" when i + 1 < args.Length && int.TryParse(args[i + 1], out var f) && f > 0:
                    files = f;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--corpus" when i + 1 < args.Length && Directory.Exists(args[i + 1]):
                    corpus = args[++i];
                    break;
                case "--corpus-only":
                    corpusOnly = true;
                    break;
                case "--peers" when i + 1 < args.Length:
                    peerFilter = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    break;
                case "--cold" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c > 0:
                    cold = c;
                    i++;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--no-peers":
                    peers = false;
                    break;
                case "--floors":
                    floors = true;
                    break;
                case "--spans" when i + 1 < args.Length:
                    Measurement.Spans = new StreamWriter(args[++i], append: false) { AutoFlush = true };
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (corpusOnly && corpus is null)
        {
            Console.Error.WriteLine("--corpus-only needs --corpus DIR.");
            return 2;
        }

        if (corpusOnly && cold > 0)
        {
            Console.Error.WriteLine("--cold measures the generated project, which --corpus-only skips.");
            return 2;
        }

        if (quick)
        {
            files = 100;
            runs = 1;
        }

        var ours = Tools.Ours();
        var baseline = Tools.SemanticModelBaseline();
        var tools = new List<Tool> { ours, baseline };
        if (floors)
        {
            tools.Add(Tools.OperationFloor());
            tools.Add(Tools.SyntaxFloor());

            // Right after ours, on the same workload: it reports what ours has just reported.
            tools.Insert(tools.IndexOf(ours) + 1, Tools.ReportFloor(ours));
        }

        if (peers)
        {
            tools.AddRange(Tools.Peers(peerFilter));
        }

        Console.WriteLine("# SmtpTlsAnalyzers benchmark");
        Console.WriteLine();
        Console.WriteLine(MachineLine());
        Console.WriteLine();
        Console.WriteLine($"Command line arguments: `{string.Join(" ", args)}`");
        Console.WriteLine();

        // The first compilation pays the JIT of the compiler and of every analyzer: keep it out of the figures.
        Console.Error.WriteLine("warming up (JIT) on a small compilation...");
        var warmUp = Generated(quick ? 12 : 60, withMail: true);
        Measurement.Compile(warmUp);
        foreach (var tool in tools.Where(t => t.IsLoaded))
        {
            Replay(tools, tool, await Measurement.AnalyzeAsync(warmUp, tool, CancellationToken.None).ConfigureAwait(false));
        }

        var ok = true;
        var goals = new List<Goal>();
        if (!corpusOnly)
        {
            ok &= await RunGeneratedAsync(files, runs, tools, ours, baseline, enforceTiming: !quick, goals).ConfigureAwait(false);
            if (cold > 0)
            {
                PrintColdPasses(files, cold, tools, ours);
            }
        }

        if (corpus is not null)
        {
            var sources = Directory.EnumerateFiles(corpus, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                            !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(corpus, p), File.ReadAllText(p)));
            var workload = new Workload("corpus " + Path.GetFullPath(corpus), sources, References.WithMail);
            ok &= await RunCorpusAsync(workload, runs, tools, ours).ConfigureAwait(false);
        }

        return PrintGoals(goals, ok) ? 0 : 1;
    }

    private static Workload Generated(int files, bool withMail) =>
        new($"generated, {files} files", CodeGenerator.Generate(files, withMail).Select(g => (g.Path, g.Text)), withMail ? References.WithMail : References.WithoutMail);

    /// <summary>
    /// The generated project with mail code, the same size without mail code but with System.Net.Mail and MailKit
    /// referenced, and (once) without them referenced at all; measured interleaved, so that a slow moment of the
    /// shared machine hits every tool alike. Adds the goals' verdicts; false when the run itself failed.
    /// </summary>
    private static async Task<bool> RunGeneratedAsync(int files, int runs, List<Tool> tools, Tool ours, Tool baseline, bool enforceTiming, List<Goal> goals)
    {
        var generated = new Series(Generated(files, withMail: true), tools);
        var noMailCode = new Series(
            new Workload($"generated, {files} files without mail code (System.Net.Mail and MailKit referenced)", CodeGenerator.Generate(files, withMail: false).Select(g => (g.Path, g.Text)), References.WithMail),
            new List<Tool> { ours, baseline });
        var noMailTypes = new Series(
            new Workload($"generated, {files} files without mail types (neither System.Net.Mail nor MailKit referenced)", noMailCode.Workload.Trees.Select(t => (t.FilePath, t.GetText().ToString())), References.WithoutMail),
            new List<Tool> { ours });

        var noMailSecondCompilation = new List<AnalysisRun>();
        var ok = true;
        for (var run = 0; run < runs; run++)
        {
            ok &= await MeasureAsync(generated, run, runs, requireCleanCompile: true).ConfigureAwait(false);
            ok &= await MeasureAsync(noMailCode, run, runs, requireCleanCompile: true).ConfigureAwait(false);

            // The same files in a second compilation, as an IDE forms one after an edit elsewhere in the project.
            var trees = noMailCode.Workload.Parse();
            noMailSecondCompilation.Add(await Measurement.AnalyzeAsync(noMailCode.Workload, ours, CancellationToken.None, trees).ConfigureAwait(false));
            noMailSecondCompilation.Add(await Measurement.AnalyzeAsync(noMailCode.Workload, ours, CancellationToken.None, trees).ConfigureAwait(false));
            if (run == 0)
            {
                // Only its registrations are checked: one run is enough.
                ok &= await MeasureAsync(noMailTypes, run, 1, requireCleanCompile: true).ConfigureAwait(false);
            }
        }

        var compile = generated.Compile;
        var oursTime = generated.Time(ours);
        var net = tools.FirstOrDefault(t => t.Name.StartsWith(Tools.NetAnalyzers, StringComparison.Ordinal));

        Console.WriteLine($"## {generated.Workload.Name}");
        Console.WriteLine();
        Console.WriteLine($"{generated.Workload.Trees.Length:N0} files, {generated.Workload.Lines:N0} lines ({generated.Workload.Trees.Count(IsMailFile)} mail files, " +
                          $"{GatePassing(generated.Workload)} passing the per-file gate); {runs} run(s), medians. " +
                          "Analyzer time is Roslyn's execution-time telemetry summed over the tool's analyzers (the time their callbacks took, " +
                          "summed across threads, collection pauses and preemption included); wall is the whole GetAnalysisResultAsync, compile included.");
        Console.WriteLine();
        PrintTimes(generated, ours, compile, net is { IsLoaded: true } ? net : null);

        var noMailTime = noMailCode.Time(ours);
        var baselineTime = noMailCode.Time(baseline);
        var registeredNoMailCode = noMailCode.Analysis[ours].Max(r => r.ActionsBeyondCompilationStart);
        var registered = noMailTypes.Analysis[ours].Max(r => r.ActionsBeyondCompilationStart);
        Console.WriteLine($"### {noMailCode.Workload.Name}");
        Console.WriteLine();
        Console.WriteLine($"{GatePassing(noMailCode.Workload)} of {noMailCode.Workload.Trees.Length:N0} files pass the per-file gate; " +
                          $"the gate's text search alone over the {noMailCode.Workload.Trees.Length:N0} files (warm, median of five passes, outside the analyzer): {Ms(GateSearchTime(noMailCode.Workload))} ms.");
        Console.WriteLine();
        Console.WriteLine("| Measurement | Analyzer time (ms) | Wall (ms) | Ratio |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine($"| Compile alone (bind + emit to memory) | | {Ms(noMailCode.Compile)} | |");
        Console.WriteLine($"| {OursName(ours)} | {Ms(noMailTime)} | {Ms(noMailCode.Wall(ours))} | {Percent(noMailTime, noMailCode.Compile)} of compile; {Times(noMailTime, baselineTime)} the baseline; {registeredNoMailCode} action(s) registered beyond compilation start |");
        Console.WriteLine($"| {baseline.Name} | {Ms(baselineTime)} | {Ms(noMailCode.Wall(baseline))} | |");
        Console.WriteLine($"| {OursName(ours)}, neither System.Net.Mail nor MailKit referenced | {Ms(noMailTypes.Time(ours))} | {Ms(noMailTypes.Wall(ours))} | {registered} action(s) registered beyond compilation start |");
        // Every second entry is the second compilation of its trees; the first ones are checked for exceptions only.
        var second = noMailSecondCompilation.Where((_, i) => i % 2 == 1).ToList();
        var secondTime = Measurement.Median(second.Select(r => r.AnalyzerTime));
        Console.WriteLine($"| {OursName(ours)}, the same files' trees in a second compilation (an IDE's next compilation; reported, no goal) | {Ms(secondTime)} | {Ms(Measurement.Median(second.Select(r => r.Wall)))} | {Percent(secondTime, noMailCode.Compile)} of compile; {Times(secondTime, baselineTime)} the baseline |");
        Console.WriteLine();
        // The gate runs at compilation start: where no file passes it, the analyzer registers nothing else, so the
        // compiler builds nothing and calls nothing more on its behalf.
        if (registered > 0 || registeredNoMailCode > 0)
        {
            Console.Error.WriteLine($"SmtpTlsAnalyzers registered {registeredNoMailCode} and {registered} actions beyond compilation start in the compilations without mail code: it must register none.");
            ok = false;
        }

        ok &= CheckExceptions(generated, ours) & CheckExceptions(noMailCode, ours) & CheckExceptions(noMailTypes, ours);
        if (noMailSecondCompilation.Any(r => !r.Exceptions.IsEmpty || r.ActionsBeyondCompilationStart > 0))
        {
            Console.Error.WriteLine("SmtpTlsAnalyzers threw or registered actions in a first or second compilation of the same trees without mail code.");
            ok = false;
        }

        PrintPerAnalyzer(generated, ours);
        PrintFindings(generated.Workload, tools.Where(t => t.IsLoaded && !t.ComparableIds.IsEmpty).ToList(), generated.Analysis);
        if (generated.Analysis[ours][0].Diagnostics.IsEmpty)
        {
            Console.Error.WriteLine("SmtpTlsAnalyzers reported nothing on the generated mail code.");
            ok = false;
        }

        var size = $"generated {files:N0} files";
        if (net is { IsLoaded: true })
        {
            var netTime = generated.Time(net);
            goals.Add(new Goal(
                $"{size}: all rules <= {MaxTimesNetAnalyzers}x NetAnalyzers ({string.Join(" ", net.ComparableIds)})",
                oursTime.TotalMilliseconds <= netTime.TotalMilliseconds * MaxTimesNetAnalyzers,
                $"{Ms(oursTime)} ms vs {Ms(netTime)} ms = {Times(oursTime, netTime)}",
                enforceTiming));
        }
        else
        {
            goals.Add(new Goal(
                $"{size}: all rules <= {MaxTimesNetAnalyzers}x NetAnalyzers",
                Met: false,
                net is null ? "not measured (NetAnalyzers not run)" : $"NetAnalyzers not loaded: {net.LoadError}",
                Enforced: net is not null && enforceTiming));
        }

        goals.Add(new Goal(
            $"{size}: all rules <= {MaxShareOfCompile:P1} of the compile",
            oursTime.TotalMilliseconds <= compile.TotalMilliseconds * MaxShareOfCompile,
            $"{Ms(oursTime)} ms of {Ms(compile)} ms = {Percent(oursTime, compile)}",
            enforceTiming));
        goals.Add(new Goal(
            $"{size} without mail code, System.Net.Mail and MailKit referenced: <= {MaxShareOfCompileWithoutMailCode:P2} of the compile",
            noMailTime.TotalMilliseconds <= noMailCode.Compile.TotalMilliseconds * MaxShareOfCompileWithoutMailCode,
            $"{Ms(noMailTime)} ms of {Ms(noMailCode.Compile)} ms = {Percent(noMailTime, noMailCode.Compile)}",
            enforceTiming));
        goals.Add(new Goal(
            $"{size} without mail code: <= {MaxTimesBaselineWithoutMailCode}x one empty semantic-model action per file",
            noMailTime.TotalMilliseconds <= baselineTime.TotalMilliseconds * MaxTimesBaselineWithoutMailCode,
            $"{Ms(noMailTime)} ms vs {Ms(baselineTime)} ms = {Times(noMailTime, baselineTime)}",
            enforceTiming));

        var shapeFailures = CheckShapes(generated.Workload, generated.Analysis[ours][0].Diagnostics, ours);
        goals.Add(new Goal(
            $"{size}: every shape detected as expected",
            shapeFailures.Count == 0,
            shapeFailures.Count == 0 ? $"{CodeGenerator.Shapes.Count} shapes as expected" : $"{shapeFailures.Count} shape(s) differ (see the SHAPE lines above): {string.Join(", ", shapeFailures)}",
            Enforced: true));
        return ok;
    }

    /// <summary>A real corpus: our analyzers beside the baseline and the peers; reported, no goal.</summary>
    private static async Task<bool> RunCorpusAsync(Workload workload, int runs, List<Tool> tools, Tool ours)
    {
        var series = new Series(workload, tools);
        var ok = true;
        for (var run = 0; run < runs; run++)
        {
            ok &= await MeasureAsync(series, run, runs, requireCleanCompile: false).ConfigureAwait(false);
        }

        var net = tools.FirstOrDefault(t => t.Name.StartsWith(Tools.NetAnalyzers, StringComparison.Ordinal) && t.IsLoaded);
        Console.WriteLine($"## {workload.Name}");
        Console.WriteLine();
        Console.WriteLine($"{workload.Trees.Length:N0} files, {workload.Lines:N0} lines, {GatePassing(workload)} passing the per-file gate " +
                          $"({series.Errors:N0} compile errors: references that do not resolve, which only add errors); {runs} run(s), medians.");
        Console.WriteLine();
        PrintTimes(series, ours, series.Compile, net);
        ok &= CheckExceptions(series, ours);
        PrintPerAnalyzer(series, ours);
        Console.WriteLine("Diagnostics found (first run):");
        Console.WriteLine();
        foreach (var tool in tools.Where(t => t.IsLoaded && !t.ComparableIds.IsEmpty))
        {
            var found = series.Analysis[tool][0].Diagnostics.Where(d => tool.ComparableIds.Contains(d.Id)).ToList();
            Console.WriteLine($"- {tool.Name}: {(found.Count == 0 ? "none" : string.Join(", ", found.Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")))}");
        }

        Console.WriteLine();
        return ok;
    }

    /// <summary>One run of a series: the compile alone, then every tool of the series on a fresh compilation.</summary>
    private static async Task<bool> MeasureAsync(Series series, int run, int runs, bool requireCleanCompile)
    {
        Console.Error.WriteLine($"{series.Workload.Name}: run {run + 1}/{runs}");
        var ok = true;
        var (wall, errors, firstErrors) = Measurement.Compile(series.Workload);
        series.CompileTimes.Add(wall);
        if (run == 0)
        {
            series.Errors = errors;
            if (errors > 0)
            {
                Console.Error.WriteLine($"{series.Workload.Name}: the compilation has {errors} errors, e.g.:");
                foreach (var error in firstErrors)
                {
                    Console.Error.WriteLine("  " + error);
                }

                ok = !requireCleanCompile;
            }
        }

        foreach (var tool in series.Tools.Where(t => t.IsLoaded))
        {
            var analysis = await Measurement.AnalyzeAsync(series.Workload, tool, CancellationToken.None).ConfigureAwait(false);
            series.Analysis[tool].Add(analysis);
            Replay(series.Tools, tool, analysis);
        }

        return ok;
    }

    /// <summary>Hands what a tool reported to the report floor of the same list, which runs next on the same workload.</summary>
    private static void Replay(IEnumerable<Tool> tools, Tool tool, AnalysisRun analysis)
    {
        foreach (var floor in tools.SelectMany(t => t.Analyzers).OfType<ReportFloorAnalyzer>())
        {
            if (tool.ComparableIds.Any(id => floor.SupportedDiagnostics.Any(d => d.Id == id)))
            {
                floor.Replay(analysis.Diagnostics);
            }
        }
    }

    private static void PrintTimes(Series series, Tool ours, TimeSpan compile, Tool? net)
    {
        var oursTime = series.Time(ours);
        Console.WriteLine("| Measurement | Analyzer time (ms) | Wall (ms) | Ratio |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine($"| Compile alone (bind + emit to memory) | | {Ms(compile)} | |");
        var netRatio = net is null ? "" : $"; {Times(oursTime, series.Time(net))} NetAnalyzers";
        Console.WriteLine($"| {OursName(ours)} | {Ms(oursTime)} | {Ms(series.Wall(ours))} | {Percent(oursTime, compile)} of compile{netRatio} |");
        foreach (var tool in series.Tools.Where(t => t != ours))
        {
            var name = tool.ComparableIds.IsEmpty ? tool.Name : $"{tool.Name} ({string.Join(" ", tool.ComparableIds)})";
            if (!tool.IsLoaded)
            {
                Console.WriteLine($"| {name} | not loaded | | {tool.LoadError} |");
                continue;
            }

            var time = series.Time(tool);
            var analyzers = $"{tool.Analyzers.Length} analyzer{(tool.Analyzers.Length == 1 ? "" : "s")}";
            Console.WriteLine($"| {name}, {analyzers} | {Ms(time)} | {Ms(series.Wall(tool))} | ours = {Times(oursTime, time)} |");
        }

        Console.WriteLine();
        PrintRuns(series, ours);
    }

    /// <summary>Every run's figure beside the medians: how far one run of the same code strays is part of the result.</summary>
    private static void PrintRuns(Series series, Tool ours)
    {
        if (series.CompileTimes.Count < 2)
        {
            return;
        }

        Console.WriteLine("Per run, in run order (ms):");
        Console.WriteLine();
        Console.WriteLine($"- compile alone: {string.Join(", ", series.CompileTimes.Select(Ms))}");
        foreach (var tool in series.Tools.Where(t => t.IsLoaded))
        {
            var name = tool == ours ? "SmtpTlsAnalyzers" : tool.Name;
            Console.WriteLine($"- {name}: {string.Join(", ", series.Analysis[tool].Select(r => Ms(r.AnalyzerTime)))}");
        }

        Console.WriteLine();
    }

    private static string OursName(Tool ours) =>
        $"SmtpTlsAnalyzers ({ours.Analyzers.Length} analyzer{(ours.Analyzers.Length == 1 ? "" : "s")}, {ours.ComparableIds.Length} rules)";

    private static void PrintPerAnalyzer(Series series, Tool ours)
    {
        var runs = series.Analysis[ours];
        if (runs.Count == 0 || runs[0].PerAnalyzer.Count < 2)
        {
            return;
        }

        Console.WriteLine("SmtpTlsAnalyzers per analyzer (median ms):");
        Console.WriteLine();
        foreach (var name in runs[0].PerAnalyzer.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            Console.WriteLine($"- {name}: {Ms(Measurement.Median(runs.Select(r => r.PerAnalyzer.GetValueOrDefault(name))))}");
        }

        Console.WriteLine();
    }

    /// <summary>Prints every tool's analyzer exceptions; false when SmtpTlsAnalyzers threw.</summary>
    private static bool CheckExceptions(Series series, Tool ours)
    {
        var ok = true;
        foreach (var tool in series.Tools.Where(t => t.IsLoaded && series.Analysis[t].Count > 0))
        {
            var exceptions = series.Analysis[tool].SelectMany(r => r.Exceptions).Distinct().ToList();
            if (exceptions.Count > 0)
            {
                Console.WriteLine($"{tool.Name} threw {exceptions.Count} distinct analyzer exception(s) on {series.Workload.Name}, e.g. {exceptions[0]}");
                Console.WriteLine();
                ok &= tool != ours;
            }
        }

        return ok;
    }

    /// <summary>The first analysis in a fresh process, per tool; reported beside the goals, which are measured warm.</summary>
    private static void PrintColdPasses(int files, int rounds, List<Tool> tools, Tool ours)
    {
        var net = tools.FirstOrDefault(t => t.Name.StartsWith(Tools.NetAnalyzers, StringComparison.Ordinal) && t.IsLoaded);
        var names = new List<string> { ours.Name };
        if (net is not null)
        {
            names.Add(Tools.NetAnalyzers);
        }

        var failures = new List<string>();
        var times = ColdPasses.Measure(names, files, rounds, failures);
        Console.WriteLine($"### First pass in a fresh process ({files:N0} files with mail code)");
        Console.WriteLine();
        Console.WriteLine("One analysis per process, no warm-up, one process per tool and round (interleaved): every analyzer method is " +
                          "compiled on its first call, as in a build whose compiler server has just started, and so is the code of this program's compiler " +
                          "(from its NuGet package, not precompiled like the SDK's) that the analyzers call first. Reported only; the goals are measured warm.");
        Console.WriteLine();
        Console.WriteLine("| Tool | Analyzer time, per pass (ms) | Median (ms) |");
        Console.WriteLine("|---|---|---:|");
        var medians = names.ToDictionary(n => n, n => Measurement.Median(times[n].Select(TimeSpan.FromMilliseconds)), StringComparer.Ordinal);
        foreach (var name in names)
        {
            var passes = times[name];
            Console.WriteLine($"| {(name == ours.Name ? OursName(ours) : net!.Name)} | {string.Join(", ", passes.Select(p => Ms(TimeSpan.FromMilliseconds(p))))} | {(passes.Count == 0 ? "n/a" : Ms(medians[name]))} |");
        }

        Console.WriteLine();
        if (net is not null && times[ours.Name].Count > 0 && times[Tools.NetAnalyzers].Count > 0)
        {
            Console.WriteLine($"First pass: SmtpTlsAnalyzers = {Times(medians[ours.Name], medians[Tools.NetAnalyzers])} NetAnalyzers.");
            Console.WriteLine();
        }

        foreach (var failure in failures)
        {
            Console.WriteLine($"A cold pass failed: {failure}");
            Console.WriteLine();
        }
    }

    /// <summary>How many files of the workload pass SmtpTlsAnalyzers' per-file text gate.</summary>
    private static int GatePassing(Workload workload) => workload.Trees.Count(t => SmtpTlsAnalyzers.Model.MailGate.Passes(t.GetText().ToString()));

    /// <summary>
    /// The gate's text search alone over every file of the workload, outside any analysis: once to warm up, then the
    /// median of five passes. It is most of what a project without mail code pays, so a slower search shows here
    /// before it is lost in the telemetry's noise.
    /// </summary>
    private static TimeSpan GateSearchTime(Workload workload)
    {
        var texts = workload.Trees.Select(t => t.GetText().ToString()).ToArray();
        var times = new List<TimeSpan>();
        for (var pass = 0; pass < 6; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                SmtpTlsAnalyzers.Model.MailGate.Passes(text);
            }

            stopwatch.Stop();
            if (pass > 0)
            {
                times.Add(stopwatch.Elapsed);
            }
        }

        return Measurement.Median(times);
    }

    /// <summary>
    /// Compares every generated shape's SmtpTlsAnalyzers findings with its expected IDs: each instance must raise
    /// exactly those IDs. Prints one line per shape that differs and returns their kinds.
    /// </summary>
    private static List<string> CheckShapes(Workload workload, ImmutableArray<Diagnostic> diagnostics, Tool ours)
    {
        var found = diagnostics
            .Where(d => ours.ComparableIds.Contains(d.Id))
            .Select(d => (Method: ShapeOf(d), d.Id))
            .Where(x => x.Method is not null)
            .GroupBy(x => x.Method!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var methods = ShapeMethods(workload);
        var failures = new List<string>();
        foreach (var shape in CodeGenerator.Shapes)
        {
            if (!methods.TryGetValue(shape.Kind, out var instances))
            {
                var missing = $"SHAPE NOT GENERATED: {shape.Kind} ({shape.Expect}): more files are needed";
                Console.WriteLine(missing);
                Console.Error.WriteLine(missing);
                failures.Add(shape.Kind);
                continue;
            }

            var expected = shape.Expected.Count == 0 ? "nothing" : string.Join(" ", shape.Expected);
            var reporting = instances.Count(m => found.ContainsKey(m));
            var exact = instances.Count(m => found.TryGetValue(m, out var ids) ? ids.SetEquals(shape.Expected) : shape.Expected.Count == 0);
            if (exact == instances.Count)
            {
                continue;
            }

            var ids = instances.SelectMany(m => found.GetValueOrDefault(m) ?? new HashSet<string>()).Distinct().OrderBy(i => i, StringComparer.Ordinal);
            var what = shape.Expected.Count > 0 && reporting == 0
                ? $"SHAPE DROPPED from all to none: {shape.Kind} ({shape.Expect}) expected {expected} on {instances.Count}/{instances.Count}, found nothing"
                : $"SHAPE CHANGED: {shape.Kind} ({shape.Expect}) expected {expected} on {instances.Count}/{instances.Count}, " +
                  $"found {string.Join(" ", ids)} on {reporting}/{instances.Count} ({exact}/{instances.Count} exactly as expected)";
            Console.WriteLine(what);
            Console.Error.WriteLine(what);
            failures.Add(shape.Kind);
        }

        if (failures.Count > 0)
        {
            Console.WriteLine();
        }

        return failures;
    }

    /// <summary>The generated shape methods of each kind.</summary>
    private static Dictionary<string, List<string>> ShapeMethods(Workload workload)
    {
        var methods = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tree in workload.Trees.Where(IsMailFile))
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (KindOf(method.Identifier.ValueText) is { } kind)
                {
                    if (!methods.TryGetValue(kind, out var list))
                    {
                        methods[kind] = list = new List<string>();
                    }

                    list.Add(method.Identifier.ValueText);
                }
            }
        }

        return methods;
    }

    /// <summary>Prints one line per goal and the result; true when every enforced goal is met and the run did not fail.</summary>
    private static bool PrintGoals(List<Goal> goals, bool ok)
    {
        Console.WriteLine("## Goals");
        Console.WriteLine();
        if (goals.Count == 0)
        {
            Console.WriteLine("No goal measured: the goals are measured on the generated project, which --corpus-only skips.");
            Console.WriteLine();
        }

        foreach (var goal in goals)
        {
            var verdict = goal.Met ? "met" : goal.Enforced ? "NOT met" : "NOT met (reported only, not enforced in this mode)";
            Console.WriteLine($"- GOAL {verdict}: {goal.Name}: {goal.Numbers}");
        }

        var failed = goals.Where(g => !g.Met && g.Enforced).ToList();
        Console.WriteLine();
        Console.WriteLine(failed.Count == 0 && ok
            ? $"Result: every enforced goal met ({goals.Count(g => g.Met)} of {goals.Count} goals met)."
            : $"Result: FAILED ({(ok ? "" : "the run failed, see the errors above; ")}{failed.Count} enforced goal(s) not met).");
        return failed.Count == 0 && ok;
    }

    /// <summary>Diagnostics per ID for every tool, then which tool caught which generated shape.</summary>
    private static void PrintFindings(Workload workload, List<Tool> tools, Dictionary<Tool, List<AnalysisRun>> analysis)
    {
        Console.WriteLine();
        Console.WriteLine("Diagnostics found (first run), per ID:");
        Console.WriteLine();
        foreach (var tool in tools)
        {
            var counts = analysis[tool][0].Diagnostics
                .Where(d => tool.ComparableIds.Contains(d.Id))
                .GroupBy(d => d.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}");
            var outside = analysis[tool][0].Diagnostics.Count(d => tool.ComparableIds.Contains(d.Id) && ShapeOf(d) is null);
            Console.WriteLine($"- {tool.Name}: {string.Join(", ", counts)}{(outside > 0 ? $" ({outside} outside the mail shapes)" : "")}");
        }

        var instances = ShapeMethods(workload).ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        if (instances.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Generated shapes caught (shapes with at least one diagnostic of the tool's comparable IDs / shapes generated):");
        Console.WriteLine();
        Console.WriteLine("| Shape | Insecure | Expected (SmtpTlsAnalyzers) | " + string.Join(" | ", tools.Select(t => t.Name)) + " |");
        Console.WriteLine("|---|---|---|" + string.Concat(tools.Select(_ => "---|")));
        var caught = tools.ToDictionary(
            t => t,
            t => analysis[t][0].Diagnostics
                .Where(d => t.ComparableIds.Contains(d.Id))
                .Select(d => (Shape: ShapeOf(d), d.Id))
                .Where(x => x.Shape is not null)
                .GroupBy(x => KindOf(x.Shape!)!)
                .ToDictionary(g => g.Key, g => (Methods: g.Select(x => x.Shape).Distinct().Count(), Ids: g.Select(x => x.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList())));
        foreach (var shape in CodeGenerator.Shapes.Where(s => instances.ContainsKey(s.Kind)))
        {
            var cells = tools.Select(t => caught[t].TryGetValue(shape.Kind, out var c)
                ? $"{c.Methods}/{instances[shape.Kind]} {string.Join(" ", c.Ids)}"
                : $"0/{instances[shape.Kind]}");
            Console.WriteLine($"| {shape.Kind}: {shape.Expect.Replace("|", "\\|", StringComparison.Ordinal)} | {(shape.Insecure ? "yes" : "no")} | {(shape.Expected.Count == 0 ? "none" : string.Join(" ", shape.Expected))} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
    }

    private static bool IsMailFile(SyntaxTree tree) => tree.FilePath.StartsWith("Mail/MailSender", StringComparison.Ordinal);

    /// <summary>The shape method (Kind_Number) a diagnostic lies in, or null outside the generated mail shapes.</summary>
    private static string? ShapeOf(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree || !IsMailFile(tree))
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var method = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        return method is not null && KindOf(method.Identifier.ValueText) is not null ? method.Identifier.ValueText : null;
    }

    private static string? KindOf(string methodName)
    {
        var underscore = methodName.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && CodeGenerator.Shapes.Any(s => s.Kind == methodName[..underscore]) ? methodName[..underscore] : null;
    }

    private static string MachineLine()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var roslyn = typeof(Compilation).Assembly.GetName().Version;
        var roslynInformational = typeof(Compilation).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        var gc = System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return $"Machine: {Environment.ProcessorCount} cores, {memory:F0} GiB, {RuntimeInformation.OSDescription}, " +
               $"{RuntimeInformation.FrameworkDescription} ({gc}), Roslyn {roslynInformational?.Split('+')[0] ?? roslyn?.ToString()}.";
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Percent(TimeSpan part, TimeSpan whole) =>
        whole == TimeSpan.Zero ? "n/a" : (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Times(TimeSpan ours, TimeSpan other) =>
        other == TimeSpan.Zero ? "n/a" : (ours.TotalMilliseconds / other.TotalMilliseconds).ToString("F2", CultureInfo.InvariantCulture) + "×";
}

/// <summary>One goal of docs/performance.md as measured; a goal not enforced is reported and never fails the run.</summary>
internal sealed record Goal(string Name, bool Met, string Numbers, bool Enforced);

/// <summary>One workload measured with a list of tools over several runs: the compile times and every analysis.</summary>
internal sealed class Series
{
    public Series(Workload workload, IReadOnlyList<Tool> tools)
    {
        Workload = workload;
        Tools = tools;
        Analysis = tools.ToDictionary(t => t, _ => new List<AnalysisRun>());
    }

    public Workload Workload { get; }
    public IReadOnlyList<Tool> Tools { get; }
    public Dictionary<Tool, List<AnalysisRun>> Analysis { get; }
    public List<TimeSpan> CompileTimes { get; } = new();

    /// <summary>Compile errors of the first run.</summary>
    public int Errors { get; set; }

    public TimeSpan Compile => Measurement.Median(CompileTimes);

    /// <summary>The tool's median analyzer time.</summary>
    public TimeSpan Time(Tool tool) => Measurement.Median(Analysis[tool].Select(r => r.AnalyzerTime));

    /// <summary>The tool's median wall time.</summary>
    public TimeSpan Wall(Tool tool) => Measurement.Median(Analysis[tool].Select(r => r.Wall));
}
