using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// The gate runs at compilation start. Where no file names a mail or TLS type, the analyzer registers nothing else,
/// so the compiler binds and calls nothing more on its behalf, even with System.Net.Mail and MailKit referenced. What
/// the gate read in a file is kept with the file's syntax tree for the next compilation that holds it.
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

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions? options = null)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
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

    /// <summary>
    /// The gate's reading of a file is kept with its syntax tree. An IDE forms a new compilation for every edit, with
    /// the trees of the unchanged files in it: their text is not read again.
    /// </summary>
    [Fact]
    public async Task ATreeInASecondCompilation_IsNotReadAgain()
    {
        var text = new CountingText(Ordinary);
        var ordinary = CSharpSyntaxTree.ParseText(text, Options, "/Orders.cs");
        var mail = CSharpSyntaxTree.ParseText(Mail, Options, "/Mailer.cs");
        var first = await CreateAsync(ordinary, mail);

        text.Reads = 0;
        Assert.Single(await DiagnosticsAsync(first, new SmtpTlsAnalyzer()), d => d.Id == "SMTP002");
        Assert.True(text.Reads > 0, "the first compilation's gate reads the file");

        text.Reads = 0;
        var second = first.RemoveSyntaxTrees(mail).AddSyntaxTrees(CSharpSyntaxTree.ParseText(Mail.Replace("Mailer", "Sender", System.StringComparison.Ordinal), Options, "/Sender.cs"));
        Assert.Single(await DiagnosticsAsync(second, new SmtpTlsAnalyzer()), d => d.Id == "SMTP002");
        Assert.Equal(0, text.Reads);
    }

    /// <summary>An edited file is a new tree, read again: its mail code is seen, and so is its removal.</summary>
    [Fact]
    public async Task AnEditedFile_IsReadAgain()
    {
        var ordinary = CSharpSyntaxTree.ParseText(Ordinary, Options, "/Orders.cs");
        var other = CSharpSyntaxTree.ParseText(Ordinary.Replace("Orders", "Totals", System.StringComparison.Ordinal), Options, "/Totals.cs");
        var first = await CreateAsync(ordinary, other);
        Assert.Empty(await DiagnosticsAsync(first, new SmtpTlsAnalyzer()));

        var edited = other.WithChangedText(SourceText.From(Mail));
        var second = first.ReplaceSyntaxTree(other, edited);
        Assert.Single(await DiagnosticsAsync(second, new SmtpTlsAnalyzer()), d => d.Id == "SMTP002" && d.Location.SourceTree == edited);

        var reverted = edited.WithChangedText(SourceText.From(Ordinary.Replace("Orders", "Totals", System.StringComparison.Ordinal)));
        Assert.Empty(await DiagnosticsAsync(second.ReplaceSyntaxTree(edited, reverted), new SmtpTlsAnalyzer()));
    }

    /// <summary>
    /// A file that names no mail type but binds configuration is walked too when the project has configuration files
    /// (SMTP014's own test of the text), so the connection rules see a MailKit client obtained from a factory there.
    /// That answer is kept with the file as well: the second compilation reads nothing and still walks the file.
    /// </summary>
    [Fact]
    public async Task AFileARuleAsksToSee_IsWalkedAgain_WithoutBeingReadAgain()
    {
        var text = new CountingText("""
            using Microsoft.Extensions.Configuration;

            public static class Settings
            {
                public static void Load(IConfiguration configuration, Totals totals) => configuration.Bind("Totals", totals);

                public static void Notify()
                {
                    using var client = Factory.Create();
                    client.Connect("smtp.example.com", 587, false);
                }
            }

            public class Totals
            {
                public int Count { get; set; }
            }
            """);
        const string factory = """
            public static class Factory
            {
                public static MailKit.Net.Smtp.SmtpClient Create() => new MailKit.Net.Smtp.SmtpClient();
            }
            """;
        var host = CSharpSyntaxTree.ParseText(text, Options, "/Settings.cs");
        var mail = CSharpSyntaxTree.ParseText(factory, Options, "/Factory.cs");
        var first = (await CreateAsync(host, mail)).AddReferences(ConfigurationReferences.All);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/appsettings.json", "{ \"Totals\": { \"Count\": 1 } }")));

        text.Reads = 0;
        Assert.Single(await DiagnosticsAsync(first, new SmtpTlsAnalyzer(), options), d => d.Id == "SMTP004" && d.Location.SourceTree == host);
        Assert.True(text.Reads >= 2, $"the gate and the rule's test each read the file ({text.Reads} reads)");

        text.Reads = 0;
        var second = first.ReplaceSyntaxTree(mail, CSharpSyntaxTree.ParseText(factory + "\n", Options, "/Factory.cs"));
        Assert.Single(await DiagnosticsAsync(second, new SmtpTlsAnalyzer(), options), d => d.Id == "SMTP004" && d.Location.SourceTree == host);
        Assert.Equal(0, text.Reads);

        // Without configuration files the rule's test does not apply, and the file is not walked.
        Assert.DoesNotContain(await DiagnosticsAsync(second, new SmtpTlsAnalyzer()), d => d.Location.SourceTree == host);
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    private static async Task<Compilation> CreateAsync(params SyntaxTree[] trees)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        return CSharpCompilation.Create("Gate", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
