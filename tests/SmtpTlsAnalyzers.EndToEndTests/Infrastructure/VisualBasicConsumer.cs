using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>
/// A Visual Basic project outside the repository that references the packed package: a console made by
/// <c>dotnet new console -lang VB</c>, or a .NET Framework 4.8 library, with the sources of Consumers/&lt;name&gt;.
/// Its expectations are end-of-line markers: <c>' expect: SMTP001</c> in .vb files, <c>&lt;!-- expect: SMTP011 --&gt;</c>
/// in .config files.
/// </summary>
internal static partial class VisualBasicConsumer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [GeneratedRegex(@"('|<!--)\s*expect:\s*(?<ids>SMTP\d{3}(\s*,\s*SMTP\d{3})*)\s*(-->)?\s*$")]
    private static partial Regex Marker();

    /// <summary>The net10.0 console of the SDK's template, with MailKit and the package added.</summary>
    public static Task<BuildResult> ConsoleBuildAsync(PackageFixture fixture) => fixture.OnceAsync("vb-console-build", async () =>
    {
        var directory = Path.Combine(fixture.Root, "consumers", "VbConsole");
        var created = await DotnetCli.RunAsync(fixture.Root, Timeout, fixture.Packages, "new", "console", "-lang", "VB", "-n", "VbConsole", "-o", directory, "--framework", "net10.0", "--no-restore");
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet new console -lang VB failed: " + created);
        }

        var project = Path.Combine(directory, "VbConsole.vbproj");
        var xml = File.ReadAllText(project).Replace("</Project>", $"""
              <ItemGroup>
                {PackageReference}
                {PackageFixture.MailKitReference}
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal);
        File.WriteAllText(project, xml);
        return await RestoreAndBuildAsync(fixture, directory, project, "VisualBasicConsole");
    });

    /// <summary>A .NET Framework 4.8 VB library built from reference assemblies, with an App.config.</summary>
    public static Task<BuildResult> NetFrameworkBuildAsync(PackageFixture fixture) => fixture.OnceAsync("vb-netfx-build", async () =>
    {
        var directory = Path.Combine(fixture.Root, "consumers", "VbNetFramework");
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "VbNetFramework.vbproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net48</TargetFramework>
                <OutputType>Library</OutputType>
                <OptionStrict>On</OptionStrict>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                <PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />
                <Reference Include="System.Configuration" />
              </ItemGroup>
            </Project>
            """);
        return await RestoreAndBuildAsync(fixture, directory, project, "VisualBasicNetFramework");
    });

    /// <summary>The diagnostics the markers of the project's .vb and .config files expect.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Expected(string directory)
    {
        var expected = new List<ExpectedDiagnostic>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.vb").Concat(Directory.EnumerateFiles(directory, "App.config")))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker().Match(lines[i]);
                if (match.Success)
                {
                    expected.AddRange(match.Groups["ids"].Value
                        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Select(id => new ExpectedDiagnostic(id, Expectations.RelativePath(directory, path), i + 1)));
                }
            }
        }

        return expected.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    private static readonly string PackageReference = $"""<PackageReference Include="{PackageFixture.PackageId}" Version="{PackageFixture.PackageVersion}" PrivateAssets="all" />""";

    private static async Task<BuildResult> RestoreAndBuildAsync(PackageFixture fixture, string directory, string project, string sources)
    {
        var from = Path.Combine(RepositoryFacts.ConsumerSources, sources);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

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
        var restore = await DotnetCli.RunAsync(directory, Timeout, fixture.Packages, "restore", project, "--packages", fixture.Packages, "-nodeReuse:false");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("The VB consumer did not restore: " + restore);
        }

        var sarif = Path.Combine(fixture.Root, "logs", Path.GetFileNameWithoutExtension(project) + ".sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
        var build = await DotnetCli.RunAsync(
            directory, Timeout, fixture.Packages, "build", project, "--no-restore", "--packages", fixture.Packages, "-nodeReuse:false", "-tl:off", $"-p:ErrorLog={sarif}%2Cversion=2.1");
        if (!File.Exists(sarif))
        {
            throw new InvalidOperationException("The VB build wrote no SARIF log: " + build);
        }

        return new BuildResult(directory, build, sarif);
    }
}
