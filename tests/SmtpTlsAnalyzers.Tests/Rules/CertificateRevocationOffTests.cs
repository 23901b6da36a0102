using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.CertificateRevocationOffRule>,
    SmtpTlsAnalyzers.CodeFixes.Edits.CertificateRevocationFixes>;
using VerifyCertificateRevocationOffVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.CertificateRevocationOffRule>>;
using FixSmtp007VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.CertificateRevocationOffRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateRevocationOffCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP007: certificate revocation checking is turned off.</summary>
public class CertificateRevocationOffTests
{
    [Fact]
    public async Task InitializerOnMailKitClient_SetsTrue()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create() => new SmtpClient { {|#0:CheckCertificateRevocation = false|} };
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create() => new SmtpClient { CheckCertificateRevocation = true };
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"),
            fixedSource,
            CertificateRevocationFixes.SetTrueKey);
    }

    [Fact]
    public async Task InitializerOnMailKitClient_RemovesMember()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create() => new SmtpClient { Timeout = 1000, {|#0:CheckCertificateRevocation = false|} };
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create() => new SmtpClient { Timeout = 1000 };
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"),
            fixedSource,
            CertificateRevocationFixes.RemoveKey);
    }

    [Fact]
    public async Task ExtensionOnIMailService_RemovesStatement()
    {
        const string source = """
            using MailKit;

            static class MailServiceExtensions
            {
                public static void Secure(this IMailService m)
                {
                    const bool check = false;
                    {|#0:m.CheckCertificateRevocation = check|};
                    m.Timeout = 1000;
                }
            }
            """;
        const string fixedSource = """
            using MailKit;

            static class MailServiceExtensions
            {
                public static void Secure(this IMailService m)
                {
                    const bool check = false;
                    m.Timeout = 1000;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"),
            fixedSource,
            CertificateRevocationFixes.RemoveKey);
    }

    [Fact]
    public async Task ServicePointManager_SetsTrueOnly()
    {
        const string source = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    {|#0:ServicePointManager.CheckCertificateRevocationList = false|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.CheckCertificateRevocationList = true;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = CertificateRevocationFixes.SetTrueKey };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("ServicePointManager.CheckCertificateRevocationList", "server"));
        await test.RunAsync(CancellationToken.None);

        // No "remove" alternative: revocation is off by default there.
        var remove = new VerifyCS.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = CertificateRevocationFixes.RemoveKey };
        remove.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("ServicePointManager.CheckCertificateRevocationList", "server"));
        remove.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("ServicePointManager.CheckCertificateRevocationList", "server"));
        await remove.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoClients_FixAllSetsBothTrue()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Proxy;

            class Reader
            {
                void Configure(ImapClient imap, HttpsProxyClient proxy)
                {
                    {|#0:imap.CheckCertificateRevocation = false|};
                    {|#1:proxy.CheckCertificateRevocation = false|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Net.Proxy;

            class Reader
            {
                void Configure(ImapClient imap, HttpsProxyClient proxy)
                {
                    imap.CheckCertificateRevocation = true;
                    proxy.CheckCertificateRevocation = true;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"),
                VerifyCS.Diagnostic("SMTP007").WithLocation(1).WithArguments("CheckCertificateRevocation", "proxy"),
            },
            fixedSource,
            CertificateRevocationFixes.SetTrueKey);
    }

    [Fact]
    public async Task TrueUnknownOrOtherType_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class KestrelHttpsOptions
            {
                public bool CheckCertificateRevocation { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient a, SmtpClient b, KestrelHttpsOptions kestrel, bool fromConfig)
                {
                    a.CheckCertificateRevocation = true;
                    b.CheckCertificateRevocation = fromConfig;
                    kestrel.CheckCertificateRevocation = false;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostOfSameClient_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class DevMailer
            {
                void Send()
                {
                    var client = new SmtpClient { CheckCertificateRevocation = false };
                    client.Connect("127.0.0.1", 25);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TestProject_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    void Configure(SmtpClient client) => client.CheckCertificateRevocation = false;
                }
                """,
        };
        test.WithGlobalConfig("build_property.IsTestProject = true");

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ServicePointManagerInProjectThatSendsNoMail_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            class Startup
            {
                void Configure() => ServicePointManager.CheckCertificateRevocationList = false;
            }
            """);
    }

    [Fact]
    public async Task ServicePointManagerWithMailKitOnNetFramework_NoDiagnostic()
    {
        // MailKit has its own CheckCertificateRevocation and never reads the process-wide switch, on any runtime.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => ServicePointManager.CheckCertificateRevocationList = false;
                }
                """,
        };
        test.OnNetFramework48();
        test.TestState.AdditionalReferences.Add(TestReferences.MailKitNetFramework48());
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutMailTypes_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => ServicePointManager.CheckCertificateRevocationList = false;
                }
                """,
        };
        test.WithoutMailTypes();

        await test.RunAsync(CancellationToken.None);
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_RevocationFalse_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.CheckCertificateRevocation = False|}
                        client.CheckCertificateRevocation = True
                    End Using
                End Sub
            End Class
            """;

        await VerifyCertificateRevocationOffVB.VerifyAnalyzerAsync(source, VerifyCertificateRevocationOffVB.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"));
    }

    [Fact]
    public async Task VisualBasic_RevocationFalse_FixesToTrue()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.CheckCertificateRevocation = False|}
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.CheckCertificateRevocation = True
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp007VB.VerifyCodeFixAsync(
            source,
            FixSmtp007VB.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateRevocationOffCodeFixProvider.Key);
    }

    #endregion
}
