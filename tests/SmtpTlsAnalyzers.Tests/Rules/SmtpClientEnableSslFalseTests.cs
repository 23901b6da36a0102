using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Rules.SystemNetMailSmtpClientAnalyzer,
    SmtpTlsAnalyzers.CodeFixes.Rules.SmtpClientEnableSslCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP001: EnableSsl is set to false on System.Net.Mail.SmtpClient.</summary>
public class SmtpClientEnableSslFalseTests
{
    [Fact]
    public async Task StatementAssignment_ReportsAndFixes()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m)
                {
                    var s = new SmtpClient();
                    s.Host = "smtp.x.net";
                    s.Port = 80;
                    {|#0:s.EnableSsl = false|};
                    s.Send(m);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m)
                {
                    var s = new SmtpClient();
                    s.Host = "smtp.x.net";
                    s.Port = 80;
                    s.EnableSsl = true;
                    s.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:80"),
            fixedSource,
            SmtpClientEnableSslCodeFixProvider.SetTrueKey);
    }
}
