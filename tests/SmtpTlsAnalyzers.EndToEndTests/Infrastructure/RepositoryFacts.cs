using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>A shipped rule as the README's rule table lists it.</summary>
internal sealed record ShippedRule(string Id, string Severity, bool Fixable)
{
    public string HelpUri => RepositoryFacts.HelpUriBase + Id + ".md";
}

/// <summary>
/// What the repository says the package contains. The README rule table is the list of shipped rules (the unit
/// tests keep it equal to the descriptors), so a new rule is covered here as soon as its row lands.
/// </summary>
internal static class RepositoryFacts
{
    public static string Root { get; } = FindRoot();

    /// <summary>The rules' docs at the tag of the version packed, from the repository property of Directory.Build.props.</summary>
    public static string HelpUriBase { get; } = BuildProperty("SmtpTlsAnalyzersRepositoryUrl") + "/blob/v" + BuildProperty("Version") + "/docs/rules/";

    public static string BuildProperty(string name) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants(name).Single().Value.Trim();

    public static IReadOnlyList<ShippedRule> Rules { get; } = ReadRules();

    public static IReadOnlyDictionary<string, ShippedRule> RulesById { get; } = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyList<string> FixableIds { get; } = Rules.Where(r => r.Fixable).Select(r => r.Id).ToList();

    /// <summary>Where the consumers' source files were copied (the test output folder).</summary>
    public static string ConsumerSources { get; } = Path.Combine(AppContext.BaseDirectory, "Consumers");

    private static string FindRoot()
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

    private static List<ShippedRule> ReadRules()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var table = readme.Split("<!-- rules -->")[1];
        var rows = Regex.Matches(table, @"^\|\[(?<id>SMTP\d{3})\]\([^)]*\)\|[^|]*\|[^|]*\|(?<severity>[^|]*)\|[^|]*\|(?<fix>Yes|No)\|", RegexOptions.Multiline);
        var rules = rows.Select(m => new ShippedRule(m.Groups["id"].Value, m.Groups["severity"].Value.Trim(), m.Groups["fix"].Value == "Yes")).ToList();
        if (rules.Count == 0)
        {
            throw new InvalidOperationException("No rule rows found in the README rule table.");
        }

        return rules;
    }
}
