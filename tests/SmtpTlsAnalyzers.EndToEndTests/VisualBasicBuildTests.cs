using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// The packed package in `dotnet build` of two Visual Basic consumers (a `dotnet new console -lang VB` on net10.0 and a
/// .NET Framework 4.8 library): every marked line reports its rules, in the console output and in the SARIF log,
/// and nothing else is reported.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class VisualBasicBuildTests
{
    private readonly PackageFixture _fixture;

    public VisualBasicBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task VisualBasicConsole_ReportsTheMarkedDiagnostics()
    {
        var build = await VisualBasicConsumer.ConsoleBuildAsync(_fixture);

        Assert.True(build.Succeeded, build.ToString());
        AssertMatchesMarkers(build);
    }

    [Fact]
    public async Task VisualBasicNetFramework48Library_ReportsTheMarkedDiagnostics()
    {
        var build = await VisualBasicConsumer.NetFrameworkBuildAsync(_fixture);

        Assert.True(build.Succeeded, build.ToString());
        AssertMatchesMarkers(build);
    }

    [Fact]
    public async Task VisualBasicConsumers_MarkEveryShippedRule()
    {
        var marked = VisualBasicConsumer.Expected(Path.Combine(RepositoryFacts.ConsumerSources, "VisualBasicConsole"))
            .Concat(VisualBasicConsumer.Expected(Path.Combine(RepositoryFacts.ConsumerSources, "VisualBasicNetFramework")))
            .Select(d => d.Id)
            .ToHashSet();

        Assert.All(RepositoryFacts.Rules, rule => Assert.Contains(rule.Id, marked));
        await Task.CompletedTask;
    }

    /// <summary>A VB host gets the package's analyzers/dotnet/vb and a C# host its analyzers/dotnet/cs, nothing else.</summary>
    [Fact]
    public async Task Consumers_LoadOnlyTheirLanguagesAssemblies()
    {
        var visualBasic = await VisualBasicConsumer.ConsoleBuildAsync(_fixture);
        var csharp = await _fixture.ConsoleAsync();

        var vbAnalyzers = await PackageAnalyzersAsync(visualBasic.ProjectDirectory, "VbConsole.vbproj");
        var csAnalyzers = await PackageAnalyzersAsync(csharp.Directory, Path.GetFileName(csharp.ProjectFile));

        Assert.Equal(
            new[] { "vb/SmtpTlsAnalyzers.CodeFixes.Common.dll", "vb/SmtpTlsAnalyzers.CodeFixes.VisualBasic.dll", "vb/SmtpTlsAnalyzers.VisualBasic.dll", "vb/SmtpTlsAnalyzers.dll" },
            vbAnalyzers);
        Assert.Equal(
            new[] { "cs/SmtpTlsAnalyzers.CSharp.dll", "cs/SmtpTlsAnalyzers.CodeFixes.Common.dll", "cs/SmtpTlsAnalyzers.CodeFixes.dll", "cs/SmtpTlsAnalyzers.dll" },
            csAnalyzers);
    }

    /// <summary>The package's Analyzer items MSBuild hands the compiler, as language folder/file name.</summary>
    private async Task<string[]> PackageAnalyzersAsync(string directory, string project)
    {
        var result = await DotnetCli.RunAsync(
            directory, System.TimeSpan.FromMinutes(2), _fixture.Packages, "msbuild", project, "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nodeReuse:false");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))
            .Where(path => path.Contains("/" + PackageFixture.PackageId.ToLowerInvariant() + "/", System.StringComparison.Ordinal))
            .Select(path => path[(path.LastIndexOf("/analyzers/dotnet/", System.StringComparison.Ordinal) + "/analyzers/dotnet/".Length)..])
            .Order(System.StringComparer.Ordinal)
            .ToArray();
    }

    private static void AssertMatchesMarkers(BuildResult build)
    {
        var expected = VisualBasicConsumer.Expected(build.ProjectDirectory);
        Assert.NotEmpty(expected);
        Check.SameDiagnostics(expected.Where(d => Check.ShownByMsBuild(RepositoryFacts.RulesById[d.Id].Severity)), build.Output.Select(d => d.Position), build.ToString());
        Assert.Equal("2.1.0", build.SarifVersion);
        Assert.Empty(build.AnalyzerExceptions);
        Check.SameDiagnostics(expected, build.Sarif.Select(r => r.Position), build.ToString());
        Assert.All(build.Sarif, r => Assert.Equal(Check.SarifLevel(RepositoryFacts.RulesById[r.Id].Severity), r.Level));
    }
}
