using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Rules.CertificateValidationCallbackAnalyzer,
    SmtpTlsAnalyzers.CodeFixes.Rules.CertificateValidationCallbackCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP006: a certificate validation callback accepts every certificate.</summary>
public class CertificateCallbackAcceptsAllTests
{
    private const string MailKitTarget = "The callback assigned to ServerCertificateValidationCallback";
    private const string GlobalTarget = "The callback assigned to ServicePointManager.ServerCertificateValidationCallback";

    [Fact]
    public async Task ExpressionLambda_ReportsAndRemoves()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP006").WithLocation(0).WithArguments(MailKitTarget, ""),
            fixedSource,
            CertificateValidationCallbackCodeFixProvider.UseDefaultValidationKey);
    }

    [Fact]
    public async Task ExpressionLambda_AcceptOnlyValid_AddsUsing()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP006").WithLocation(0).WithArguments(MailKitTarget, ""),
            fixedSource,
            CertificateValidationCallbackCodeFixProvider.AcceptOnlyValidKey);
    }
}
