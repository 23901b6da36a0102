using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>
/// A library with one rule's trigger in several folders, each configured by its own .editorconfig section: built
/// once per rule id, it answers every question of <see cref="EditorConfigTests"/>.
/// </summary>
internal static class PolicyConsumer
{
    public const string DefaultFile = "Default/Reported.cs";
    public const string LocalhostFile = "Default/Localhost.cs";
    public const string ErrorFile = "Error/Escalated.cs";
    public const string SilencedFile = "Silenced/Silenced.cs";
    public const string PragmaFile = "Pragma/Suppressed.cs";
    public const string ListedHostFile = "Plaintext/Listed.cs";
    public const string UnlistedHostFile = "Plaintext/NotListed.cs";
    public const string ListedHost = "relay.internal";

    /// <summary>The build, and the line of the trigger's marker in every file (they all share it).</summary>
    public sealed record Build(BuildResult Result, int MarkerLine);

    public static Task<Build> BuildAsync(PackageFixture fixture, string id) => fixture.OnceAsync("policy-" + id, async () =>
    {
        var trigger = RuleTriggers.For(id);
        var files = new Dictionary<string, string>
        {
            [".editorconfig"] = $"""
                root = true

                [Error/*.cs]
                dotnet_diagnostic.{id}.severity = error

                [Silenced/*.cs]
                dotnet_diagnostic.{id}.severity = none

                [Plaintext/*.cs]
                smtp_tls_analyzers.plaintext_hosts = {ListedHost}
                """,
            [DefaultFile] = Source(trigger, "Reported", "smtp.example.com", pragmaId: null),
            [LocalhostFile] = Source(trigger, "Localhost", "localhost", pragmaId: null),
            [ErrorFile] = Source(trigger, "Escalated", "smtp.example.com", pragmaId: null),
            [SilencedFile] = Source(trigger, "Silenced", "smtp.example.com", pragmaId: null),
            [PragmaFile] = Source(trigger, "Suppressed", "smtp.example.com", pragmaId: id),
            [ListedHostFile] = Source(trigger, "Listed", ListedHost, pragmaId: null),
            [UnlistedHostFile] = Source(trigger, "NotListed", "smtp.example.com", pragmaId: null),
        };

        var project = await ConsumerProject.CreateAsync(
            fixture,
            "Policy" + id,
            ConsumerProject.ProjectXml("net10.0", "Library", extraItems: PackageFixture.MailKitReference),
            sources: null,
            files);
        var source = files[DefaultFile].Split('\n');
        var markerLine = Array.FindIndex(source, l => l.Contains("// expect", StringComparison.Ordinal)) + 1;
        return new Build(await project.BuildAsync(), markerLine);
    });

    /// <summary>
    /// The trigger in a class whose name follows the file. The pragma variant has the same line count: the
    /// disable and restore directives replace two blank lines.
    /// </summary>
    private static string Source(RuleTrigger trigger, string className, string host, string? pragmaId)
    {
        var body = string.Join("\n", trigger.Body.Replace("{host}", host, StringComparison.Ordinal).Split('\n').Select(l => "        " + l.TrimEnd('\r')));
        return $$"""
            {{trigger.Usings}}

            namespace Policy;

            public static class {{className}}
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
