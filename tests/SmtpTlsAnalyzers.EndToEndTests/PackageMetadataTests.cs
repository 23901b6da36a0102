using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// What a user sees of the packed package before and around the analyzers: the nuspec (package readme, icon, release
/// notes, repository, tags), a readme whose links all work on a package page, the install scripts for packages.config
/// projects, and the README's SARIF command run as written.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageMetadataTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private readonly PackageFixture _fixture;

    public PackageMetadataTests(PackageFixture fixture) => _fixture = fixture;

    private static string RepositoryUrl => RepositoryFacts.BuildProperty("SmtpTlsAnalyzersRepositoryUrl");

    private static string Tag => "v" + PackageFixture.PackageVersion;

    [Fact]
    public void Nuspec_NamesThePackageReadmeIconNotesRepositoryAndTags()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var nuspec = Nuspec(package);

        Assert.Equal(PackageFixture.PackageVersion, Value(nuspec, "version"));
        Assert.Equal("README.md", Value(nuspec, "readme"));
        Assert.Equal("icon.png", Value(nuspec, "icon"));
        Assert.Equal(RepositoryUrl, Value(nuspec, "projectUrl"));

        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(RepositoryUrl, (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);

        var tags = Value(nuspec, "tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("security", tags);
        Assert.Contains("analyzers", tags);

        // The release notes are the changelog's section of this version, or Unreleased before it is released.
        var notes = Value(nuspec, "releaseNotes");
        Assert.Contains(ChangelogSection(), notes.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains($"{RepositoryUrl}/blob/{Tag}/CHANGELOG.md", notes);

        var icon = Entry(package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, icon.Take(8));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryFacts.Root, "src", "SmtpTlsAnalyzers.Package", "icon.png")), icon);
    }

    [Fact]
    public void PackedReadme_IsThePackageReadmeWithAbsoluteLinksToThisVersion()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var readme = Encoding.UTF8.GetString(Entry(package, "README.md"));

        var template = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "PACKAGE.md"));
        Assert.Equal(template.Replace("{repository}", RepositoryUrl).Replace("{tag}", Tag), readme);
        Assert.DoesNotContain("dotnet test", readme); // the contributor README's commands are not on the package page

        var links = Regex.Matches(readme, @"\]\((?<link>[^)]+)\)").Select(m => m.Groups["link"].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == "https", $"not an absolute https link: {link}"));
        var ownLinks = links.Where(l => l.StartsWith(RepositoryUrl, StringComparison.Ordinal)).ToList();
        Assert.All(ownLinks, link => Assert.StartsWith($"{RepositoryUrl}/blob/{Tag}/", link));
        Assert.All(RepositoryFacts.Rules, rule => Assert.Contains(rule.HelpUri, ownLinks));
    }

    [Fact]
    public void InstallScripts_AreInTools()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        foreach (var script in new[] { "install.ps1", "uninstall.ps1" })
        {
            var packed = Encoding.UTF8.GetString(Entry(package, "tools/" + script));
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryFacts.Root, "src", "SmtpTlsAnalyzers.Package", "tools", script)), packed);
            Assert.Contains("analyzers\\dotnet", packed);
            Assert.Contains("AnalyzerReferences", packed);
        }
    }

    /// <summary>
    /// The SARIF command of the README, run exactly as written in a consumer: it writes SARIF 2.1 and leaves the
    /// project's version alone (with a plain comma MSBuild would set Version to 2.1 and write SARIF 1.0).
    /// </summary>
    [Fact]
    public async Task ReadmeSarifCommand_WritesSarif21AndKeepsTheVersion()
    {
        var command = ReadmeSarifCommand();
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", args[0]);
        var log = Regex.Match(command, @"ErrorLog=(?<file>[^%,\s]+)").Groups["file"].Value;
        Assert.NotEmpty(log);

        var project = await _fixture.OnceAsync("readme-sarif", () => ConsumerProject.CreateAsync(
            _fixture,
            "ReadmeSarifConsumer",
            ConsumerProject.ProjectXml("net10.0", "Exe", extraItems: PackageFixture.MailKitReference),
            "Console"));
        var build = await DotnetCli.RunAsync(project.Directory, BuildTimeout, _fixture.Packages, args.Skip(1).ToArray());
        Assert.True(build.ExitCode == 0, build.ToString());

        var sarifPath = Path.Combine(project.Directory, log);
        Assert.True(File.Exists(sarifPath), $"{command} wrote no {log}: {build}");
        using (var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath)))
        {
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString()!.StartsWith("SMTP", StringComparison.Ordinal));
        }

        var assembly = Path.Combine(project.Directory, "bin", "Debug", "net10.0", "ReadmeSarifConsumer.dll");
        Assert.Equal(new Version(1, 0, 0, 0), AssemblyName.GetAssemblyName(assembly).Version);
        var info = Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.AssemblyInfo.cs", SearchOption.AllDirectories);
        Assert.Contains("AssemblyVersionAttribute(\"1.0.0.0\")", File.ReadAllText(Assert.Single(info)));
    }

    /// <summary>The one <c>dotnet build</c> line with an ErrorLog in the README's shell blocks.</summary>
    private static string ReadmeSarifCommand()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "README.md")).Replace("\r\n", "\n");
        var lines = Regex.Matches(readme, @"^```sh\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .SelectMany(m => m.Groups["body"].Value.Split('\n'))
            .Where(l => l.StartsWith("dotnet build", StringComparison.Ordinal) && l.Contains("ErrorLog=", StringComparison.Ordinal));
        return Assert.Single(lines).Trim();
    }

    /// <summary>CHANGELOG.md's section of the packed version, or its Unreleased section: the body, trimmed.</summary>
    private static string ChangelogSection()
    {
        var changelog = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "CHANGELOG.md")).Replace("\r\n", "\n");
        foreach (var heading in new[] { "[" + PackageFixture.PackageVersion + "]", "[Unreleased]" })
        {
            var match = Regex.Match(changelog, "^## " + Regex.Escape(heading) + @"[^\n]*\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
            if (match.Success)
            {
                var body = match.Groups["body"].Value.Trim();
                Assert.NotEmpty(body);
                return body;
            }
        }

        throw new InvalidOperationException("CHANGELOG.md has neither a section of the version nor Unreleased.");
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        var entry = Assert.Single(package.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string Value(XDocument nuspec, string name) =>
        nuspec.Descendants().Single(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "metadata").Value;

    private static byte[] Entry(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        Assert.True(entry is not null, $"the package has no {path}");
        using var stream = entry!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
