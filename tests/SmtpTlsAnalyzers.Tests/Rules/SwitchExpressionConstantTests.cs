using System.Threading.Tasks;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A switch expression whose arms all yield one constant holds that constant, whichever arm is taken, as a
/// conditional with equal branches does; a switch that can fall through to an exception is not folded. Checked
/// through SMTP001.
/// </summary>
public class SwitchExpressionConstantTests
{
    private static string Source(string value) => $$"""
        using System.Net.Mail;

        class Mailer
        {
            void Send(MailMessage m, int mode, bool strict)
            {
                var c = new SmtpClient("smtp.example.com");
                {|#0:c.EnableSsl = {{value}}|};
                c.Send(m);
            }
        }
        """;

    [Theory]
    [InlineData("mode switch { 1 => false, _ => false }")]
    [InlineData("mode switch { 1 => false, _ when strict => false, _ => !true }")]
    [InlineData("mode switch { _ => false }")]
    public async Task EveryArmFalse_Reports(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(value), VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Theory]
    [InlineData("mode switch { 1 => false, _ => true }")]
    [InlineData("mode switch { 1 => false, _ => strict }")]
    [InlineData("mode switch { 1 => false, 2 => false }")]
    public async Task ArmsDifferOrNotExhaustive_NoDiagnostic(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(value));
    }
}
