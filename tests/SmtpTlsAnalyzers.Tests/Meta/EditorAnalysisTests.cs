using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// An editor asks for the diagnostics of one file, then of another, then of one member's span for a light bulb, and
/// asks again after nothing changed, all on one compilation. Each answer must hold exactly the diagnostics a build
/// reports there: state kept between requests must neither lose nor repeat a diagnostic.
/// </summary>
public class EditorAnalysisTests
{
    private const string PartialHalf = """
        using MailKit.Net.Smtp;

        public partial class SplitSender
        {
            private readonly SmtpClient _client = new SmtpClient();

            public void Open() => _client.Connect("mail.example.com", 587, false);
        }
        """;

    private const string OtherHalf = """
        public partial class SplitSender
        {
            public void Login() => _client.Authenticate("user", "secret");

            public class Nested
            {
                public void Send()
                {
                    using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = false;
                    client.Send("a@example.com", "b@example.com", "s", "b");
                }
            }
        }
        """;

    [Fact]
    public async Task RepeatedFileAndSpanRequests_GiveWhatTheBuildReports()
    {
        var compilation = await CompileAsync();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzer());
        var build = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Contains(build, d => d.Location.SourceTree!.FilePath.EndsWith("OtherHalf.cs", StringComparison.Ordinal));
        Assert.Contains(build, d => d.Location.SourceTree!.FilePath.EndsWith("PartialHalf.cs", StringComparison.Ordinal));

        var editor = compilation.WithAnalyzers(analyzers);
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var tree in compilation.SyntaxTrees.Reverse())
            {
                var model = compilation.GetSemanticModel(tree);
                var expected = Describe(build.Where(d => d.Location.SourceTree == tree));
                var whole = await editor.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None);
                Assert.True(expected == Describe(whole.GetAllDiagnostics()), $"round {round}, {tree.FilePath}:\nexpected\n{expected}\nactual\n{Describe(whole.GetAllDiagnostics())}");

                foreach (var diagnostic in build.Where(d => d.Location.SourceTree == tree))
                {
                    var span = diagnostic.Location.SourceSpan;
                    var inSpan = await editor.GetAnalysisResultAsync(model, span, CancellationToken.None);
                    Assert.Contains(inSpan.GetAllDiagnostics(), d => d.Id == diagnostic.Id && d.Location == diagnostic.Location);
                }
            }
        }
    }

    private static string Describe(System.Collections.Generic.IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics
            .Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal));

    private static async Task<Compilation> CompileAsync()
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var sample = Path.Combine(RuleCatalog.RepositoryRoot, "samples", "SmtpTlsAnalyzers.Sample", "Insecure");
        var trees = Directory.EnumerateFiles(sample, "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, "/" + Path.GetFileName(path)))
            .Append(CSharpSyntaxTree.ParseText(PartialHalf, options, "/PartialHalf.cs"))
            .Append(CSharpSyntaxTree.ParseText(OtherHalf, options, "/OtherHalf.cs"));
        return CSharpCompilation.Create(
            "Editor",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
