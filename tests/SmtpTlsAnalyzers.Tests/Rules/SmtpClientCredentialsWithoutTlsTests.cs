using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientEnableSslFixes>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP009, System.Net.Mail half: credentials on a client that SMTP001 or SMTP002 proves to be clear text.</summary>
public class SmtpClientCredentialsWithoutTlsTests
{
    /// <summary>Runs the fix that secures the client given the credentials; <paramref name="remaining"/> stay after it.</summary>
    private static Task FixCredentialsAsync(string source, string fixedSource, DiagnosticResult[] expected, params DiagnosticResult[] remaining)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.CredentialsKey,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    [Fact]
    public async Task CredentialsOnAClientChosenAmongCreations_OneWithoutSsl_FixSecuresThatOne()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, string u, string p)
                {
                    var c = backup ? {|#0:new SmtpClient("smtp.b.example.com", 587)|} : new SmtpClient("smtp.a.example.com", 587) { EnableSsl = true };
                    {|#1:c.Credentials = new NetworkCredential(u, p)|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, string u, string p)
                {
                    var c = backup ? new SmtpClient("smtp.b.example.com", 587) { EnableSsl = true } : new SmtpClient("smtp.a.example.com", 587) { EnableSsl = true };
                    c.Credentials = new NetworkCredential(u, p);
                    c.Send(msg);
                }
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com:587"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0)
                    .WithArguments("smtp.b.example.com:587", "one of the clients it may be never sets EnableSsl, which defaults to false"),
            });
    }

    [Fact]
    public async Task CredentialsOnAClientChosenAmongCreations_NoneWithSsl_FixSecuresEach()
    {
        // Either creation may carry the credentials: securing one would leave the other path in clear text.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, string u, string p)
                {
                    var c = backup ? {|#0:new SmtpClient("smtp.b.example.com", 587)|} : {|#1:new SmtpClient("smtp.a.example.com", 587)|};
                    {|#2:c.Credentials = new NetworkCredential(u, p)|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, string u, string p)
                {
                    var c = backup ? new SmtpClient("smtp.b.example.com", 587) { EnableSsl = true } : new SmtpClient("smtp.a.example.com", 587) { EnableSsl = true };
                    c.Credentials = new NetworkCredential(u, p);
                    c.Send(msg);
                }
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.a.example.com:587"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(2).WithLocation(0).WithLocation(1)
                    .WithArguments("port 587", "EnableSsl is never set, and it defaults to false"),
            });
    }

    [Fact]
    public async Task CredentialsOnAPrivateAutoPropertysClient_FixSecuresIt()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient Client { get; } = {|#0:new SmtpClient("smtp.example.com", 587)|};

                public Mailer(string u, string p) => {|#1:Client.Credentials = new NetworkCredential(u, p)|};

                public void Send(MailMessage msg) => Client.Send(msg);
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient Client { get; } = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public Mailer(string u, string p) => Client.Credentials = new NetworkCredential(u, p);

                public void Send(MailMessage msg) => Client.Send(msg);
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0)
                    .WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"),
            });
    }

    [Fact]
    public async Task CredentialsGivenToAFactoryMethodsClient_FixSecuresItsCreation()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient CreateClient() => {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg, string u, string p)
                {
                    using var client = CreateClient();
                    {|#1:client.Credentials = new NetworkCredential(u, p)|};
                    client.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient CreateClient() => new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public void Send(MailMessage msg, string u, string p)
                {
                    using var client = CreateClient();
                    client.Credentials = new NetworkCredential(u, p);
                    client.Send(msg);
                }
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0)
                    .WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"),
            });
    }

    [Fact]
    public async Task CredentialsInTheInitializerOfOneClientWithoutSsl_FixSecuresThatOne()
    {
        // The other arm also lacks EnableSsl (SMTP002) but gets no credentials: the fix of SMTP009 secures the arm
        // that sends them.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, NetworkCredential cred)
                {
                    var c = backup ? {|#0:new SmtpClient("smtp.b.example.com")|} : {|#1:new SmtpClient("smtp.b.example.com") { {|#2:Credentials = cred|} }|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, NetworkCredential cred)
                {
                    var c = backup ? {|#0:new SmtpClient("smtp.b.example.com")|} : new SmtpClient("smtp.b.example.com") { Credentials = cred, EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.b.example.com"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(2).WithLocation(1)
                    .WithArguments("smtp.b.example.com", "EnableSsl is never set, and it defaults to false"),
            },
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com"));
    }

    [Fact]
    public async Task CredentialsGivenToAClientReplacedBeforeAnySend_NotSent()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool relay, MailMessage msg, NetworkCredential cred)
                {
                    var client = new SmtpClient("smtp.example.com") { Credentials = cred };
                    if (relay)
                    {
                        client = {|#0:new SmtpClient("relay.example.com")|};
                    }
                    else
                    {
                        client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = cred };
                    }

                    client.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("relay.example.com"));
    }

    [Fact]
    public async Task CredentialsWrittenOnThePathOfTheSecuredClient_NoSmtp009()
    {
        // Only the client created in the else branch, which uses TLS, can get the credentials.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool relay, MailMessage msg, NetworkCredential cred)
                {
                    SmtpClient c;
                    if (relay)
                    {
                        c = {|#0:new SmtpClient("relay.example.com", 25)|};
                    }
                    else
                    {
                        c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                        c.Credentials = cred;
                    }

                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("relay.example.com:25"));
    }

    [Fact]
    public async Task CredentialsInTheInitializerOfAClientTurnedOff_FixTurnsThatOneOn()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool legacy, MailMessage msg, NetworkCredential cred)
                {
                    var c = legacy
                        ? new SmtpClient("legacy.example.com", 25) { {|#0:EnableSsl = false|}, {|#1:Credentials = cred|} }
                        : new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);

                    var d = new SmtpClient("smtp.example.com", 25) { EnableSsl = true };
                    d = new SmtpClient("smtp.example.com", 25) { {|#2:EnableSsl = false|} };
                    {|#3:d.Credentials = cred|};
                    d.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool legacy, MailMessage msg, NetworkCredential cred)
                {
                    var c = legacy
                        ? new SmtpClient("legacy.example.com", 25) { EnableSsl = true, Credentials = cred }
                        : new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);

                    var d = new SmtpClient("smtp.example.com", 25) { EnableSsl = true };
                    d = new SmtpClient("smtp.example.com", 25) { EnableSsl = true };
                    d.Credentials = cred;
                    d.Send(msg);
                }
            }
            """;

        await FixCredentialsAsync(
            source,
            fixedSource,
            new[]
            {
                VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("legacy.example.com:25"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("legacy.example.com:25", "EnableSsl is set to false"),
                VerifyCS.Diagnostic("SMTP001").WithLocation(2).WithArguments("smtp.example.com:25"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(3).WithLocation(2).WithArguments("smtp.example.com:25", "EnableSsl is set to false"),
            });
    }

    [Fact]
    public async Task OneOfSeveralClientsToAnExemptHostTurnsTlsOff_NoDiagnostic()
    {
        // localhost is exempt by default: its client may turn TLS off and get credentials, alone.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool dev, MailMessage msg, NetworkCredential cred, string host)
                {
                    var c = dev
                        ? new SmtpClient("localhost", 1025) { EnableSsl = false, Credentials = cred }
                        : new SmtpClient(host, 587) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);

                    SmtpClient d;
                    if (dev)
                    {
                        d = new SmtpClient("localhost", 1025) { EnableSsl = false };
                    }
                    else
                    {
                        d = new SmtpClient(host, 587) { EnableSsl = true };
                    }

                    d.Credentials = cred;
                    d.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CredentialsReplacedByUseDefaultCredentialsBeforeAnySend_NoSmtp009()
    {
        // Setting UseDefaultCredentials replaces Credentials (false clears them): those credentials are never sent.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Initializer(MailMessage m, NetworkCredential cred)
                {
                    using var c = {|#0:new SmtpClient("smtp.example.com", 25) { Credentials = cred, UseDefaultCredentials = false }|};
                    c.Send(m);
                }

                void Statements(MailMessage m, NetworkCredential cred)
                {
                    var c = {|#1:new SmtpClient("smtp.example.com", 25)|};
                    c.Credentials = cred;
                    c.UseDefaultCredentials = false;
                    c.Send(m);
                }

                void UsingBody(MailMessage m, NetworkCredential cred)
                {
                    using (var c = {|#8:new SmtpClient("smtp.example.com", 25) { Credentials = cred }|})
                    {
                        c.UseDefaultCredentials = false;
                        c.Send(m);
                    }
                }

                void RightOrder(MailMessage m, NetworkCredential cred)
                {
                    var c = {|#2:new SmtpClient("smtp.example.com", 25)|};
                    c.UseDefaultCredentials = false;
                    {|#3:c.Credentials = cred|};
                    c.Send(m);
                }

                void OnOnePath(MailMessage m, NetworkCredential cred, bool windows)
                {
                    var c = {|#4:new SmtpClient("smtp.example.com", 25)|};
                    {|#5:c.Credentials = cred|};
                    if (windows) c.UseDefaultCredentials = false;
                    c.Send(m);
                }

                void SentBefore(MailMessage m, NetworkCredential cred)
                {
                    var c = {|#6:new SmtpClient("smtp.example.com", 25)|};
                    {|#7:c.Credentials = cred|};
                    c.Send(m);
                    c.UseDefaultCredentials = false;
                    c.Send(m);
                }
            }
            """;

        const string NeverSet = "EnableSsl is never set, and it defaults to false";
        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(8).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", NeverSet),
            VerifyCS.Diagnostic("SMTP002").WithLocation(4).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(5).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", NeverSet),
            VerifyCS.Diagnostic("SMTP002").WithLocation(6).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(7).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", NeverSet));
    }

    [Fact]
    public async Task CredentialsOfAClientTurnedOffThenEnableSslWrittenUnread_NoDiagnostic()
    {
        // The deconstruction may turn TLS on for whichever client the local holds: the false is not the last word.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool legacy, bool ssl, MailMessage msg, NetworkCredential cred)
                {
                    var c = legacy ? new SmtpClient("a.example.com") { EnableSsl = false, Credentials = cred } : new SmtpClient("b.example.com") { EnableSsl = true };
                    (c.EnableSsl, c.Port) = (ssl, 587);
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CredentialsInOneClientsInitializer_EnableSslFalseForTheWholeClient_Reported()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, MailMessage msg, NetworkCredential cred)
                {
                    var c = backup ? new SmtpClient("a.example.com") { {|#0:Credentials = cred|} } : new SmtpClient("b.example.com");
                    {|#1:c.EnableSsl = false|};
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("the server"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("the server", "EnableSsl is set to false"));
    }

    [Fact]
    public async Task CredentialsWithEnableSslFalse_FixSetsTrue()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, string u, string p)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    {|#1:c.Credentials = new NetworkCredential(u, p)|};
                    {|#0:c.EnableSsl = false|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, string u, string p)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.Credentials = new NetworkCredential(u, p);
                    c.EnableSsl = true;
                    c.Send(msg);
                }
            }
            """;

        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.CredentialsKey,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com:587", "EnableSsl is set to false"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DefaultCredentialsAndCredentialsWithoutEnableSsl_FixAllAddsOneInitializerMember()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var c = {|#0:new SmtpClient("smtp.example.com")|};
                    {|#1:c.UseDefaultCredentials = true|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com") { EnableSsl = true };
                    c.UseDefaultCredentials = true;
                    c.Send(msg);
                }
            }
            """;

        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.CredentialsKey,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com", "EnableSsl is never set, and it defaults to false"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("c.Credentials = null;")]
    [InlineData("c.UseDefaultCredentials = false;")]
    [InlineData("c.UseDefaultCredentials = useDefault;")]
    public async Task NoCredentialsGiven_OnlySmtp002(string assignment)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, bool useDefault)
                {
                    var c = {|#0:new SmtpClient("smtp.example.com")|};
                    {{assignment}}
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Theory]
    [InlineData("c.EnableSsl = true;")]
    [InlineData("c.EnableSsl = ssl;")]
    [InlineData("c.EnableSsl = false; if (ssl) c.EnableSsl = true;")]
    public async Task TlsOnOrUnknown_NoSmtp009(string enableSsl)
    {
        var source = $$"""
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, bool ssl, NetworkCredential cred)
                {
                    var c = new SmtpClient("smtp.example.com");
                    c.Credentials = cred;
                    {{enableSsl}}
                    c.Send(msg);
                }
            }
            """;

        // A false that a later write may turn into true leaves TLS to configuration: neither SMTP001 nor SMTP009.
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostWithCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, NetworkCredential cred)
                {
                    var c = new SmtpClient("localhost", 25) { Credentials = cred, EnableSsl = false };
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
            class SmtpClient { public object? Credentials { get; set; } public bool EnableSsl { get; set; } }

            class Mailer
            {
                void Send() { var c = new SmtpClient { Credentials = new object(), EnableSsl = false }; }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailTypes();
        await test.RunAsync();
    }
}
