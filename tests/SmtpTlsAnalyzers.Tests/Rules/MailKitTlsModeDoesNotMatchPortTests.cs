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
using FixSmtp005MailKitVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.TlsModeDoesNotMatchPortRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsModeDoesNotMatchPortCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP005, MailKit half: a TLS mode that cannot work with the constant port.</summary>
public class MailKitTlsModeDoesNotMatchPortTests
{
    private const string ExpectsTls = "a server on port {0} expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect";
    private const string ExpectsPlain = "a server on port {0} expects plain text followed by STARTTLS, so the TLS handshake fails; use SecureSocketOptions.StartTls";

    [Fact]
    public async Task StartTlsOn465_ReportsAndFixesWithSslOnConnect()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp) => smtp.Connect("smtp.ethereal.email", 465, {|#0:SecureSocketOptions.StartTls|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp) => smtp.Connect("smtp.ethereal.email", 465, SecureSocketOptions.SslOnConnect);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP005", 0, "SecureSocketOptions.StartTls for smtp.ethereal.email", "465", string.Format(ExpectsTls, 465)) },
            fixedSource,
            MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task StartTlsOn465_SecondActionKeepsStartTlsOnPort587()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp) => smtp.Connect("smtp.ethereal.email", 465, {|#0:SecureSocketOptions.StartTls|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp) => smtp.Connect("smtp.ethereal.email", 587, SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP005", 0, "SecureSocketOptions.StartTls for smtp.ethereal.email", "465", string.Format(ExpectsTls, 465)) },
            fixedSource,
            MailKitConnectFixes.UseStartTlsOnStartTlsPortKey);
    }

    [Fact]
    public async Task SslOnConnectOn587Async_ReportsAndFixesWithStartTls()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                async Task Send(ISmtpClient client) => await client.ConnectAsync("smtp.gmail.com", 587, {|#0:SecureSocketOptions.SslOnConnect|});
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                async Task Send(ISmtpClient client) => await client.ConnectAsync("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP005", 0, "SecureSocketOptions.SslOnConnect for smtp.gmail.com", "587", string.Format(ExpectsPlain, 587)) },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task UseSslFlagsOnWrongPorts_ReportAndFix()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            class Reader
            {
                void Read(ImapClient imap, Pop3Client pop)
                {
                    imap.Connect("imap.x.com", 143, {|#0:true|});
                    pop.Connect("pop.x.com", 995, useSsl: {|#1:false|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(ImapClient imap, Pop3Client pop)
                {
                    imap.Connect("imap.x.com", 143, SecureSocketOptions.StartTls);
                    pop.Connect("pop.x.com", 995, options: SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        var expected = new[]
        {
            Diagnostic("SMTP005", 0, "useSsl: true for imap.x.com", "143", string.Format(ExpectsPlain, 143)),
            Diagnostic("SMTP005", 1, "useSsl: false (STARTTLS when available) for pop.x.com", "995", string.Format(ExpectsTls, 995)),
        };
        await FixAsync(source, expected, fixedSource.Replace("options: SecureSocketOptions.SslOnConnect", "useSsl: {|#0:false|}"), MailKitConnectFixes.UseStartTlsKey,
            Diagnostic("SMTP005", 0, "useSsl: false (STARTTLS when available) for pop.x.com", "995", string.Format(ExpectsTls, 995)));
        await FixAsync(source, expected, fixedSource.Replace("143, SecureSocketOptions.StartTls", "143, {|#0:true|}"), MailKitConnectFixes.UseSslOnConnectKey,
            Diagnostic("SMTP005", 0, "useSsl: true for imap.x.com", "143", string.Format(ExpectsPlain, 143)));
    }

    [Fact]
    public async Task StartTlsWhenAvailableOnImplicitPort_ReportsSmtp005NotSmtp004()
    {
        const string source = """
            using MailKit;
            using MailKit.Security;

            class Mailer
            {
                void Send(IMailService service) => service.Connect("mail.x.com", 993, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP005", 0, "SecureSocketOptions.StartTlsWhenAvailable for mail.x.com", "993", string.Format(ExpectsTls, 993)));
    }

    [Fact]
    public async Task PlainSchemeOn465_ReportsAndFixesWithSmtps()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|#0:new Uri("smtp://smtp.x.com:465")|});
                    client.Connect({|#1:new Uri("smtps://smtp.x.com:587")|});
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
                    client.Connect(new Uri("smtps://smtp.x.com:465"));
                    client.Connect(new Uri("smtp://smtp.x.com:587/?starttls=always"));
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP005", 0, "The smtp:// scheme (STARTTLS) for smtp.x.com", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use the smtps:// scheme"),
                Diagnostic("SMTP005", 1, "The smtps:// scheme (TLS from the first byte) for smtp.x.com", "587", "a server on port 587 expects plain text followed by STARTTLS, so the TLS handshake fails; use ?starttls=always"),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Fact]
    public async Task UriBuiltFromHostWithSchemeForTheOtherPort_ReportsWithoutFix()
    {
        // The scheme sits in an interpolated string whose host is a value: no literal to rewrite, the scheme is changed by hand.
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, string host)
                {
                    client.Connect({|#0:new Uri($"smtp://{host}:465")|});
                    client.Connect({|#1:new Uri($"smtps://{host}:587")|});
                    client.Connect(new Uri($"smtps://{host}:465"));
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP005", 0, "The smtp:// scheme (STARTTLS)", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use the smtps:// scheme"),
                Diagnostic("SMTP005", 1, "The smtps:// scheme (TLS from the first byte)", "587", "a server on port 587 expects plain text followed by STARTTLS, so the TLS handshake fails; use ?starttls=always"),
            },
            source);
    }

    [Fact]
    public async Task UriBuiltFromProvenValues_ReadAsTheirText()
    {
        // A constant port makes the scheme's mismatch visible (no starttls=always is offered on 465), and a host local
        // written once is exempt when it is listed (localhost is, by default).
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                const int SubmissionPort = 465;

                void Send(SmtpClient client, string host)
                {
                    client.Connect({|#0:new Uri($"smtp://{host}:{SubmissionPort}")|});
                    var local = "localhost";
                    client.Connect(new Uri($"smtp://{local}:25"));
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP005", 0, "The smtp:// scheme (STARTTLS)", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use the smtps:// scheme"),
            },
            source);
    }

    [Fact]
    public async Task MatchingModesAndUnknownPorts_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp, ImapClient imap, int port)
                {
                    smtp.Connect("smtp.x.com", 465, SecureSocketOptions.SslOnConnect);
                    smtp.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    smtp.Connect("smtp.x.com", 2525, SecureSocketOptions.StartTls);
                    smtp.Connect("smtp.x.com", port, SecureSocketOptions.SslOnConnect);
                    smtp.Connect("smtp.x.com", port, SecureSocketOptions.StartTls);
                    smtp.Connect("smtp.x.com", 8465, SecureSocketOptions.SslOnConnect);
                    imap.Connect("imap.x.com", 993, true);
                    imap.Connect("imap.x.com", 143, SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UrisOnMailServiceAndImap_JudgedByScheme()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            class Reader
            {
                async Task Read(MailService service, ImapClient imap, Pop3Client pop)
                {
                    await service.ConnectAsync({|#0:new Uri("pop3://pop.x.com:995")|});
                    imap.Connect({|#1:new Uri("imap://imap.x.com:993/?starttls=always")|});
                    imap.Connect(new Uri("smtp://smtp.x.com:465"));
                    pop.Connect(new Uri("pop3s://pop.x.com"));
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            class Reader
            {
                async Task Read(MailService service, ImapClient imap, Pop3Client pop)
                {
                    await service.ConnectAsync(new Uri("pops://pop.x.com:995"));
                    imap.Connect(new Uri("imaps://imap.x.com:993/?starttls=always"));
                    imap.Connect(new Uri("smtp://smtp.x.com:465"));
                    pop.Connect(new Uri("pop3s://pop.x.com"));
                }
            }
            """;

        // An smtp:// Uri on an ImapClient throws "Unknown URI scheme": not a TLS question, so it stays silent.
        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP005", 0, "The pop3:// scheme (STARTTLS) for pop.x.com", "995", "a server on port 995 expects TLS from the first byte, so the connection hangs or fails; use the pops:// scheme"),
                Diagnostic("SMTP005", 1, "The imap:// scheme (STARTTLS) for imap.x.com", "993", "a server on port 993 expects TLS from the first byte, so the connection hangs or fails; use the imaps:// scheme"),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Fact]
    public async Task SocketOverload_Reports()
    {
        const string source = """
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, Socket socket) => client.Connect(socket, "smtp.x.com", 587, {|#0:SecureSocketOptions.SslOnConnect|});
            }
            """;
        const string fixedSource = """
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, Socket socket) => client.Connect(socket, "smtp.x.com", 587, SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP005", 0, "SecureSocketOptions.SslOnConnect for smtp.x.com", "587", string.Format(ExpectsPlain, 587)) },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    /// <summary>Without MailKit the analyzer registers nothing: look-alike code stays silent (SMTP005).</summary>
    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            enum SecureSocketOptions { SslOnConnect, StartTls }
            class SmtpClient { public void Connect(string host, int port, SecureSocketOptions options) { } }

            class Mailer
            {
                void Send(SmtpClient c) => c.Connect("smtp.x.com", 465, SecureSocketOptions.StartTls);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailKit();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_StartTlsOnPort465_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 465, {|#0:SecureSocketOptions.StartTls|})
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP005").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("SecureSocketOptions.StartTls for smtp.example.com", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect"));
    }

    [Fact]
    public async Task VisualBasic_StartTlsOnPort465_FixesToSslOnConnect()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 465, {|#0:SecureSocketOptions.StartTls|})
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp005MailKitVB.VerifyCodeFixAsync(
            source,
            FixSmtp005MailKitVB.Diagnostic("SMTP005").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("SecureSocketOptions.StartTls for smtp.example.com", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsModeDoesNotMatchPortCodeFixProvider.Key);
    }

    #endregion
}
