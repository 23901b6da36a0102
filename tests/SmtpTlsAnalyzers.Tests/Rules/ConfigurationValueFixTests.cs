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
using SmtpTlsAnalyzers.Configuration;
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

    private static Task FixAsync(string code, (string Path, string Before, string After)[] files, int diagnostics = 1, string? fixedCode = null) =>
        FixAsync(new[] { ("/0/Test0.cs", code, fixedCode ?? Unmarked(code)) }, files, diagnostics);

    /// <summary>
    /// Fixes every diagnostic of the sources, one at a time and with Fix All in each scope; the sources and files must
    /// end as given. The sources' diagnostics are marked #0, #1... in order, and each has the next marked value of the
    /// files as its related location.
    /// </summary>
    private static async Task FixAsync((string Path, string Before, string After)[] sources, (string Path, string Before, string After)[] files, int diagnostics = 1)
    {
        var test = new CSharpCodeFixVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>, ConfigurationTurnsTlsOffCodeFixProvider>.Test
        {
            CodeActionEquivalenceKey = ConfigurationTurnsTlsOffCodeFixProvider.Key,
        };
        await RunAsync(test, sources, files, diagnostics);
    }

    /// <summary><see cref="FixAsync(string, ValueTuple{string, string, string}[], int, string?)"/> for Visual Basic, under Option Strict On and Off.</summary>
    private static async Task FixVisualBasicAsync(string code, string fixedCode, (string Path, string Before, string After)[] files, int diagnostics = 1)
    {
        foreach (var optionStrict in new[] { Microsoft.CodeAnalysis.VisualBasic.OptionStrict.On, Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off })
        {
            var test = new VisualBasicCodeFixVerifier<VisualBasicRuleAnalyzer<ConfigurationTurnsTlsOffRule>, ConfigurationTurnsTlsOffCodeFixProvider>.Test
            {
                CodeActionEquivalenceKey = ConfigurationTurnsTlsOffCodeFixProvider.Key,
                OptionStrict = optionStrict,
            };
            await RunAsync(test, new[] { ("/0/Test0.vb", code, fixedCode) }, files, diagnostics);
        }
    }

    private static async Task RunAsync(CodeFixTest<DefaultVerifier> test, (string Path, string Before, string After)[] sources, (string Path, string Before, string After)[] files, int diagnostics)
    {
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        foreach (var (path, before, after) in sources)
        {
            test.TestState.Sources.Add((path, before));
            test.FixedState.Sources.Add((path, after));
        }

        foreach (var (path, before, after) in files)
        {
            test.TestState.AdditionalFiles.Add((path, before));
            test.FixedState.AdditionalFiles.Add((path, after));
        }

        var codeMarkers = Regex.Matches(string.Concat(sources.Select(source => source.Before)), @"\{\|#(\d+):").Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < diagnostics; i++)
        {
            // One code location for all (#0), or one per diagnostic (#0, #1... then the files' values after them).
            var at = codeMarkers.Length == 1 ? 0 : codeMarkers[i];
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP014_ConfigurationTurnsTlsOff).WithLocation(at).WithLocation(codeMarkers.Length + i).WithMessage(null));
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static string Unmarked(string text) => Regex.Replace(text, @"\{\|#\d+:|\|\}", string.Empty);

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
    public async Task NegatedFlag_TrueBecomesFalse()
    {
        // `EnableSsl = !DisableTls`: the secure value of the file is the opposite one.
        await FixAsync(EnableSslCode.Replace("configuration.GetValue<bool>(\"Smtp:EnableSsl\")", "!configuration.GetValue<bool>(\"Smtp:DisableTls\")"), new[]
        {
            (Json, "{ \"Smtp\": { \"DisableTls\": {|#1:true|} } }", "{ \"Smtp\": { \"DisableTls\": false } }"),
        });
    }

    [Fact]
    public async Task ProjectsOwnEnumConvertedByNumber_TheFixWritesItsMemberOfTheSecureNumber()
    {
        // The file names the project's members: "Upgrade" (3) is what the code converts to MailKit's StartTls.
        const string code = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;

            public enum MailSecurity { Plain = 0, Tls = 2, Upgrade = 3 }

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", 587, {|#0:(SecureSocketOptions)(int)configuration.GetValue<MailSecurity>("Mail:Security")|});
                }
            }
            """;
        await FixAsync(code, new[]
        {
            (Json, "{ \"Mail\": { \"Security\": {|#1:\"Plain\"|} } }", "{ \"Mail\": { \"Security\": \"Upgrade\" } }"),
        });
    }

    [Fact]
    public async Task NotABoolean_NothingReportedNothingFixed()
    {
        // The binder throws for "no": the application fails at start, not in clear text.
        Assert.Empty(await DiagnosticsAsync(Unmarked(EnableSslCode), (Json, "{ \"Smtp\": { \"EnableSsl\": \"no\" } }")));
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

    [Theory]
    [InlineData("configuration.GetValue<bool>(\"Mail:Tls\") ? SecureSocketOptions.StartTls : SecureSocketOptions.None", "false", "true")]
    [InlineData("configuration.GetValue<bool>(\"Mail:Tls\") ? SecureSocketOptions.None : SecureSocketOptions.StartTls", "true", "false")]
    public async Task ModeChosenByAConfiguredFlag_TheFlagPicksTheSecureMode(string choice, string before, string after)
    {
        var code = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", 587, {|#0:{{choice}}|});
                }
            }
            """;

        await FixAsync(code, new[]
        {
            (Json, "{ \"Mail\": { \"Tls\": {|#1:" + before + "|} } }", "{ \"Mail\": { \"Tls\": " + after + " } }"),
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
    public async Task UseSslFalseOnStartTlsPort_OffersTheCodeFixNotTheFile()
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

        // true in the file would start TLS on 587, where the server expects plain text first.
        var diagnostic = Assert.Single(await DiagnosticsAsync(code, (Json, "{ \"Mail\": { \"UseSsl\": false } }")));
        Assert.Equal(ConfigurationVerdicts.RequireTlsInCode, diagnostic.Properties["Fix"]);
        Assert.False(diagnostic.Properties.ContainsKey(ConfigurationVerdicts.Replacement));
    }

    private static string UseSslCode(string connect) => $$"""
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using Microsoft.Extensions.Configuration;

        public class Mail
        {
            public async Task ConnectAsync(IConfiguration configuration)
            {
                var settings = configuration.GetSection("Mail");
                using var client = new SmtpClient();
                {{connect}}
            }
        }
        """;

    [Theory]
    [InlineData(
        "client.Connect(\"mail.example.com\", 587, {|#0:settings.GetValue<bool>(\"UseSsl\")|});",
        "client.Connect(\"mail.example.com\", 587, settings.GetValue<bool>(\"UseSsl\") ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);")]
    [InlineData(
        "await client.ConnectAsync(\"mail.example.com\", settings.GetValue<int>(\"Port\"), useSsl: {|#0:settings[\"UseSsl\"] == \"true\"|});",
        "await client.ConnectAsync(\"mail.example.com\", settings.GetValue<int>(\"Port\"), options: settings[\"UseSsl\"] == \"true\" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);")]
    public async Task UseSslFalseOffTheImplicitPort_RequiresStartTlsInTheCode(string connect, string fixedConnect)
    {
        // The file keeps its value: false now means STARTTLS required, true still means TLS from the first byte.
        const string json = "{ \"Mail\": { \"Port\": 587, \"UseSsl\": {|#1:false|} } }";
        await FixAsync(
            UseSslCode(connect),
            new[] { (Json, json, Unmarked(json)) },
            fixedCode: UseSslCode(fixedConnect).Replace("using MailKit.Net.Smtp;\n", "using MailKit.Net.Smtp;\nusing MailKit.Security;\n", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseSslFalseInTheBaseAndTheEnvironment_OneEditOfTheCode()
    {
        const string code = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", 587, {|#0:configuration.GetValue<bool>("Mail:UseSsl")|});
                }
            }
            """;

        var test = new CSharpCodeFixVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>, ConfigurationTurnsTlsOffCodeFixProvider>.Test
        {
            TestCode = code,
            FixedCode = Unmarked(code).Replace("configuration.GetValue<bool>(\"Mail:UseSsl\")", "configuration.GetValue<bool>(\"Mail:UseSsl\") ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls", System.StringComparison.Ordinal),
            CodeActionEquivalenceKey = ConfigurationTurnsTlsOffCodeFixProvider.Key,
            // Both diagnostics point at the same flag: one edit fixes the two.
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        foreach (var (path, value, marker) in new[] { (Json, "false", 1), ("/app/appsettings.Production.json", "\"False\"", 2) })
        {
            test.TestState.AdditionalFiles.Add((path, "{ \"Mail\": { \"UseSsl\": {|#" + marker + ":" + value + "|} } }"));
            test.FixedState.AdditionalFiles.Add((path, "{ \"Mail\": { \"UseSsl\": " + value + " } }"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP014_ConfigurationTurnsTlsOff).WithLocation(0).WithLocation(marker).WithMessage(null));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UseSslShared_ByAnImplicitAndAStartTlsPortLayer_OffersNoFix()
    {
        const string code = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public class Mail
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", configuration.GetValue<int>("Mail:Port"), configuration.GetValue<bool>("Mail:UseSsl"));
                }
            }
            """;

        // The base's false is used on 465 and, in Production, on 587: true breaks one, STARTTLS the other.
        var diagnostics = await DiagnosticsAsync(
            code,
            (Json, "{ \"Mail\": { \"Port\": 465, \"UseSsl\": false } }"),
            ("/app/appsettings.Production.json", "{ \"Mail\": { \"Port\": 587 } }"));
        Assert.False(Assert.Single(diagnostics).Properties.ContainsKey("Fix"));
    }

    [Fact]
    public async Task FixAll_ConfigurationValuesAndCodeInSeveralFiles()
    {
        const string systemNetMail = """
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
        const string mailKit = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public class Notifier
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, {|#1:configuration.GetValue<bool>("Notify:UseSsl")|});
                    using var implicitTls = new SmtpClient();
                    implicitTls.Connect("smtp.example.com", 465, {|#2:configuration.GetValue<bool>("Alerts:UseSsl")|});
                }
            }
            """;
        const string mailKitFixed = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;

            public class Notifier
            {
                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, configuration.GetValue<bool>("Notify:UseSsl") ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    using var implicitTls = new SmtpClient();
                    implicitTls.Connect("smtp.example.com", 465, configuration.GetValue<bool>("Alerts:UseSsl"));
                }
            }
            """;

        await FixAsync(
            new[] { ("/0/EmailSender.cs", systemNetMail, Unmarked(systemNetMail)), ("/0/Notifier.cs", mailKit, mailKitFixed) },
            new[]
            {
                (Json,
                 "{ \"Smtp\": { \"EnableSsl\": {|#3:false|} }, \"Notify\": { \"UseSsl\": {|#4:false|} }, \"Alerts\": { \"UseSsl\": {|#5:false|} } }",
                 "{ \"Smtp\": { \"EnableSsl\": true }, \"Notify\": { \"UseSsl\": false }, \"Alerts\": { \"UseSsl\": true } }"),
            },
            diagnostics: 3);
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

    [Fact]
    public async Task ImportWouldMakeANameAmbiguous_TheTypeStaysQualified()
    {
        const string code = """
            using Legacy;
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            namespace Legacy
            {
                public enum SecureSocketOptions { Plain }
            }

            public class Mail
            {
                public SecureSocketOptions Old => SecureSocketOptions.Plain;

                public void Connect(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("mail.example.com", 587, {|#0:configuration.GetValue<bool>("Mail:UseSsl")|});
                }
            }
            """;

        await FixAsync(
            code,
            new[] { (Json, "{ \"Mail\": { \"UseSsl\": {|#1:false|} } }", "{ \"Mail\": { \"UseSsl\": false } }") },
            fixedCode: Unmarked(code).Replace(
                "configuration.GetValue<bool>(\"Mail:UseSsl\")",
                "configuration.GetValue<bool>(\"Mail:UseSsl\") ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls",
                System.StringComparison.Ordinal));
    }

    // ---- Visual Basic: the same provider, the same edits ----

    [Theory]
    [InlineData("587, {|#0:configuration.GetValue(Of Boolean)(\"Mail:UseSsl\")|}", "587, If(configuration.GetValue(Of Boolean)(\"Mail:UseSsl\"), SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls)")]
    [InlineData("useSsl:={|#0:CBool(configuration(\"Mail:UseSsl\"))|}, port:=25", "options:=If(CBool(configuration(\"Mail:UseSsl\")), SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls), port:=25")]
    public async Task VisualBasic_UseSslFalseOffTheImplicitPort_RequiresStartTlsInTheCode(string arguments, string fixedArguments)
    {
        const string code = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports Microsoft.Extensions.Configuration

            Public Class Notifier
                Public Async Function ConnectAsync(configuration As IConfiguration) As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", ARGUMENTS)
                    End Using
                End Function
            End Class
            """;
        var fixedCode = code.Replace("ARGUMENTS", fixedArguments, System.StringComparison.Ordinal)
            .Replace("Imports MailKit.Net.Smtp\n", "Imports MailKit.Net.Smtp\nImports MailKit.Security\n", System.StringComparison.Ordinal);

        await FixVisualBasicAsync(
            code.Replace("ARGUMENTS", arguments, System.StringComparison.Ordinal),
            fixedCode,
            new[] { (Json, "{ \"Mail\": { \"UseSsl\": {|#1:false|} } }", "{ \"Mail\": { \"UseSsl\": false } }") });
    }

    [Fact]
    public async Task VisualBasic_UseSslFalseOnImplicitPort_EditsAppConfig()
    {
        const string code = """
            Imports System.Configuration
            Imports MailKit.Net.Smtp

            Public Class Notifier
                Public Sub Connect()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 465, {|#0:Boolean.Parse(ConfigurationManager.AppSettings("SmtpSsl"))|})
                    End Using
                End Sub
            End Class
            """;

        await FixVisualBasicAsync(
            code,
            Unmarked(code),
            new[] { ("/app/App.config", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"{|#1:false|}\" /></appSettings></configuration>", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"true\" /></appSettings></configuration>") });
    }

    [Fact]
    public async Task VisualBasic_FixAll_EnableSslInTheFileAndUseSslInTheCode()
    {
        const string code = """
            Imports System.Net.Mail
            Imports Microsoft.Extensions.Configuration

            Public Class Mailer
                Public Sub Send(configuration As IConfiguration, message As MailMessage)
                    Using client As New System.Net.Mail.SmtpClient("smtp.example.com", 587)
                        client.EnableSsl = {|#0:configuration.GetValue(Of Boolean)("Smtp:EnableSsl")|}
                        client.Send(message)
                    End Using
                    Using notifier As New MailKit.Net.Smtp.SmtpClient()
                        notifier.Connect("smtp.example.com", 587, {|#1:configuration.GetValue(Of Boolean)("Notify:UseSsl")|})
                    End Using
                End Sub
            End Class
            """;
        const string fixedCode = """
            Imports System.Net.Mail
            Imports MailKit.Security
            Imports Microsoft.Extensions.Configuration

            Public Class Mailer
                Public Sub Send(configuration As IConfiguration, message As MailMessage)
                    Using client As New System.Net.Mail.SmtpClient("smtp.example.com", 587)
                        client.EnableSsl = configuration.GetValue(Of Boolean)("Smtp:EnableSsl")
                        client.Send(message)
                    End Using
                    Using notifier As New MailKit.Net.Smtp.SmtpClient()
                        notifier.Connect("smtp.example.com", 587, If(configuration.GetValue(Of Boolean)("Notify:UseSsl"), SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))
                    End Using
                End Sub
            End Class
            """;

        await FixVisualBasicAsync(
            code,
            fixedCode,
            new[] { (Json, "{ \"Smtp\": { \"EnableSsl\": {|#2:false|} }, \"Notify\": { \"UseSsl\": {|#3:false|} } }", "{ \"Smtp\": { \"EnableSsl\": true }, \"Notify\": { \"UseSsl\": false } }") },
            diagnostics: 2);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string code, params (string Path, string Content)[] files)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit).AddRange(ConfigurationReferences.All);
        var compilation = CSharpCompilation.Create("Test", new[] { CSharpSyntaxTree.ParseText(code, path: "/app/Mail.cs") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(files.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Content)).ToImmutableArray());
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<ConfigurationTurnsTlsOffRule>()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
