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

    /// <summary>
    /// Every type of the compilation starts, and one that no passing file declares is dismissed by its name. Types of
    /// every kind declared in a passing file keep their analysis: records, structures, interfaces, nested and generic
    /// types, escaped names, and a partial type whose other part sits in a file that names no mail type.
    /// </summary>
    [Fact]
    public async Task TypesOfEveryKindInAPassingFile_AreAnalyzed()
    {
        const string otherPart = """
            public partial class Notifier
            {
            }
            """;
        const string kinds = """
            using System.Net.Mail;

            public record MailerRecord { public void Send(SmtpClient c) => c.EnableSsl = false; }
            public record struct MailerRecordStruct(int X) { public void Send(SmtpClient c) => c.EnableSsl = false; }
            public struct MailerStruct { public void Send(SmtpClient c) => c.EnableSsl = false; }
            public interface IMailer { void Send(SmtpClient c) => c.EnableSsl = false; }
            public class @Outer { public class M\u0061iler<T> { public void Send(SmtpClient c) => c.EnableSsl = false; } }
            public partial class Notifier { public void Send(SmtpClient c) => c.EnableSsl = false; }
            """;

        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var compilation = CSharpCompilation.Create(
            "Gate",
            new[] { Ordinary, otherPart, kinds }.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await DiagnosticsAsync(compilation, new SmtpTlsAnalyzer());
        Assert.Equal(6, diagnostics.Count(d => d.Id == "SMTP001"));
    }

    /// <summary>Visual Basic names ignore case: a partial class spelled differently in another file is still the type.</summary>
    [Fact]
    public async Task VisualBasicTypesInAPassingFile_AreAnalyzed_WhateverTheCaseOfTheirName()
    {
        const string otherPart = """
            Partial Public Class NOTIFIER
            End Class
            """;
        const string kinds = """
            Imports System.Net.Mail

            Partial Public Class notifier
                Public Sub Send(c As SmtpClient)
                    c.EnableSsl = False
                End Sub
            End Class

            Public Module MailModule
                Public Sub Send(c As SmtpClient)
                    c.EnableSsl = False
                End Sub
            End Module

            Public Structure MailStructure
                Public Sub Send(c As SmtpClient)
                    c.EnableSsl = False
                End Sub
            End Structure
            """;

        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var compilation = Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilation.Create(
            "Gate",
            new[] { otherPart, kinds }.Select((source, i) => Microsoft.CodeAnalysis.VisualBasic.VisualBasicSyntaxTree.ParseText(source, path: $"/File{i}.vb")),
            references,
            new Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await DiagnosticsAsync(compilation, new VisualBasicSmtpTlsAnalyzer());
        Assert.Equal(3, diagnostics.Count(d => d.Id == "SMTP001"));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
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
