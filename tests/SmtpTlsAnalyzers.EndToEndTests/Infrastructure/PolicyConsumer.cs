using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>
/// Libraries that hold every rule's trigger (<see cref="RuleTriggers"/>) once per policy folder, each folder (or
/// file) configured by its own .editorconfig section: one build answers every question of
/// <see cref="EditorConfigTests"/> for every C# rule. The folder <see cref="Default"/> is the positive control of
/// every other folder: the same trigger without configuration, reported in the same build.
/// </summary>
internal static class PolicyConsumer
{
    /// <summary>No configuration; the host is not a plaintext host.</summary>
    public const string Default = "Default";

    /// <summary>No configuration; the host is localhost, a default plaintext host.</summary>
    public const string Localhost = "Localhost";

    /// <summary><c>dotnet_diagnostic.&lt;id&gt;.severity = error</c> for the file's own rule.</summary>
    public const string Error = "Error";

    /// <summary><c>dotnet_diagnostic.&lt;id&gt;.severity = none</c> for the file's own rule.</summary>
    public const string Silenced = "Silenced";

    /// <summary><c>#pragma warning disable &lt;id&gt;</c> around the trigger.</summary>
    public const string Pragma = "Pragma";

    /// <summary><c>plaintext_hosts = relay.internal</c> (a list replaces the defaults), with three hosts.</summary>
    public const string ReplaceListed = "ReplaceListed";
    public const string ReplaceLocalhost = "ReplaceLocalhost";
    public const string ReplaceNotListed = "ReplaceNotListed";

    /// <summary><c>plaintext_hosts = + relay.internal</c> (a leading '+' adds to the defaults), with three hosts.</summary>
    public const string AddListed = "AddListed";
    public const string AddLocalhost = "AddLocalhost";
    public const string AddNotListed = "AddNotListed";

    public const string ListedHost = "relay.internal";
    public const string OtherHost = "smtp.example.com";

    private static readonly (string Folder, string Host)[] Folders =
    {
        (Default, OtherHost),
        (Localhost, "localhost"),
        (Error, OtherHost),
        (Silenced, OtherHost),
        (Pragma, OtherHost),
        (ReplaceListed, ListedHost),
        (ReplaceLocalhost, "localhost"),
        (ReplaceNotListed, OtherHost),
        (AddListed, ListedHost),
        (AddLocalhost, "localhost"),
        (AddNotListed, OtherHost),
    };

    /// <summary>The build, and the line of each rule's marker (the same in every folder).</summary>
    public sealed record Build(BuildResult Result, IReadOnlyDictionary<string, int> MarkerLines)
    {
        public int MarkerLine(string id) => MarkerLines[id];
    }

    /// <summary>The three builds of the configuration-file consumer: no severity set, error, none.</summary>
    public sealed record ConfigurationBuilds(BuildResult Plain, BuildResult Error, BuildResult None);

    /// <summary>The file of a rule's trigger in a folder.</summary>
    public static string File(string folder, string id) => $"{folder}/{id}.cs";

    /// <summary>The configuration file of a folder of <see cref="BuildConfigurationFileAsync"/>.</summary>
    public static string ConfigFile(string folder) => $"{folder}/App.config";

    /// <summary>The one build of every C# rule's trigger in every folder.</summary>
    public static Task<Build> BuildAsync(PackageFixture fixture) => fixture.OnceAsync("policy", async () =>
    {
        var ids = RuleTriggers.Ids.ToList();
        var editorConfig = new StringBuilder("root = true\n");
        foreach (var id in ids)
        {
            editorConfig.Append($"\n[{File(Error, id)}]\ndotnet_diagnostic.{id}.severity = error\n");
            editorConfig.Append($"\n[{File(Silenced, id)}]\ndotnet_diagnostic.{id}.severity = none\n");
        }

        AppendPlaintextSections(editorConfig, "cs");
        var files = new Dictionary<string, string> { [".editorconfig"] = editorConfig.ToString() };
        var markerLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var trigger = RuleTriggers.For(id);
            foreach (var (folder, host) in Folders)
            {
                files[File(folder, id)] = Source(trigger, folder, id, host, pragmaId: folder == Pragma ? id : null);
            }

            var source = files[File(Default, id)].Split('\n');
            markerLines[id] = Array.FindIndex(source, l => l.Contains("// expect", StringComparison.Ordinal)) + 1;
        }

        // SMTP014's trigger reads this appSettings key, which turns TLS off.
        files["App.config"] = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="SmtpEnableSsl" value="false" />
              </appSettings>
            </configuration>
            """;

        var project = await ConsumerProject.CreateAsync(
            fixture,
            "PolicyConsumer",
            ConsumerProject.ProjectXml(
                "net10.0",
                "Library",
                extraItems: PackageFixture.MailKitReference + "\n" + """<PackageReference Include="System.Configuration.ConfigurationManager" Version="8.0.0" />"""),
            sources: null,
            files);
        return new Build(await project.BuildAsync(), markerLines);
    });

    /// <summary>
    /// The builds of a .NET Framework library whose App.config files (one per folder, a <c>network</c> element
    /// without enableSsl) raise SMTP011: with no severity set, then with a global config that sets it to error, then
    /// to none. Severities of diagnostics in configuration files follow global configs only.
    /// </summary>
    public static Task<ConfigurationBuilds> BuildConfigurationFileAsync(PackageFixture fixture) =>
        fixture.OnceAsync("policy-config", async () =>
        {
            var folders = Folders.Where(f => f.Folder is not (Error or Silenced or Pragma)).ToList();
            var editorConfig = new StringBuilder("root = true\n");
            AppendPlaintextSections(editorConfig, "config");
            var files = new Dictionary<string, string>
            {
                [".editorconfig"] = editorConfig.ToString(),
                ["Mailer.cs"] = "namespace Policy;\n\npublic static class Mailer\n{\n}\n",
            };
            foreach (var (folder, host) in folders)
            {
                files[ConfigFile(folder)] = $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <system.net>
                        <mailSettings>
                          <smtp>
                            <network host="{host}" port="587" />
                          </smtp>
                        </mailSettings>
                      </system.net>
                    </configuration>
                    """;
            }

            var project = await ConsumerProject.CreateAsync(
                fixture,
                "PolicyConfigConsumer",
                ConsumerProject.ProjectXml(
                    "net48",
                    "Library",
                    extraItems: """
                        <PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />
                        <AdditionalFiles Include="*/App.config" />
                        <GlobalAnalyzerConfigFiles Include="policy.globalconfig" Condition="Exists('policy.globalconfig')" />
                        """),
                sources: null,
                files);
            var globalConfig = Path.Combine(project.Directory, "policy.globalconfig");
            var plain = await project.BuildAsync();
            await System.IO.File.WriteAllTextAsync(globalConfig, "is_global = true\ndotnet_diagnostic.SMTP011.severity = error\n");
            var error = await project.BuildAsync();
            await System.IO.File.WriteAllTextAsync(globalConfig, "is_global = true\ndotnet_diagnostic.SMTP011.severity = none\n");
            var none = await project.BuildAsync();
            return new ConfigurationBuilds(plain, error, none);
        });

    private static void AppendPlaintextSections(StringBuilder editorConfig, string extension)
    {
        foreach (var folder in new[] { ReplaceListed, ReplaceLocalhost, ReplaceNotListed })
        {
            editorConfig.Append($"\n[{folder}/*.{extension}]\nsmtp_tls_analyzers.plaintext_hosts = {ListedHost}\n");
        }

        foreach (var folder in new[] { AddListed, AddLocalhost, AddNotListed })
        {
            editorConfig.Append($"\n[{folder}/*.{extension}]\nsmtp_tls_analyzers.plaintext_hosts = + {ListedHost}\n");
        }
    }

    /// <summary>
    /// The trigger in a class named for its rule, in a namespace named for its folder. The pragma variant has the
    /// same line count: the disable and restore directives replace two blank lines.
    /// </summary>
    private static string Source(RuleTrigger trigger, string folder, string id, string host, string? pragmaId)
    {
        var body = string.Join("\n", trigger.Body.Replace("{host}", host, StringComparison.Ordinal).Split('\n').Select(l => "        " + l.TrimEnd('\r')));
        return $$"""
            {{trigger.Usings}}

            namespace Policy.{{folder}};

            public static class {{id}}
            {
                public static void Run()
                {
            {{(pragmaId is null ? "" : "#pragma warning disable " + pragmaId)}}
            {{body}}
            {{(pragmaId is null ? "" : "#pragma warning restore " + pragmaId)}}
                }
            }

            """;
    }
}
