using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>The output of one finished process: exit code, stdout and stderr interleaved, and how long it took.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"{CommandLine} exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s:\n{Output}";
}

/// <summary>Runs the dotnet CLI the way a user's shell would, with a timeout and a clean environment.</summary>
internal static class DotnetCli
{
    /// <summary>The dotnet host that runs these tests (the SDK's muxer), so the consumers use the same SDK install.</summary>
    public static string HostPath { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// A start info for <c>dotnet args</c>. The test host inherits MSBuild variables from <c>dotnet test</c>; they
    /// are removed so that a consumer build resolves its SDK like a fresh shell. <paramref name="packagesFolder"/>
    /// redirects NuGet's global packages folder (the consumers never see the user's packages).
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, string? packagesFolder)
    {
        var info = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild nodes or MSBuild server outlive a test run (they would keep the temporary folders busy).
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["TERM"] = "dumb";
        if (packagesFolder is not null)
        {
            info.Environment["NUGET_PACKAGES"] = packagesFolder;
        }

        return info;
    }

    public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, string? packagesFolder, params string[] args)
    {
        var info = StartInfo(workingDirectory, args, packagesFolder);
        var commandLine = "dotnet " + string.Join(' ', args);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {timeout.TotalSeconds} s:\n{Snapshot(output)}");
        }

        // WaitForExit without a timeout drains the redirected streams after the process exited.
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
