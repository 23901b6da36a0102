using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// `dotnet format analyzers` applies the package's code fixes in bulk (Fix All) to a copy of the console consumer:
/// the marked edits appear, the consumer still compiles, and no diagnostic of a fixed rule is left.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class FormatTests
{
    private static readonly System.TimeSpan FormatTimeout = System.TimeSpan.FromMinutes(5);

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public FormatTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task DotnetFormatAnalyzers_FixesEveryFixableRule_AndTheConsumerStillCompiles()
    {
        var project = await ConsumerProject.CreateAsync(
            _fixture,
            "FormattedConsumer",
            ConsumerProject.ProjectXml("net10.0", "Exe", extraItems: PackageFixture.MailKitReference),
            "Console");
        var before = project.SourceFiles().ToDictionary(f => Expectations.RelativePath(project.Directory, f), File.ReadAllText);
        var edits = Expectations.Edits(project.Directory);
        var fixedBefore = Expectations.Diagnostics(project.Directory).Where(d => RepositoryFacts.RulesById[d.Id].Fixable).ToList();
        Assert.NotEmpty(fixedBefore);
        Assert.NotEmpty(edits);

        var args = new List<string> { "format", "analyzers", project.ProjectFile, "--diagnostics" };
        args.AddRange(RepositoryFacts.FixableIds);
        args.AddRange(new[] { "--severity", "info", "--no-restore", "--verbosity", "normal" });

        // dotnet format fixes one id at a time, and asks each id's provider for the fixes of the first diagnostic of
        // ANY requested id (here often another rule's): one run must still fix every id.
        var run = await DotnetCli.RunAsync(project.Directory, FormatTimeout, _fixture.Packages, args.ToArray());
        _output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("didn't return a Fix All action", run.Output, System.StringComparison.Ordinal);
        var format = run.ToString();
        var after = project.SourceFiles().ToDictionary(f => Expectations.RelativePath(project.Directory, f), File.ReadAllText);
        foreach (var group in edits.GroupBy(e => (e.File, e.Text)))
        {
            var (file, text) = group.Key;
            var added = Count(after[file], text) - Count(before[file], text);
            Assert.True(
                added >= group.Count(),
                $"{file}: expected '{text}' to be added {group.Count()} time(s), found {added} more.\n{format}\n--- the file after the fixes ---\n{after[file]}");
        }

        foreach (var file in fixedBefore.Select(d => d.File).Distinct())
        {
            Assert.NotEqual(before[file], after[file]);
        }

        var build = await project.BuildAsync();
        Assert.True(build.Succeeded, "the fixed consumer does not compile:\n" + build);
        Assert.Empty(build.AnalyzerExceptions);
        Assert.Empty(build.Sarif.Where(r => RepositoryFacts.RulesById[r.Id].Fixable).Select(r => r.Position));
    }

    /// <summary>
    /// The Shapes consumer holds every rule that `dotnet format` can fix, in several shapes and both libraries, and
    /// SMTP014 with an appsettings.json whose fixes edit the file or the code. Its markers are checked against a
    /// build first, so a shape that no longer raises its rule fails here instead of passing as "fixed".
    /// </summary>
    [Fact]
    public async Task DotnetFormatOncePerId_FixesEveryShapeOfEveryLibrary()
    {
        var project = await ConsumerProject.CreateAsync(
            _fixture,
            "ShapesConsumer",
            ConsumerProject.ProjectXml("net10.0", "Library", extraItems: PackageFixture.MailKitReference + "\n" + PackageFixture.OptionsReference),
            "Shapes");
        var expected = Expectations.Diagnostics(project.Directory);
        var before = await project.BuildAsync();
        Assert.True(before.Succeeded, before.ToString());
        Check.SameDiagnostics(expected, before.Sarif.Select(r => r.Position), before.ToString());

        // Every fixable rule of the README table, except those reported in configuration files: a fix there (SMTP011,
        // in App.config) has no Fix All, since Roslyn's FixAllContext takes only source documents, and dotnet format
        // applies Fix All only. SMTP011 is reported in .NET Framework projects, never in this one.
        var formattable = RepositoryFacts.FixableIds.Except(RuleTriggers.ConfigurationFileIds).Order(System.StringComparer.Ordinal).ToList();
        var ids = expected.Select(d => d.Id).Where(id => RepositoryFacts.RulesById[id].Fixable).Distinct().Order(System.StringComparer.Ordinal).ToList();
        Assert.Equal(formattable, ids);

        // One run per id, as the README says: each id's every shape must be fixed by that one run. The runs go from
        // the last id to the first: a fix of SMTP009 (credentials over a connection without TLS) also fixes the
        // connection another rule reports there, so SMTP009 comes before those rules, and each of them keeps shapes
        // of its own. Every run must change a file, so no id passes for having been fixed by another's run.
        var runs = new List<ProcessResult>();
        foreach (var id in Enumerable.Reverse(ids))
        {
            var run = await DotnetCli.RunAsync(project.Directory, FormatTimeout, _fixture.Packages, "format", "analyzers", project.ProjectFile, "--diagnostics", id, "--severity", "info", "--no-restore", "--verbosity", "normal");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("didn't return a Fix All action", run.Output, System.StringComparison.Ordinal);
            Assert.True(run.Output.Contains("Formatted code file", System.StringComparison.Ordinal), id + ": the run changed no file.\n" + run);
            runs.Add(run);
        }

        var build = await project.BuildAsync();
        var log = string.Join("\n", runs);
        Assert.True(build.Succeeded, "the fixed consumer does not compile:\n" + build + "\n" + log);
        Assert.Empty(build.AnalyzerExceptions);
        Assert.Empty(build.Sarif.Where(r => RepositoryFacts.RulesById[r.Id].Fixable).Select(r => r.Id + " at " + r.Position));

        // The local that only carried the relay's mode went with it: left behind, it would be a compiler warning.
        Assert.DoesNotContain("CS0219", build.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("relayOptions", File.ReadAllText(Path.Combine(project.Directory, "MixedShapes.cs")), System.StringComparison.Ordinal);

        // SMTP014's Fix All edited the configuration file where the setting can hold a secure value.
        var settings = File.ReadAllText(Path.Combine(project.Directory, "appsettings.json"));
        Assert.Contains("\"EnableSsl\": true", settings, System.StringComparison.Ordinal);
        Assert.Contains("\"Security\": \"StartTls\"", settings, System.StringComparison.Ordinal);
    }

    private static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;
}
