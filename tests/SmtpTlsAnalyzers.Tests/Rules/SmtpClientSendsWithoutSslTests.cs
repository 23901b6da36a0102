using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientEnableSslFixes>;
using VerifyNetMailVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicSystemNetMailRules>;
using FixSmtp002VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.SmtpClientSendsWithoutSslRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientSendsWithoutSslCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP002: a System.Net.Mail.SmtpClient sends mail without EnableSsl ever being set.</summary>
public class SmtpClientSendsWithoutSslTests
{
    [Fact]
    public async Task UsingDeclarationSendMailAsync_ReportsAndAddsInitializer()
    {
        const string source = """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Config { public string Host = ""; public int Port; }

            class Mailer
            {
                async Task SendAsync(Config cfg, MailMessage msg)
                {
                    using var c = {|#0:new SmtpClient(cfg.Host, cfg.Port)|};
                    await c.SendMailAsync(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Config { public string Host = ""; public int Port; }

            class Mailer
            {
                async Task SendAsync(Config cfg, MailMessage msg)
                {
                    using var c = new SmtpClient(cfg.Host, cfg.Port) { EnableSsl = true };
                    await c.SendMailAsync(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("the server"),
            fixedSource,
            SmtpClientEnableSslFixes.AddToInitializerKey);
    }

    [Fact]
    public async Task ClientCreatedInEitherArmOfAChoice_ReportsEveryCreationAndFixesAll()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, string provider, MailMessage msg)
                {
                    var first = backup ? {|#0:new SmtpClient("smtp.b.example.com", 587)|} : {|#1:new SmtpClient("smtp.a.example.com", 587)|};
                    first.Send(msg);

                    using var second = provider switch
                    {
                        "a" => {|#2:new SmtpClient("smtp.a.example.com")|},
                        _ => {|#3:new SmtpClient("smtp.a.example.com")|},
                    };
                    second.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool backup, string provider, MailMessage msg)
                {
                    var first = backup ? new SmtpClient("smtp.b.example.com", 587) { EnableSsl = true } : new SmtpClient("smtp.a.example.com", 587) { EnableSsl = true };
                    first.Send(msg);

                    using var second = provider switch
                    {
                        "a" => new SmtpClient("smtp.a.example.com") { EnableSsl = true },
                        _ => new SmtpClient("smtp.a.example.com") { EnableSsl = true },
                    };
                    second.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.a.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.a.example.com"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(3).WithArguments("smtp.a.example.com"),
            },
            fixedSource,
            SmtpClientEnableSslFixes.AddToInitializerKey);
    }

    [Fact]
    public async Task ChoiceBetweenANewClientAndASecuredOne_ReportsTheNewOne()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                static readonly SmtpClient Shared = new SmtpClient("smtp.example.com") { EnableSsl = true };

                void Send(bool backup, MailMessage msg)
                {
                    var client = backup ? {|#0:new SmtpClient("smtp.b.example.com")|} : Shared;
                    client.Send(msg);

                    var other = backup ? new SmtpClient("smtp.b.example.com") { EnableSsl = true } : {|#1:new SmtpClient("smtp.a.example.com")|};
                    other.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.a.example.com"));
    }

    [Fact]
    public async Task LocalGivenAClientOnEachPath_ReportsThoseWithoutSslThatReachTheSend()
    {
        // The flow tells which creations a send reads: one per branch, a default replaced on one path. A client
        // replaced before any send never sends.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool secure, MailMessage msg, NetworkCredential cred)
                {
                    SmtpClient branches;
                    if (secure)
                    {
                        branches = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    }
                    else
                    {
                        branches = {|#0:new SmtpClient("smtp.example.com", 25)|};
                    }

                    branches.Send(msg);

                    var replaced = {|#1:new SmtpClient("smtp.example.com", 25)|};
                    if (secure)
                    {
                        replaced = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    }

                    {|#2:replaced.Credentials = cred|};
                    replaced.Send(msg);

                    var unused = new SmtpClient("smtp.example.com", 25);
                    unused = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    unused.Send(msg);

                    var exempt = new SmtpClient("localhost", 25);
                    if (secure)
                    {
                        exempt = new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = cred };
                    }

                    exempt.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:25", "one of the clients it may be never sets EnableSsl, which defaults to false"));
    }

    [Fact]
    public async Task LocalGivenAClientOnEachPath_EnableSslFalseInOneIsThatClientsOwn()
    {
        // As in the arms of a choice: the false belongs to its own client (SMTP001), not to a choice of the whole
        // client's value; a false given to a client replaced before any send never takes effect.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool secure, MailMessage msg)
                {
                    SmtpClient c;
                    if (secure)
                    {
                        c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    }
                    else
                    {
                        c = new SmtpClient("smtp.example.com", 25) { {|#0:EnableSsl = false|} };
                    }

                    c.Send(msg);

                    var d = new SmtpClient("smtp.example.com", 25) { EnableSsl = false };
                    d = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    d.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:25"));
    }

    [Theory]
    [InlineData("if (submission) { c.Port = 587; }", "mail.example.org")]
    [InlineData("try { c.Send(msg); } catch (SmtpException) { c.Port = 2525; }", "mail.example.org")]
    [InlineData("c.Port = 587;", "mail.example.org:587")]
    [InlineData("if (submission) { System.Console.WriteLine(); } c.Port = 587;", "mail.example.org:587")]
    public async Task PortGivenOnSomePathsOnly_NotNamed(string portWrite, string server)
    {
        // Without a port of its own the client uses 25 (or the configuration's) on the other paths.
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool submission, MailMessage msg)
                {
                    using var c = {|#0:new SmtpClient("mail.example.org")|};
                    {{portWrite}}
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments(server));
    }

    [Fact]
    public async Task PortWrittenInTheUsingStatementsBody_Named()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    using (var c = {|#0:new SmtpClient("mail.example.org")|})
                    {
                        c.Port = 587;
                        c.Send(msg);
                    }
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("mail.example.org:587"));

        const string visualBasic = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(msg As MailMessage)
                    Using c As {|#0:New SmtpClient("mail.example.org")|}
                        c.Port = 587
                        c.Send(msg)
                    End Using
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(visualBasic, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("mail.example.org:587"));
    }

    [Theory]
    [InlineData("", "relay.example.com")]
    [InlineData("c.Port = 2525;", "relay.example.com:2525")]
    public async Task LocalGivenAClientOnEachPath_NamesTheServerOfTheCreationReported(string afterTheChoice, string server)
    {
        // The port written in the other branch is that client's only; one written after the choice is every client's.
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool relay, MailMessage msg)
                {
                    SmtpClient c;
                    if (relay)
                    {
                        c = {|#0:new SmtpClient("relay.example.com")|};
                    }
                    else
                    {
                        c = new SmtpClient("smtp.example.com") { EnableSsl = true };
                        c.Port = 587;
                    }

                    {{afterTheChoice}}
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments(server));
    }

    [Theory]
    [InlineData("SmtpClient c = null; if (secure) { c = new SmtpClient(\"smtp.example.com\") { EnableSsl = true }; } c.Send(msg);")]
    [InlineData("var c = new SmtpClient(\"smtp.example.com\"); if (secure) { c = new SmtpClient(\"smtp.example.com\") { EnableSsl = true }; } c.EnableSsl = secure; c.Send(msg);")]
    [InlineData("var c = new SmtpClient(\"smtp.example.com\"); if (secure) { c = Shared; } c = new SmtpClient(\"smtp.example.com\") { EnableSsl = true }; c.Send(msg);")]
    [InlineData("var c = new SmtpClient(\"smtp.example.com\"); if (secure) { c = new SmtpClient(\"smtp.example.com\") { EnableSsl = true }; } Keep(c); c.Send(msg);")]
    public async Task LocalGivenClientsTheFlowDoesNotTellApartOrSecured_NoDiagnostic(string body)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                static readonly SmtpClient Shared = new SmtpClient("smtp.example.com") { EnableSsl = true };

                void Send(bool secure, MailMessage msg)
                {
                    {{body}}
                }

                // Kept where other code may set EnableSsl.
                void Keep(SmtpClient client) => Kept = client;

                public static SmtpClient Kept;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ChoiceWithAnArmToAnExemptHost_ThatArmIsExemptAlone()
    {
        // localhost is exempt by default; the other arm uses TLS and carries the credentials in its own initializer.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool local, MailMessage msg, NetworkCredential cred)
                {
                    var c = local ? new SmtpClient("localhost", 25) : new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = cred };
                    c.Send(msg);

                    var d = local ? new SmtpClient("localhost", 25) : {|#0:new SmtpClient("smtp.example.com", 587)|};
                    d.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Theory]
    [InlineData("backup ? new SmtpClient(\"smtp.b.example.com\") { EnableSsl = true } : new SmtpClient(\"smtp.a.example.com\") { EnableSsl = true }", "")]
    [InlineData("backup ? new SmtpClient(\"smtp.b.example.com\") : new SmtpClient(\"smtp.a.example.com\")", "client.EnableSsl = true;")]
    [InlineData("(backup ? new SmtpClient(\"smtp.b.example.com\") : new SmtpClient(\"smtp.a.example.com\"))", "Keep(client);")]
    public async Task ChoiceOfClientsSecuredOrHandedOn_NoDiagnostic(string choice, string statement)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                static readonly SmtpClient Shared = new SmtpClient("smtp.example.com") { EnableSsl = true };

                void Send(bool backup, MailMessage msg)
                {
                    var client = {{choice}};
                    {{statement}}
                    client.Send(msg);
                }

                // Kept where other code may set EnableSsl.
                void Keep(SmtpClient client) => Kept = client;

                public static SmtpClient Kept;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CommentedOutEnableSslWithCredentials_ReportsSmtp002AndSmtp009_FixAddsToInitializer()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, string user, string password)
                {
                    var client = {|#0:new SmtpClient("smtp.example.com", 587)
                    {
                        {|#1:Credentials = new NetworkCredential(user, password)|},
                        // EnableSsl = true,
                    }|};
                    client.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, string user, string password)
                {
                    var client = new SmtpClient("smtp.example.com", 587)
                    {
                        Credentials = new NetworkCredential(user, password),
                        EnableSsl = true,
                        // EnableSsl = true,
                    };
                    client.Send(msg);
                }
            }
            """;

        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.AddToInitializerKey,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PickupArmOfAChoice_Exempt_NetworkArmReported()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Options { public string Host { get; set; } = ""; public int Port { get; set; } = 587; public bool UsePickup { get; set; } public string Folder { get; set; } = ""; }

            class Mailer
            {
                async Task SendAsync(Options o, NetworkCredential cred, MailMessage message)
                {
                    using var client = o.UsePickup
                        ? new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = o.Folder }
                        : {|#0:new SmtpClient(o.Host, o.Port) { {|#1:Credentials = cred|} }|};
                    await client.SendMailAsync(message);
                }

                void BothPickup(Options o, MailMessage message, bool iis)
                {
                    using var client = iis
                        ? new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.PickupDirectoryFromIis }
                        : new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = o.Folder };
                    client.Send(message);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("the server"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("the server", "EnableSsl is never set, and it defaults to false"));
    }

    [Fact]
    public async Task ArmToALocalServerNamedInItsInitializer_Exempt_OtherArmReported()
    {
        // A development relay (smtp4dev, Mailpit) reached through the initializer's Host, as through the constructor's.
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;

            enum Environment { Development, Production }

            class Mailer
            {
                async Task SendAsync(Environment env, string host, NetworkCredential cred, MailMessage message)
                {
                    using SmtpClient client = env switch
                    {
                        Environment.Development => new SmtpClient { Host = "localhost", Port = 1025 },
                        _ => new SmtpClient(host, 587) { EnableSsl = true, Credentials = cred },
                    };
                    await client.SendMailAsync(message);
                }

                void SendLegacy(bool dev, string host, MailMessage message)
                {
                    using var client = dev ? new SmtpClient { Host = "localhost", Port = 25, EnableSsl = false } : {|#0:new SmtpClient(host, 587)|};
                    client.Send(message);
                }

                void SendRenamed(bool dev, MailMessage message)
                {
                    using var client = dev ? {|#1:new SmtpClient("localhost") { Host = "relay.example.com" }|} : new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("port 587"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("the server"));
    }

    [Fact]
    public async Task CreationAsTheFallbackOfAnInjectedClient_Reported()
    {
        // The injected client is not followed; the creation is the client used without one.
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class EmailSender
            {
                private readonly SmtpClient _client;

                public EmailSender(string user, string password, SmtpClient? client = null)
                {
                    _client = client ?? {|#0:new SmtpClient("smtp.example.com", 587) { {|#1:Credentials = new NetworkCredential(user, password)|} }|};
                }

                public Task SendAsync(MailMessage message) => _client.SendMailAsync(message);

                public void SendLocal(SmtpClient? injected, MailMessage message)
                {
                    var c = injected ?? {|#2:new SmtpClient("relay.example.com", 25)|};
                    c.Send(message);
                }

                public void SendSecured(SmtpClient? injected, MailMessage message)
                {
                    var c = injected ?? new SmtpClient("relay.example.com", 587) { EnableSsl = true };
                    c.Send(message);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("relay.example.com:25"));
    }

    [Fact]
    public async Task ClientLockedOnOrSendingThroughAMethodGroup_Reported()
    {
        // Locking on the client (one send at a time) does not hand it on; `client.Send` as a delegate is a send.
        const string source = """
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Mail;

            class AlertMailer
            {
                private readonly SmtpClient _client = {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage m)
                {
                    lock (_client)
                    {
                        _client.Send(m);
                    }
                }
            }

            class DigestMailer
            {
                public void SendAll(List<MailMessage> messages)
                {
                    using var client = {|#1:new SmtpClient("relay.example.com", 25)|};
                    messages.ForEach(client.Send);
                }

                public System.Action<MailMessage> Sender(string host) => new SmtpClient(host) { EnableSsl = true }.Send;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("relay.example.com:25"));
    }

    [Fact]
    public async Task ClientNeverGivenAHost_NoDiagnostic_GivenOneThroughItsProperty_Reported()
    {
        // On .NET the constructor reads no configuration file: without a host, Send throws before it connects, and
        // neither the mail nor the login goes anywhere.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void SendWithoutHost(MailMessage m)
                {
                    using var client = new SmtpClient();
                    client.Credentials = new NetworkCredential("user", "secret");
                    client.Send(m);
                }

                void SendWithHost(MailMessage m)
                {
                    using var client = {|#0:new SmtpClient()|};
                    client.Host = "smtp.example.com";
                    client.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task VisualBasic_ClientGivenItsHostInAWithBlock_Reported()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage)
                    Dim client As SmtpClient = {|#0:New SmtpClient()|}
                    With client
                        .Host = "smtp.example.com"
                    End With
                    client.Send(m)
                End Sub

                Sub SendWithoutHost(m As MailMessage)
                    Dim client As New SmtpClient()
                    client.Send(m)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task VisualBasic_ClientLockedOn_Reported()
    {
        const string source = """
            Imports System.Net.Mail

            Class AlertMailer
                Private ReadOnly _client As SmtpClient = {|#0:New SmtpClient("smtp.example.com", 587)|}

                Sub Send(m As MailMessage)
                    SyncLock _client
                        _client.Send(m)
                    End SyncLock
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task MultilineInitializerWithoutTrailingComma_FixKeepsLayout()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var client = {|#0:new SmtpClient
                    {
                        Host = "smtp.example.com",
                        Port = 587
                    }|};
                    client.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var client = new SmtpClient
                    {
                        Host = "smtp.example.com",
                        Port = 587,
                        EnableSsl = true
                    };
                    client.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"), fixedSource);
    }

    [Theory]
    [InlineData("Timeout = 5000,", "Timeout = 5000,", "EnableSsl = true,")]
    [InlineData("Timeout = 5000", "Timeout = 5000,", "EnableSsl = true")]
    public async Task InitializerEndingInAnIfRegion_FixAddsAfterTheRegion(string last, string fixedLast, string added)
    {
        // Inside the region, the setting would hold only in the builds that define its symbol.
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var client = {|#0:new SmtpClient
                    {
                        Host = "smtp.example.com",
                        Port = 587,
            #if !RELEASE
                        {{last}}
            #endif
                    }|};
                    client.Send(msg);
                }
            }
            """;
        var fixedSource = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var client = new SmtpClient
                    {
                        Host = "smtp.example.com",
                        Port = 587,
            #if !RELEASE
                        {{fixedLast}}
            #endif
                        {{added}}
                    };
                    client.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"), fixedSource);
    }

    [Theory]
    [InlineData("EnableSsl = true, // a local relay without TLS in development")]
    [InlineData("DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,\n            PickupDirectoryLocation = @\"C:\\temp\\mail\",")]
    public async Task InitializerWithCodeAnotherBuildCompiles_NoFix(string otherBuild)
    {
        // Another build's EnableSsl would be set twice (which does not compile); its pickup directory would throw with it.
        var source = $$"""
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, NetworkCredential cred)
                {
                    using var client = {|#0:new SmtpClient("smtp.example.com", 587)
                    {
                        {|#1:Credentials = cred|},
            #if RELEASE
                        {{otherBuild}}
            #endif
                    }|};
                    client.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"),
            },
            source);
    }

    [Fact]
    public async Task MultilineInitializerEndingInComment_FixLeavesTheCommentOnItsLine()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, NetworkCredential cred)
                {
                    var c = {|#0:new SmtpClient("smtp.example.com")
                    {
                        {|#1:Credentials = cred|} // from the vault
                    }|};
                    c.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, NetworkCredential cred)
                {
                    var c = new SmtpClient("smtp.example.com")
                    {
                        Credentials = cred, // from the vault
                        EnableSsl = true
                    };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.example.com", "EnableSsl is never set, and it defaults to false"),
            },
            fixedSource,
            SmtpClientEnableSslFixes.AddToInitializerKey);
    }

    [Fact]
    public async Task UsingStatementTargetTypedNewAndSendOverloads_FixAllAddsInitializers()
    {
        const string source = """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Mailer
            {
                void SendText()
                {
                    using (var c = {|#0:new SmtpClient("smtp.example.com")|})
                    {
                        c.Send("a@example.com", "b@example.com", "subject", "body");
                    }
                }

                async Task SendAsync(MailMessage msg, CancellationToken ct)
                {
                    using SmtpClient c = {|#1:new("smtp.example.com", 25) { Timeout = 1000 }|};
                    await c.SendMailAsync(msg, ct);
                }

                void SendLegacyAsync(MailMessage msg) => {|#2:new SmtpClient("smtp.example.com")|}.SendAsync(msg, null);
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            class Mailer
            {
                void SendText()
                {
                    using (var c = new SmtpClient("smtp.example.com") { EnableSsl = true })
                    {
                        c.Send("a@example.com", "b@example.com", "subject", "body");
                    }
                }

                async Task SendAsync(MailMessage msg, CancellationToken ct)
                {
                    using SmtpClient c = new("smtp.example.com", 25) { Timeout = 1000, EnableSsl = true };
                    await c.SendMailAsync(msg, ct);
                }

                void SendLegacyAsync(MailMessage msg) => new SmtpClient("smtp.example.com") { EnableSsl = true }.SendAsync(msg, null);
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.example.com"),
            },
            fixedSource);
    }

    [Fact]
    public async Task PrivateFieldNeverGivenEnableSsl_ReportsAtCreation()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg) => _client.Send(msg);
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public void Send(MailMessage msg) => _client.Send(msg);
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"), fixedSource);
    }

    [Fact]
    public async Task PrivateAutoPropertyNeverGivenEnableSsl_ReportsAtCreation()
    {
        // A private auto-property is the type's own, as a private field is: its client is followed the same way.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient Client { get; } = {|#0:new SmtpClient("smtp.example.com", 587)|};
                private static SmtpClient Shared { get; } = {|#1:new SmtpClient("smtp.example.com", 587)|};
                private SmtpClient FromConstructor { get; }

                public Mailer() => FromConstructor = {|#2:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg)
                {
                    Client.Send(msg);
                    Shared.Send(msg);
                    FromConstructor.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient Client { get; } = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                private static SmtpClient Shared { get; } = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                private SmtpClient FromConstructor { get; }

                public Mailer() => FromConstructor = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public void Send(MailMessage msg)
                {
                    Client.Send(msg);
                    Shared.Send(msg);
                    FromConstructor.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.example.com:587"),
            },
            fixedSource);
    }

    [Fact]
    public async Task PrivateFactoryMethodsClientNeverGivenEnableSsl_ReportsAtItsCreation()
    {
        // A private method that returns a new client, called only where the type's own code sends through the result:
        // the client of every call is the one it creates.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient CreateClient() => {|#0:new SmtpClient("smtp.example.com", 587)|};

                private static SmtpClient CreateShared()
                {
                    var client = {|#1:new SmtpClient("smtp.example.com", 587)|};
                    client.Timeout = 10_000;
                    return client;
                }

                public void Send(MailMessage msg)
                {
                    using var client = CreateClient();
                    client.Send(msg);
                }

                public void SendShared(MailMessage msg)
                {
                    using (var client = CreateShared())
                    {
                        client.Send(msg);
                    }

                    CreateClient().Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient CreateClient() => new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                private static SmtpClient CreateShared()
                {
                    var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Timeout = 10_000;
                    return client;
                }

                public void Send(MailMessage msg)
                {
                    using var client = CreateClient();
                    client.Send(msg);
                }

                public void SendShared(MailMessage msg)
                {
                    using (var client = CreateShared())
                    {
                        client.Send(msg);
                    }

                    CreateClient().Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
            },
            fixedSource);
    }

    [Fact]
    public async Task FactoryMethodsClientHandedOnOrSecured_NoDiagnostic()
    {
        // Public (other code calls it), its result returned, stored in a field other code reaches, handed to a method or
        // taken as a method group, named in a nested type, a field's client returned, its local returned by a lambda
        // too, or EnableSsl set by a caller or from a setting.
        const string source = """
            using System;
            using System.Net.Mail;

            class Mailer
            {
                private readonly bool _ssl;
                public SmtpClient LastClient;
                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public SmtpClient Public() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient Returned() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient Stored() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient HandedOn() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient AsGroup() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient Nested() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient OfField() => _field;
                private SmtpClient SecuredByCaller() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient FromSetting() => new SmtpClient("smtp.example.com", 587) { EnableSsl = _ssl };

                private SmtpClient Captured()
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    Register(() => client);
                    return client;
                }

                static void Register(Func<SmtpClient> source) { }

                public SmtpClient Expose() => Returned();

                static void Configure(SmtpClient client) => client.EnableSsl = true;

                public void Send(MailMessage msg)
                {
                    Public().Send(msg);
                    Returned().Send(msg);
                    LastClient = Stored();
                    Stored().Send(msg);
                    var handed = HandedOn();
                    Configure(handed);
                    handed.Send(msg);
                    Func<SmtpClient> create = AsGroup;
                    AsGroup().Send(msg);
                    Nested().Send(msg);
                    OfField().Send(msg);
                    using var secured = SecuredByCaller();
                    secured.EnableSsl = true;
                    secured.Send(msg);
                    FromSetting().Send(msg);
                    Captured().Send(msg);
                }

                class Setup
                {
                    void Run(Mailer m) => m.Nested().EnableSsl = true;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FactoryResultAssignedToALocalOrStoredInAPrivateField_IsTheFactorysClient()
    {
        // `_client = GetSmtpClient();` in a constructor, a field initializer, or a local assigned after its
        // declaration: the factory's client, reported and fixed where it is created.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class EmailService
            {
                private readonly SmtpClient _smtpClient;
                private readonly SmtpClient _initialized = CreatePlain();

                public EmailService() => _smtpClient = GetSmtpClient();

                private SmtpClient GetSmtpClient()
                {
                    var smtpClient = {|#0:new SmtpClient("smtp.gmail.com")|};
                    smtpClient.Port = 587;
                    {|#3:smtpClient.Credentials = new NetworkCredential("user", "password")|};
                    return smtpClient;
                }

                private static SmtpClient CreatePlain() => {|#1:new SmtpClient("smtp.example.com", 587)|};

                private static SmtpClient CreateOther() => {|#2:new SmtpClient("smtp.example.com", 25)|};

                public void Send(MailMessage message)
                {
                    _smtpClient.Send(message);
                    _initialized.Send(message);
                    SmtpClient client;
                    client = CreateOther();
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class EmailService
            {
                private readonly SmtpClient _smtpClient;
                private readonly SmtpClient _initialized = CreatePlain();

                public EmailService() => _smtpClient = GetSmtpClient();

                private SmtpClient GetSmtpClient()
                {
                    var smtpClient = new SmtpClient("smtp.gmail.com") { EnableSsl = true };
                    smtpClient.Port = 587;
                    smtpClient.Credentials = new NetworkCredential("user", "password");
                    return smtpClient;
                }

                private static SmtpClient CreatePlain() => new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                private static SmtpClient CreateOther() => new SmtpClient("smtp.example.com", 25) { EnableSsl = true };

                public void Send(MailMessage message)
                {
                    _smtpClient.Send(message);
                    _initialized.Send(message);
                    SmtpClient client;
                    client = CreateOther();
                    client.Send(message);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.gmail.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.example.com:25"),
                VerifyCS.Diagnostic("SMTP009").WithLocation(3).WithLocation(0).WithArguments("smtp.gmail.com:587", "EnableSsl is never set, and it defaults to false"),
            },
            fixedSource);
    }

    [Fact]
    public async Task FactoryResultStoredInAMemberOthersReachOrSecuredThere_NoDiagnostic()
    {
        // A field other code reaches, a field that also holds another factory's client, a field secured after the
        // store, and a local given two factories' clients.
        const string source = """
            using System.Net.Mail;

            class EmailService
            {
                internal SmtpClient Shared;
                private SmtpClient _either;
                private SmtpClient _secured;
                private readonly bool _useA;

                public EmailService()
                {
                    Shared = CreateShared();
                    _either = _useA ? null : CreateA();
                    if (_either == null)
                    {
                        _either = CreateB();
                    }

                    _secured = CreateSecured();
                    _secured.EnableSsl = true;
                }

                private static SmtpClient CreateShared() => new SmtpClient("smtp.example.com", 587);
                private static SmtpClient CreateA() => new SmtpClient("smtp.example.com", 587);
                private static SmtpClient CreateB() => new SmtpClient("smtp.example.com", 587);
                private static SmtpClient CreateSecured() => new SmtpClient("smtp.example.com", 587);
                private static SmtpClient CreateC() => new SmtpClient("smtp.example.com", 587);
                private static SmtpClient CreateD() => new SmtpClient("smtp.example.com", 587);

                public void Send(MailMessage message, bool c)
                {
                    Shared.Send(message);
                    _either.Send(message);
                    _secured.Send(message);
                    SmtpClient client;
                    client = CreateC();
                    if (c)
                    {
                        client = CreateD();
                    }

                    client.Send(message);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FactoryWithSeveralReturns_EnableSslInOneReturnsInitializerCountsForThatOneOnly()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class Options { public string Server { get; set; } = ""; public bool Anonymous { get; set; } public string User { get; set; } = ""; }

            class Dispatcher
            {
                private static SmtpClient CreateClientFrom(Options options)
                {
                    if (options.Anonymous)
                    {
                        return {|#0:new SmtpClient(options.Server)|};
                    }

                    return new SmtpClient(options.Server) { Credentials = new NetworkCredential(options.User, ""), EnableSsl = true };
                }

                public Task SendAsync(Options options, MailMessage message)
                {
                    var client = CreateClientFrom(options);
                    return client.SendMailAsync(message);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("the server"),
            source.Replace("{|#0:new SmtpClient(options.Server)|}", "new SmtpClient(options.Server) { EnableSsl = true }", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientHandedToAHelperThatOnlySendsWithIt_Reports()
    {
        // The helpers' code is in sight and only sends, handles an event, reads a property and disposes: nothing
        // there can turn TLS on, so the client still sends in clear text.
        const string source = """
            using System;
            using System.Net.Mail;
            using System.Threading.Tasks;

            class MailBL
            {
                public void Send(MailMessage mail, bool sync)
                {
                    var client = {|#0:new SmtpClient("smtp.example.com", 587)|};
                    if (sync)
                        SendSync(client, mail);
                    else
                        SendAsync(client, mail);
                }

                public void SendSync(SmtpClient client, MailMessage mail)
                {
                    try { client.Send(mail); }
                    finally { mail.Dispose(); client.Dispose(); }
                }

                public void SendAsync(SmtpClient client, MailMessage mail)
                {
                    client.SendCompleted += (s, e) => { mail.Dispose(); client.Dispose(); };
                    Console.WriteLine(client.Host);
                    client.SendAsync(mail, null);
                }

                public async Task SendLaterAsync(MailMessage mail)
                {
                    using var client = {|#1:new SmtpClient("smtp.example.com", 25)|};
                    await DeliverAsync(client, mail);
                }

                private static async Task DeliverAsync(SmtpClient client, MailMessage mail)
                {
                    if (client != null)
                    {
                        await client.SendMailAsync(mail);
                    }
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"),
            },
            source
                .Replace("{|#0:new SmtpClient(\"smtp.example.com\", 587)|}", "new SmtpClient(\"smtp.example.com\", 587) { EnableSsl = true }", System.StringComparison.Ordinal)
                .Replace("{|#1:new SmtpClient(\"smtp.example.com\", 25)|}", "new SmtpClient(\"smtp.example.com\", 25) { EnableSsl = true }", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("client.EnableSsl = true; client.Send(mail);")]
    [InlineData("client.Host = \"localhost\"; client.Send(mail);")]
    [InlineData("client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory; client.Send(mail);")]
    [InlineData("_last = client; client.Send(mail);")]
    [InlineData("Configure(client); client.Send(mail);")]
    [InlineData("var other = client; other.Send(mail);")]
    [InlineData("client.UseTls(); client.Send(mail);")]
    [InlineData("if (client is { } secured) secured.EnableSsl = true; client.Send(mail);")]
    [InlineData("client = new SmtpClient(\"smtp.example.com\", 587) { EnableSsl = true }; client.Send(mail);")]
    [InlineData("System.Action<SmtpClient> secure = c => c.EnableSsl = true; secure(client); client.Send(mail);")]
    public async Task ClientHandedToAHelperThatMayChangeIt_NoDiagnostic(string helperBody)
    {
        var source = $$"""
            using System.Net.Mail;

            static class Extensions
            {
                public static void UseTls(this SmtpClient client) => client.EnableSsl = true;
            }

            class Mailer
            {
                private SmtpClient _last;

                public void Send(MailMessage mail)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    Deliver(client, mail);
                }

                private void Deliver(SmtpClient client, MailMessage mail)
                {
                    {{helperBody}}
                }

                private static void Configure(SmtpClient client) => client.EnableSsl = true;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ClientHandedToAVirtualOrOutsideHelper_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                public void Send(MailMessage mail)
                {
                    var a = new SmtpClient("smtp.example.com", 587);
                    Deliver(a, mail);
                    var b = new SmtpClient("smtp.example.com", 587);
                    Outside.Deliver(b, mail);
                }

                protected virtual void Deliver(SmtpClient client, MailMessage mail) => client.Send(mail);
            }

            partial class Outside
            {
                public static partial void Deliver(SmtpClient client, MailMessage mail);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.Sources.Add(("Outside.cs", """
            using System.Net.Mail;

            partial class Outside
            {
                public static partial void Deliver(SmtpClient client, MailMessage mail)
                {
                    client.EnableSsl = true;
                    client.Send(mail);
                }
            }
            """));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task FactoryMethodOfAGenericType_CalledOnAnotherConstruction_IsTheSameFactory()
    {
        // `new Mailer<int>().CreateClient()` calls the same method: the EnableSsl written there counts.
        const string source = """
            using System.Net.Mail;

            class Mailer<T>
            {
                private SmtpClient CreateClient() => new SmtpClient("smtp.example.com", 587);
                private SmtpClient CreatePlain() => {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg)
                {
                    CreateClient().Send(msg);
                    new Mailer<int>().CreateClient().EnableSsl = true;
                    new Mailer<string>().CreatePlain().Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task ClientComparedWithNull_IsNotHandedOn()
    {
        // `client != null` compares the client as an object: the compiler's conversion hands it nowhere.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _cached;

                public void Send(MailMessage msg)
                {
                    SmtpClient client = null;
                    try
                    {
                        client = {|#0:new SmtpClient("smtp.example.com", 587)|};
                        client.Send(msg);
                    }
                    finally
                    {
                        if (client != null)
                        {
                            client.Dispose();
                        }
                    }
                }

                public void SendCached(MailMessage msg)
                {
                    if (_cached == null)
                    {
                        _cached = {|#1:new SmtpClient("smtp.example.com", 587)|};
                    }

                    _cached.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _cached;

                public void Send(MailMessage msg)
                {
                    SmtpClient client = null;
                    try
                    {
                        client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                        client.Send(msg);
                    }
                    finally
                    {
                        if (client != null)
                        {
                            client.Dispose();
                        }
                    }
                }

                public void SendCached(MailMessage msg)
                {
                    if (_cached == null)
                    {
                        _cached = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    }

                    _cached.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
            },
            fixedSource);
    }

    [Theory]
    [InlineData("if ((object)_client != null) _client.Dispose();", true)]
    [InlineData("if (_client as object == null) return; _client.Dispose();", true)]
    [InlineData("if (!ReferenceEquals(_client, null)) _client.Dispose();", true)]
    [InlineData("if (!object.ReferenceEquals(null, _client)) _client.Dispose();", true)]
    [InlineData("System.ArgumentNullException.ThrowIfNull(_client);", true)]
    [InlineData("System.GC.KeepAlive(_client);", true)]
    [InlineData("Configure(_client);", false)]
    [InlineData("Hold((object)_client);", false)]
    public async Task PrivateFieldCheckedForNull_IsNotHandedOn(string statement, bool reports)
    {
        // Comparing the reference, or giving it to a runtime method that only looks at it, changes nothing; a method
        // that takes the client may set EnableSsl.
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;

                public Mailer() => _client = {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg) => _client.Send(msg);

                public void Close()
                {
                    {{statement}}
                }

                private static void Configure(SmtpClient client) => client.EnableSsl = true;

                private static void Hold(object client) { }
            }
            """;

        if (!reports)
        {
            await VerifyCS.VerifyAnalyzerAsync(source);
            return;
        }

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            source.Replace("{|#0:new SmtpClient(\"smtp.example.com\", 587)|}", "new SmtpClient(\"smtp.example.com\", 587) { EnableSsl = true }", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task FactoryMethodReturningAPrivateField_CallersHoldTheFieldsClient()
    {
        // Created on first use and returned: every caller holds the field's client.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;
                private SmtpClient _secured;
                private SmtpClient _a = new SmtpClient("smtp.example.com", 587);
                private SmtpClient _b = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                private bool _useA;

                private SmtpClient GetClient()
                {
                    if (_client == null)
                    {
                        _client = {|#0:new SmtpClient("smtp.example.com", 587)|};
                    }

                    return _client;
                }

                private SmtpClient GetSecured()
                {
                    if (_secured == null)
                    {
                        _secured = new SmtpClient("smtp.example.com", 587);
                    }

                    return _secured;
                }

                // Two fields: neither is the factory's one client, and each is handed on.
                private SmtpClient GetEither() => _useA ? _a : _b;

                // Called by a nested type, whose code is analyzed on its own: the field is handed on.
                private SmtpClient _shared = new SmtpClient("smtp.example.com", 587);

                private SmtpClient GetShared() => _shared;

                private SmtpClient GetOne()
                {
                    if (_useA)
                    {
                        return _a;
                    }

                    return _b;
                }

                public void Send(MailMessage msg)
                {
                    using var client = GetClient();
                    client.Send(msg);

                    var secured = GetSecured();
                    secured.EnableSsl = true;
                    secured.Send(msg);

                    GetEither().Send(msg);
                    GetOne().Send(msg);
                    _shared.Send(msg);
                }

                class Setup
                {
                    void Run(Mailer m) => m.GetShared().EnableSsl = true;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task PrivateReadOnlyPropertyWithAGetterBody_IsAFactory()
    {
        // Each read runs the getter, as a call of a factory method does: created on first use, or new on every read.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;
                private SmtpClient _secured;
                private readonly SmtpClient _injected;

                public Mailer(SmtpClient injected) => _injected = injected;

                private SmtpClient Client => _client ??= {|#0:new SmtpClient("smtp.example.com", 587)|};

                private SmtpClient Fresh => {|#1:new SmtpClient("smtp.example.com", 25)|};

                private SmtpClient Secured
                {
                    get
                    {
                        if (_secured == null)
                        {
                            _secured = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                        }

                        return _secured;
                    }
                }

                private SmtpClient Injected => _injected;

                private SmtpClient HandedOn => new SmtpClient("smtp.example.com", 587);

                public void Send(MailMessage msg)
                {
                    Client.Send(msg);

                    using var fresh = Fresh;
                    fresh.Send(msg);

                    Secured.Send(msg);
                    Injected.Send(msg);

                    var handedOn = HandedOn;
                    Configure(handedOn);
                    handedOn.Send(msg);
                }

                private static void Configure(SmtpClient client) => client.EnableSsl = Settings.UseSsl;
            }

            static class Settings
            {
                public static bool UseSsl;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"));
    }

    [Fact]
    public async Task FactoryPropertyNamedInANestedType_NoDiagnostic()
    {
        // The nested type's code, analyzed on its own, may secure the client the property gives.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;

                private SmtpClient Client => _client ??= new SmtpClient("smtp.example.com", 587);

                public void Send(MailMessage msg) => Client.Send(msg);

                public class Setup
                {
                    public void Run(Mailer mailer) => mailer.Client.EnableSsl = true;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FieldCreatedOnFirstUseWithCoalescingAssignment_Reported()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;
                private SmtpClient _cached;

                private SmtpClient GetClient() => _client ??= {|#0:new SmtpClient("smtp.example.com", 587)|};

                public void Send(MailMessage msg)
                {
                    GetClient().Send(msg);

                    _cached ??= {|#1:new SmtpClient("smtp.example.com", 587)|};
                    _cached.Send(msg);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _client;
                private SmtpClient _cached;

                private SmtpClient GetClient() => _client ??= new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public void Send(MailMessage msg)
                {
                    GetClient().Send(msg);

                    _cached ??= new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    _cached.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
            },
            fixedSource);
    }

    [Fact]
    public async Task CoalescingAssignmentHandingTheClientOn_NoDiagnostic()
    {
        // Returned by a method other code calls, given an injected client, held in a public field, or secured.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient _returned;
                private SmtpClient _injected;
                public SmtpClient Exposed;
                private SmtpClient _secured;

                public SmtpClient Get() => _returned ??= new SmtpClient("smtp.example.com", 587);

                public void Send(MailMessage msg, SmtpClient injected)
                {
                    Get().Send(msg);
                    _returned.Send(msg);

                    _injected ??= injected;
                    _injected ??= new SmtpClient("smtp.example.com", 587);
                    _injected.Send(msg);

                    Exposed ??= new SmtpClient("smtp.example.com", 587);
                    Exposed.Send(msg);

                    _secured ??= new SmtpClient("smtp.example.com", 587);
                    _secured.EnableSsl = true;
                    _secured.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AutoPropertyOthersReachOrTheTypeSecures_NoDiagnostic()
    {
        // Public, an explicit interface implementation (private, but reached through the interface), returned, handed
        // to a method, set from outside, or given EnableSsl: whoever else holds the client decides, or TLS is on.
        const string source = """
            using System.Net.Mail;

            interface IHasClient { SmtpClient Client { get; } }

            class Mailer : IHasClient
            {
                public SmtpClient Exposed { get; } = new SmtpClient("smtp.example.com", 587);
                SmtpClient IHasClient.Client { get; } = new SmtpClient("smtp.example.com", 587);
                private SmtpClient Returned { get; } = new SmtpClient("smtp.example.com", 587);
                private SmtpClient HandedOn { get; } = new SmtpClient("smtp.example.com", 587);
                private SmtpClient Injected { get; set; }
                private SmtpClient Secured { get; } = new SmtpClient("smtp.example.com", 587);
                private SmtpClient Computed => new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public Mailer(SmtpClient injected)
                {
                    Injected = injected;
                    Secured.EnableSsl = true;
                    Configure(HandedOn);
                }

                static void Configure(SmtpClient client) => client.EnableSsl = true;

                public SmtpClient Get() => Returned;

                public void Send(MailMessage msg)
                {
                    Exposed.Send(msg);
                    ((IHasClient)this).Client.Send(msg);
                    Returned.Send(msg);
                    HandedOn.Send(msg);
                    Injected.Send(msg);
                    Secured.Send(msg);
                    Computed.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FieldGivenEnableSslElsewhereInType_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private readonly SmtpClient _client;

                public Mailer(bool ssl)
                {
                    _client = new SmtpClient("smtp.example.com", 587);
                    _client.EnableSsl = ssl;
                }

                public void Send(MailMessage msg) => _client.Send(msg);
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("if (hasUser) { c.Credentials = cred; c.EnableSsl = true; }\n        c.Send(msg);")]
    [InlineData("c.EnableSsl = settings;\n        c.Send(msg);")]
    [InlineData("Configure(c);\n        c.Send(msg);")]
    [InlineData("_stored = c;\n        c.Send(msg);")]
    [InlineData("c.Dispose();")]
    public async Task EnabledUnknownEscapedOrUnused_NoDiagnostic(string body)
    {
        var source = $$"""
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                private SmtpClient? _stored;

                // Hands the client on, beyond what the model follows.
                static void Configure(SmtpClient client) => Settings.Apply(client);

                static class Settings
                {
                    public static void Apply(SmtpClient client) { }
                }

                void Send(MailMessage msg, bool hasUser, bool settings, NetworkCredential cred)
                {
                    var c = new SmtpClient("smtp.example.com");
                    {{body}}
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SubclassThatEnablesSslInItsConstructor_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class SecureSmtpClient : SmtpClient
            {
                public SecureSmtpClient() : base("smtp.example.com", 587) { EnableSsl = true; }
            }

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    using var c = new SecureSmtpClient();
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("c.EnableSsl |= settings;")]
    [InlineData("(c.EnableSsl, c.Port) = (settings, 587);")]
    [InlineData("(c.DeliveryMethod, c.EnableSsl) = (SmtpDeliveryMethod.Network, settings);")]
    public async Task EnableSslWrittenByCompoundOrDeconstruction_NoDiagnostic(string write)
    {
        var source = $$"""
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, bool settings, NetworkCredential cred)
                {
                    var c = new SmtpClient("smtp.example.com");
                    c.Credentials = cred;
                    {{write}}
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DeliveryMethodFromDeconstruction_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg, (SmtpDeliveryMethod Method, string Folder) settings)
                {
                    var c = new SmtpClient("smtp.example.com");
                    (c.DeliveryMethod, c.PickupDirectoryLocation) = settings;
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PrivateFieldUsedByNestedType_NoDiagnostic_NestedTypesOwnClientReported()
    {
        const string source = """
            using System.Net.Mail;

            static class Tls { public static void Enable(SmtpClient c) => c.EnableSsl = true; }

            class Mailer
            {
                private static readonly SmtpClient Client = new SmtpClient("smtp.example.com", 587);
                private static readonly SmtpClient Other = new SmtpClient("smtp.example.com", 587);

                void Send(MailMessage msg)
                {
                    Client.Send(msg);
                    Other.Send(msg);
                }

                class Setup
                {
                    static Setup() { Client.EnableSsl = true; }

                    void Secure() => Tls.Enable(Other);
                }

                class Own
                {
                    private readonly SmtpClient _c = {|#0:new SmtpClient("smtp.example.com", 587)|};

                    void Send(MailMessage msg) => _c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_PrivateFieldUsedByNestedType_NoDiagnostic_NestedTypesOwnClientReported()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private Shared ReadOnly Client As New SmtpClient("smtp.example.com", 587)

                Sub Send(msg As MailMessage)
                    Client.Send(msg)
                End Sub

                Class Setup
                    Shared Sub New()
                        Client.EnableSsl = True
                    End Sub
                End Class

                Class Own
                    Private ReadOnly _c As {|#0:New SmtpClient("smtp.example.com", 587)|}

                    Sub Send(msg As MailMessage)
                        _c.Send(msg)
                    End Sub
                End Class
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_ClientCreatedInEitherArmOfIf_ReportsEachCreationWithoutSsl()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(backup As Boolean, msg As MailMessage)
                    Using first = If(backup, {|#0:New SmtpClient("smtp.b.example.com")|}, {|#1:New SmtpClient("smtp.b.example.com")|})
                        first.Send(msg)
                    End Using

                    Dim second = If(backup, New SmtpClient("smtp.b.example.com") With {.EnableSsl = True}, {|#2:New SmtpClient("smtp.b.example.com")|})
                    second.Send(msg)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(
            source,
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.b.example.com"),
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.b.example.com"),
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.b.example.com"));
    }

    [Fact]
    public async Task VisualBasic_LocalGivenAClientInEachBranch_ReportsTheOneWithoutSsl()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(secure As Boolean, msg As MailMessage)
                    Dim client As SmtpClient
                    If secure Then
                        client = New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                    Else
                        client = {|#0:New SmtpClient("smtp.example.com", 25)|}
                    End If

                    client.Send(msg)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:25"));
    }

    [Fact]
    public async Task ReturnedFromBuilderOrFactoryLambda_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Mail;

            class Builder
            {
                public SmtpClient Build(string host) => new SmtpClient(host, 587);

                public SmtpClient Build2(string host)
                {
                    var client = new SmtpClient(host, 587);
                    return client;
                }

                public Func<SmtpClient> Factory(string host) => () => new SmtpClient(host);

                public Func<SmtpClient> PickupFactory() => () => new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("new SmtpClient(\"localhost\")")]
    [InlineData("new SmtpClient(\"127.0.0.1\", 1025)")]
    [InlineData("new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = \"/tmp\" }")]
    public async Task PlaintextHostOrPickup_NoDiagnostic(string creation)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    using var c = {{creation}};
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HostSetByAssignment_UsedForExemptionAndMessage()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var local = new SmtpClient();
                    local.Host = "localhost";
                    local.Send(msg);

                    var remote = {|#0:new SmtpClient()|};
                    remote.Host = "smtp.example.com";
                    remote.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task TopLevelStatementsAndNestedType_Report()
    {
        const string source = """
            using System.Net.Mail;

            var message = new MailMessage("a@example.com", "b@example.com");
            var client = {|#0:new SmtpClient("smtp.example.com")|};
            client.Send(message);

            partial class Outer
            {
                class Inner
                {
                    void Send(MailMessage m)
                    {
                        var c = {|#1:new SmtpClient("smtp.example.com")|};
                        c.Send(m);
                    }
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NetFramework_ConfigurationEnablesSsl_NoDiagnostic()
    {
        // On .NET Framework App.config can enable SSL; SmtpClientSendsWithoutSslOnNetFrameworkTests has the other cases.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage msg)
                {
                    var c = new SmtpClient("smtp.example.com");
                    c.Send(msg);
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.OnNetFramework48();
        test.TestState.AdditionalFiles.Add(("/0/App.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutSystemNetMail_NoDiagnostic()
    {
        const string source = """
            class MailMessage { }
            class SmtpClient { public void Send(MailMessage m) { } }

            class Mailer
            {
                void Send(MailMessage msg) { var c = new SmtpClient(); c.Send(msg); }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailTypes();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_UsingBlockWithoutEnableSsl_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Using client As {|#0:New SmtpClient("smtp.example.com", 587)|}
                        client.Send(m)
                    End Using
                End Sub
            End Module
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_EnableSslTrueInInitializer_NoDiagnostic()
    {
        const string source = """
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                        client.Send(m)
                    End Using
                End Sub
            End Module
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_UsingAndInitializer_FixAllAddsEnableSsl()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Using client As {|#0:New SmtpClient("smtp.example.com", 587)|}
                        client.Send(m)
                    End Using

                    Using other As {|#1:New SmtpClient("smtp.example.com", 587) With {.Credentials = cred}|}
                        other.Send(m)
                    End Using
                End Sub
            End Module
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                        client.Send(m)
                    End Using

                    Using other As New SmtpClient("smtp.example.com", 587) With {.Credentials = cred, .EnableSsl = True}
                        other.Send(m)
                    End Using
                End Sub
            End Module
            """;

        await FixSmtp002VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                FixSmtp002VB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                FixSmtp002VB.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientSendsWithoutSslCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_ClientHandedToAnExtensionMethod_NoDiagnostic()
    {
        // An extension method called on the client receives it, as any other method would.
        const string source = """
            Imports System.Net.Mail
            Imports System.Runtime.CompilerServices

            Module Tls
                <Extension>
                Sub ApplyTls(c As SmtpClient, ssl As Boolean)
                    c.EnableSsl = ssl
                End Sub
            End Module

            Class Mailer
                Sub Send(ssl As Boolean, m As MailMessage)
                    Dim c = New SmtpClient("smtp.example.com", 587)
                    c.ApplyTls(ssl)
                    c.Send(m)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_WithEventsField_ReportedLikeAPrivateField()
    {
        // A WithEvents variable is a property the compiler writes: its client is followed like a private field's.
        const string source = """
            Imports System.ComponentModel
            Imports System.Net.Mail

            Class Mailer
                Private WithEvents _plain As {|#0:New SmtpClient("smtp.example.com", 587)|}
                Private WithEvents _secured As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                Private WithEvents _fromConstructor As SmtpClient
                Public WithEvents Exposed As New SmtpClient("smtp.example.com", 587)

                Sub New()
                    _fromConstructor = {|#1:New SmtpClient("smtp.example.com", 587)|}
                End Sub

                Sub Send(m As MailMessage)
                    _plain.SendAsync(m, Nothing)
                    _secured.SendAsync(m, Nothing)
                    _fromConstructor.Send(m)
                    Exposed.Send(m)
                End Sub

            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(
            source,
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_PrivateAutoProperty_ReportedLikeAPrivateField()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private Property Plain As {|#0:New SmtpClient("smtp.example.com", 587)|}
                Private ReadOnly Property FromConstructor As SmtpClient
                Private Property Secured As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                Public Property Exposed As New SmtpClient("smtp.example.com", 587)

                Sub New()
                    FromConstructor = {|#1:New SmtpClient("smtp.example.com", 587)|}
                End Sub

                Sub Send(m As MailMessage)
                    Plain.Send(m)
                    FromConstructor.Send(m)
                    Secured.Send(m)
                    Exposed.Send(m)
                End Sub
            End Class
            """;

        const string fixedSource = """
            Imports System.Net.Mail

            Class Mailer
                Private Property Plain As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                Private ReadOnly Property FromConstructor As SmtpClient
                Private Property Secured As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                Public Property Exposed As New SmtpClient("smtp.example.com", 587)

                Sub New()
                    FromConstructor = New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                End Sub

                Sub Send(m As MailMessage)
                    Plain.Send(m)
                    FromConstructor.Send(m)
                    Secured.Send(m)
                    Exposed.Send(m)
                End Sub
            End Class
            """;

        await FixSmtp002VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                FixSmtp002VB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
                FixSmtp002VB.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:587"),
            },
            fixedSource);
    }

    [Fact]
    public async Task VisualBasic_PrivateFactoryFunction_ReportedAtItsCreation()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private Function CreateClient() As SmtpClient
                    Return {|#0:New SmtpClient("smtp.example.com", 587)|}
                End Function

                Private Function CreateSecured() As SmtpClient
                    Dim client = New SmtpClient("smtp.example.com", 587)
                    client.EnableSsl = True
                    Return client
                End Function

                Sub Send(m As MailMessage)
                    Using client = CreateClient()
                        client.Send(m)
                    End Using

                    Dim secured = CreateSecured()
                    secured.Send(m)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_PrivateReadOnlyPropertyCreatingOnFirstUse_ReportedAtItsCreation()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private _client As SmtpClient
                Private _secured As SmtpClient

                Private ReadOnly Property Client As SmtpClient
                    Get
                        If _client Is Nothing Then
                            _client = {|#0:New SmtpClient("smtp.example.com", 587)|}
                        End If
                        Return _client
                    End Get
                End Property

                Private ReadOnly Property Secured As SmtpClient
                    Get
                        If _secured Is Nothing Then
                            _secured = New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                        End If
                        Return _secured
                    End Get
                End Property

                Sub Send(m As MailMessage)
                    Client.Send(m)
                    Secured.Send(m)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_FactoryResultStoredInAPrivateFieldOrAssignedToALocal_ReportedAtItsCreation()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private ReadOnly _client As SmtpClient
                Private _secured As SmtpClient = CreateSecured()

                Sub New()
                    _client = CreateClient()
                End Sub

                Private Function CreateClient() As SmtpClient
                    Return {|#0:New SmtpClient("smtp.example.com", 587)|}
                End Function

                Private Shared Function CreateSecured() As SmtpClient
                    Return New SmtpClient("smtp.example.com", 587)
                End Function

                Private Shared Function CreateOther() As SmtpClient
                    Return {|#1:New SmtpClient("smtp.example.com", 25)|}
                End Function

                Sub Send(m As MailMessage)
                    _client.Send(m)
                    _secured.EnableSsl = True
                    _secured.Send(m)
                    Dim other As SmtpClient
                    other = CreateOther()
                    other.Send(m)
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(
            source,
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(1).WithArguments("smtp.example.com:25"));
    }

    [Fact]
    public async Task VisualBasic_ClientHandedToAHelperThatOnlySendsWithIt_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage)
                    Dim client = {|#0:New SmtpClient("smtp.example.com", 587)|}
                    Deliver(client, m)
                    Dim secured = New SmtpClient("smtp.example.com", 587)
                    Secure(secured, m)
                End Sub

                Private Sub Deliver(client As SmtpClient, m As MailMessage)
                    Using client
                        client.Send(m)
                    End Using
                End Sub

                Private Sub Secure(client As SmtpClient, m As MailMessage)
                    With client
                        .EnableSsl = True
                        .Send(m)
                    End With
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_ClientComparedWithNothing_IsNotHandedOn()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage)
                    Dim client As SmtpClient = Nothing
                    Try
                        client = {|#0:New SmtpClient("smtp.example.com", 587)|}
                        client.Send(m)
                    Finally
                        If client IsNot Nothing Then client.Dispose()
                    End Try
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source, VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_WithBlocks_FollowTheClientTheyName()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Dim plain = {|#0:New SmtpClient("smtp.example.com", 587)|}
                    With plain
                        {|#1:.Credentials = cred|}
                        .Send(m)
                    End With

                    Dim secured = New SmtpClient("smtp.example.com", 587)
                    With secured
                        .EnableSsl = True
                    End With
                    secured.Send(m)

                    With {|#2:New SmtpClient("smtp.example.com", 587)|}
                        .Send(m)
                    End With
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(
            source,
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyNetMailVB.Diagnostic("SMTP009").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:587", "EnableSsl is never set, and it defaults to false"),
            VerifyNetMailVB.Diagnostic("SMTP002").WithLocation(2).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_WithEventsClientHandedOn_OrExtendedInAWithBlock_NoDiagnostic()
    {
        const string source = """
            Imports System.Net.Mail
            Imports System.Runtime.CompilerServices

            Module Tls
                <Extension>
                Sub UseTls(c As SmtpClient)
                    c.EnableSsl = True
                End Sub

                Sub Secure(c As SmtpClient)
                    c.EnableSsl = True
                End Sub
            End Module

            Class Mailer
                Private WithEvents _client As New SmtpClient("smtp.example.com", 587)

                Sub New()
                    Tls.Secure(_client)
                End Sub

                Sub Send(m As MailMessage)
                    _client.Send(m)

                    Dim other As New SmtpClient("smtp.example.com", 587)
                    With other
                        .UseTls()
                        .Send(m)
                    End With
                End Sub
            End Class
            """;

        await VerifyNetMailVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_InitializerOverSeveralLines_ReportedOnItsFirstLineAndFixed()
    {
        // The Visual Basic compiler prints every line a diagnostic covers: only the first line is reported.
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Dim client = {|#0:New SmtpClient("smtp.example.com", 587) With {|}
                        .Credentials = cred
                    }
                    client.Send(m)
                End Sub
            End Module
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Dim client = New SmtpClient("smtp.example.com", 587) With {
                        .Credentials = cred, .EnableSsl = True
                    }
                    client.Send(m)
                End Sub
            End Module
            """;

        await FixSmtp002VB.VerifyCodeFixAsync(
            source,
            FixSmtp002VB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientSendsWithoutSslCodeFixProvider.Key);
    }

    #endregion
}
