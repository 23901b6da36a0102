using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// The packed package in `dotnet build` of three consumers: every marked line reports its rules, in the console
/// output and in the SARIF 2.1 log, and nothing else is reported.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class BuildTests
{
    private readonly PackageFixture _fixture;

    public BuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Console_BuildOutput_ReportsTheMarkedDiagnostics()
    {
        var build = await _fixture.ConsoleBuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        AssertOutputMatchesMarkers(build);
    }

    [Fact]
    public async Task Console_Sarif_ReportsTheMarkedDiagnosticsWithTheirLevel()
    {
        var build = await _fixture.ConsoleBuildAsync();

        AssertSarifMatchesMarkers(build);
    }

    [Fact]
    public async Task Console_Sarif_DescribesEveryShippedRuleWithItsHelpUri()
    {
        var build = await _fixture.ConsoleBuildAsync();

        Assert.Equal(RepositoryFacts.Rules.Select(r => r.Id).Order(), build.SarifRules.Keys.Order());
        Assert.All(RepositoryFacts.Rules, rule => Assert.Equal(rule.HelpUri, build.SarifRules[rule.Id]));
    }

    [Fact]
    public async Task NetFramework48Library_ReportsTheMarkedDiagnostics()
    {
        var build = await _fixture.NetFrameworkBuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        AssertOutputMatchesMarkers(build);
        AssertSarifMatchesMarkers(build);
    }

    [Fact]
    public async Task TestProject_IsSilentUnlessOptedIn()
    {
        var build = await _fixture.TestProjectBuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        // The markers are in OptedIn/ only; NotOptedIn.cs has the same insecure code and must stay silent. Without
        // the package's build/SmtpTlsAnalyzers.props, IsTestProject would not reach the analyzers and it would report.
        Assert.Contains(build.Output, d => d.File.StartsWith("OptedIn/", System.StringComparison.Ordinal));
        var generatedConfig = System.IO.Directory.GetFiles(build.ProjectDirectory, "*.GeneratedMSBuildEditorConfig.editorconfig", System.IO.SearchOption.AllDirectories);
        Assert.Contains("build_property.IsTestProject = true", System.IO.File.ReadAllText(Assert.Single(generatedConfig)));
        AssertOutputMatchesMarkers(build);
        AssertSarifMatchesMarkers(build);
    }

    /// <summary>Adding a rule to the README table makes this fail until a consumer has a marked line for it.</summary>
    [Fact]
    public async Task EveryShippedRule_HasAMarkedLineInTheConsumers()
    {
        var console = await _fixture.ConsoleAsync();
        var marked = Expectations.Diagnostics(console.Directory)
            .Concat(Expectations.Diagnostics(System.IO.Path.Combine(RepositoryFacts.ConsumerSources, "NetFramework")))
            .Select(d => d.Id)
            .ToHashSet();

        Assert.All(RepositoryFacts.Rules, rule => Assert.Contains(rule.Id, marked));
    }

    private static void AssertOutputMatchesMarkers(BuildResult build)
    {
        var expected = Expectations.Diagnostics(build.ProjectDirectory).Where(d => Check.ShownByMsBuild(RepositoryFacts.RulesById[d.Id].Severity));
        Check.SameDiagnostics(expected, build.Output.Select(d => d.Position), build.ToString());
        Assert.All(build.Output, d => Assert.Equal(RepositoryFacts.RulesById[d.Id].Severity.ToLowerInvariant(), d.Severity));
    }

    private static void AssertSarifMatchesMarkers(BuildResult build)
    {
        Assert.Equal("2.1.0", build.SarifVersion);
        Assert.Empty(build.AnalyzerExceptions);
        Check.SameDiagnostics(Expectations.Diagnostics(build.ProjectDirectory), build.Sarif.Select(r => r.Position), build.ToString());
        Assert.All(build.Sarif, r => Assert.Equal(Check.SarifLevel(RepositoryFacts.RulesById[r.Id].Severity), r.Level));
    }
}
