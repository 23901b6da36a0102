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

        // dotnet format fixes one id at a time, but triggers each id's Fix All with the first diagnostic of ANY of
        // the requested ids; when that one belongs to another id (SMTP001/002/009 come from one analyzer), the
        // provider registers no action of the right equivalence key and dotnet format logs "didn't return a Fix All
        // action" for that id. Each pass fixes at least the ids it reaches first, so users run the same command
        // again; so does this test, until a pass fixes every id or changes nothing, with a bound.
        var current = before;
        var passes = new List<ProcessResult>();
        for (var pass = 0; pass <= RepositoryFacts.FixableIds.Count; pass++)
        {
            var run = await DotnetCli.RunAsync(project.Directory, FormatTimeout, _fixture.Packages, args.ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
            passes.Add(run);
            var next = project.SourceFiles().ToDictionary(f => Expectations.RelativePath(project.Directory, f), File.ReadAllText);
            var unchanged = next.All(kvp => current[kvp.Key] == kvp.Value);
            current = next;
            if (unchanged || !run.Output.Contains("Unable to fix", System.StringComparison.Ordinal))
            {
                break;
            }
        }

        _output.WriteLine($"dotnet format analyzers ran {passes.Count} time(s):");
        passes.ForEach(p => _output.WriteLine(p.ToString()));
        var format = string.Join("\n", passes);
        var after = current;
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
