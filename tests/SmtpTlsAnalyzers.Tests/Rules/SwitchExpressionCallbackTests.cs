using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.CertificateCallbackRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// Certificate callbacks that decide with a switch expression (or a switch statement with patterns) are judged like
/// those written with <c>if</c> or <c>case</c> labels: SMTP006 when every arm accepts, SMTP010 when a real error is
/// accepted without looking at the certificate, nothing when only a clean result is accepted or the answer depends on
/// something the code does not fix.
/// </summary>
public class SwitchExpressionCallbackTests
{
    private const string Target = "The callback assigned to ServerCertificateValidationCallback";
    private const string Both = "a name mismatch or chain errors";

    private static string Source(string callback) => $$"""
        using System.Net.Security;
        using MailKit.Net.Smtp;
        using static System.Net.Security.SslPolicyErrors;

        class Mailer
        {
            private bool _lenient;

            void Configure(SmtpClient client)
            {
                {|#0:client.ServerCertificateValidationCallback = {{callback}}|};
            }

            static bool Log(object value) => true;
        }
        """;

    private static DiagnosticResult Smtp006() =>
        VerifyCS.Diagnostic("SMTP006").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(0).WithArguments(Target, "", "the mail server and read the login");

    private static DiagnosticResult Smtp010(string errors) =>
        VerifyCS.Diagnostic("SMTP010").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(0).WithArguments(Target, errors);

    [Theory]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ => true }")]
    [InlineData("(s, c, ch, e) => e switch { _ => true }")]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ when Log(e) => true, _ => true }")]
    [InlineData("(s, c, ch, e) => { return e switch { SslPolicyErrors.None => true, _ => true }; }")]
    [InlineData("(s, c, ch, e) => { var ok = e switch { RemoteCertificateNameMismatch or RemoteCertificateChainErrors => true, _ => true }; return ok; }")]
    public async Task EveryArmAccepts_ReportsSmtp006(string callback)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(callback), Smtp006());
    }

    [Theory]
    [InlineData("(s, c, ch, e) => e switch { None => true, RemoteCertificateNameMismatch => true, _ => false }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => e switch { None or RemoteCertificateNameMismatch => true, _ => false }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => e switch { SslPolicyErrors.RemoteCertificateChainErrors => true, SslPolicyErrors.None => true, _ => false }", "chain errors")]
    [InlineData("(s, c, ch, e) => e switch { RemoteCertificateNotAvailable => false, _ => true }", Both)]
    [InlineData("(s, c, ch, e) => e switch { not RemoteCertificateNotAvailable => true, _ => false }", Both)]
    [InlineData("(s, c, ch, e) => e switch { None => true, RemoteCertificateNameMismatch => true }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ when e == RemoteCertificateChainErrors => true, _ => false }", "chain errors")]
    [InlineData("(s, c, ch, e) => { if (e == None) return true; return e switch { RemoteCertificateNameMismatch => true, _ => false }; }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => { var ok = e switch { None or RemoteCertificateNameMismatch => true, _ => false }; return ok; }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => (e & ~RemoteCertificateChainErrors) switch { None => true, _ => false }", "chain errors")]
    [InlineData("(s, c, ch, e) => { switch (e) { case None or RemoteCertificateNameMismatch: return true; default: return false; } }", "a name mismatch")]
    [InlineData("(s, c, ch, e) => { switch (e) { case var x when x == None: return true; case RemoteCertificateChainErrors: return true; default: return false; } }", "chain errors")]
    public async Task RealErrorAccepted_ReportsSmtp010(string callback, string errors)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(callback), Smtp010(errors));
    }

    [Theory]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ => false }")]
    [InlineData("(s, c, ch, e) => e switch { SslPolicyErrors.None => true, _ => false }")]
    [InlineData("(s, c, ch, e) => { return e switch { None => true, _ => false }; }")]
    [InlineData("(s, c, ch, e) => e switch { not None => false, _ => true }")]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ when _lenient => true, _ => false }")]
    [InlineData("(s, c, ch, e) => e switch { None => true, _ when Log(e) => true, _ => false }")]
    [InlineData("(s, c, ch, e) => e switch { None => true, RemoteCertificateNameMismatch => c.Subject == \"CN=mail\", _ => false }")]
    [InlineData("(s, c, ch, e) => { switch (e) { case None: return true; case var x when _lenient: return true; default: return false; } }")]
    public async Task OnlyCleanResultOrUnknown_NoDiagnostic(string callback)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(callback));
    }
}
