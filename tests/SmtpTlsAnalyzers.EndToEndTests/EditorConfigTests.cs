using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// Severities, the package's options and <c>#pragma warning disable</c> in a real build, for every rule. One consumer
/// holds every rule's trigger in several folders, each under its own .editorconfig section, and is built once (see
/// <see cref="PolicyConsumer"/>). Every test that expects silence also checks, in the same build, that the same
/// trigger without that configuration is reported: silence means the configuration worked, not that nothing ran.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class EditorConfigTests
{
    private readonly PackageFixture _fixture;

    public EditorConfigTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>The C# rules the policy tests run on: those with a trigger in <see cref="RuleTriggers"/>.</summary>
    public static IEnumerable<object[]> PolicyRuleIds() => RuleTriggers.Ids.Select(id => new object[] { id });

    /// <summary>The C# rules whose trigger connects to a host, so that plaintext hosts apply.</summary>
    public static IEnumerable<object[]> HostRuleIds() => RuleTriggers.HostIds.Select(id => new object[] { id });

    [Fact]
    public void EveryShippedRule_IsCoveredByThePolicyTests()
    {
        var covered = RuleTriggers.Ids.Concat(RuleTriggers.ConfigurationFileIds).Order();
        Assert.Equal(RepositoryFacts.Rules.Select(r => r.Id).Order(), covered);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task WithoutConfiguration_ReportsTheRuleAtItsDefaultSeverity(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);

        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.Default);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task SeverityError_FailsTheBuild(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);
        var file = PolicyConsumer.File(PolicyConsumer.Error, id);

        Assert.False(build.Result.Succeeded, "dotnet_diagnostic." + id + ".severity = error did not fail the build:\n" + build.Result);
        Assert.Contains(new ReportedDiagnostic(id, file, build.MarkerLine(id), "error"), build.Result.Output);
        Assert.Contains(build.Result.Sarif, r => r.Id == id && r.File == file && r.StartLine == build.MarkerLine(id) && r.Level == "error");
        // The section names the file's own rule only: the same rule elsewhere keeps its default severity.
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.Default);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task SeverityNone_SilencesTheRule(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);

        AssertSilent(build, id, PolicyConsumer.File(PolicyConsumer.Silenced, id));
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.Default);
    }

    [Theory]
    [MemberData(nameof(PolicyRuleIds))]
    public async Task PragmaWarningDisable_SilencesTheRule(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);
        var file = PolicyConsumer.File(PolicyConsumer.Pragma, id);

        AssertSilent(build, id, file);
        // The rule did run there: the SARIF log keeps the diagnostic as suppressed in source.
        Assert.Contains(build.Result.SarifSuppressed, r => r.Id == id && r.File == file && r.StartLine == build.MarkerLine(id) && r.Suppression == "inSource");
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.Default);
    }

    [Theory]
    [MemberData(nameof(HostRuleIds))]
    public async Task DefaultPlaintextHosts_ExemptLocalhost(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);

        AssertSilent(build, id, PolicyConsumer.File(PolicyConsumer.Localhost, id));
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.Default);
    }

    /// <summary><c>plaintext_hosts = relay.internal</c>: the listed host is exempt, and the defaults are replaced.</summary>
    [Theory]
    [MemberData(nameof(HostRuleIds))]
    public async Task PlaintextHosts_ExemptTheListedHostOnly(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);

        AssertSilent(build, id, PolicyConsumer.File(PolicyConsumer.ReplaceListed, id));
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.ReplaceNotListed);
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.ReplaceLocalhost);
    }

    /// <summary><c>plaintext_hosts = + relay.internal</c>: the listed host is exempt, and so are the defaults.</summary>
    [Theory]
    [MemberData(nameof(HostRuleIds))]
    public async Task PlaintextHostsWithPlus_AddToTheDefaults(string id)
    {
        var build = await PolicyConsumer.BuildAsync(_fixture);

        AssertSilent(build, id, PolicyConsumer.File(PolicyConsumer.AddListed, id));
        AssertSilent(build, id, PolicyConsumer.File(PolicyConsumer.AddLocalhost, id));
        AssertReportedAtDefaultSeverity(build, id, PolicyConsumer.AddNotListed);
    }

    /// <summary>
    /// SMTP011, reported in App.config: severities come from a global config (sections and #pragma do not reach
    /// configuration files), and plaintext hosts from the file's own section, in both forms.
    /// </summary>
    [Fact]
    public async Task ConfigurationFileRule_FollowsSeveritiesAndPlaintextHosts()
    {
        var id = Assert.Single(RuleTriggers.ConfigurationFileIds);
        var (plain, error, none) = await PolicyConsumer.BuildConfigurationFileAsync(_fixture);
        var severity = RepositoryFacts.RulesById[id].Severity;
        string[] reported = { PolicyConsumer.Default, PolicyConsumer.ReplaceLocalhost, PolicyConsumer.ReplaceNotListed, PolicyConsumer.AddNotListed };
        string[] silent = { PolicyConsumer.Localhost, PolicyConsumer.ReplaceListed, PolicyConsumer.AddListed, PolicyConsumer.AddLocalhost };

        Assert.Empty(plain.AnalyzerExceptions);
        Assert.Equal(
            reported.Select(PolicyConsumer.ConfigFile).Order(),
            plain.Sarif.Where(r => r.Id == id).Select(r => r.File).Order());
        Assert.All(plain.Sarif.Where(r => r.Id == id), r => Assert.Equal(Check.SarifLevel(severity), r.Level));
        Assert.All(silent, folder => Assert.DoesNotContain(plain.Output, d => d.Id == id && d.File == PolicyConsumer.ConfigFile(folder)));

        Assert.False(error.Succeeded, $"dotnet_diagnostic.{id}.severity = error did not fail the build:\n{error}");
        Assert.Equal(
            reported.Select(PolicyConsumer.ConfigFile).Order(),
            error.Output.Where(d => d.Id == id && d.Severity == "error").Select(d => d.File).Order());

        Assert.True(none.Succeeded, none.ToString());
        Assert.DoesNotContain(none.Output, d => d.Id == id);
        Assert.DoesNotContain(none.Sarif, r => r.Id == id);
    }

    /// <summary>The rule is reported at its marker in the folder's file, in the SARIF log and, when shown, the output.</summary>
    private static void AssertReportedAtDefaultSeverity(PolicyConsumer.Build build, string id, string folder)
    {
        var file = PolicyConsumer.File(folder, id);
        var severity = RepositoryFacts.RulesById[id].Severity;
        Assert.True(
            build.Result.Sarif.Any(r => r.Id == id && r.File == file && r.StartLine == build.MarkerLine(id) && r.Level == Check.SarifLevel(severity)),
            $"{id} is not reported in {file} at line {build.MarkerLine(id)}:\n{build.Result}");
        if (Check.ShownByMsBuild(severity))
        {
            Assert.Contains(new ReportedDiagnostic(id, file, build.MarkerLine(id), severity.ToLowerInvariant()), build.Result.Output);
        }
    }

    private static void AssertSilent(PolicyConsumer.Build build, string id, string file)
    {
        Assert.DoesNotContain(build.Result.Output, d => d.Id == id && d.File == file);
        Assert.DoesNotContain(build.Result.Sarif, r => r.Id == id && r.File == file);
    }
}
