using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// Severities, the package's options and <c>#pragma warning disable</c> in a real build. One consumer per rule id
/// holds the same trigger in several folders, each under its own .editorconfig section (see <see cref="PolicyConsumer"/>).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class EditorConfigTests
{
    private readonly PackageFixture _fixture;

    public EditorConfigTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>The rules the policy tests run on. Add an id here after adding its trigger to <see cref="RuleTriggers"/>.</summary>
    public static IEnumerable<object[]> PolicyRuleIds() => RuleTriggers.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task WithoutConfiguration_ReportsTheRuleAtItsDefaultSeverity(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);
        var severity = RepositoryFacts.RulesById[id].Severity;

        Assert.Contains(build.Result.Sarif, r => r.Id == id && r.File == PolicyConsumer.DefaultFile && r.StartLine == build.MarkerLine && r.Level == Check.SarifLevel(severity));
        if (Check.ShownByMsBuild(severity))
        {
            Assert.Contains(new ReportedDiagnostic(id, PolicyConsumer.DefaultFile, build.MarkerLine, severity.ToLowerInvariant()), build.Result.Output);
        }
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task SeverityError_FailsTheBuild(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);

        Assert.False(build.Result.Succeeded, "dotnet_diagnostic." + id + ".severity = error did not fail the build:\n" + build.Result);
        Assert.Contains(new ReportedDiagnostic(id, PolicyConsumer.ErrorFile, build.MarkerLine, "error"), build.Result.Output);
        Assert.Contains(build.Result.Sarif, r => r.Id == id && r.File == PolicyConsumer.ErrorFile && r.Level == "error");
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task SeverityNone_SilencesTheRule(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);

        AssertSilent(build, PolicyConsumer.SilencedFile);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task PragmaWarningDisable_SilencesTheRule(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);

        AssertSilent(build, PolicyConsumer.PragmaFile);
        // The rule did run there: the SARIF log keeps the diagnostic as suppressed in source.
        Assert.Contains(build.Result.SarifSuppressed, r => r.Id == id && r.File == PolicyConsumer.PragmaFile && r.StartLine == build.MarkerLine && r.Suppression == "inSource");
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task PlaintextHosts_ExemptTheListedHostOnly(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);

        AssertSilent(build, PolicyConsumer.ListedHostFile);
        Assert.Contains(build.Result.Sarif, r => r.Id == id && r.File == PolicyConsumer.UnlistedHostFile && r.StartLine == build.MarkerLine);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task DefaultPlaintextHosts_ExemptLocalhost(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture, id);

        AssertSilent(build, PolicyConsumer.LocalhostFile);
    }

    private static void AssertSilent(PolicyConsumer.Build build, string file)
    {
        Assert.DoesNotContain(build.Result.Output, d => d.File == file);
        Assert.DoesNotContain(build.Result.Sarif, r => r.File == file);
    }
}
