using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// Measures SmtpTlsAnalyzers against the compile alone, against empty analyzers registering the same kinds of
/// callbacks, against the peers' comparable rules, and on a compilation without mail types. Prints one markdown
/// report: the ratios, the analyzers' own times, and what each tool found on the generated mail code.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/SmtpTlsAnalyzers.Benchmarks -- [options]
          --files N        generated files (default 2000, about 100 lines each; one in ten is mail code)
          --runs N         repetitions; every figure is the median (default 5)
          --corpus DIR     also measure a real corpus: every .cs file under DIR (obj/ and bin/ skipped)
          --quick          50 files, 1 run, no warm-up: checks that the benchmark runs and that no generated
                           shape drops to nothing (CI); the timing goals are printed, not enforced
        Exit code: 1 when a run fails, a generated insecure shape is caught by none of our rules, or (not --quick)
        a goal is not met.
          --no-peers       skip the peer analyzers
        """;

    public static async Task<int> Main(string[] args)
    {
        var files = 2000;
        var runs = 5;
        var quick = false;
        var peers = true;
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
                case "--quick":
                    quick = true;
                    break;
                case "--no-peers":
                    peers = false;
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

        if (quick)
        {
            files = 50;
            runs = 1;
        }

        var ours = Tools.Ours();
        var semanticModelFloor = Tools.SemanticModelFloor();
        var tools = new List<Tool> { ours, Tools.OperationFloor(), Tools.SyntaxFloor(), semanticModelFloor };
        if (peers)
        {
            tools.AddRange(Tools.Peers());
        }

        Console.WriteLine("# SmtpTlsAnalyzers benchmark");
        Console.WriteLine();
        Console.WriteLine(MachineLine());
        Console.WriteLine();

        if (!quick)
        {
            Console.Error.WriteLine("warming up (JIT) on a small compilation...");
            var warmUp = Generated(60, withMail: true);
            Measurement.Compile(warmUp);
            foreach (var tool in tools.Where(t => t.IsLoaded))
            {
                await Measurement.AnalyzeAsync(warmUp, tool, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var failed = false;
        var generated = Generated(files, withMail: true);
        // Code without mail, in a compilation that references System.Net.Mail (as every .NET project does) and MailKit:
        // the analyzers are registered, and every file must cost the gate's text scan and nothing else.
        var withoutMail = new Workload("generated, no mail code, System.Net.Mail and MailKit referenced", CodeGenerator.Generate(files, withMail: false).Select(g => (g.Path, g.Text)), References.WithMail);
        var goals = new Goals(enforceTiming: !quick);
        failed |= !await RunAsync(generated, tools, ours, runs, requireCleanCompile: true, withoutMail, semanticModelFloor, goals).ConfigureAwait(false);

        if (corpus is not null)
        {
            var sources = Directory.EnumerateFiles(corpus, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                            !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(p => (Path.GetRelativePath(corpus, p), File.ReadAllText(p)));
            var workload = new Workload("corpus " + Path.GetFullPath(corpus), sources, References.WithMail);
            failed |= !await RunAsync(workload, tools, ours, runs, requireCleanCompile: false, withoutMail: null, semanticModelFloor, goals: null).ConfigureAwait(false);
        }

        if (goals.Failures.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Goals not met:");
            goals.Failures.ForEach(f => Console.WriteLine("- " + f));
            failed |= goals.Fails;
        }

        Console.Error.WriteLine(failed ? "benchmark: FAILED" : "benchmark: every enforced goal met");
        return failed ? 1 : 0;
    }

    private static Workload Generated(int files, bool withMail) =>
        new($"generated, {files} files", CodeGenerator.Generate(files, withMail).Select(g => (g.Path, g.Text)), withMail ? References.WithMail : References.WithoutMail);

    /// <summary>Measures one workload and prints its report; false when the run itself failed.</summary>
    private static async Task<bool> RunAsync(Workload workload, List<Tool> tools, Tool ours, int runs, bool requireCleanCompile, Workload? withoutMail, Tool semanticModelFloor, Goals? goals)
    {
        var ok = true;
        var compileTimes = new List<TimeSpan>();
        var noMailCompileTimes = new List<TimeSpan>();
        var analysis = tools.ToDictionary(t => t, _ => new List<AnalysisRun>());
        var noMailRuns = new List<AnalysisRun>();
        var noMailFloorRuns = new List<AnalysisRun>();

        for (var run = 0; run < runs; run++)
        {
            Console.Error.WriteLine($"{workload.Name}: run {run + 1}/{runs}");
            var (wall, errors, firstErrors) = Measurement.Compile(workload);
            compileTimes.Add(wall);
            if (run == 0 && errors > 0)
            {
                Console.Error.WriteLine($"{workload.Name}: the compilation has {errors} errors, e.g.:");
                foreach (var error in firstErrors)
                {
                    Console.Error.WriteLine("  " + error);
                }

                ok &= !requireCleanCompile;
            }

            // Interleaved, so that a slow moment of the shared machine hits every tool alike.
            foreach (var tool in tools.Where(t => t.IsLoaded))
            {
                analysis[tool].Add(await Measurement.AnalyzeAsync(workload, tool, CancellationToken.None).ConfigureAwait(false));
            }

            if (withoutMail is not null)
            {
                noMailCompileTimes.Add(Measurement.Compile(withoutMail).Wall);
                noMailRuns.Add(await Measurement.AnalyzeAsync(withoutMail, ours, CancellationToken.None).ConfigureAwait(false));
                noMailFloorRuns.Add(await Measurement.AnalyzeAsync(withoutMail, semanticModelFloor, CancellationToken.None).ConfigureAwait(false));
            }
        }

        var compile = Measurement.Median(compileTimes);
        var oursRuns = analysis[ours];
        var oursTime = Measurement.Median(oursRuns.Select(r => r.AnalyzerTime));
        var mailFiles = workload.Trees.Count(IsMailFile);

        Console.WriteLine($"## {workload.Name}");
        Console.WriteLine();
        Console.WriteLine($"{workload.Trees.Length:N0} files, {workload.Lines:N0} lines ({mailFiles} mail files); {runs} run(s), medians. " +
                          "Analyzer time is Roslyn's execution-time telemetry summed over the tool's analyzers (CPU time in their callbacks, " +
                          "across threads); wall is the whole GetAnalysisResultAsync, compile included.");
        Console.WriteLine();
        Console.WriteLine("| Measurement | Analyzer time (ms) | Wall (ms) | Ratio | Goal | Met |");
        Console.WriteLine("|---|---:|---:|---|---|---|");
        Console.WriteLine($"| Compile alone (bind + emit to memory) | | {Ms(compile)} | | | |");
        var compileShareMet = oursTime.TotalMilliseconds <= compile.TotalMilliseconds * 0.005;
        goals?.Check(compileShareMet, $"{workload.Name}: SmtpTlsAnalyzers take {Percent(oursTime, compile)} of the compile (goal ≤ 0.5%)", timing: true);
        Console.WriteLine($"| SmtpTlsAnalyzers ({ours.Analyzers.Length} analyzer{(ours.Analyzers.Length == 1 ? "" : "s")}, {string.Join(" ", ours.ComparableIds)}) | {Ms(oursTime)} | {Ms(Measurement.Median(oursRuns.Select(r => r.Wall)))} | " +
                          $"{Percent(oursTime, compile)} of compile | ≤ 0.5% | {YesNo(compileShareMet)} |");

        TimeSpan? fastestPeer = null;
        foreach (var tool in tools.Where(t => t != ours))
        {
            var isPeer = !tool.ComparableIds.IsEmpty;
            var name = isPeer ? $"{tool.Name} ({string.Join(" ", tool.ComparableIds)})" : tool.Name;
            if (!tool.IsLoaded)
            {
                Console.WriteLine($"| {name} | not loaded | | {tool.LoadError} | | |");
                continue;
            }

            var time = Measurement.Median(analysis[tool].Select(r => r.AnalyzerTime));
            var wall = Measurement.Median(analysis[tool].Select(r => r.Wall));
            var analyzers = $"{tool.Analyzers.Length} analyzer{(tool.Analyzers.Length == 1 ? "" : "s")}";
            if (isPeer)
            {
                fastestPeer = fastestPeer is null || time < fastestPeer ? time : fastestPeer;
                Console.WriteLine($"| {name}, {analyzers} | {Ms(time)} | {Ms(wall)} | ours = {Times(oursTime, time)} | | |");
            }
            else
            {
                Console.WriteLine($"| {name} | {Ms(time)} | {Ms(wall)} | ours = {Times(oursTime, time)} | (floor) | |");
            }
        }

        if (tools.FirstOrDefault(t => t.Name.StartsWith("NetAnalyzers", StringComparison.Ordinal) && t.IsLoaded) is { } netAnalyzers)
        {
            var netTime = Measurement.Median(analysis[netAnalyzers].Select(r => r.AnalyzerTime));
            var met = oursTime.TotalMilliseconds <= netTime.TotalMilliseconds * 0.5;
            goals?.Check(met, $"{workload.Name}: SmtpTlsAnalyzers take {Times(oursTime, netTime)} NetAnalyzers' comparable rules (goal ≤ 0.5×)", timing: true);
            Console.WriteLine($"| SmtpTlsAnalyzers vs NetAnalyzers' comparable rules | {Ms(oursTime)} | | ours = {Times(oursTime, netTime)} | ≤ 0.5× | {YesNo(met)} |");
        }
        else if (fastestPeer is { } fastest)
        {
            Console.WriteLine($"| SmtpTlsAnalyzers vs the fastest peer | {Ms(oursTime)} | | ours = {Times(oursTime, fastest)} | | |");
        }

        if (withoutMail is not null)
        {
            var noMailTime = Measurement.Median(noMailRuns.Select(r => r.AnalyzerTime));
            var floorTime = Measurement.Median(noMailFloorRuns.Select(r => r.AnalyzerTime));
            var noMailCompile = Measurement.Median(noMailCompileTimes);
            var shareMet = noMailTime.TotalMilliseconds <= noMailCompile.TotalMilliseconds * 0.0005;
            var floorMet = noMailTime.TotalMilliseconds <= Math.Max(floorTime.TotalMilliseconds, 1) * 2;
            goals?.Check(shareMet, $"{withoutMail.Name}: {Percent(noMailTime, noMailCompile)} of the compile (goal ≤ 0.05%)", timing: true);
            goals?.Check(floorMet, $"{withoutMail.Name}: {Times(noMailTime, floorTime)} one empty semantic-model action per file (goal ≤ 2×)", timing: true);
            Console.WriteLine($"| SmtpTlsAnalyzers, {withoutMail.Name} | {Ms(noMailTime)} | {Ms(Measurement.Median(noMailRuns.Select(r => r.Wall)))} | " +
                              $"{Percent(noMailTime, noMailCompile)} of its compile ({Ms(noMailCompile)} ms) | ≤ 0.05% | {YesNo(shareMet)} |");
            Console.WriteLine($"| One empty semantic-model action per file, same compilation | {Ms(floorTime)} | | ours = {Times(noMailTime, floorTime)} | ≤ 2× | {YesNo(floorMet)} |");
            if (noMailRuns[0].Diagnostics.Length > 0)
            {
                Console.Error.WriteLine($"SmtpTlsAnalyzers reported {noMailRuns[0].Diagnostics.Length} diagnostics on code without mail.");
                ok = false;
            }
        }

        Console.WriteLine();
        Console.WriteLine("SmtpTlsAnalyzers per analyzer (median ms):");
        Console.WriteLine();
        foreach (var name in oursRuns[0].PerAnalyzer.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            Console.WriteLine($"- {name}: {Ms(Measurement.Median(oursRuns.Select(r => r.PerAnalyzer.GetValueOrDefault(name))))}");
        }

        Console.WriteLine();
        foreach (var tool in tools.Where(t => t.IsLoaded && analysis[t].Count > 0))
        {
            var exceptions = analysis[tool].SelectMany(r => r.Exceptions).Distinct().ToList();
            if (exceptions.Count > 0)
            {
                Console.WriteLine($"{tool.Name} threw {exceptions.Count} distinct analyzer exception(s), e.g. {exceptions[0]}");
                ok &= tool != ours;
            }
        }

        PrintFindings(workload, tools.Where(t => t.IsLoaded && !t.ComparableIds.IsEmpty).ToList(), analysis, ours, goals);
        if (requireCleanCompile && oursRuns[0].Diagnostics.IsEmpty)
        {
            Console.Error.WriteLine("SmtpTlsAnalyzers reported nothing on the generated mail code.");
            ok = false;
        }

        return ok;
    }

    /// <summary>Diagnostics per ID for every tool, then which tool caught which generated shape.</summary>
    private static void PrintFindings(Workload workload, List<Tool> tools, Dictionary<Tool, List<AnalysisRun>> analysis, Tool ours, Goals? goals)
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

        var instances = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in workload.Trees.Where(IsMailFile))
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (KindOf(method.Identifier.ValueText) is { } kind)
                {
                    instances[kind] = instances.GetValueOrDefault(kind) + 1;
                }
            }
        }

        if (instances.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Generated shapes caught (shapes with at least one diagnostic of the tool's comparable IDs / shapes generated):");
        Console.WriteLine();
        Console.WriteLine("| Shape | Insecure | " + string.Join(" | ", tools.Select(t => t.Name)) + " |");
        Console.WriteLine("|---|---|" + string.Concat(tools.Select(_ => "---|")));
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
            Console.WriteLine($"| {shape.Kind}: {shape.Expect.Replace("|", "\\|", StringComparison.Ordinal)} | {(shape.Insecure ? "yes" : "no")} | {string.Join(" | ", cells)} |");
            if (caught.TryGetValue(ours, out var ourShapes))
            {
                // Every insecure mail shape is caught (one that drops to none fails), and nothing secure or outside mail.
                var expected = shape.Insecure && shape.IsMail;
                goals?.Check(
                    ourShapes.ContainsKey(shape.Kind) == expected,
                    expected
                        ? $"shape {shape.Kind} ({shape.Expect}): none of {instances[shape.Kind]} instances caught"
                        : $"shape {shape.Kind} ({shape.Expect}): reported, though it is {(shape.IsMail ? "secure or unknowable" : "not mail code")}",
                    timing: false);
            }
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
        return $"Machine: {Environment.ProcessorCount} cores, {memory:F0} GiB, {RuntimeInformation.OSDescription}, " +
               $"{RuntimeInformation.FrameworkDescription}, Roslyn {roslynInformational?.Split('+')[0] ?? roslyn?.ToString()}.";
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Percent(TimeSpan part, TimeSpan whole) =>
        whole == TimeSpan.Zero ? "n/a" : (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Times(TimeSpan ours, TimeSpan other) =>
        other == TimeSpan.Zero ? "n/a" : (ours.TotalMilliseconds / other.TotalMilliseconds).ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static string YesNo(bool value) => value ? "yes" : "no";
}

/// <summary>The goals of a run: each failure is printed; timing goals fail the run only when they are enforced.</summary>
internal sealed class Goals
{
    private readonly bool _enforceTiming;

    public Goals(bool enforceTiming) => _enforceTiming = enforceTiming;

    public List<string> Failures { get; } = new();

    public bool Fails { get; private set; }

    public void Check(bool met, string description, bool timing)
    {
        if (met)
        {
            return;
        }

        Failures.Add(description + (timing && !_enforceTiming ? " (timing, not enforced in --quick)" : string.Empty));
        Fails |= !timing || _enforceTiming;
    }
}
