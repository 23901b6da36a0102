using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// The gate runs at compilation start. Where no file names a mail or TLS type, the analyzer registers nothing else,
/// so the compiler binds and calls nothing more on its behalf, even with System.Net.Mail and MailKit referenced.
/// </summary>
public class GateRegistrationTests
{
    private const string Ordinary = """
        using System.Collections.Generic;
        using System.Linq;

        public class Orders
        {
            private readonly List<int> _totals = new();

            public void Connect(string host, int port) => _totals.Add(port);

            public int Send() => _totals.Sum();
        }
        """;

    private const string Mail = """
        using System.Net.Mail;

        public class Mailer
        {
            public void Send(MailMessage message)
            {
                using var client = new SmtpClient("smtp.example.com", 587);
                client.Send(message);
            }
        }
        """;

    [Fact]
    public async Task NoFileNamesMail_NothingRegisteredBeyondCompilationStart()
    {
        var telemetry = await TelemetryAsync(Ordinary);
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, ActionsBeyondCompilationStart(telemetry));
    }

    [Fact]
    public async Task OneFileNamesMail_TypesAreAnalyzed()
    {
        var telemetry = await TelemetryAsync(Ordinary, Mail);
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
        Assert.Equal(0, telemetry.SemanticModelActionsCount + telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount);
    }

    private static int ActionsBeyondCompilationStart(AnalyzerTelemetryInfo t) =>
        t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount +
        t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount +
        t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount +
        t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount;

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(params string[] sources)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var compilation = CSharpCompilation.Create(
            "Gate",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzer = new SmtpTlsAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
