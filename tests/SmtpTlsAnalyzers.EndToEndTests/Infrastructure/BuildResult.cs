using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>A diagnostic as a build reported it: rule, file relative to the project, 1-based line, severity.</summary>
internal sealed record ReportedDiagnostic(string Id, string File, int Line, string Severity)
{
    public ExpectedDiagnostic Position => new(Id, File, Line);

    public override string ToString() => $"{File}({Line}): {Severity} {Id}";
}

/// <summary>A SARIF 2.1 result: where it starts and ends (1-based, as SARIF counts).</summary>
internal sealed record SarifResult(string Id, string Level, string File, int StartLine, int StartColumn, int EndLine, int EndColumn, string Message, string? Suppression, IReadOnlyList<ExpectedDiagnostic> Related)
{
    public ExpectedDiagnostic Position => new(Id, File, StartLine);
}

/// <summary>The outcome of one consumer build: the console output and the SARIF log, both parsed.</summary>
internal sealed partial class BuildResult
{
    [GeneratedRegex(@"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\): (?<severity>error|warning|info) (?<id>SMTP\d{3}): ")]
    private static partial Regex MsBuildDiagnostic();

    public BuildResult(string projectDirectory, ProcessResult process, string sarifPath)
    {
        ProjectDirectory = projectDirectory;
        Process = process;
        // MSBuild prints each diagnostic twice (as it happens and in the summary): keep one.
        Output = process.Output.Split('\n')
            .Select(line => MsBuildDiagnostic().Match(line))
            .Where(m => m.Success)
            .Select(m => new ReportedDiagnostic(
                m.Groups["id"].Value,
                Relative(m.Groups["file"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var root = sarif.RootElement;
        SarifVersion = root.GetProperty("version").GetString()!;
        var run = root.GetProperty("runs")[0];
        var all = run.TryGetProperty("results", out var results)
            ? results.EnumerateArray().Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SMTP", StringComparison.Ordinal)).Select(ReadResult).ToList()
            : new List<SarifResult>();
        Sarif = all.Where(r => r.Suppression is null).ToList();
        SarifSuppressed = all.Where(r => r.Suppression is not null).ToList();
        SarifRules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("SMTP", StringComparison.Ordinal))
            .ToDictionary(
                r => r.GetProperty("id").GetString()!,
                r => r.TryGetProperty("helpUri", out var help) ? help.GetString() : null,
                StringComparer.Ordinal);
        SarifRuleTags = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("SMTP", StringComparison.Ordinal))
            .ToDictionary(
                r => r.GetProperty("id").GetString()!,
                r => (IReadOnlyList<string>)(r.TryGetProperty("properties", out var properties) && properties.TryGetProperty("tags", out var tags)
                    ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
                    : new List<string>()),
                StringComparer.Ordinal);
        AnalyzerExceptions = run.TryGetProperty("results", out results)
            ? results.EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "AD0001").Select(r => r.GetRawText()).ToList()
            : new List<string>();
    }

    public string ProjectDirectory { get; }

    public ProcessResult Process { get; }

    public bool Succeeded => Process.ExitCode == 0;

    /// <summary>The SMTP diagnostics in the console output.</summary>
    public IReadOnlyList<ReportedDiagnostic> Output { get; }

    public string SarifVersion { get; }

    /// <summary>The SMTP results of the SARIF log that are not suppressed.</summary>
    public IReadOnlyList<SarifResult> Sarif { get; }

    /// <summary>The SMTP results the SARIF log lists as suppressed (e.g. by #pragma: kind "inSource").</summary>
    public IReadOnlyList<SarifResult> SarifSuppressed { get; }

    /// <summary>The SMTP rules the SARIF log describes, with their help URI.</summary>
    public IReadOnlyDictionary<string, string?> SarifRules { get; }

    /// <summary>The SMTP rules the SARIF log describes, with their tags (<c>properties.tags</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SarifRuleTags { get; }

    public IReadOnlyList<string> AnalyzerExceptions { get; }

    public override string ToString() => Process.ToString();

    private SarifResult ReadResult(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
        var region = location.GetProperty("region");
        return new SarifResult(
            result.GetProperty("ruleId").GetString()!,
            result.GetProperty("level").GetString()!,
            Relative(uri.LocalPath),
            region.GetProperty("startLine").GetInt32(),
            region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(),
            region.GetProperty("endColumn").GetInt32(),
            result.GetProperty("message").GetProperty("text").GetString()!,
            result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0
                ? suppressions[0].GetProperty("kind").GetString()
                : null,
            result.TryGetProperty("relatedLocations", out var related)
                ? related.EnumerateArray().Select(r => RelatedPosition(result.GetProperty("ruleId").GetString()!, r.GetProperty("physicalLocation"))).ToList()
                : new List<ExpectedDiagnostic>());
    }

    /// <summary>An additional location (SARIF relatedLocations): file and 1-based line.</summary>
    private ExpectedDiagnostic RelatedPosition(string id, JsonElement location) => new(
        id,
        Relative(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath),
        location.GetProperty("region").GetProperty("startLine").GetInt32());

    private string Relative(string path) => Expectations.RelativePath(ProjectDirectory, Path.GetFullPath(path, ProjectDirectory));
}
