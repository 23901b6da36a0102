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
/// A diagnostic keeps its message when unrelated code moves: SARIF baselines and code-scanning alerts match results
/// by rule and message, so a message must never name a line or a column.
/// </summary>
public class StableMessageTests
{
    [Theory]
    [InlineData("MailKitConnections.cs")]
    [InlineData("ServerIdentity.cs")]
    [InlineData("SystemNetMail.cs")]
    public async Task UnrelatedLinesAbove_SameRulesAndMessages(string fileName)
    {
        var source = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "samples", "SmtpTlsAnalyzers.Sample", "Insecure", fileName));
        var moved = "// An unrelated change moves every line down.\n\n\n" + source.Replace("{\n", "{\n\n", System.StringComparison.Ordinal);

        var before = await MessagesAsync(source);
        var after = await MessagesAsync(moved);

        Assert.NotEmpty(before);
        Assert.Equal(string.Join("\n", before), string.Join("\n", after));
    }

    private static async Task<ImmutableArray<string>> MessagesAsync(string source)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var compilation = CSharpCompilation.Create(
            "Stable",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/Insecure.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(m => m, System.StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
