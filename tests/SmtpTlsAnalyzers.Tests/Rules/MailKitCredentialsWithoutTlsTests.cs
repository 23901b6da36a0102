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
using FixSmtp009VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.CredentialsWithoutTlsRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CredentialsWithoutTlsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP009, MailKit half: a login after a connection without TLS or with strippable STARTTLS.</summary>
public class MailKitCredentialsWithoutTlsTests
{
    private const string GmailSource = """
        using MailKit.Net.Smtp;

        class Mailer
        {
            void Send(SmtpClient c)
            {
                c.Connect("smtp.gmail.com", 587, {|#0:false|});
                {|#1:c.Authenticate("me@gmail.com", "app password")|};
            }
        }
        """;

    private static readonly Microsoft.CodeAnalysis.Testing.DiagnosticResult[] GmailDiagnostics =
    {
        Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)"),
        Diagnostic("SMTP009", 1, "smtp.gmail.com:587", "the connection uses useSsl: false (STARTTLS when available)"),
    };

    [Fact]
    public async Task GmailUseSslFalse_ReportsAndFixesTheConnection()
    {
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c)
                {
                    c.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    c.Authenticate("me@gmail.com", "app password");
                }
            }
            """;

        await FixAsync(GmailSource, GmailDiagnostics, fixedSource, MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task LoginAfterUriBuiltFromHostAndPort_ReportsAndAppendsTheQueryOnce()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c, string host, int port)
                {
                    c.Connect({|#0:new Uri($"smtp://{host}:{port}")|});
                    {|#1:c.Authenticate("me", "secret")|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c, string host, int port)
                {
                    c.Connect(new Uri($"smtp://{host}:{port}/?starttls=always"));
                    c.Authenticate("me", "secret");
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "the server", "a Uri with the smtp:// scheme and no starttls=always"),
                Diagnostic("SMTP009", 1, "the server", "the connection uses a Uri with the smtp:// scheme and no starttls=always"),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Fact]
    public async Task LoginThroughACastOfTheSameClient_Reports()
    {
        const string source = """
            using MailKit;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(IMailService service)
                {
                    ((SmtpClient)service).Connect("smtp.gmail.com", 587, {|#0:false|});
                    {|#1:(service as SmtpClient)!.Authenticate("me@gmail.com", "app password")|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 1, "smtp.gmail.com:587", "the connection uses useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task GmailUseSslFalse_GuardActionRefusesTheLogin()
    {
        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient c)
                {
                    c.Connect("smtp.gmail.com", 587, {|#0:false|});
                    if (!c.IsSecure)
                    {
                        throw new InvalidOperationException("The connection to the mail server is not encrypted; refusing to send credentials.");
                    }

                    c.Authenticate("me@gmail.com", "app password");
                }
            }
            """;

        await FixAsync(
            GmailSource,
            GmailDiagnostics,
            fixedSource,
            MailKitConnectFixes.GuardLoginKey,
            Diagnostic("SMTP004", 0, "smtp.gmail.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task ConfiguredHostUseSslFalseAsync_Reports()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Settings { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                async Task Send(Settings cfg, string u, string p)
                {
                    await _client.ConnectAsync(cfg.Host, cfg.Port, {|#0:false|});
                    await {|#1:_client.AuthenticateAsync(u, p)|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "the server", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 1, "the server", "the connection uses useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task StartTlsWhenAvailableWithTokenThenLogin_Reports()
    {
        const string source = """
            using System.Net;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                async Task Read(IImapClient client, string server, int port, NetworkCredential credentials, CancellationToken ct)
                {
                    await client.ConnectAsync(server, port, {|#0:SecureSocketOptions.StartTlsWhenAvailable|}, ct);
                    await {|#1:client.AuthenticateAsync(credentials, ct)|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "the server", "SecureSocketOptions.StartTlsWhenAvailable"),
            Diagnostic("SMTP009", 1, "the server", "the connection uses SecureSocketOptions.StartTlsWhenAvailable"));
    }

    [Fact]
    public async Task Pop3NoneThenLogin_ReportsAndGuardsInBlock()
    {
        const string source = """
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(string u, string p)
                {
                    using (var pop = new Pop3Client())
                    {
                        pop.Connect("mail.x.com", 110, {|#0:SecureSocketOptions.None|});
                        {|#1:pop.Authenticate(u, p)|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(string u, string p)
                {
                    using (var pop = new Pop3Client())
                    {
                        pop.Connect("mail.x.com", 110, {|#0:SecureSocketOptions.None|});
                        if (!pop.IsSecure)
                        {
                            throw new InvalidOperationException("The connection to the mail server is not encrypted; refusing to send credentials.");
                        }

                        pop.Authenticate(u, p);
                    }
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP003", 0, "mail.x.com:110", "SecureSocketOptions.None"),
                Diagnostic("SMTP009", 1, "mail.x.com:110", "the connection does not use TLS (SecureSocketOptions.None)"),
            },
            fixedSource,
            MailKitConnectFixes.GuardLoginKey,
            Diagnostic("SMTP003", 0, "mail.x.com:110", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task TwoLoginsAfterOneConnection_FixAllFixesTheConnectionOnce()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, SaslMechanism sasl)
                {
                    c.Connect("smtp.x.com", 25, {|#0:SecureSocketOptions.Auto|});
                    {|#1:c.Authenticate(sasl)|};
                    {|#2:c.Authenticate("u", "p")|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, SaslMechanism sasl)
                {
                    c.Connect("smtp.x.com", 25, SecureSocketOptions.StartTls);
                    c.Authenticate(sasl);
                    c.Authenticate("u", "p");
                }
            }
            """;

        const string reason = "the connection uses SecureSocketOptions.Auto (STARTTLS when available on any port but 465)";
        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP004", 0, "smtp.x.com:25", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465)"),
                Diagnostic("SMTP009", 1, "smtp.x.com:25", reason),
                Diagnostic("SMTP009", 2, "smtp.x.com:25", reason),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task ConnectionOnOneBranchOrLoginInLambda_NoSmtp009()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Branches(SmtpClient c, bool secure)
                {
                    if (secure) c.Connect("smtp.x.com", 465, true);
                    else c.Connect("smtp.x.com", 587, {|#0:false|});
                    c.Authenticate("u", "p");
                }

                void Loop(SmtpClient c, int attempts)
                {
                    for (var i = 0; i < attempts; i++) c.Connect("smtp.x.com", 587, {|#1:false|});
                    c.Authenticate("u", "p");
                }

                void LoginLater(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#2:false|});
                    Action login = () => c.Authenticate("u", "p");
                    c.Disconnect(true);
                    c.Connect("smtp.x.com", 465, true);
                    login();
                }

                void ConnectLater(SmtpClient c)
                {
                    Action connect = () => c.Connect("smtp.x.com", 587, {|#3:false|});
                    c.Authenticate("u", "p");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 1, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 2, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 3, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task ConnectionAndLoginInTryOrUsingOrSameLambda_Reports()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                SmtpClient? _client;

                void Try(SmtpClient c)
                {
                    try
                    {
                        c.Connect("smtp.x.com", 587, {|#0:false|});
                    }
                    finally { }
                    {|#1:c.Authenticate("u", "p")|};
                }

                Func<SmtpClient, Task> Send = async c =>
                {
                    await c.ConnectAsync("smtp.x.com", 587, {|#2:false|});
                    await {|#3:c.AuthenticateAsync("u", "p")|};
                };

                void ConditionalAccess()
                {
                    _client?.Connect("smtp.x.com", 25, {|#4:SecureSocketOptions.None|});
                    _client?{|#5:.Authenticate("u", "p")|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 1, "smtp.x.com:587", "the connection uses useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 2, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 3, "smtp.x.com:587", "the connection uses useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP003", 4, "smtp.x.com:25", "SecureSocketOptions.None"),
            Diagnostic("SMTP009", 5, "smtp.x.com:25", "the connection does not use TLS (SecureSocketOptions.None)"));
    }

    [Fact]
    public async Task GuardedReconnectedOrOtherClient_NoSmtp009()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Guarded(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#0:false|});
                    if (!c.IsSecure) throw new InvalidOperationException();
                    c.Authenticate("u", "p");
                }

                void EncryptedCheck(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#1:false|});
                    if (c.IsEncrypted) c.Authenticate("u", "p");
                }

                void Reconnected(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#2:false|});
                    c.Disconnect(true);
                    c.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    c.Authenticate("u", "p");
                }

                void OtherClient(SmtpClient a, SmtpClient b)
                {
                    a.Connect("smtp.x.com", 587, {|#3:false|});
                    b.Authenticate("u", "p");
                }

                void PropertyPattern(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#4:false|});
                    if (c is { IsSecure: false }) throw new InvalidOperationException();
                    c.Authenticate("u", "p");
                }

                void SwitchedOn(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#5:false|});
                    var secure = c switch { { IsEncrypted: true } => true, _ => false };
                    if (secure) c.Authenticate("u", "p");
                }

                void LoginBeforeConnect(SmtpClient c)
                {
                    c.Authenticate("u", "p");
                }

                void Configured(SmtpClient c, string h, int p, SecureSocketOptions o)
                {
                    c.Connect(h, p, o);
                    c.Authenticate("u", "p");
                }

                void LocalServer(SmtpClient c)
                {
                    c.Connect("localhost", 1025, SecureSocketOptions.None);
                    c.Authenticate("u", "p");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 1, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 2, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 3, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 4, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 5, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task IsSecureReadOnlyForALogLine_StopsNoLogin()
    {
        // Logged, or tested by an if that only logs: the login runs whatever the answer. An assertion fails the process.
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Logged(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#0:false|});
                    Console.WriteLine($"Encrypted transport: {(c.IsSecure ? "yes" : "no")}");
                    {|#1:c.Authenticate("u", "p")|};
                }

                void Warned(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#2:false|});
                    if (!c.IsSecure) Console.WriteLine("warning: the connection is not encrypted");
                    {|#3:c.Authenticate("u", "p")|};
                }

                void Asserted(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#5:false|});
                    System.Diagnostics.Trace.Assert(c.IsSecure, "TLS is required before the login");
                    c.Authenticate("u", "p");
                }

                void WarnedAndStopped(SmtpClient c)
                {
                    c.Connect("smtp.x.com", 587, {|#4:false|});
                    if (!c.IsSecure)
                    {
                        Console.WriteLine("warning: the connection is not encrypted");
                        return;
                    }

                    c.Authenticate("u", "p");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 1, "smtp.x.com:587", "the connection uses useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 2, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP009", 3, "smtp.x.com:587", "the connection uses useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 5, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"),
            Diagnostic("SMTP004", 4, "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task SystemNetMailFixProviders_LeaveMailKitDiagnosticsAlone()
    {
        var test = new CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules, SmtpClientEnableSslFixes>.Test
        {
            TestCode = GmailSource,
            FixedCode = GmailSource,
        };
        test.ExpectedDiagnostics.AddRange(GmailDiagnostics);
        test.FixedState.ExpectedDiagnostics.AddRange(GmailDiagnostics);
        await test.RunAsync(CancellationToken.None);

        var port = new CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules, SmtpClientPortFixes>.Test
        {
            TestCode = "using MailKit.Net.Smtp; using MailKit.Security; class M { void S(SmtpClient c) => c.Connect(\"smtp.x.com\", 465, {|#0:SecureSocketOptions.StartTls|}); }",
            FixedCode = "using MailKit.Net.Smtp; using MailKit.Security; class M { void S(SmtpClient c) => c.Connect(\"smtp.x.com\", 465, {|#0:SecureSocketOptions.StartTls|}); }",
        };
        var mismatch = Diagnostic("SMTP005", 0, "SecureSocketOptions.StartTls for smtp.x.com", "465", "a server on port 465 expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect");
        port.ExpectedDiagnostics.Add(mismatch);
        port.FixedState.ExpectedDiagnostics.Add(mismatch);
        await port.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SystemNetMailDiagnostics_NotTouchedByTheMailKitFix()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m, ICredentialsByHost credentials)
                {
                    var client = new SmtpClient("smtp.x.net", {|#2:465|});
                    {|#0:client.Credentials = credentials|};
                    {|#1:client.EnableSsl = false|};
                    client.Send(m);
                }
            }
            """;

        var test = new CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules, MailKitConnectFixes>.Test
        {
            TestCode = source,
            FixedCode = source,
        };
        var expected = new[]
        {
            CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules, MailKitConnectFixes>.Diagnostic("SMTP009").WithLocation(0)
                .WithArguments("smtp.x.net:465", "EnableSsl is set to false").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
            CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules, MailKitConnectFixes>.Diagnostic("SMTP001").WithLocation(1)
                .WithArguments("smtp.x.net:465"),
            CSharpCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules, MailKitConnectFixes>.Diagnostic("SMTP005").WithLocation(2)
                .WithArguments("System.Net.Mail.SmtpClient for smtp.x.net", "465", "it only speaks STARTTLS, and a server on port 465 expects TLS from the first byte, so the connection hangs until the timeout; use port 587"),
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoginAsEmbeddedStatement_OffersNoGuard()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                async Task Login(SmtpClient client, bool needsLogin)
                {
                    await client.ConnectAsync("smtp.x.com", 587, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
                    if (needsLogin) await {|#1:client.AuthenticateAsync("u", "p")|};
                }
            }
            """;

        var expected = new[]
        {
            Diagnostic("SMTP004", 0, "smtp.x.com:587", "SecureSocketOptions.StartTlsWhenAvailable"),
            Diagnostic("SMTP009", 1, "smtp.x.com:587", "the connection uses SecureSocketOptions.StartTlsWhenAvailable"),
        };
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = MailKitConnectFixes.GuardLoginKey,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Without MailKit the analyzer registers nothing: look-alike code stays silent (SMTP009).</summary>
    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            class SmtpClient
            {
                public void Connect(string host, int port, bool useSsl) { }
                public void Authenticate(string user, string password) { }
            }

            class Mailer
            {
                void Send(SmtpClient c, string u, string p)
                {
                    c.Connect("smtp.x.com", 587, false);
                    c.Authenticate(u, p);
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailKit();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_LoginThroughACast_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(service As Object, user As String, password As String)
                    DirectCast(service, SmtpClient).Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|})
                    {|#1:CType(service, SmtpClient).Authenticate(user, password)|}
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"),
            VerifyMailKitVB.Diagnostic("SMTP009").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "the connection does not use TLS (SecureSocketOptions.None)"));
    }

    [Fact]
    public async Task VisualBasic_SystemNetMailFalseOverTwoLines_FixSetsTrue()
    {
        // The false write is found through its whole span (an additional location), not only its first line.
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Using client As New SmtpClient("smtp.example.com", 587)
                        {|#0:client.Credentials = cred|}
                        client.EnableSsl =
                            False
                        client.Send(m)
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Using client As New SmtpClient("smtp.example.com", 587)
                        client.Credentials = cred
                        client.EnableSsl =
                            True
                        client.Send(m)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp009VB.VerifyCodeFixAsync(
            source,
            FixSmtp009VB.Diagnostic("SMTP009").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:587", "EnableSsl is set to false"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CredentialsWithoutTlsCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_SystemNetMailClientChosenAmongCreations_FixSecuresEach()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential, backup As Boolean)
                    Dim client = If(backup, New SmtpClient("smtp.b.example.com", 587), New SmtpClient("smtp.a.example.com", 587))
                    {|#0:client.Credentials = cred|}
                    client.Send(m)
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential, backup As Boolean)
                    Dim client = If(backup, New SmtpClient("smtp.b.example.com", 587) With {.EnableSsl = True}, New SmtpClient("smtp.a.example.com", 587) With {.EnableSsl = True})
                    client.Credentials = cred
                    client.Send(m)
                End Sub
            End Class
            """;

        await FixSmtp009VB.VerifyCodeFixAsync(
            source,
            FixSmtp009VB.Diagnostic("SMTP009").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("port 587", "EnableSsl is never set, and it defaults to false"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CredentialsWithoutTlsCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_AuthenticateInAWithBlock_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    Dim client As New SmtpClient()
                    With client
                        .Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|})
                        {|#1:.Authenticate(user, password)|}
                    End With
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"),
            VerifyMailKitVB.Diagnostic("SMTP009").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "the connection does not use TLS (SecureSocketOptions.None)"));
    }

    [Fact]
    public async Task VisualBasic_AuthenticateInAWithNewBlock_ReportsForThatBlocksClientOnly()
    {
        // Each With New block is its own client: the second block's login follows no connection of its own, and the
        // third checks IsSecure first.
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    With New SmtpClient()
                        .Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|})
                        {|#1:.Authenticate(user, password)|}
                    End With
                    With New SmtpClient()
                        .Authenticate(user, password)
                    End With
                    With New SmtpClient()
                        .Connect("smtp.example.com", 587, {|#2:SecureSocketOptions.StartTlsWhenAvailable|})
                        If Not .IsSecure Then Throw New System.InvalidOperationException("no TLS")
                        .Authenticate(user, password)
                    End With
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"),
            VerifyMailKitVB.Diagnostic("SMTP009").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "the connection does not use TLS (SecureSocketOptions.None)"),
            VerifyMailKitVB.Diagnostic("SMTP004").WithLocation(2).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable"));
    }

    [Fact]
    public async Task VisualBasic_AuthenticateInAWithNewBlock_FixRequiresTlsOnItsConnection()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    With New SmtpClient()
                        .Connect("smtp.example.com", 587, SecureSocketOptions.StartTlsWhenAvailable)
                        {|#0:.Authenticate(user, password)|}
                    End With
                End Sub
            End Class
            """;

        await FixSmtp009VB.VerifyCodeFixAsync(
            source,
            FixSmtp009VB.Diagnostic("SMTP009").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:587", "the connection uses SecureSocketOptions.StartTlsWhenAvailable"),
            source.Replace("SecureSocketOptions.StartTlsWhenAvailable", "SecureSocketOptions.StartTls").Replace("{|#0:", string.Empty).Replace("|}", string.Empty),
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CredentialsWithoutTlsCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_AuthenticateAfterPlainConnect_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 25, {|#0:SecureSocketOptions.None|})
                        {|#1:client.Authenticate(user, password)|}
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(
            source,
            VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"),
            VerifyMailKitVB.Diagnostic("SMTP009").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "the connection does not use TLS (SecureSocketOptions.None)"));
    }

    [Fact]
    public async Task VisualBasic_AuthenticateAfterPlainConnect_FixesTheConnection()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 587, SecureSocketOptions.None)
                        {|#0:client.Authenticate(user, password)|}
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(user As String, password As String)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls)
                        client.Authenticate(user, password)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp009VB.VerifyCodeFixAsync(
            source,
            FixSmtp009VB.Diagnostic("SMTP009").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:587", "the connection does not use TLS (SecureSocketOptions.None)"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CredentialsWithoutTlsCodeFixProvider.Key);
    }

    #endregion
}
