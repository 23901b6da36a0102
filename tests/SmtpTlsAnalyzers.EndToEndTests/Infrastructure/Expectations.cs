using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>A diagnostic a consumer's source expects: rule, file (relative, with '/'), 1-based line.</summary>
internal sealed record ExpectedDiagnostic(string Id, string File, int Line)
{
    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>A text that the code fix for a marked line adds to its file.</summary>
internal sealed record ExpectedEdit(string File, int Line, string Text);

/// <summary>
/// Reads the expectations written in the consumers' sources as end-of-line markers:
/// <code>client.EnableSsl = false; // expect: SMTP001, SMTP009 | fixed: EnableSsl = true</code>
/// or, in a .config file, <c>&lt;network enableSsl="false" /&gt; &lt;!-- expect: SMTP011 --&gt;</c>.
/// Every listed rule starts a diagnostic on that line; <c>fixed:</c> is a text the code fix adds to the file.
/// Markers of rules that are not in the README table yet are dormant: they turn on when the rule ships.
/// </summary>
internal static partial class Expectations
{
    [GeneratedRegex(@"(//|<!--)\s*expect:\s*(?<ids>SMTP\d{3}(\s*,\s*SMTP\d{3})*)\s*(\|\s*fixed:\s*(?<fixed>.+?))?\s*(-->)?\s*$")]
    private static partial Regex Marker();

    public static IReadOnlyList<ExpectedDiagnostic> Diagnostics(string projectDirectory) =>
        Markers(projectDirectory)
            .SelectMany(m => m.Ids.Where(RepositoryFacts.RulesById.ContainsKey).Select(id => new ExpectedDiagnostic(id, m.File, m.Line)))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The edits the fixes of shipped, fixable rules make.</summary>
    public static IReadOnlyList<ExpectedEdit> Edits(string projectDirectory) =>
        Markers(projectDirectory)
            .Where(m => m.Fixed is not null && m.Ids.Any(id => RepositoryFacts.RulesById.TryGetValue(id, out var rule) && rule.Fixable))
            .Select(m => new ExpectedEdit(m.File, m.Line, m.Fixed!))
            .ToList();

    /// <summary>Every marker, shipped or dormant (the dormant ones are listed in reports).</summary>
    public static IReadOnlyList<(string File, int Line, string[] Ids, string? Fixed)> Markers(string projectDirectory)
    {
        var markers = new List<(string, int, string[], string?)>();
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(projectDirectory, "*.config", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var relative = RelativePath(projectDirectory, path);
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker().Match(lines[i]);
                if (match.Success)
                {
                    var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var fixedText = match.Groups["fixed"].Success ? match.Groups["fixed"].Value : null;
                    markers.Add((relative, i + 1, ids, fixedText));
                }
            }
        }

        return markers;
    }

    public static string RelativePath(string projectDirectory, string path) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
}
