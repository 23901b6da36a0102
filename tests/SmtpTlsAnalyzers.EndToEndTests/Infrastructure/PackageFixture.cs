using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>The tests that share one packed package and its consumers; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed package";
}

/// <summary>
/// Packs the package once per run into a folder feed under a temporary folder outside the repository, and creates
/// each consumer project once, on first use. Everything is deleted at the end of the run.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "SmtpTlsAnalyzers";
    /// <summary>The version packed: Version of Directory.Build.props, so that a version bump needs no test edit.</summary>
    public static readonly string PackageVersion = RepositoryFacts.BuildProperty("Version");

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ToolRestoreTimeout = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _once = new(StringComparer.Ordinal);

    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "smtptls-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        if (Path.GetFullPath(Root).StartsWith(RepositoryFacts.Root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The temporary folder {Root} is inside the repository.");
        }

        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
    }

    /// <summary>The temporary folder that holds the feed, the packages folder, the consumers and the logs.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>The consumers' own NuGet packages folder: a cached 0.1.0 elsewhere never hides the fresh pack.</summary>
    public string Packages { get; }

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{PackageVersion}.nupkg");

    public async Task InitializeAsync()
    {
        try
        {
            await PackAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task PackAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        var pack = await DotnetCli.RunAsync(
            RepositoryFacts.Root,
            PackTimeout,
            packagesFolder: null,
            "pack",
            Path.Combine("src", "SmtpTlsAnalyzers.Package"),
            "-c",
            "Release",
            "-o",
            Feed,
            "-nodeReuse:false",
            "-tl:off");
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing did not produce {PackagePath}: {pack}");
        }
    }

    public Task DisposeAsync()
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(500);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(500);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="create"/> once per key for the whole run; later callers share its result.</summary>
    internal async Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
        where T : class =>
        (T)await _once.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create().ConfigureAwait(false))).Value.ConfigureAwait(false);

    /// <summary>The net10.0 console using System.Net.Mail and MailKit 4.18.2 (Consumers/Console).</summary>
    internal Task<ConsumerProject> ConsoleAsync() => OnceAsync("console", () => ConsumerProject.CreateAsync(
        this,
        "ConsoleConsumer",
        ConsumerProject.ProjectXml("net10.0", "Exe", extraItems: MailKitReference),
        "Console"));

    internal Task<BuildResult> ConsoleBuildAsync() => OnceAsync("console-build", async () => await (await ConsoleAsync()).BuildAsync());

    /// <summary>A .NET Framework 4.8 library built from reference assemblies (Consumers/NetFramework).</summary>
    internal Task<BuildResult> NetFrameworkBuildAsync() => OnceAsync("netfx-build", async () =>
    {
        var project = await ConsumerProject.CreateAsync(
            this,
            "NetFrameworkConsumer",
            ConsumerProject.ProjectXml(
                "net48",
                "Library",
                extraItems: """<PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" /><Reference Include="System.Configuration" />"""),
            "NetFramework");
        return await project.BuildAsync();
    });

    /// <summary>
    /// A test project (IsTestProject = true, Consumers/TestProject) whose .editorconfig opts the OptedIn folder in to
    /// the analysis.
    /// </summary>
    internal Task<BuildResult> TestProjectBuildAsync() => OnceAsync("test-project-build", async () =>
    {
        var project = await ConsumerProject.CreateAsync(
            this,
            "TestProjectConsumer",
            ConsumerProject.ProjectXml("net10.0", "Library", extraProperties: "<IsTestProject>true</IsTestProject>"),
            "TestProject",
            new Dictionary<string, string>
            {
                [".editorconfig"] = """
                    root = true

                    [OptedIn/*.cs]
                    smtp_tls_analyzers.analyze_test_projects = true
                    """,
            });
        return await project.BuildAsync();
    });

    /// <summary>Restores the repository's local tools (.config/dotnet-tools.json) once.</summary>
    internal Task<ProcessResult> ToolRestoreAsync() => OnceAsync("tool-restore", async () =>
    {
        var restore = await DotnetCli.RunAsync(RepositoryFacts.Root, ToolRestoreTimeout, packagesFolder: null, "tool", "restore");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool restore failed: " + restore);
        }

        return restore;
    });

    internal const string MailKitReference = """<PackageReference Include="MailKit" Version="4.18.2" />""";

    /// <summary>Options bound to appsettings.json, the code SMTP014 reads the file with.</summary>
    internal const string OptionsReference = """<PackageReference Include="Microsoft.Extensions.Options.ConfigurationExtensions" Version="8.0.0" />""";
}
