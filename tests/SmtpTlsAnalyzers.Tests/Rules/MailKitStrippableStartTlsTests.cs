using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes>;
using VerifyMailKitVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;
using FixSmtp004VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitStrippableStartTlsRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP004: a MailKit connection whose STARTTLS can be stripped.</summary>
public class MailKitStrippableStartTlsTests
{
    private const string UseSslFalseSource = """
        using MailKit.Net.Smtp;

        class Mailer
        {
            void Send(SmtpClient c)
            {
                c.Connect("smtp.gmail.com", 587, {|#0:false|});
            }
        }
        """;

    [Fact]
    public async Task UseSslFalseOnGmail_ReportsAndFixesWithStartTls()
    {
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c)
                {
                    c.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            UseSslFalseSource,
            new[] { Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task EveryPathOpportunisticOrClearText_ReportsAndFixesWithStartTls()
    {
        // No path requires TLS: whatever the flag, the connection can be read (a path with TLS would be SMTP013).
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool dev)
                {
                    var mode = dev ? SecureSocketOptions.None : SecureSocketOptions.StartTlsWhenAvailable;
                    c.Connect("smtp.example.com", 587, {|#0:mode|});
                    c.Connect("smtp.example.com", 587, {|#1:dev ? SecureSocketOptions.None : SecureSocketOptions.Auto|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool dev)
                {
                    var mode = dev ? SecureSocketOptions.None : SecureSocketOptions.StartTlsWhenAvailable;
                    c.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    c.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "smtp.example.com:587", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable on every path"),
                Diagnostic("SMTP004", 1, "smtp.example.com:587", "SecureSocketOptions.None or SecureSocketOptions.Auto on port 587 on every path"),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task LoopOverModesNoneOfWhichRequiresTls_ReportsEveryPathAndFixes()
    {
        // A delivery loop that tries each mode in turn until one connects: every attempt can go on in clear text.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Delivery
            {
                void Connect(SmtpClient client, string host)
                {
                    foreach (var security in new[] { SecureSocketOptions.StartTlsWhenAvailable, SecureSocketOptions.None })
                    {
                        try
                        {
                            client.Connect(host, 587, {|#0:security|});
                            return;
                        }
                        catch (SslHandshakeException)
                        {
                        }
                    }
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "port 587", "SecureSocketOptions.StartTlsWhenAvailable or SecureSocketOptions.None on every path") },
            source.Replace("{|#0:security|}", "SecureSocketOptions.StartTls", System.StringComparison.Ordinal),
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task LoopOverModesOneOfWhichRequiresTls_NoDiagnostic()
    {
        // Which attempt connects depends on the server, not on configuration; the list is not proven insecure. A loop
        // variable the body writes, or a list that is not written in the loop, is not followed.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Delivery
            {
                static readonly SecureSocketOptions[] Modes = { SecureSocketOptions.None };

                void Connect(SmtpClient client, string host, int port)
                {
                    foreach (var security in new[] { SecureSocketOptions.StartTls, SecureSocketOptions.StartTlsWhenAvailable })
                    {
                        client.Connect(host, port, security);
                    }

                    foreach (var security in Modes)
                    {
                        client.Connect(host, port, security);
                    }

                    foreach (var mode in new[] { SecureSocketOptions.StartTls, SecureSocketOptions.StartTlsWhenAvailable })
                    {
                        var options = mode;
                        client.Connect(host, 587, options);
                    }
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_LoopOverModesNoneOfWhichRequiresTls_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Delivery
                Sub Connect(client As SmtpClient, host As String)
                    For Each security In New SecureSocketOptions() {SecureSocketOptions.StartTlsWhenAvailable, SecureSocketOptions.None}
                        client.Connect(host, 587, {|#0:security|})
                    Next
                    For Each mode In New SecureSocketOptions() {SecureSocketOptions.StartTls, SecureSocketOptions.None}
                        client.Connect(host, 587, mode)
                    Next
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP004").WithLocation(0).WithArguments("port 587", "SecureSocketOptions.StartTlsWhenAvailable or SecureSocketOptions.None on every path")
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task VisualBasic_EveryPathOpportunisticOrClearText_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(c As SmtpClient, dev As Boolean)
                    c.Connect("smtp.example.com", 587, {|#0:If(dev, SecureSocketOptions.None, SecureSocketOptions.StartTlsWhenAvailable)|})
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:587", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable on every path"));
    }

    [Fact]
    public async Task UseSslFalseOnEveryPath_ReportsAndFixesWithStartTls()
    {
        // A helper's return and a local's writes all give false: the code proves STARTTLS when available.
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c, bool retry)
                {
                    var useSsl = false;
                    if (retry)
                    {
                        useSsl = UseSsl();
                    }

                    c.Connect("smtp.example.com", 587, {|#0:useSsl|});
                    c.Connect("smtp.example.com", 587, {|#1:UseSsl()|});
                }

                private static bool UseSsl() => false;
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool retry)
                {
                    var useSsl = false;
                    if (retry)
                    {
                        useSsl = UseSsl();
                    }

                    c.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    c.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                }

                private static bool UseSsl() => false;
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "smtp.example.com:587", "useSsl: false (STARTTLS when available) on every path"),
                Diagnostic("SMTP004", 1, "smtp.example.com:587", "useSsl: false (STARTTLS when available) on every path"),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task UseSslTrueOnOnePathOnly_LeavesItToConfiguration()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c, bool secure)
                {
                    c.Connect("smtp.example.com", 587, {|#0:UseSsl(secure)|});
                }

                private static bool UseSsl(bool secure)
                {
                    if (secure)
                    {
                        return true;
                    }

                    return false;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP013", 0, "on one path useSsl is false, which means STARTTLS only when the server offers it"));
    }

    [Fact]
    public async Task UseSslFalseOnLiteralPort_SecondActionSwitchesToImplicitTls()
    {
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c)
                {
                    c.Connect("smtp.gmail.com", 465, SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        await FixAsync(
            UseSslFalseSource,
            new[] { Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)") },
            fixedSource,
            MailKitConnectFixes.UseSslOnConnectOnImplicitPortKey);
    }

    [Fact]
    public async Task ConfiguredPortUseSslFalseAsync_ReportsAndFixesPortAware()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Settings { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Mailer
            {
                async Task Send(Settings cfg, string u, string p)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(cfg.Host, cfg.Port, {|#0:false|});
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Mailer
            {
                async Task Send(Settings cfg, string u, string p)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(cfg.Host, cfg.Port, cfg.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "the server", "useSsl: false (STARTTLS when available)") },
            fixedSource,
            MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task StartTlsWhenAvailableImapAndNamedUseSsl_FixAllReplacesBoth()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                async Task Read(ImapClient client, string server, int port, CancellationToken ct)
                {
                    await client.ConnectAsync(server, port, {|#0:SecureSocketOptions.StartTlsWhenAvailable|}, ct);
                    await client.ConnectAsync(host: server, useSsl: {|#1:false|}, port: 143, cancellationToken: ct);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                async Task Read(ImapClient client, string server, int port, CancellationToken ct)
                {
                    await client.ConnectAsync(server, port, SecureSocketOptions.StartTls, ct);
                    await client.ConnectAsync(host: server, options: SecureSocketOptions.StartTls, port: 143, cancellationToken: ct);
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "the server", "SecureSocketOptions.StartTlsWhenAvailable"),
                Diagnostic("SMTP004", 1, "port 143", "useSsl: false (STARTTLS when available)"),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task HostOnly_ReportsAndAddsNamedOptions()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, string host)
                {
                    {|#0:client.Connect(host)|};
                }
            }
            """;
        const string startTls = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, string host)
                {
                    client.Connect(host, options: SecureSocketOptions.StartTls);
                }
            }
            """;
        const string sslOnConnect = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, string host)
                {
                    client.Connect(host, options: SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        var expected = new[] { Diagnostic("SMTP004", 0, "port 25", "SecureSocketOptions.Auto (the default) on the default port (STARTTLS when available)") };
        await FixAsync(source, expected, startTls, MailKitConnectFixes.UseStartTlsKey);
        await FixAsync(source, expected, sslOnConnect, MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task OmittedOptionsBeforeNamedToken_AddsNamedOptions()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;

            class Reader
            {
                Task Read(Pop3Client pop, CancellationToken ct) => {|#0:pop.ConnectAsync("pop.x.com", 110, cancellationToken: ct)|};
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                Task Read(Pop3Client pop, CancellationToken ct) => pop.ConnectAsync("pop.x.com", 110, options: SecureSocketOptions.StartTls, cancellationToken: ct);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "pop.x.com:110", "SecureSocketOptions.Auto (the default; STARTTLS when available on any port but 995)") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task FullyQualifiedAutoOnPort25_ReportsAndFixesWithoutImport()
    {
        const string source = """
            class Mailer
            {
                void Send(MailKit.Net.Smtp.SmtpClient client)
                {
                    client.Connect("smtp.x.com", 25, {|#0:MailKit.Security.SecureSocketOptions.Auto|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Security;

            class Mailer
            {
                void Send(MailKit.Net.Smtp.SmtpClient client)
                {
                    client.Connect("smtp.x.com", 25, SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "smtp.x.com:25", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465)") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task UriWithAnIPv6Host_NamedOnceBracketed_LoopbackExempt()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|#0:new Uri("smtp://[2001:db8::25]:587")|});
                    client.Connect(new Uri("smtp://[::1]:25"));
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP004", 0, "[2001:db8::25]:587", "a Uri with the smtp:// scheme and no starttls=always"));
    }

    [Fact]
    public async Task PlainUriWithoutStartTls_ReportsAndAddsQuery()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|#0:new Uri("smtp://smtp.x.com:587")|});
                    client.Connect({|#1:new Uri("smtp://smtp.x.com:25/?starttls=when-available")|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect(new Uri("smtp://smtp.x.com:587/?starttls=always"));
                    client.Connect(new Uri("smtp://smtp.x.com:25/?starttls=always"));
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "smtp.x.com:587", "a Uri with the smtp:// scheme and no starttls=always"),
                Diagnostic("SMTP004", 1, "smtp.x.com:25", "a Uri with the smtp:// scheme and no starttls=always"),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Fact]
    public async Task UriBuiltFromHostAndPort_ReportsAndAppendsQuery()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Mailer
            {
                const string Server = "smtp.x.com";

                async Task Send(SmtpClient client, string host, int port)
                {
                    await client.ConnectAsync({|#0:new Uri($"smtp://{host}:{port}")|});
                    client.Connect({|#1:new Uri("smtp://" + host + ":" + port)|});
                    client.Connect({|#2:new Uri($"smtp://{Server}:{port}/")|});
                    client.Connect({|#3:new Uri($"smtp://{host}:587")|});
                    client.Connect({|#4:new Uri(@$"smtp://{host}")|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Mailer
            {
                const string Server = "smtp.x.com";

                async Task Send(SmtpClient client, string host, int port)
                {
                    await client.ConnectAsync(new Uri($"smtp://{host}:{port}/?starttls=always"));
                    client.Connect(new Uri("smtp://" + host + ":" + port + "/?starttls=always"));
                    client.Connect(new Uri($"smtp://{Server}:{port}/?starttls=always"));
                    client.Connect(new Uri($"smtp://{host}:587/?starttls=always"));
                    client.Connect(new Uri(@$"smtp://{host}/?starttls=always"));
                }
            }
            """;

        const string mode = "a Uri with the smtp:// scheme and no starttls=always";
        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "the server", mode),
                Diagnostic("SMTP004", 1, "the server", mode),
                Diagnostic("SMTP004", 2, "smtp.x.com", mode),
                Diagnostic("SMTP004", 3, "port 587", mode),
                Diagnostic("SMTP004", 4, "port 25", mode),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Theory]
    [InlineData("$\"smtps://{host}:{port}\"")]
    [InlineData("$\"smtp://{host}:{port}/?starttls=always\"")]
    [InlineData("$\"smtp://{host}:{port}{query}\"")]
    [InlineData("$\"smtp://{host}:{port}?{query}\"")]
    [InlineData("$\"{scheme}://{host}:{port}\"")]
    [InlineData("$\"smtp://{host}{query}\"")]
    [InlineData("$\"smtp://{query}@{host}\"")]
    [InlineData("$\"smtp://{host,20}\"")]
    [InlineData("\"smtp://\" + host + query")]
    [InlineData("$\"smtp://{host}:{port}/\" + query")]
    public async Task UriBuiltFromValuesThatMayCarryTheQuery_NoDiagnostic(string text)
    {
        var source = $$"""
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, string scheme, string host, int port, string query)
                {
                    client.Connect(new Uri({{text}}));
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UriQueryIsReadAsMailKitReadsIt_NoRewriteWhenTheQueryIsNotPlain()
    {
        // MailKit reads a name up to the next '=', so "a&starttls" is one name here and starttls is absent; a name
        // given twice makes MailKit throw while parsing, which is not a TLS question.
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|#0:new Uri("smtp://smtp.x.com:587/?a&starttls=never")|});
                    client.Connect(new Uri("smtp://smtp.x.com:587/?starttls=always&STARTTLS=never"));
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Diagnostic("SMTP004", 0, "smtp.x.com:587", "a Uri with the smtp:// scheme and no starttls=always"));
        test.FixedState.ExpectedDiagnostics.Add(Diagnostic("SMTP004", 0, "smtp.x.com:587", "a Uri with the smtp:// scheme and no starttls=always"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MailServiceReceiver_JudgesByPort()
    {
        const string source = """
            using MailKit;
            using MailKit.Security;

            class Mailer
            {
                void Send(IMailService service, MailService other)
                {
                    service.Connect("mail.x.com", 993, SecureSocketOptions.Auto);
                    service.Connect("mail.x.com", 143, {|#0:SecureSocketOptions.Auto|});
                    other.Connect("mail.x.com", 995);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP004", 0, "mail.x.com:143", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465, 993 or 995)"));
    }

    [Fact]
    public async Task UserSubclass_Reports()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class AuditedSmtpClient : SmtpClient { }

            class Mailer
            {
                void Send(AuditedSmtpClient client) => client.Connect("smtp.x.com", 587, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP004", 0, "smtp.x.com:587", "SecureSocketOptions.StartTlsWhenAvailable"));
    }

    [Fact]
    public async Task UserSubclassOverridingConnect_NoDiagnostic()
    {
        const string source = """
            using System.Threading;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class ImplicitTlsSmtpClient : SmtpClient
            {
                public override void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default) =>
                    base.Connect(host, 465, SecureSocketOptions.SslOnConnect, cancellationToken);
            }

            class Mailer
            {
                void Send(ImplicitTlsSmtpClient client)
                {
                    client.Connect("smtp.x.com", 587, false);
                    client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTlsWhenAvailable);
                    client.Connect("smtp.x.com");
                    client.Authenticate("u", "p");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnotherSecureSocketOptionsImported_FixKeepsTheNameQualified()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Legacy;

            namespace Legacy { public enum SecureSocketOptions { Plain, Encrypted } }

            class Mailer
            {
                SecureSocketOptions _legacy = SecureSocketOptions.Plain;

                void Send(SmtpClient c) => c.Connect("smtp.gmail.com", 587, {|#0:false|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using Legacy;

            namespace Legacy { public enum SecureSocketOptions { Plain, Encrypted } }

            class Mailer
            {
                SecureSocketOptions _legacy = SecureSocketOptions.Plain;

                void Send(SmtpClient c) => c.Connect("smtp.gmail.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
            }
            """;

        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MailKitConnectFixes.UseStartTlsKey,

            // The qualified name is built as a type name; the text and the compilation are what matter here.
            CodeActionValidationMode = Microsoft.CodeAnalysis.Testing.CodeActionValidationMode.None,
        };
        test.ExpectedDiagnostics.Add(Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SecureShapes_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public SecureSocketOptions Security { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, ImapClient imap, string h, int p, bool useSsl, Settings settings)
                {
                    c.Connect(h, 465, true);
                    c.Connect(h, 465, SecureSocketOptions.Auto);
                    c.Connect(h, 465);
                    imap.Connect(h, 993, SecureSocketOptions.SslOnConnect);
                    imap.Connect(h, 993);
                    c.Connect(h, 587, SecureSocketOptions.StartTls);
                    c.Connect(new Uri("smtps://smtp.x.com"));
                    c.Connect(new Uri("smtp://smtp.x.com:587/?starttls=always"));
                    c.Connect(new Uri("smtp://smtp.x.com:587/?STARTTLS=Yes"));
                    c.Connect(h, p, settings.Security);
                    c.Connect(h, p, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    c.Connect("localhost", 1025, SecureSocketOptions.None);
                    c.Connect("127.0.0.1", 25);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LookAlikeConnect_NoDiagnostic()
    {
        const string source = """
            class Gateway
            {
                public void Connect(string host, int port, bool useSsl) { }
                public void Connect(string host) { }
            }

            class Mailer
            {
                void Send(Gateway g)
                {
                    g.Connect("smtp.x.com", 587, false);
                    g.Connect("smtp.x.com");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostOption_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c, string host)
                {
                    c.Connect("mailpit", 1025, false);
                    c.Connect(host, 25, {|#0:false|});
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = mailpit");
        test.ExpectedDiagnostics.Add(Diagnostic("SMTP004", 0, "port 25", "useSsl: false (STARTTLS when available)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TestProject_NoDiagnosticUnlessOptedIn()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c) => c.Connect("smtp.x.com", 587, false);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithGlobalConfig("build_property.IsTestProject = true");
        await test.RunAsync(CancellationToken.None);

        var optedIn = new VerifyCS.Test { TestCode = source.Replace("587, false", "587, {|#0:false|}") };
        optedIn.WithGlobalConfig("build_property.IsTestProject = true\nsmtp_tls_analyzers.analyze_test_projects = true");
        optedIn.ExpectedDiagnostics.Add(Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
        await optedIn.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            class SmtpClient { public void Connect(string host, int port, bool useSsl) { } }

            class Mailer
            {
                void Send(SmtpClient c) => c.Connect("smtp.x.com", 587, false);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailKit();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GeneratedCode_StillReports()
    {
        const string source = """
            // <auto-generated/>
            using MailKit.Net.Smtp;

            class ScaffoldedMailer
            {
                void Send(SmtpClient c) => c.Connect("smtp.x.com", 587, {|#0:false|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_ConnectAsyncWithFalse_Reports()
    {
        const string source = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp

            Class Mailer
                Async Function SendAsync() As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", 587, {|#0:False|})
                    End Using
                End Function
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task VisualBasic_StartTlsRequired_NoDiagnostic()
    {
        const string source = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Async Function SendAsync() As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls)
                    End Using
                End Function
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_ConnectAsyncWithFalse_FixesToStartTls()
    {
        const string source = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Async Function SendAsync() As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", 587, {|#0:False|})
                    End Using
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Async Function SendAsync() As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls)
                    End Using
                End Function
            End Class
            """;

        await FixSmtp004VB.VerifyCodeFixAsync(
            source,
            FixSmtp004VB.Diagnostic("SMTP004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:587", "useSsl: false (STARTTLS when available)"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_UseSslFalseOnEveryPath_ReportsAndFixesWithStartTls()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(client As SmtpClient, retry As Boolean)
                    client.Connect("smtp.example.com", 587, {|#0:UseSsl(retry)|})
                End Sub

                Private Shared Function UseSsl(retry As Boolean) As Boolean
                    If retry Then
                        Return False
                    End If

                    Return False
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient, retry As Boolean)
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls)
                End Sub

                Private Shared Function UseSsl(retry As Boolean) As Boolean
                    If retry Then
                        Return False
                    End If

                    Return False
                End Function
            End Class
            """;

        await FixSmtp004VB.VerifyCodeFixAsync(
            source,
            FixSmtp004VB.Diagnostic("SMTP004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:587", "useSsl: false (STARTTLS when available) on every path"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_UriBuiltFromHostAndPort_ReportsAndAppendsQuery()
    {
        const string source = """
            Imports System
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(client As SmtpClient, host As String, port As Integer)
                    client.Connect({|#0:New Uri($"smtp://{host}:{port}")|})
                    client.Connect({|#1:New Uri("smtp://" & host & ":" & port)|})
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports System
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(client As SmtpClient, host As String, port As Integer)
                    client.Connect(New Uri($"smtp://{host}:{port}/?starttls=always"))
                    client.Connect(New Uri("smtp://" & host & ":" & port & "/?starttls=always"))
                End Sub
            End Class
            """;

        const string mode = "a Uri with the smtp:// scheme and no starttls=always";
        await FixSmtp004VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                FixSmtp004VB.Diagnostic("SMTP004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("the server", mode),
                FixSmtp004VB.Diagnostic("SMTP004").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("the server", mode),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key);
    }

    #endregion
}
