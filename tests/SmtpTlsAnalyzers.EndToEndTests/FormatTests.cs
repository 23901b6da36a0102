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

    [Fact]
    public async Task DotnetFormatOncePerId_FixesEveryShapeOfEveryLibrary()
    {
        var project = await ConsumerProject.CreateAsync(
            _fixture,
            "ShapesConsumer",
            ConsumerProject.ProjectXml("net10.0", "Library", extraItems: PackageFixture.MailKitReference),
            "Shapes");
        var expected = Expectations.Diagnostics(project.Directory);
        var ids = expected.Select(d => d.Id).Where(id => RepositoryFacts.RulesById[id].Fixable).Distinct().OrderBy(id => id).ToList();
        Assert.True(ids.Count >= 6, "the shapes consumer covers too few fixable rules: " + string.Join(", ", ids));

        var runs = new List<ProcessResult>();
        foreach (var id in ids)
        {
            // One run per id, as the README says: each id's every shape must be fixed by that one run.
            var run = await DotnetCli.RunAsync(project.Directory, FormatTimeout, _fixture.Packages, "format", "analyzers", project.ProjectFile, "--diagnostics", id, "--severity", "info", "--no-restore", "--verbosity", "normal");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("didn't return a Fix All action", run.Output, System.StringComparison.Ordinal);
            runs.Add(run);
        }

        var build = await project.BuildAsync();
        var log = string.Join("\n", runs);
        Assert.True(build.Succeeded, "the fixed consumer does not compile:\n" + build + "\n" + log);
        Assert.Empty(build.AnalyzerExceptions);
        Assert.Empty(build.Sarif.Where(r => RepositoryFacts.RulesById[r.Id].Fixable).Select(r => r.Id + " at " + r.Position));
    }

    private static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;
}
