using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>
/// The first analysis of a fresh process, as a build's compiler server runs it on a fresh machine: no warm-up, every
/// analyzer method compiled on its first call (and, unlike in the SDK's precompiled compiler, the compiler's own code
/// the analyzers call first). Each pass runs in a new process of this program, so nothing of an earlier pass is warm.
/// Reported beside the goals, which are measured after a warm-up; enforces nothing.
/// </summary>
internal static class ColdPasses
{
    /// <summary>The argument that makes this program run one cold pass and print its figures.</summary>
    public const string PassArgument = "--cold-pass";

    private const string ResultPrefix = "cold-pass-result";

    /// <summary>Far longer than one pass takes (well under a minute for 2,000 files here): only a hung process reaches it.</summary>
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// In the child process: generates the project with mail code, analyzes it once with the named tool and prints
    /// one line: the tool's analyzer time and its diagnostics count.
    /// </summary>
    public static async Task<int> RunOneAsync(string toolName, int files)
    {
        var ours = Tools.Ours();
        var tool = toolName == ours.Name ? ours : Tools.Peers(new[] { toolName }).FirstOrDefault(t => t.IsLoaded);
        if (tool is null)
        {
            Console.Error.WriteLine($"{toolName} could not be loaded.");
            return 1;
        }

        var workload = new Workload($"generated, {files} files", CodeGenerator.Generate(files, withMail: true).Select(g => (g.Path, g.Text)), References.WithMail);
        var run = await Measurement.AnalyzeAsync(workload, tool, CancellationToken.None).ConfigureAwait(false);
        foreach (var exception in run.Exceptions)
        {
            Console.Error.WriteLine($"analyzer exception: {exception}");
        }

        Console.WriteLine(string.Join(
            "\t",
            ResultPrefix,
            run.AnalyzerTime.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture),
            run.Diagnostics.Length.ToString(CultureInfo.InvariantCulture)));
        return run.Exceptions.IsEmpty ? 0 : 1;
    }

    /// <summary>
    /// In the measuring process: <paramref name="rounds"/> rounds of one fresh process per tool, interleaved; the
    /// analyzer times per tool in run order, or the reason a pass failed.
    /// </summary>
    public static Dictionary<string, List<double>> Measure(IReadOnlyList<string> toolNames, int files, int rounds, List<string> failures)
    {
        var times = toolNames.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var name in toolNames)
            {
                Console.Error.WriteLine($"cold pass {round + 1}/{rounds}: {name}");
                int exitCode;
                string output, error;
                try
                {
                    (exitCode, output, error) = RunChild(name, files);
                }
                catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
                {
                    failures.Add($"{name}: {exception.Message}");
                    continue;
                }

                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
                var fields = line?.Trim().Split('\t');
                if (exitCode != 0 || fields is not { Length: 3 } ||
                    !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
                {
                    var why = string.IsNullOrWhiteSpace(error) ? (line is null ? "no result line" : "an unreadable result line") : error.Trim();
                    failures.Add($"{name}: exit code {exitCode}, {why}");
                    continue;
                }

                times[name].Add(milliseconds);
            }
        }

        return times;
    }

    private static (int ExitCode, string Output, string Error) RunChild(string toolName, int files)
    {
        // Started the way this process was: through the dotnet host with this assembly, or as the apphost itself.
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ColdPasses).Assembly.Location);
        }

        start.ArgumentList.Add(PassArgument);
        start.ArgumentList.Add(toolName);
        start.ArgumentList.Add("--files");
        start.ArgumentList.Add(files.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit((int)ChildTimeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"no result after {ChildTimeout.TotalMinutes:F0} minutes; the process was stopped");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
