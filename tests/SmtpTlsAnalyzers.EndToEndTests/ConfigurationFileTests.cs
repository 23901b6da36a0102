using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// SMTP014 through the packed package: the package's props pass appsettings*.json and App.config to the analyzers,
/// the warning is at the code that reads the setting, and SARIF carries the configured value as a related location.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConfigurationFileTests
{
    private const string AppSettings = """
        {
          // The mail relay of production.
          "Smtp": {
            "Host": "smtp.example.com",
            "Port": 587,
            "EnableSsl": false,
          },
        }
        """;

    private const string Development = """
        { "Smtp": { "Host": "localhost", "Port": 1025 } }
        """;

    private const string Mailer = """
        using System.Net.Mail;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        namespace Configured;

        public sealed class SmtpOptions
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool EnableSsl { get; set; }
        }

        public static class Registration
        {
            public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration) =>
                services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        }

        public sealed class Mailer(IOptions<SmtpOptions> options)
        {
            public void Send(MailMessage message)
            {
                var o = options.Value;
                using var client = new SmtpClient(o.Host, o.Port);
                client.EnableSsl = o.EnableSsl; // expect: SMTP014
                client.Send(message);
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public ConfigurationFileTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task AppSettingsJson_ReportsAtTheCode_WithTheJsonValueAsRelatedLocation()
    {
        var project = await ConsumerProject.CreateAsync(
            _fixture,
            "AppSettingsConsumer",
            ConsumerProject.ProjectXml(
                "net10.0",
                "Library",
                extraItems: PackageFixture.OptionsReference),
            sources: null,
            new Dictionary<string, string>
            {
                ["Mailer.cs"] = Mailer,
                ["appsettings.json"] = AppSettings,
                ["appsettings.Development.json"] = Development,
                // Not the project folder: never passed to the analyzers.
                [Path.Combine("bin", "appsettings.Production.json")] = """{ "Smtp": { "EnableSsl": "false" } }""",
            });
        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.AnalyzerExceptions);
        Check.SameDiagnostics(Expectations.Diagnostics(build.ProjectDirectory), build.Sarif.Select(r => r.Position), build.ToString());
        var result = Assert.Single(build.Sarif);
        Assert.Equal(new ExpectedDiagnostic("SMTP014", "appsettings.json", LineOf(AppSettings, "\"EnableSsl\": false")), Assert.Single(result.Related));
        Assert.StartsWith("appsettings.json sets Smtp:EnableSsl to false for smtp.example.com:587", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostWithMailCodeInAReferencedLibrary_ReportsAtTheBinding()
    {
        const string library = """
            namespace Notifications;

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public bool EnableSsl { get; set; }
            }

            public sealed class Mailer
            {
                public void Send(SmtpSettings settings, System.Net.Mail.MailMessage message)
                {
                    using var client = new System.Net.Mail.SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
                    client.Send(message);
                }
            }
            """;
        const string host = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            namespace Host;

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.Configure<Notifications.SmtpSettings>(configuration.GetSection("Smtp")); // expect: SMTP014
                }
            }
            """;
        var project = await ConsumerProject.CreateAsync(
            _fixture,
            "HostConsumer",
            ConsumerProject.ProjectXml(
                "net10.0",
                "Library",
                extraItems: $"""
                    {PackageFixture.OptionsReference}
                    <ProjectReference Include="Notifications/Notifications.csproj" />
                    <Compile Remove="Notifications/**" />
                    """),
            sources: null,
            new Dictionary<string, string>
            {
                ["Startup.cs"] = host,
                ["appsettings.json"] = AppSettings,
                ["Notifications/Mailer.cs"] = library,
                ["Notifications/Notifications.csproj"] = """
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                      </PropertyGroup>
                    </Project>
                    """,
            });
        var build = await project.BuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.AnalyzerExceptions);
        Check.SameDiagnostics(Expectations.Diagnostics(build.ProjectDirectory), build.Sarif.Select(r => r.Position), build.ToString());
        var result = Assert.Single(build.Sarif);
        Assert.Equal(new ExpectedDiagnostic("SMTP014", "appsettings.json", LineOf(AppSettings, "\"EnableSsl\": false")), Assert.Single(result.Related));
        Assert.Contains("inferred from its name and type, in an assembly that references System.Net.Mail", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppConfigAppSettings_RelatedLocationIsTheValue()
    {
        var build = await _fixture.NetFrameworkBuildAsync();

        var result = Assert.Single(build.Sarif, r => r.Id == "SMTP014");
        var config = File.ReadAllText(Path.Combine(RepositoryFacts.ConsumerSources, "NetFramework", "App.config"));
        Assert.Equal(new ExpectedDiagnostic("SMTP014", "App.config", LineOf(config, "key=\"SmtpEnableSsl\"")), Assert.Single(result.Related));
    }

    private static int LineOf(string text, string part) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList().FindIndex(line => line.Contains(part, StringComparison.Ordinal)) + 1;
}
