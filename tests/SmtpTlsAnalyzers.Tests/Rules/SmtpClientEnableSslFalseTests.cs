using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientEnableSslFixes>;
using VerifyVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicSystemNetMailRules>;
using FixSmtp001VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.SmtpClientEnableSslFalseRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientEnableSslFalseCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP001: EnableSsl is set to false on System.Net.Mail.SmtpClient.</summary>
public class SmtpClientEnableSslFalseTests
{
    [Fact]
    public async Task FalseInOneArmsInitializer_TrueInTheOther_ReportsTheFalse()
    {
        // Each arm creates its own client: the other arm's true never reaches this one.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(bool legacy, MailMessage msg)
                {
                    var c = legacy
                        ? new SmtpClient("smtp.example.com") { {|#0:EnableSsl = false|} }
                        : new SmtpClient("smtp.example.com") { EnableSsl = true };
                    c.Send(msg);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

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
            SmtpClientEnableSslFixes.SetTrueKey);
    }

    [Fact]
    public async Task InitializerWithCredentials_ReportsSmtp001AndSmtp009_FixesBoth()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Options { public string Host = ""; public int Port; }

            class Mailer
            {
                SmtpClient Create(Options opts, string u, string p) =>
                    new SmtpClient(opts.Host, opts.Port) { {|#1:Credentials = new NetworkCredential(u, p)|}, {|#0:EnableSsl = false|} };
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;

            class Options { public string Host = ""; public int Port; }

            class Mailer
            {
                SmtpClient Create(Options opts, string u, string p) =>
                    new SmtpClient(opts.Host, opts.Port) { Credentials = new NetworkCredential(u, p), EnableSsl = true };
            }
            """;

        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.SetTrueKey,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("the server"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("the server", "EnableSsl is set to false"));
        // Fixing SMTP001 also removes the reason for SMTP009: the additional location points the fix at EnableSsl.
        await test.RunAsync();
    }

    [Theory]
    [InlineData("false")]
    [InlineData("!true")]
    [InlineData("Off")]
    [InlineData("off")]
    [InlineData("readOnlyOff")]
    [InlineData("true && false")]
    public async Task ProvenFalseValues_Report(string value)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                const bool Off = false;
                private readonly bool readOnlyOff = false;

                void Send(MailMessage m)
                {
                    var off = false;
                    var c = new SmtpClient("smtp.example.com");
                    {|#0:c.EnableSsl = {{value}}|};
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("settings.EnableSsl")]
    [InlineData("bool.Parse(config[\"Smtp:Ssl\"])")]
    [InlineData("System.Convert.ToBoolean(System.Environment.GetEnvironmentVariable(\"SSL\"))")]
    [InlineData("enableSsl")]
    [InlineData("twice")]
    public async Task UnknownOrTrueValues_NoDiagnostic(string value)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Net.Mail;

            class Settings { public bool EnableSsl { get; set; } }

            class Mailer
            {
                private readonly Settings settings = new();
                private readonly Dictionary<string, string> config = new();

                void Send(MailMessage m, bool enableSsl, bool dev)
                {
                    var twice = false;
                    if (!dev) twice = true;
                    var c = new SmtpClient("smtp.example.com");
                    c.EnableSsl = {{value}};
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FalseThenConfiguredTrue_NoDiagnostic_FalseAfterwardsReported()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Configured(MailMessage m, bool secure, NetworkCredential cred)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.EnableSsl = false;
                    if (secure) c.EnableSsl = true;
                    c.Credentials = cred;
                    c.Send(m);
                }

                void Overridden(MailMessage m, bool secure)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.EnableSsl = secure;
                    {|#0:c.EnableSsl = false|};
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task FalseThenCompoundOrDeconstructionWrite_NoDiagnostic_FalseAfterwardsReported()
    {
        // `|=` and a deconstruction give EnableSsl a value the model does not read: after a false, the setting may
        // turn TLS on, as `if (secure) c.EnableSsl = true` may. `&=` can only keep a false false.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void OrSetting(MailMessage m, bool secure)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.EnableSsl = false;
                    c.EnableSsl |= secure;
                    c.Send(m);
                }

                void Deconstruction(MailMessage m, bool secure)
                {
                    var c = new SmtpClient("smtp.example.com") { EnableSsl = false };
                    (c.EnableSsl, c.Port) = (secure, 587);
                    c.Send(m);
                }

                void InAnotherMember(MailMessage m, bool secure)
                {
                    _field.EnableSsl |= secure;
                    _field.Send(m);
                }

                private readonly SmtpClient _field = new SmtpClient("smtp.example.com", 587) { EnableSsl = false };

                void AndSetting(MailMessage m, bool secure)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    {|#0:c.EnableSsl = false|};
                    c.EnableSsl &= secure;
                    c.Send(m);
                }

                void FalseAfterwards(MailMessage m, bool secure)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    c.EnableSsl |= secure;
                    {|#1:c.EnableSsl = false|};
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_FalseThenAnExtensionThatSetsEnableSsl_NoDiagnostic_SendHelperReported()
    {
        const string source = """
            Imports System.Net.Mail
            Imports System.Runtime.CompilerServices

            Module Tls
                <Extension>
                Sub ApplyTls(c As SmtpClient, secure As Boolean)
                    c.EnableSsl = secure
                End Sub

                <Extension>
                Sub SendNow(c As SmtpClient, m As MailMessage)
                    c.Send(m)
                End Sub
            End Module

            Class Mailer
                Sub Configured(m As MailMessage, secure As Boolean)
                    Dim c As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = False}
                    c.ApplyTls(secure)
                    c.Send(m)
                End Sub

                Sub Helper(m As MailMessage)
                    Dim c As New SmtpClient("smtp.example.com", 587) With {{|#0:.EnableSsl = False|}}
                    c.SendNow(m)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task SubclassWithConstructorsGivingDifferentServers_MessageNamesOnlyWhatEveryOneGives()
    {
        // The parameterless constructor gives no port (25 by default, or the configuration's): 587 is not the server's.
        const string source = """
            using System.Net.Mail;

            class RelayClient : SmtpClient
            {
                public RelayClient() : base("relay.example.com") { {|#0:EnableSsl = false|}; }

                public RelayClient(int timeout) : base("relay.example.com", 587) { Timeout = timeout; }
            }

            class SubmissionClient : SmtpClient
            {
                public SubmissionClient() : base("smtp.example.com", 587) { {|#1:EnableSsl = false|}; }

                public SubmissionClient(int timeout) : base("smtp.example.com", 587) { Timeout = timeout; }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("relay.example.com"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task FalseThenHandedToCodeThatTakesAClient_NoDiagnostic_OtherwiseReported()
    {
        // A method or callback that takes the client may set EnableSsl from the options, as a later write may. A
        // generic method (a list, a container) cannot, nor can a visible method that never names EnableSsl (a send
        // helper), nor code the client reaches only before the false.
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Mail;

            class Options { public bool EnableSsl { get; set; } = true; }

            class Mailer
            {
                private readonly Options _options = new Options();

                void Helper(MailMessage m)
                {
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = false };
                    ApplyTransportSecurity(client);
                    client.Send(m);
                }

                void Hook(MailMessage m, Action<SmtpClient> configure)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = false;
                    configure?.Invoke(client);
                    client.Send(m);
                }

                void Stored(MailMessage m, List<SmtpClient> clients)
                {
                    var client = new SmtpClient("smtp.example.com", 587) { {|#0:EnableSsl = false|} };
                    clients.Add(client);
                    client.Send(m);
                }

                void Before(MailMessage m)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    ApplyTransportSecurity(client);
                    {|#1:client.EnableSsl = false|};
                    client.Send(m);
                }

                void SendHelper(MailMessage m)
                {
                    using var client = new SmtpClient("smtp.example.com", 587) { {|#2:EnableSsl = false|} };
                    SendCore(client, m);
                }

                private void ApplyTransportSecurity(SmtpClient client) => client.EnableSsl = _options.EnableSsl;

                private static void SendCore(SmtpClient client, MailMessage m) => client.Send(m);
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(2).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task FalseInTheOtherArmOfAChoice_NoDiagnostic_DowngradesReported()
    {
        // Two arms of one choice: the setting chooses, as with `c.EnableSsl = ssl`. A false written after a true on
        // some paths only is a downgrade there.
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void IfElse(MailMessage m, bool ssl)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    if (ssl) { c.EnableSsl = true; } else { c.EnableSsl = false; }
                    c.Send(m);
                }

                void Switch(MailMessage m, string mode)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    switch (mode)
                    {
                        case "tls": c.EnableSsl = true; break;
                        default: c.EnableSsl = false; break;
                    }

                    c.Send(m);
                }

                void TrueThenFalseUnderAFlag(MailMessage m, bool legacy)
                {
                    // A downgrade on some paths: proven wherever the flag takes it.
                    var c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    if (legacy) {|#1:c.EnableSsl = false|};
                    c.Send(m);
                }

                void DowngradeOnFailure(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    try { c.Send(m); }
                    catch (SmtpException) { {|#2:c.EnableSsl = false|}; c.Send(m); }
                }

                void OneSwitchSection(MailMessage m, string mode)
                {
                    var c = new SmtpClient("smtp.example.com", 587);
                    switch (mode)
                    {
                        case "legacy": c.EnableSsl = true; {|#3:c.EnableSsl = false|}; break;
                    }

                    c.Send(m);
                }

                void TrueThenFalse(MailMessage m, bool verbose)
                {
                    var c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    if (verbose) { System.Console.WriteLine("sending"); }
                    {|#0:c.EnableSsl = false|};
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(2).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(3).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task FieldFalseInitializerWrittenByOtherMembers_NoDiagnostic_ConstructorFalseReported()
    {
        // A constructor runs after the field initializers, and any method may run before Send: only a false written
        // after an initializer's true, with nothing else writing the field, is proven.
        const string source = """
            using System.Net.Mail;

            class Options { public bool Ssl { get; set; } }

            class ConfiguredInConstructor
            {
                private readonly SmtpClient _c = new SmtpClient("smtp.example.com", 587) { EnableSsl = false };

                public ConfiguredInConstructor(Options o) { _c.EnableSsl = o.Ssl; }

                public void Send(MailMessage m) => _c.Send(m);
            }

            class TurnedOnByAMethod
            {
                private readonly SmtpClient _c = new SmtpClient("smtp.example.com", 587) { EnableSsl = false };

                public void UseTls(bool on) { if (on) _c.EnableSsl = true; }

                public void Send(MailMessage m) => _c.Send(m);
            }

            class TurnedOffByTheConstructor
            {
                private readonly SmtpClient _c = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public TurnedOffByTheConstructor() { {|#0:_c.EnableSsl = false|}; }

                public void Send(MailMessage m) => _c.Send(m);
            }

            class TurnedOffByAMethodAfterTheConstructor
            {
                private readonly SmtpClient _c;

                public TurnedOffByAMethodAfterTheConstructor(Options o)
                {
                    _c = new SmtpClient("smtp.example.com", 587);
                    _c.EnableSsl = o.Ssl;
                }

                public void SendLegacy(MailMessage m)
                {
                    {|#1:_c.EnableSsl = false|};
                    _c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"),
            VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task ReadOnlyFieldWrittenByConstructor_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                private readonly bool ssl = false;

                Mailer(bool ssl) { this.ssl = ssl; }

                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com") { EnableSsl = ssl };
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("SmtpDeliveryMethod.SpecifiedPickupDirectory")]
    [InlineData("SmtpDeliveryMethod.PickupDirectoryFromIis")]
    [InlineData("method")]
    public async Task PickupOrUnknownDelivery_NoDiagnostic(string delivery)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m, SmtpDeliveryMethod method)
                {
                    var c = new SmtpClient("smtp.example.com") { DeliveryMethod = {{delivery}}, EnableSsl = false };
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task DefaultPlaintextHost_NoDiagnostic(string host)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m)
                {
                    var c = new SmtpClient("{{host}}", 25) { EnableSsl = false };
                    c.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FalseAfterPointingTheClientAtALocalServer_NoDiagnostic()
    {
        // A development override: the false goes with the local relay, wherever that block runs.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m, string host, NetworkCredential cred, bool development)
                {
                    using var client = new SmtpClient(host, 587) { EnableSsl = true, Credentials = cred };
                    if (development)
                    {
                        client.Host = "localhost";
                        client.Port = 25;
                        client.EnableSsl = false;
                        client.Credentials = null;
                    }

                    client.Send(m);
                }

                void HostReplacedInBetween(MailMessage m, string configured, bool development)
                {
                    var client = new SmtpClient();
                    client.Host = "localhost";
                    if (!development) client.Host = configured;
                    {|#1:client.EnableSsl = false|};
                    client.Send(m);
                }

                void Elsewhere(MailMessage m, string host, bool development)
                {
                    using var client = new SmtpClient(host, 587) { EnableSsl = true };
                    if (development)
                    {
                        {|#0:client.EnableSsl = false|};
                        client.Host = "localhost";
                    }

                    client.Send(m);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("port 587"), VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("the server"));
    }

    [Fact]
    public async Task ConfiguredPlaintextHost_NoDiagnostic_OthersStillReported()
    {
        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage m, string host)
                {
                    var relay = new SmtpClient("relay.internal") { EnableSsl = false };
                    relay.Send(m);
                    var local = new SmtpClient("localhost") { {|#0:EnableSsl = false|} };
                    local.Send(m);
                    var unknown = new SmtpClient(host) { {|#1:EnableSsl = false|} };
                    unknown.Send(m);
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = relay.internal");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("localhost"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("the server"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OtherTypesEnableSsl_NoDiagnostic()
    {
        const string source = """
            class RabbitMqOptions { public bool EnableSsl { get; set; } }

            namespace Fake { class SmtpClient { public bool EnableSsl { get; set; } } }

            class Setup
            {
                void Configure()
                {
                    var o = new RabbitMqOptions { EnableSsl = false };
                    var f = new Fake.SmtpClient { EnableSsl = false };
                    f.EnableSsl = false;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ParameterAndDerivedClient_ReportsAndFixAllFixesBoth()
    {
        const string source = """
            using System.Net.Mail;

            class MySmtp : SmtpClient { }

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.EnableSsl = false|};
                    var mine = new MySmtp { {|#1:EnableSsl = false|} };
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class MySmtp : SmtpClient { }

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.EnableSsl = true;
                    var mine = new MySmtp { EnableSsl = true };
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("the server"),
                VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("the server"),
            },
            fixedSource);
    }

    [Fact]
    public async Task TwoDocuments_FixAllInProjectFixesBoth()
    {
        const string first = """
            using System.Net.Mail;

            static class A
            {
                public static void Configure(SmtpClient c) => {|#0:c.EnableSsl = false|};
            }
            """;
        const string second = """
            using System.Net.Mail;

            static class B
            {
                public static SmtpClient Create() => new SmtpClient("smtp.example.com") { {|#1:EnableSsl = false|} };
            }
            """;

        var test = new VerifyCS.Test
        {
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.SetTrueKey,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
        };
        test.TestState.Sources.Add(("/0/A.cs", first));
        test.TestState.Sources.Add(("/0/B.cs", second));
        test.FixedState.Sources.Add(("/0/A.cs", first.Replace("{|#0:c.EnableSsl = false|}", "c.EnableSsl = true")));
        test.FixedState.Sources.Add(("/0/B.cs", second.Replace("{|#1:EnableSsl = false|}", "EnableSsl = true")));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("the server"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_StillReported()
    {
        const string source = """
            // <auto-generated/>
            using System.Net.Mail;

            class ScaffoldedMailer
            {
                SmtpClient Create() => new SmtpClient("smtp.example.com") { {|#0:EnableSsl = false|} };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task TestProject_NoDiagnosticUnlessOptedIn()
    {
        const string source = """
            using System.Net.Mail;

            class MailerTests
            {
                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com") { {|#0:EnableSsl = false|} };
                    c.Send(m);
                }
            }
            """;

        var silent = new VerifyCS.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) };
        silent.WithGlobalConfig("build_property.IsTestProject = true");
        await silent.RunAsync();

        var optedIn = new VerifyCS.Test { TestCode = source };
        optedIn.WithGlobalConfig("build_property.IsTestProject = true");
        optedIn.WithEditorConfig("smtp_tls_analyzers.analyze_test_projects = true");
        optedIn.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
        await optedIn.RunAsync();
    }

    [Fact]
    public async Task WithoutSystemNetMail_NoDiagnostic()
    {
        const string source = """
            class SmtpClient { public bool EnableSsl { get; set; } }

            class Mailer
            {
                void Configure() { var c = new SmtpClient { EnableSsl = false }; }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailTypes();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_FalseWrittenAsTextWithOptionStrictOff_ReportsAndFixes()
    {
        const string source = """
            Option Strict Off
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Dim client As New SmtpClient("smtp.example.com", 587)
                    {|#0:client.EnableSsl = "False"|}
                    client.Send(m)
                End Sub
            End Module
            """;
        const string fixedSource = """
            Option Strict Off
            Imports System.Net.Mail

            Module Mailer
                Sub Send(m As MailMessage)
                    Dim client As New SmtpClient("smtp.example.com", 587)
                    client.EnableSsl = True
                    client.Send(m)
                End Sub
            End Module
            """;

        await FixSmtp001VB.VerifyCodeFixAsync(
            source,
            FixSmtp001VB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientEnableSslFalseCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_LocalInParentheses_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage)
                    Dim secure = False
                    Dim s As New SmtpClient("smtp.x.net", 587)
                    {|#0:s.EnableSsl = (secure)|}
                    s.Send(m)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"));
    }

    [Fact]
    public async Task VisualBasic_WithEventsInitializer_Reports()
    {
        // The compiler hands a WithEvents variable's initializer to no operation block action: it is read all the same.
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private WithEvents _client As New SmtpClient("smtp.x.net", 587) With {{|#0:.EnableSsl = False|}}

                Sub Send(m As MailMessage)
                    _client.SendAsync(m, Nothing)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"));
    }

    [Fact]
    public async Task VisualBasic_StatementAssignment_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage)
                    Dim s As New SmtpClient()
                    s.Host = "smtp.x.net"
                    s.Port = 587
                    {|#0:s.EnableSsl = False|}
                    s.Send(m)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"));
    }

    [Fact]
    public async Task VisualBasic_ObjectInitializerWithCredentials_ReportsSmtp001AndSmtp009()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Function Create(cred As NetworkCredential) As SmtpClient
                    Return New SmtpClient("smtp.x.com", 587) With {{|#0:.EnableSsl = False|}, {|#1:.Credentials = cred|}}
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(
            source,
            VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.com:587"),
            VerifyVB.Diagnostic("SMTP009").WithLocation(1).WithLocation(0).WithArguments("smtp.x.com:587", "EnableSsl is set to false"));
    }

    [Fact]
    public async Task VisualBasic_IdentifiersInAnotherCase_Reports()
    {
        const string source = """
            imports system.net.mail

            class Mailer
                sub Send(m as mailmessage)
                    using client as new smtpclient("smtp.x.net", 587)
                        {|#0:client.enablessl = false|}
                        client.send(m)
                    end using
                end sub
            end class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"));
    }

    [Fact]
    public async Task VisualBasic_ConstantFalse_Reports()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Private Const UseSsl As Boolean = False

                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.x.net", 587)
                        {|#0:client.EnableSsl = UseSsl|}
                        client.Send(m)
                    End Using
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"));
    }

    [Fact]
    public async Task VisualBasic_FalseInTheOtherArmOfAChoice_NoDiagnostic_DowngradeReported()
    {
        const string source = """
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, ssl As Boolean)
                    Dim c As New SmtpClient("smtp.example.com", 587)
                    If ssl Then
                        c.EnableSsl = True
                    Else
                        c.EnableSsl = False
                    End If
                    c.Send(m)
                End Sub

                Sub Retry(m As MailMessage)
                    Dim c As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                    Try
                        c.Send(m)
                    Catch ex As SmtpException
                        {|#0:c.EnableSsl = False|}
                        c.Send(m)
                    End Try
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source, VerifyVB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com:587"));
    }

    [Fact]
    public async Task VisualBasic_TrueOrSettingsValue_NoDiagnostic()
    {
        const string source = """
            Imports System.Net.Mail

            Namespace My
                Friend NotInheritable Class MySettings
                    Public Shared ReadOnly Property [Default] As MySettings = New MySettings()
                    Public Property UseSsl As Boolean
                End Class

                Friend Module MySettingsProperty
                    Friend ReadOnly Property Settings As MySettings
                        Get
                            Return MySettings.Default
                        End Get
                    End Property
                End Module
            End Namespace

            Class Mailer
                Sub Send(m As MailMessage)
                    Using client As New SmtpClient("smtp.x.net", 587)
                        client.EnableSsl = True
                        client.Send(m)
                    End Using

                    Using other As New SmtpClient("smtp.x.net", 587)
                        other.EnableSsl = My.Settings.UseSsl
                        other.Send(m)
                    End Using
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_StatementAndInitializer_FixAllSetsTrue()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Dim s As New SmtpClient("smtp.x.net", 587)
                    {|#0:s.EnableSsl = False|} ' no TLS
                    s.Send(m)
                    Dim t = New SmtpClient("smtp.x.com", 587) With {{|#1:.EnableSsl = False|}, .Credentials = cred}
                    t.Send(m)
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Mail

            Class Mailer
                Sub Send(m As MailMessage, cred As NetworkCredential)
                    Dim s As New SmtpClient("smtp.x.net", 587)
                    s.EnableSsl = True ' no TLS
                    s.Send(m)
                    Dim t = New SmtpClient("smtp.x.com", 587) With {.EnableSsl = True, .Credentials = cred}
                    t.Send(m)
                End Sub
            End Class
            """;

        await FixSmtp001VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                FixSmtp001VB.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.x.net:587"),
                FixSmtp001VB.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.x.com:587"),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientEnableSslFalseCodeFixProvider.Key);
    }

    #endregion
}
