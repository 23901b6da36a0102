using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP014's fix: the value in the configuration file becomes the secure one.</summary>
public class ConfigurationValueFixTests
{
    private const string Json = "/app/appsettings.json";

    private const string EnableSslCode = """
        using System.Net.Mail;
        using Microsoft.Extensions.Configuration;

        public class EmailSender
        {
            public void Send(IConfiguration configuration, MailMessage message)
            {
                using var client = new SmtpClient("smtp.example.com", 587);
                client.EnableSsl = {|#0:configuration.GetValue<bool>("Smtp:EnableSsl")|};
                client.Send(message);
            }
        }
        """;

    private static string MailKitCode(string client, string port) => $$"""
        using MailKit.Net.Smtp;
        using MailKit.Net.Imap;
        using MailKit.Security;
        using Microsoft.Extensions.Configuration;

        public class Mail
        {
            public void Connect(IConfiguration configuration)
            {
                using var client = new {{client}}();
                client.Connect("mail.example.com", {{port}}, {|#0:configuration.GetValue<SecureSocketOptions>("Mail:Security")|});
            }
        }
        """;

    private static async Task FixAsync(string code, (string Path, string Before, string After)[] files, int diagnostics = 1)
    {
        var test = new CSharpCodeFixVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>, ConfigurationTurnsTlsOffCodeFixProvider>.Test
        {
            TestCode = code,
            FixedCode = Regex.Replace(code, @"\{\|#\d+:|\|\}", string.Empty),
            CodeActionEquivalenceKey = ConfigurationTurnsTlsOffCodeFixProvider.ReplaceValueKey,
        };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        foreach (var (path, before, after) in files)
        {
            test.TestState.AdditionalFiles.Add((path, before));
            test.FixedState.AdditionalFiles.Add((path, after));
        }

        for (var i = 0; i < diagnostics; i++)
        {
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP014_ConfigurationTurnsTlsOff).WithLocation(0).WithLocation(i + 1).WithMessage(null));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("false", "true")]
    [InlineData("\"False\"", "\"true\"")]
    public async Task EnableSslFalse_BecomesTrue(string before, string after)
    {
        await FixAsync(EnableSslCode, new[]
        {
            (Json, "{\n  \"Smtp\": { \"EnableSsl\": {|#1:" + before + "|} } // relay\n}", "{\n  \"Smtp\": { \"EnableSsl\": " + after + " } // relay\n}"),
        });
    }

    [Fact]
    public async Task NotABoolean_NothingReportedNothingFixed()
    {
        // The binder throws for "no": the application fails at start, not in clear text.
        Assert.Empty(await DiagnosticsAsync(Regex.Replace(EnableSslCode, @"\{\|#\d+:|\|\}", string.Empty), (Json, "{ \"Smtp\": { \"EnableSsl\": \"no\" } }")));
    }

    [Theory]
    [InlineData("SmtpClient", "587", "\"None\"", "\"StartTls\"")]
    [InlineData("SmtpClient", "465", "\"StartTlsWhenAvailable\"", "\"SslOnConnect\"")]
    [InlineData("SmtpClient", "25", "\"Auto\"", "\"StartTls\"")]
    [InlineData("ImapClient", "993", "0", "\"SslOnConnect\"")]
    [InlineData("ImapClient", "143", "\"none\"", "\"StartTls\"")]
    public async Task SecureSocketOptions_ByPort(string client, string port, string before, string after)
    {
        await FixAsync(MailKitCode(client, port), new[]
        {
            (Json, "{ \"Mail\": { \"Security\": {|#1:" + before + "|} } }", "{ \"Mail\": { \"Security\": " + after + " } }"),
        });
    }

    [Fact]
    public async Task UseSslFalseOnImplicitPort_BecomesTrue()
    {
        const string code = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", configuration.GetValue<int>("Mail:Port"), {|#0:configuration.GetValue<bool>("Mail:UseSsl")|});
                }
            }
            """;

        await FixAsync(code, new[]
        {
            (Json, "{ \"Mail\": { \"Port\": 465, \"UseSsl\": {|#1:false|} } }", "{ \"Mail\": { \"Port\": 465, \"UseSsl\": true } }"),
        });
    }

    [Fact]
    public async Task UseSslFalseOnStartTlsPort_OffersNoConfigurationFix()
    {
        const string code = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", 587, configuration.GetValue<bool>("Mail:UseSsl"));
                }
            }
            """;

        var diagnostic = Assert.Single(await DiagnosticsAsync(code, (Json, "{ \"Mail\": { \"UseSsl\": false } }")));
        Assert.False(diagnostic.Properties.ContainsKey("Fix"));
    }

    [Fact]
    public async Task ComparisonWithTrue_WritesTheStringTheCodeComparesWith()
    {
        const string code = """
            using System.Net.Mail;
            using Microsoft.Extensions.Configuration;

            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:configuration["Smtp:EnableSsl"] == "true"|};
                    client.Send(message);
                }
            }
            """;

        await FixAsync(code, new[] { (Json, "{ \"Smtp\": { \"EnableSsl\": {|#1:true|} } }", "{ \"Smtp\": { \"EnableSsl\": \"true\" } }") });
    }

    [Fact]
    public async Task BaseAndEnvironmentFile_BothFixed()
    {
        await FixAsync(
            EnableSslCode,
            new[]
            {
                (Json, "{ \"Smtp\": { \"EnableSsl\": {|#1:false|} } }", "{ \"Smtp\": { \"EnableSsl\": true } }"),
                ("/app/appsettings.Production.json", "{ \"Smtp\": { \"EnableSsl\": {|#2:\"false\"|} } }", "{ \"Smtp\": { \"EnableSsl\": \"true\" } }"),
            },
            diagnostics: 2);
    }

    [Fact]
    public async Task AppSettingsValue_BecomesTrue()
    {
        const string code = """
            using System.Configuration;
            using System.Net.Mail;

            public class LegacyMailer
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com");
                    client.EnableSsl = {|#0:bool.Parse(ConfigurationManager.AppSettings["SmtpSsl"]!)|};
                    client.Send(message);
                }
            }
            """;

        await FixAsync(code, new[]
        {
            ("/app/App.config", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"{|#1:False|}\" /></appSettings></configuration>", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"true\" /></appSettings></configuration>"),
        });
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string code, (string Path, string Content) file)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit).AddRange(ConfigurationReferences.All);
        var compilation = CSharpCompilation.Create("Test", new[] { CSharpSyntaxTree.ParseText(code, path: "/app/Mail.cs") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryText(file.Path, file.Content)));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<ConfigurationTurnsTlsOffRule>()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class InMemoryText(string path, string content) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content);
    }
}
