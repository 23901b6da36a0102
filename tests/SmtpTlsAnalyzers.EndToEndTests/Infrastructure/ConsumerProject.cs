using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>
/// A project outside the repository that references the packed package like a user: its own nuget.config (the
/// local feed, then nuget.org) and its own packages folder.
/// </summary>
internal sealed class ConsumerProject
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private readonly PackageFixture _fixture;
    private int _builds;

    private ConsumerProject(PackageFixture fixture, string directory, string name)
    {
        _fixture = fixture;
        Directory = directory;
        ProjectFile = Path.Combine(directory, name + ".csproj");
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>
    /// Writes the project: <paramref name="projectXml"/> as its .csproj, the files of Consumers/<paramref name="sources"/>
    /// (when given), <paramref name="files"/> (relative path to content), then restores it.
    /// </summary>
    public static async Task<ConsumerProject> CreateAsync(
        PackageFixture fixture,
        string name,
        string projectXml,
        string? sources,
        IReadOnlyDictionary<string, string>? files = null)
    {
        var directory = Path.Combine(fixture.Root, "consumers", name);
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(fixture, directory, name);

        File.WriteAllText(project.ProjectFile, projectXml);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{fixture.Packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{fixture.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        if (sources is not null)
        {
            var from = Path.Combine(RepositoryFacts.ConsumerSources, sources);
            foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(directory, Path.GetRelativePath(from, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            var target = Path.Combine(directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        var restore = await DotnetCli.RunAsync(directory, RestoreTimeout, fixture.Packages, "restore", project.ProjectFile, "--packages", fixture.Packages, "-nodeReuse:false");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("The consumer did not restore: " + restore);
        }

        return project;
    }

    /// <summary>Builds the project (no restore) with a SARIF 2.1 log and parses both.</summary>
    public async Task<BuildResult> BuildAsync()
    {
        var sarif = Path.Combine(_fixture.Root, "logs", $"{Path.GetFileName(Directory)}-{++_builds}.sarif");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
        var process = await DotnetCli.RunAsync(
            Directory,
            BuildTimeout,
            _fixture.Packages,
            "build",
            ProjectFile,
            "--no-restore",
            "--packages",
            _fixture.Packages,
            "-nodeReuse:false",
            "-tl:off",
            // MSBuild splits property values at ',' and ';': %2C is the escaped comma of "path,version=2.1".
            $"-p:ErrorLog={sarif}%2Cversion=2.1");
        if (!File.Exists(sarif))
        {
            throw new InvalidOperationException("The build wrote no SARIF log: " + process);
        }

        return new BuildResult(Directory, process, sarif);
    }

    public IEnumerable<string> SourceFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Expectations.RelativePath(Directory, f).StartsWith("obj/", StringComparison.Ordinal) &&
                        !Expectations.RelativePath(Directory, f).StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>A minimal SDK project file.</summary>
    public static string ProjectXml(string targetFramework, string outputType, string extraProperties = "", string extraItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{targetFramework}</TargetFramework>
            <OutputType>{outputType}</OutputType>
            <LangVersion>latest</LangVersion>
            <ImplicitUsings>disable</ImplicitUsings>
            <Nullable>disable</Nullable>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <!-- What `dotnet add package` writes for a development dependency. -->
            <PackageReference Include="SmtpTlsAnalyzers" Version="{PackageFixture.PackageVersion}">
              <PrivateAssets>all</PrivateAssets>
              <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
            </PackageReference>
            {extraItems}
          </ItemGroup>
        </Project>
        """;
}
