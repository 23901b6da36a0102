using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A local holds the value of its only write; any other write (deconstruction, a ref alias, a ref or out argument)
/// makes it unknown, while reading it (in a tuple, as an argument) does not. Checked through SMTP001.
/// </summary>
public class LocalSingleWriteTests
{
    private static string Source(string statements) => $$"""
        using System.Net.Mail;

        class Mailer
        {
            void Send(MailMessage m, bool secure)
            {
                var off = false;
                {{statements}}
                var c = new SmtpClient("smtp.example.com");
                {|#0:c.EnableSsl = off|};
                c.Send(m);
            }

            static void Log((bool, int) pair) { }
            static void Read(in bool value) { }
            static void Set(ref bool value) => value = true;
        }
        """;

    [Theory]
    [InlineData("")]
    [InlineData("Log((off, 1));")]
    [InlineData("var pair = (off, 1);")]
    [InlineData("Read(in off);")]
    [InlineData("var (a, b) = (off, 1);")]
    public async Task OnlyRead_Reports(string statements)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(statements), VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Theory]
    [InlineData("(off, _) = (secure, 1);")]
    [InlineData("int n; (n, (off, _)) = (1, (secure, 2));")]
    [InlineData("ref bool alias = ref off; alias = secure;")]
    [InlineData("Set(ref off);")]
    [InlineData("bool.TryParse(\"true\", out off);")]
    [InlineData("off |= secure;")]
    public async Task WrittenAgain_NoDiagnostic(string statements)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source(statements));
    }
}
