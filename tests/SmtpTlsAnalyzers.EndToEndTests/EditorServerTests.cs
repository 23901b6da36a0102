using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.EndToEndTests.Infrastructure;
using Xunit;

namespace SmtpTlsAnalyzers.EndToEndTests;

/// <summary>
/// A real editor server, csharp-ls (pinned in .config/dotnet-tools.json), driven over LSP stdio against the console
/// consumer: the squiggles of the package's rules, with code, range, severity and help link. csharp-ls does not run
/// third-party code fixes, so the fixes are proven by <see cref="FormatTests"/>.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class EditorServerTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the server may take to load the project and run the analyzers.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(120);

    private readonly PackageFixture _fixture;

    public EditorServerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task CsharpLs_PulledDiagnostics_ShowTheRulesWithCodeRangeSeverityAndHelpLink()
    {
        await _fixture.ToolRestoreAsync();
        var console = await _fixture.ConsoleAsync();
        var build = await _fixture.ConsoleBuildAsync();
        var files = console.SourceFiles().Select(f => Expectations.RelativePath(console.Directory, f)).ToList();
        var expected = Expectations.Diagnostics(console.Directory);
        Assert.NotEmpty(expected);

        // The tool is found through the repository's manifest; the project's assets already point at the
        // consumer's own packages folder.
        var startInfo = DotnetCli.StartInfo(RepositoryFacts.Root, new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" }, packagesFolder: null);
        await using var server = LspClient.Start(startInfo, section => section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);

        var rootUri = new Uri(console.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "ConsoleConsumer" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject { ["codeDescriptionSupport"] = true },
                },
            },
        }, RequestTimeout);
        await server.NotifyAsync("initialized", new JsonObject());

        // The file with the most markers first: once its squiggles are all there, the project is loaded.
        foreach (var file in files.OrderByDescending(f => expected.Count(d => d.File == f)).ThenBy(f => f, StringComparer.Ordinal))
        {
            var uri = new Uri(Path.Combine(console.Directory, file)).AbsoluteUri;
            await server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = uri,
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = File.ReadAllText(Path.Combine(console.Directory, file)),
                },
            });

            var want = expected.Where(d => d.File == file).ToList();
            var items = await PullUntilAsync(server, uri, found => want.All(w => found.Any(i => i.Code == w.Id && i.Range.StartLine + 1 == w.Line)));
            Check.SameDiagnostics(want, items.Select(i => new ExpectedDiagnostic(i.Code, file, i.Range.StartLine + 1)), "csharp-ls log:\n" + server.RecentLog);

            foreach (var item in items)
            {
                var rule = RepositoryFacts.RulesById[item.Code];
                Assert.Equal(Check.LspSeverity(rule.Severity), item.Severity);
                Assert.Equal(rule.HelpUri, item.Href);
                var sarif = Assert.Single(build.Sarif, r => r.Id == item.Code && r.File == file && r.StartLine == item.Range.StartLine + 1);
                Assert.Equal((sarif.StartLine - 1, sarif.StartColumn - 1, sarif.EndLine - 1, sarif.EndColumn - 1), item.Range);
                Assert.Equal(sarif.Message, item.Message);
            }
        }

        // Edits: the server forms a new compilation for each, holding the other files' trees as they were. A file
        // without mail code that gains some is read again and reported; when the edit is undone, the report goes.
        const string program = "Program.cs";
        var programUri = new Uri(Path.Combine(console.Directory, program)).AbsoluteUri;
        var original = File.ReadAllText(Path.Combine(console.Directory, program));
        Assert.DoesNotContain(expected, d => d.File == program);
        const string mailCode = """

            internal static class AddedInTheEditor
            {
                public static void Send()
                {
                    using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587);
                    client.Send("from@example.com", "to@example.com", "Subject", "Body");
                }
            }
            """;
        await ChangeAsync(server, programUri, version: 2, original + mailCode);
        var added = await PullUntilAsync(server, programUri, found => found.Any(i => i.Code == "SMTP002"));
        Assert.Contains(added, i => i.Code == "SMTP002" && i.Message.Contains("smtp.example.com:587", StringComparison.Ordinal));

        await ChangeAsync(server, programUri, version: 3, original);
        Assert.Empty(await PullUntilAsync(server, programUri, found => found.Count == 0));
    }

    /// <summary>Replaces the whole text of an open document.</summary>
    private static Task ChangeAsync(LspClient server, string uri, int version, string text) =>
        server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>Pulls the document's SMTP diagnostics until <paramref name="done"/> holds for them or the load timeout passes.</summary>
    private static async Task<List<Squiggle>> PullUntilAsync(LspClient server, string uri, Func<List<Squiggle>, bool> done)
    {
        var stopwatch = Stopwatch.StartNew();
        var parameters = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        while (true)
        {
            // The first pull may wait for the project to load: give it what is left of the load timeout.
            var left = LoadTimeout - stopwatch.Elapsed;
            var report = await server.RequestAsync("textDocument/diagnostic", parameters.DeepClone(), left > RequestTimeout ? left : RequestTimeout);
            var items = report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out var array)
                ? array.EnumerateArray().Select(Squiggle.From).Where(s => s.Code.StartsWith("SMTP", StringComparison.Ordinal)).ToList()
                : new List<Squiggle>();
            if (done(items) || stopwatch.Elapsed > LoadTimeout)
            {
                return items;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>One LSP diagnostic: code, 0-based range, severity, help link and message.</summary>
    private sealed record Squiggle(string Code, (int StartLine, int StartCharacter, int EndLine, int EndCharacter) Range, int Severity, string? Href, string Message)
    {
        public static Squiggle From(JsonElement item)
        {
            var range = item.GetProperty("range");
            var start = range.GetProperty("start");
            var end = range.GetProperty("end");
            var code = item.TryGetProperty("code", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText()) : string.Empty;
            var href = item.TryGetProperty("codeDescription", out var description) && description.TryGetProperty("href", out var h) ? h.GetString() : null;
            return new Squiggle(
                code,
                (start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(), end.GetProperty("line").GetInt32(), end.GetProperty("character").GetInt32()),
                item.TryGetProperty("severity", out var severity) ? severity.GetInt32() : 0,
                href,
                item.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty);
        }
    }
}
