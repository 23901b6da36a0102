using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>Every analyzer runs cleanly on empty source and on code that uses no mail type.</summary>
public class AllAnalyzersSmokeTests
{
    private const string OrdinaryCode = """
        using System;
        using System.Collections.Generic;

        namespace App;

        public sealed class Options { public bool EnableSsl { get; set; } public int Port { get; set; } }

        public static class Worker
        {
            public static void Connect(string host, int port, bool useSsl) { }

            public static int Run(IEnumerable<int> values)
            {
                var options = new Options { EnableSsl = false, Port = 465 };
                Connect("smtp.example.com", 25, false);
                Func<object, bool> accept = _ => true;
                var total = 0;
                foreach (var v in values) { total += v; }
                return accept(options) ? total : -total;
            }
        }
        """;

    [Theory]
    [MemberData(nameof(RuleCatalog.AnalyzerNames), MemberType = typeof(RuleCatalog))]
    public async Task EmptySource_NoDiagnosticNoException(string analyzerName)
    {
        var diagnostics = await RunAsync(RuleCatalog.Analyzer(analyzerName), string.Empty, withMailTypes: true);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.AnalyzerNames), MemberType = typeof(RuleCatalog))]
    public async Task CodeWithoutMailTypes_NoDiagnosticNoException(string analyzerName)
    {
        Assert.Empty(await RunAsync(RuleCatalog.Analyzer(analyzerName), OrdinaryCode, withMailTypes: false));
        Assert.Empty(await RunAsync(RuleCatalog.Analyzer(analyzerName), OrdinaryCode, withMailTypes: true));
    }

    /// <summary>Runs one analyzer; analyzer exceptions (AD0001) come back as diagnostics and fail the caller.</summary>
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source, bool withMailTypes)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (withMailTypes)
        {
            references = references.AddRange(TestReferences.MailKit);
        }
        else
        {
            references = references.RemoveAll(r => r.Display?.EndsWith("System.Net.Mail.dll", System.StringComparison.OrdinalIgnoreCase) == true);
        }

        var compilation = CSharpCompilation.Create(
            "Smoke",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        return await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None)
            .ContinueWith(t => t.Result.Where(d => d.Id.StartsWith("SMTP", System.StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray(), TaskScheduler.Default);
    }
}
