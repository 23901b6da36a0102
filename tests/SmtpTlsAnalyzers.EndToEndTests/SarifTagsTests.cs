using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// The SARIF 2.1 log the compiler writes tags every rule as a security rule with its weakness, so code scanning
/// tools can tell the results apart: the tags are <c>security</c> and the CWE ids the rule's docs page names.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SarifTagsTests
{
    private readonly PackageFixture _fixture;

    public SarifTagsTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Console_Sarif_TagsEveryShippedRuleWithSecurityAndItsCwe()
    {
        var build = await _fixture.ConsoleBuildAsync();

        Assert.Equal("2.1.0", build.SarifVersion);
        Assert.Equal(RepositoryFacts.Rules.Select(r => r.Id).Order(), build.SarifRuleTags.Keys.Order());
        Assert.All(RepositoryFacts.Rules, rule =>
        {
            var expected = new[] { "security" }.Concat(DocumentedCwes(rule.Id)).Order();
            Assert.Equal(expected, build.SarifRuleTags[rule.Id].Order());
        });
    }

    /// <summary>The CWE ids of the <c>| CWE | ... |</c> row of a rule's docs page.</summary>
    private static string[] DocumentedCwes(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "docs", "rules", id + ".md"));
        var row = Regex.Match(page, @"^\| CWE \| (?<cells>.+) \|$", RegexOptions.Multiline);
        Assert.True(row.Success, $"docs/rules/{id}.md has no CWE row");
        var cwes = Regex.Matches(row.Groups["cells"].Value, @"\[(?<id>CWE-\d+)\]").Select(m => m.Groups["id"].Value).ToArray();
        Assert.NotEmpty(cwes);
        return cwes;
    }
}
