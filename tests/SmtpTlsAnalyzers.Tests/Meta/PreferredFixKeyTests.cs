using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// One Fix All under a rule's preferred key fixes every diagnostic of the rule, whatever its shape and library:
/// what <c>dotnet format analyzers --diagnostics ID</c> does in one run.
/// </summary>
public class PreferredFixKeyTests
{
    [Fact]
    public async Task CredentialsOnSystemNetMailAndMailKit_OneFixAllFixesBoth()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            class Mailer
            {
                void SendSystemNetMail(MailMessage msg, string u, string p)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    {|#0:c.Credentials = new NetworkCredential(u, p)|};
                    c.EnableSsl = false;
                    c.Send(msg);
                }

                void SendMailKit(string u, string p)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.gmail.com", 587, false);
                    {|#1:client.Authenticate(u, p)|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            class Mailer
            {
                void SendSystemNetMail(MailMessage msg, string u, string p)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.Credentials = new NetworkCredential(u, p);
                    c.EnableSsl = true;
                    c.Send(msg);
                }

                void SendMailKit(string u, string p)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(u, p);
                }
            }
            """;

        var test = new CSharpCodeFixVerifier<RuleAnalyzer<SmtpTlsAnalyzers.Rules.CredentialsWithoutTlsRule>, CredentialsWithoutTlsCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = CredentialsWithoutTlsCodeFixProvider.Key,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP009_CredentialsWithoutTls).WithLocation(0).WithArguments("smtp.example.com:587", "EnableSsl is set to false").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP009_CredentialsWithoutTls).WithLocation(1).WithArguments("smtp.gmail.com:587", "the connection uses useSsl: false (STARTTLS when available)").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync();
    }

    [Fact]
    public async Task StrippableModeAndUris_OneFixAllFixesEveryShape()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(ImapClient imap, Pop3Client pop)
                {
                    imap.Connect("imap.example.com", 143, {|#0:SecureSocketOptions.StartTlsWhenAvailable|});
                    imap.Connect({|#1:new Uri("imap://imap.example.com:143")|});
                    pop.Connect({|#2:new Uri("pop://pop.example.com:110")|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(ImapClient imap, Pop3Client pop)
                {
                    imap.Connect("imap.example.com", 143, SecureSocketOptions.StartTls);
                    imap.Connect(new Uri("imap://imap.example.com:143/?starttls=always"));
                    pop.Connect(new Uri("pop://pop.example.com:110/?starttls=always"));
                }
            }
            """;

        var test = new CSharpCodeFixVerifier<RuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitStrippableStartTlsRule>, MailKitStrippableStartTlsCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MailKitStrippableStartTlsCodeFixProvider.Key,
        };
        foreach (var (location, endpoint, mode) in new[]
        {
            (0, "imap.example.com:143", "SecureSocketOptions.StartTlsWhenAvailable"),
            (1, "imap.example.com:143", "a Uri with the imap:// scheme and no starttls=always"),
            (2, "pop.example.com:110", "a Uri with the pop:// scheme and no starttls=always"),
        })
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SMTP004_MailKitStrippableStartTls).WithLocation(location).WithArguments(endpoint, mode).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        await test.RunAsync();
    }
}
