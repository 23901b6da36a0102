using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientPortFixes>;
using VerifyNetMailVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicSystemNetMailRules>;
using FixSmtp005VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.TlsModeDoesNotMatchPortRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsModeDoesNotMatchPortCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP005, System.Net.Mail half: SmtpClient on port 465, where it can only hang.</summary>
public class SmtpClientTlsModeDoesNotMatchPortTests
{
    private const string Reason = "it only speaks STARTTLS, and a server on port 465 expects TLS from the first byte, so the connection hangs until the timeout; use port 587";

    [Fact]
    public async Task ConstructorPort465_ReportsAndFixesTo587()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, ICredentialsByHost cred)
                {
                    var c = new SmtpClient("smtp.126.com", {|#0:465|}) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, ICredentialsByHost cred)
                {
                    var c = new SmtpClient("smtp.126.com", 587) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.126.com", "465", Reason),
            fixedSource,
            SmtpClientPortFixes.UsePort587Key);
    }

    [Theory]
    [InlineData("c.Port = 587;")]
    [InlineData("if (submission) c.Port = 587;")]
    [InlineData("c.Port = configuredPort;")]
    public async Task Port465ThatAnotherPortMayFollow_NoDiagnostic(string statement)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool submission, int configuredPort, MailMessage msg)
                {
                    using var c = new SmtpClient("smtp.example.com", 465) { EnableSsl = true };
                    {{statement}}
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Port465AfterAnotherPort_OrInOneArmOfAChoice_Reports()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool legacy, MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    if (legacy) c.Port = {|#0:465|};
                    c.Send(msg);

                    var d = legacy ? new SmtpClient("smtp.example.com", {|#1:465|}) : new SmtpClient("smtp.example.com", 587);
                    d.EnableSsl = true;
                    d.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            VerifyCS.Diagnostic("SMTP005").WithLocation(1).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason));
    }

    [Fact]
    public async Task SubclassPassing465ToTheBaseConstructor_ReportsAndFixesTo587()
    {
        const string source = """
            using System.Net.Mail;

            class LegacyClient : SmtpClient
            {
                public LegacyClient() : base("smtp.example.com", {|#0:465|}) { EnableSsl = true; }
            }

            class SubmissionClient : SmtpClient
            {
                public SubmissionClient() : base("smtp.example.com", 465) { Port = 587; EnableSsl = true; }
            }

            class SwitchableClient : SmtpClient
            {
                public SwitchableClient() : base("smtp.example.com", 465) { EnableSsl = true; }

                public void UseSubmission() => Port = 587;
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class LegacyClient : SmtpClient
            {
                public LegacyClient() : base("smtp.example.com", 587) { EnableSsl = true; }
            }

            class SubmissionClient : SmtpClient
            {
                public SubmissionClient() : base("smtp.example.com", 465) { Port = 587; EnableSsl = true; }
            }

            class SwitchableClient : SmtpClient
            {
                public SwitchableClient() : base("smtp.example.com", 465) { EnableSsl = true; }

                public void UseSubmission() => Port = 587;
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            fixedSource,
            SmtpClientPortFixes.UsePort587Key);
    }

    [Fact]
    public async Task VisualBasic_Port465ThatAnotherPortFollows_NoDiagnostic_ButOneOnAPathIsReported()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(legacy As Boolean, m As MailMessage)
                    Using c As New SmtpClient("smtp.example.com", 465) With {.EnableSsl = True}
                        c.Port = 587
                        c.Send(m)
                    End Using

                    Using d As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                        If legacy Then d.Port = {|#0:465|}
                        d.Send(m)
                    End Using
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason));
    }

    [Fact]
    public async Task VisualBasic_SubclassPassing465ToMyBaseNew_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Class LegacyClient
                Inherits SmtpClient

                Sub New()
                    MyBase.New("smtp.example.com", {|#0:465|})
                    EnableSsl = True
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason));
    }

    [Fact]
    public async Task PortAssignmentAndInitializer_FixAllFixesBoth()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var a = new SmtpClient("smtp.example.com") { EnableSsl = true };
                    a.Port = {|#0:465|};
                    a.Send(msg);
                    var b = new SmtpClient { Host = "smtp.example.com", Port = {|#1:465|}, EnableSsl = true };
                    b.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var a = new SmtpClient("smtp.example.com") { EnableSsl = true };
                    a.Port = 587;
                    a.Send(msg);
                    var b = new SmtpClient { Host = "smtp.example.com", Port = 587, EnableSsl = true };
                    b.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
                VerifyCS.Diagnostic("SMTP005").WithLocation(1).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            },
            fixedSource);
    }

    [Fact]
    public async Task PortFromConstant_ReportsWithoutFix()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                const int SslPort = 465;

                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com", {|#0:SslPort|}) { EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        // The constant may be used elsewhere: the fix is only offered on a literal.
        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            source);
    }

    [Fact]
    public async Task Port465OfAClientReplacedBeforeAnySend_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com", 465);
                    c = new SmtpClient("smtp.example.com") { EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("static int SslPort() => 465;", true)]
    [InlineData("int SslPort() { if (_secure) { return 465; } return 465; }", true)]
    [InlineData("protected virtual int SslPort() => 465;", false)]
    [InlineData("int SslPort() => _secure ? 465 : 587;", false)]
    public async Task PortFromAHelper_ReportedWithoutFixWhenEveryReturnIs465(string helper, bool reported)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                private readonly bool _secure;

                public Mailer(bool secure) => _secure = secure;

                {{helper}}

                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com", {|#0:SslPort()|}) { EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        var expected = reported
            ? new[] { VerifyCS.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason) }
            : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
        await VerifyCS.VerifyCodeFixAsync(source, expected, source);
    }

    [Theory]
    [InlineData("\"smtp.example.com\", 587")]
    [InlineData("\"smtp.example.com\", port")]
    [InlineData("\"localhost\", 465")]
    public async Task OtherPortsUnknownOrPlaintextHost_NoDiagnostic(string arguments)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, int port)
                {
                    var c = new SmtpClient({{arguments}}) { EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PickupDirectoryOn465_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com", 465) { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutSystemNetMail_NoDiagnostic()
    {
        const string source = """
            class SmtpClient { public SmtpClient(string host, int port) { } }

            class Mailer
            {
                void Send() { var c = new SmtpClient("smtp.example.com", 465); }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailTypes();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_UsingPort465_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", {|#0:465|})
                        client.EnableSsl = True
                        client.Send(m)
                    End Using
                End Sub
            End Module
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason));
    }

    [Fact]
    public async Task VisualBasic_PortWrittenAsTextWithOptionStrictOff_ReportsAndFixes()
    {
        // Option Strict Off converts the text to the number: the client runs on 465.
        const string source = """
            Option Strict Off
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Dim client As New SmtpClient("smtp.example.com")
                    client.Port = {|#0:"465"|}
                    client.EnableSsl = True
                    client.Send(m)
                End Sub
            End Module
            """;
        const string fixedSource = """
            Option Strict Off
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Dim client As New SmtpClient("smtp.example.com")
                    client.Port = 587
                    client.EnableSsl = True
                    client.Send(m)
                End Sub
            End Module
            """;

        await FixSmtp005VB.VerifyCodeFixAsync(
            source,
            FixSmtp005VB.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsModeDoesNotMatchPortCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_UsingPort465_FixesTo587()
    {
        const string source = """
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", {|#0:465|})
                        client.EnableSsl = True
                        client.Send(m)
                    End Using
                End Sub
            End Module
            """;
        const string fixedSource = """
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", 587)
                        client.EnableSsl = True
                        client.Send(m)
                    End Using
                End Sub
            End Module
            """;

        await FixSmtp005VB.VerifyCodeFixAsync(
            source,
            FixSmtp005VB.Diagnostic("SMTP005").WithLocation(0).WithArguments("System.Net.Mail.SmtpClient for smtp.example.com", "465", Reason),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsModeDoesNotMatchPortCodeFixProvider.Key);
    }

    #endregion
}
