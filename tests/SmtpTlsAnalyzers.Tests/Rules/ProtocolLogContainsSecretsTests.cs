using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.ProtocolLogContainsSecretsRule>,
    SmtpTlsAnalyzers.CodeFixes.Edits.ProtocolLogRedactionFixes>;
using VerifyProtocolLogContainsSecretsVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.ProtocolLogContainsSecretsRule>>;
using FixSmtp012VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.ProtocolLogContainsSecretsRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ProtocolLogContainsSecretsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP012: MailKit's protocol log is told not to redact the login.</summary>
public class ProtocolLogContainsSecretsTests
{
    [Fact]
    public async Task InitializerAndStatement_FixAllSetsTrue()
    {
        const string source = """
            using MailKit;
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create()
                {
                    var logger = new ProtocolLogger("smtp.log") { {|#0:RedactSecrets = false|} };
                    var second = new ProtocolLogger("imap.log");
                    {|#1:second.RedactSecrets = false|};
                    return new SmtpClient(logger);
                }
            }
            """;
        const string fixedSource = """
            using MailKit;
            using MailKit.Net.Smtp;

            class Mailer
            {
                SmtpClient Create()
                {
                    var logger = new ProtocolLogger("smtp.log") { RedactSecrets = true };
                    var second = new ProtocolLogger("imap.log");
                    second.RedactSecrets = true;
                    return new SmtpClient(logger);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[] { VerifyCS.Diagnostic("SMTP012").WithLocation(0), VerifyCS.Diagnostic("SMTP012").WithLocation(1) },
            fixedSource,
            ProtocolLogRedactionFixes.SetTrueKey);
    }

    [Fact]
    public async Task ConstantThroughLocal_Reports()
    {
        const string source = """
            using MailKit;

            class Logging
            {
                ProtocolLogger Create()
                {
                    var redact = false;
                    return new ProtocolLogger("smtp.log") { {|#0:RedactSecrets = redact|} };
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP012").WithLocation(0));
    }

    [Fact]
    public async Task TrueUnknownOrOtherType_NoDiagnostic()
    {
        const string source = """
            using MailKit;

            class OtherLogger
            {
                public bool RedactSecrets { get; set; }
            }

            class Logging
            {
                void Configure(ProtocolLogger a, ProtocolLogger b, OtherLogger other, bool debug)
                {
                    a.RedactSecrets = true;
                    b.RedactSecrets = !debug;
                    other.RedactSecrets = false;
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
                using MailKit;

                class Logging
                {
                    void Configure(ProtocolLogger logger) => logger.RedactSecrets = false;
                }
                """,
        };
        test.WithGlobalConfig("build_property.IsTestProject = true");

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class ProtocolLogger
                {
                    public bool RedactSecrets { get; set; }
                }

                class Logging
                {
                    void Configure(ProtocolLogger logger) => logger.RedactSecrets = false;
                }
                """,
        };
        test.WithoutMailKit();

        await test.RunAsync(CancellationToken.None);
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_RedactSecretsFalse_Reports()
    {
        const string source = """
            Imports MailKit
            Imports MailKit.Net.Smtp

            Class Mailer
                Function Create() As SmtpClient
                    Return New SmtpClient(New ProtocolLogger("smtp.log") With {{|#0:.RedactSecrets = False|}})
                End Function
            End Class
            """;

        await VerifyProtocolLogContainsSecretsVB.VerifyAnalyzerAsync(source, VerifyProtocolLogContainsSecretsVB.Diagnostic("SMTP012").WithLocation(0));
    }

    [Fact]
    public async Task VisualBasic_RedactSecretsFalse_FixesToTrue()
    {
        const string source = """
            Imports MailKit
            Imports MailKit.Net.Smtp

            Class Mailer
                Function Create() As SmtpClient
                    Return New SmtpClient(New ProtocolLogger("smtp.log") With {{|#0:.RedactSecrets = False|}})
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports MailKit
            Imports MailKit.Net.Smtp

            Class Mailer
                Function Create() As SmtpClient
                    Return New SmtpClient(New ProtocolLogger("smtp.log") With {.RedactSecrets = True})
                End Function
            End Class
            """;

        await FixSmtp012VB.VerifyCodeFixAsync(
            source,
            FixSmtp012VB.Diagnostic("SMTP012").WithLocation(0),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ProtocolLogContainsSecretsCodeFixProvider.Key);
    }

    #endregion
}
