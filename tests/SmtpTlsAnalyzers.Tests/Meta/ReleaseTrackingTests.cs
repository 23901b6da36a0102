using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// The release files agree with each other and with the code: every rule they list exists, a version the changelog
/// dates as released has its <c>## Release</c> section in AnalyzerReleases.Shipped.md (and the reverse), and the
/// version being built, once released, leaves nothing in AnalyzerReleases.Unshipped.md.
/// </summary>
public class ReleaseTrackingTests
{
    private static readonly Regex RuleRow = new(@"^(?<id>SMTP\d{3}) \|", RegexOptions.Multiline);
    private static readonly Regex ShippedRelease = new(@"^## Release (?<version>\d+\.\d+\.\d+\S*)\s*$", RegexOptions.Multiline);
    private static readonly Regex DatedVersion = new(@"^## \[(?<version>\d+\.\d+\.\d+\S*)\] - \d{4}-\d{2}-\d{2}\s*$", RegexOptions.Multiline);

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine(new[] { RuleCatalog.RepositoryRoot }.Concat(path).ToArray()));

    private static string Shipped => Read("src", "SmtpTlsAnalyzers", "AnalyzerReleases.Shipped.md");

    private static string Unshipped => Read("src", "SmtpTlsAnalyzers", "AnalyzerReleases.Unshipped.md");

    [Fact]
    public void EveryRuleOfTheReleaseFiles_HasADescriptor()
    {
        var listed = RuleRow.Matches(Shipped + "\n" + Unshipped).Select(m => m.Groups["id"].Value).Distinct().ToList();
        Assert.NotEmpty(listed);
        var known = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(listed, id => Assert.Contains(id, known));
    }

    [Fact]
    public void ReleasedVersions_AreTheSameInTheChangelogAndTheShippedFile()
    {
        var dated = DatedVersion.Matches(Read("CHANGELOG.md")).Select(m => m.Groups["version"].Value).OrderBy(v => v, StringComparer.Ordinal);
        var shipped = ShippedRelease.Matches(Shipped).Select(m => m.Groups["version"].Value).OrderBy(v => v, StringComparer.Ordinal);
        Assert.Equal(dated, shipped);
    }

    [Fact]
    public void ReleasedVersionBeingBuilt_HasNothingUnshipped()
    {
        var version = RuleCatalog.BuildProperty("Version");
        var released = DatedVersion.Matches(Read("CHANGELOG.md")).Any(m => m.Groups["version"].Value == version);
        var unshipped = RuleRow.Matches(Unshipped).Select(m => m.Groups["id"].Value).ToList();
        if (released)
        {
            Assert.True(unshipped.Count == 0, $"{version} is released, yet AnalyzerReleases.Unshipped.md lists {string.Join(", ", unshipped)}");
        }
        else
        {
            // Not released yet: the changelog has the section the release notes are taken from.
            Assert.Matches(new Regex(@"^## \[Unreleased\]\s*$", RegexOptions.Multiline), Read("CHANGELOG.md"));
        }
    }

    [Fact]
    public void ReleaseProcess_IsWrittenDown()
    {
        var readme = Read("README.md");
        var section = Regex.Match(readme, @"^## Releasing\s*$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, "README.md has no Releasing section");
        var steps = section.Groups["body"].Value;
        Assert.Contains("AnalyzerReleases.Shipped.md", steps);
        Assert.Contains("AnalyzerReleases.Unshipped.md", steps);
        Assert.Contains("## Release x.y.z", steps);
        Assert.Contains("## [x.y.z] - YYYY-MM-DD", steps);
        Assert.Contains("`vx.y.z`", steps);
        Assert.Contains(nameof(ReleaseTrackingTests), steps);
        Assert.Contains("AnalyzerReleases.Shipped.md", Read("CHANGELOG.md"));
    }
}
