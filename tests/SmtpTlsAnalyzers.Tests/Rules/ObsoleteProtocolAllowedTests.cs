using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.ObsoleteProtocolAllowedRule>,
    SmtpTlsAnalyzers.CodeFixes.Edits.ObsoleteTlsProtocolFixes>;
using VerifyObsoleteProtocolAllowedVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.ObsoleteProtocolAllowedRule>>;
using FixSmtp008VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.ObsoleteProtocolAllowedRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ObsoleteProtocolAllowedCodeFixProvider>;
using VisualBasicProtocolFixes = SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits.ObsoleteTlsProtocolFixes;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP008: an obsolete SSL/TLS version is allowed.</summary>
public class ObsoleteProtocolAllowedTests
{
    private const string MailKitSource = """
        using System.Security.Authentication;
        using MailKit.Net.Smtp;

        class Mailer
        {
            void Configure(SmtpClient client)
            {
                client.SslProtocols = {|#0:SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12|};
            }
        }
        """;

    [Fact]
    public async Task MailKitSslProtocols_DropsObsoleteFlags()
    {
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.SslProtocols = SslProtocols.Tls12;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            MailKitSource,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols", "SSL 3.0, TLS 1.0 and TLS 1.1", "are"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task MailKitSslProtocols_UsesSystemDefault()
    {
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.SslProtocols = SslProtocols.None;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            MailKitSource,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols", "SSL 3.0, TLS 1.0 and TLS 1.1", "are"),
            fixedSource,
            ObsoleteTlsProtocolFixes.UseSystemDefaultKey);
    }

    [Fact]
    public async Task ServicePointManagerOnlyObsolete_DropsToSystemDefault()
    {
        const string source = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "SSL 3.0 and TLS 1.0", "are"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task CompoundOrAssignment_DropRemovesStatementAndDefaultReplaces()
    {
        const string source = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol |= {|#0:SecurityProtocolType.Tls11|};
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string dropped = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string systemDefault = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        var expected = VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.1", "is");
        await VerifyCS.VerifyCodeFixAsync(source, expected, dropped, ObsoleteTlsProtocolFixes.DropObsoleteKey);
        await VerifyCS.VerifyCodeFixAsync(source, expected, systemDefault, ObsoleteTlsProtocolFixes.UseSystemDefaultKey);
    }

    [Fact]
    public async Task CurrentValueOrObsoleteFlag_ReportsAndFixes()
    {
        // `x = x | Tls11` is `x |= Tls11` written out.
        const string source = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = {|#0:ServicePointManager.SecurityProtocol | SecurityProtocolType.Tls11|};
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string dropped = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string systemDefault = """
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    ServicePointManager.Expect100Continue = false;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        var expected = VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.1", "is");
        await VerifyCS.VerifyCodeFixAsync(source, expected, dropped, ObsoleteTlsProtocolFixes.DropObsoleteKey);
        await VerifyCS.VerifyCodeFixAsync(source, expected, systemDefault, ObsoleteTlsProtocolFixes.UseSystemDefaultKey);
    }

    [Fact]
    public async Task CurrentValueOrObsoleteAndModernFlags_OffersOnlyTheSystemDefault()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
            #pragma warning disable SYSLIB0039
                    client.SslProtocols = {|#0:client.SslProtocols | SslProtocols.Tls11 | SslProtocols.Tls12|};
                    client.SslProtocols = client.SslProtocols | SslProtocols.Tls12;
            #pragma warning restore SYSLIB0039
                }
            }
            """;
        const string systemDefault = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
            #pragma warning disable SYSLIB0039
                    client.SslProtocols = SslProtocols.None;
                    client.SslProtocols = client.SslProtocols | SslProtocols.Tls12;
            #pragma warning restore SYSLIB0039
                }
            }
            """;

        var expected = VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols", "TLS 1.1", "is");
        await VerifyCS.VerifyCodeFixAsync(source, expected, source, ObsoleteTlsProtocolFixes.DropObsoleteKey);
        await VerifyCS.VerifyCodeFixAsync(source, expected, systemDefault, ObsoleteTlsProtocolFixes.UseSystemDefaultKey);
    }

    [Fact]
    public async Task IntegerCastAndUsingStaticAndInitializer_FixAll()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using static System.Security.Authentication.SslProtocols;

            class Reader
            {
                ImapClient Create(Pop3Client pop)
                {
                    pop.SslProtocols = {|#0:(SslProtocols)(192 | 3072)|};
                    return new ImapClient { SslProtocols = {|#1:Default|} };
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using static System.Security.Authentication.SslProtocols;

            class Reader
            {
                ImapClient Create(Pop3Client pop)
                {
                    pop.SslProtocols = Tls12;
                    return new ImapClient { SslProtocols = None };
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols", "TLS 1.0", "is"),
                VerifyCS.Diagnostic("SMTP008").WithLocation(1).WithArguments("SslProtocols", "SSL 3.0 and TLS 1.0", "are"),
            },
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task ModernOrUnknownOrOtherType_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class FtpClientOptions
            {
                public SslProtocols SslProtocols { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient a, SmtpClient b, SmtpClient c, FtpClientOptions ftp, SslProtocols fromConfig)
                {
                    a.SslProtocols = SslProtocols.None;
                    b.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    c.SslProtocols = fromConfig;
                    ftp.SslProtocols = SslProtocols.Tls;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HttpSslStreamParsedOrRemovingValues_NoDiagnostic()
    {
        // Other owners of SslProtocols, a value parsed from configuration, and `&= ~` that takes versions away.
        const string source = """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Clients
            {
                void Configure(SmtpClient client, string configured)
                {
            #pragma warning disable SYSLIB0039
                    var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls };
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls11 };
            #pragma warning restore SYSLIB0039
                    client.SslProtocols = (SslProtocols)Enum.Parse(typeof(SslProtocols), configured);
                    ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostOfSameClient_NoDiagnostic()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class DevMailer
            {
                void Send(SmtpClient client)
                {
                    client.SslProtocols = SslProtocols.Tls;
                    client.Connect("localhost", 25);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ServicePointManagerInProjectThatSendsNoMail_NoDiagnostic()
    {
        // System.Net.Mail can be used by every .NET project, and MailKit ignores SecurityProtocol on .NET: only HTTP reads it here.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            class Startup
            {
                void Configure() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
            }
            """);
    }

    [Fact]
    public async Task ServicePointManagerWithMailKitOnNetFramework_Reports()
    {
        // MailKit built for .NET Framework takes its default protocols from ServicePointManager.SecurityProtocol.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Tls11|};
                }
                """,
        };
        test.OnNetFramework48();
        test.TestState.AdditionalReferences.Add(TestReferences.MailKitNetFramework48());
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol", "TLS 1.1", "is"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TestProjectAndNoMailTypes_NoDiagnostic()
    {
        const string source = """
            using System.Net;

            class Startup
            {
                void Configure() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
            }
            """;

        var testProject = new VerifyCS.Test { TestCode = source };
        testProject.WithGlobalConfig("build_property.IsTestProject = true");
        await testProject.RunAsync(CancellationToken.None);

        var noMail = new VerifyCS.Test { TestCode = source };
        noMail.WithoutMailTypes();
        await noMail.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MaskChosenInSwitchStatementBranches_ReportsTheObsoleteBranchAndFixesIt()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, string setting)
                {
                    SslProtocols protocols;
                    switch (setting)
                    {
                        case "legacy":
                            protocols = {|#0:SslProtocols.Tls | SslProtocols.Tls12|};
                            break;
                        case "modern":
                            protocols = SslProtocols.Tls13;
                            break;
                        default:
                            protocols = SslProtocols.None;
                            break;
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, string setting)
                {
                    SslProtocols protocols;
                    switch (setting)
                    {
                        case "legacy":
                            protocols = SslProtocols.Tls12;
                            break;
                        case "modern":
                            protocols = SslProtocols.Tls13;
                            break;
                        default:
                            protocols = SslProtocols.None;
                            break;
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (on one path)", "TLS 1.0", "is"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task MaskOfReadonlyFieldChosenInConstructor_ReportsTheObsoleteBranchAndFixesIt()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private readonly SslProtocols _protocols;

                Mailer(bool legacy)
                {
                    if (legacy)
                        _protocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|};
                    else
                        _protocols = SslProtocols.Tls13;
                }

                void Configure(SmtpClient client) => client.SslProtocols = _protocols;
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private readonly SslProtocols _protocols;

                Mailer(bool legacy)
                {
                    if (legacy)
                        _protocols = SslProtocols.Tls12;
                    else
                        _protocols = SslProtocols.Tls13;
                }

                void Configure(SmtpClient client) => client.SslProtocols = _protocols;
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (on one path)", "TLS 1.1", "is"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task MaskBuiltWithOrInAHelperOrBehindAConditional_ReportsTheAddedFlagsAndFixesThem()
    {
        // A helper that maps a setting to a mask, returning the local it adds flags to (directly or through a
        // conditional), is read as the local is when assigned directly.
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy, bool oldest)
                {
                    client.SslProtocols = Convert(legacy);

                    var protocols = SslProtocols.None;
                    if (oldest)
                        protocols |= {|#1:SslProtocols.Tls|};
                    client.SslProtocols = protocols != SslProtocols.None ? protocols : SslProtocols.Tls12;
                }

                static SslProtocols Convert(bool legacy)
                {
                    var protocols = SslProtocols.Tls12;
                    if (legacy)
                        protocols |= {|#0:SslProtocols.Tls11|};
                    return protocols != SslProtocols.None ? protocols : SslProtocols.Tls12 | SslProtocols.Tls13;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy, bool oldest)
                {
                    client.SslProtocols = Convert(legacy);

                    var protocols = SslProtocols.None;
                    client.SslProtocols = protocols != SslProtocols.None ? protocols : SslProtocols.Tls12;
                }

                static SslProtocols Convert(bool legacy)
                {
                    var protocols = SslProtocols.Tls12;
                    return protocols != SslProtocols.None ? protocols : SslProtocols.Tls12 | SslProtocols.Tls13;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[]
            {
                VerifyCS.Diagnostic("SMTP008").WithLocation(1).WithArguments("SslProtocols (added to the mask)", "TLS 1.0", "is"),
                VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (added to the mask)", "TLS 1.1", "is"),
            },
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task ReadonlyFieldInitializerEveryConstructorReplaces_NoDiagnostic()
    {
        // The obsolete initializer is never read: the constructor writes the field on every path that goes on.
        const string source = """
            using System;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class MailService
            {
                private readonly SslProtocols _protocols = SslProtocols.Tls11 | SslProtocols.Tls12;

                public MailService(string version)
                {
                    switch (version)
                    {
                        case "1.2":
                            _protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                            break;
                        case "1.3":
                            _protocols = SslProtocols.Tls13;
                            break;
                        default:
                            throw new ArgumentOutOfRangeException(nameof(version));
                    }
                }

                public void Configure(SmtpClient client) => client.SslProtocols = _protocols;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MaskChosenBySwitchExpression_ReportsTheObsoleteArm()
    {
        const string source = """
            using System.Net;

            class Setup
            {
                void Configure(int level)
                {
                    var protocol = level switch
                    {
                        0 => {|#0:SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls|},
                        1 => {|#1:SecurityProtocolType.Tls11|},
                        _ => SecurityProtocolType.Tls12,
                    };
                    ServicePointManager.SecurityProtocol = protocol;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("ServicePointManager.SecurityProtocol (on one path)", "SSL 3.0 and TLS 1.0", "are"),
            VerifyCS.Diagnostic("SMTP008").WithLocation(1).WithArguments("ServicePointManager.SecurityProtocol (on one path)", "TLS 1.1", "is"));
    }

    [Fact]
    public async Task MaskChosenOnPathsThatAreAllModern_NoDiagnostic()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool strict)
                {
                    var protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (strict)
                    {
                        protocols = SslProtocols.Tls13;
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MaskExtendedWithOrOnOnePath_ReportsTheAddedFlagsAndFixesThem()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy, string minimum)
                {
                    var protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (legacy)
                    {
                        protocols |= {|#0:SslProtocols.Tls11|};
                    }

                    client.SslProtocols = protocols;
                }

                void Hardened(SmtpClient client, bool legacy)
                {
                    var protocols = SslProtocols.Tls11 | SslProtocols.Tls12;
                    if (!legacy)
                    {
                        protocols &= ~SslProtocols.Tls11;
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy, string minimum)
                {
                    var protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

                    client.SslProtocols = protocols;
                }

                void Hardened(SmtpClient client, bool legacy)
                {
                    var protocols = SslProtocols.Tls11 | SslProtocols.Tls12;
                    if (!legacy)
                    {
                        protocols &= ~SslProtocols.Tls11;
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (added to the mask)", "TLS 1.1", "is"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task MaskExtendedByAssigningItsOwnValueWithFlags_ReportsTheAddedFlagsAndFixesThem()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy)
                {
                    var protocols = SslProtocols.Tls12;
                    if (legacy)
                    {
                        protocols = {|#0:protocols | SslProtocols.Tls11|};
                    }

                    client.SslProtocols = protocols;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy)
                {
                    var protocols = SslProtocols.Tls12;

                    client.SslProtocols = protocols;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            VerifyCS.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (added to the mask)", "TLS 1.1", "is"),
            fixedSource,
            ObsoleteTlsProtocolFixes.DropObsoleteKey);
    }

    [Fact]
    public async Task MaskLocalPassedByReference_NoDiagnostic()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy)
                {
                    // Adjust may replace the mask: the value assigned below is not the one written here.
                    var protocols = legacy ? SslProtocols.Tls11 : SslProtocols.Tls13;
                    Adjust(ref protocols);
                    client.SslProtocols = protocols;
                }

                static void Adjust(ref SslProtocols protocols) => protocols = SslProtocols.Tls12;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_OrOfObsoleteVersions_Reports()
    {
        const string source = """
            Imports System.Net
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    ServicePointManager.SecurityProtocol = {|#1:SecurityProtocolType.Ssl3 Or SecurityProtocolType.Tls|}
                    Using client As New SmtpClient()
                        client.SslProtocols = {|#0:SslProtocols.Tls Or SslProtocols.Tls11|}
                        client.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13
                    End Using
                End Sub
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await VerifyObsoleteProtocolAllowedVB.VerifyAnalyzerAsync(
            source,
            VerifyObsoleteProtocolAllowedVB.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols", "TLS 1.0 and TLS 1.1", "are"),
            VerifyObsoleteProtocolAllowedVB.Diagnostic("SMTP008").WithLocation(1).WithArguments("ServicePointManager.SecurityProtocol", "SSL 3.0 and TLS 1.0", "are"));
    }

    [Fact]
    public async Task VisualBasic_MaskExtendedWithOrOnOnePath_Reports()
    {
        // Visual Basic has no Or=: the mask is extended as `p = p Or flag`.
        const string source = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, legacy As Boolean)
                    Dim p = SslProtocols.Tls12
                    If legacy Then p = {|#0:p Or SslProtocols.Tls11|}
                    client.SslProtocols = p
                End Sub
            End Class
            """;

        await VerifyObsoleteProtocolAllowedVB.VerifyAnalyzerAsync(
            source,
            VerifyObsoleteProtocolAllowedVB.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (added to the mask)", "TLS 1.1", "is"));
    }

    [Fact]
    public async Task VisualBasic_MaskBuiltInAHelper_Reports()
    {
        const string source = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, legacy As Boolean)
                    client.SslProtocols = Convert(legacy)
                End Sub

                Private Shared Function Convert(legacy As Boolean) As SslProtocols
                    Dim p = SslProtocols.Tls12
                    If legacy Then p = {|#0:p Or SslProtocols.Tls11|}
                    Return If(p <> SslProtocols.None, p, SslProtocols.Tls12)
                End Function
            End Class
            """;

        await VerifyObsoleteProtocolAllowedVB.VerifyAnalyzerAsync(
            source,
            VerifyObsoleteProtocolAllowedVB.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (added to the mask)", "TLS 1.1", "is"));
    }

    [Fact]
    public async Task VisualBasic_MaskContinuedOnTheNextLine_ReportedOnItsFirstLineAndFixed()
    {
        const string source = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                    client.SslProtocols = {|#0:SslProtocols.Tls11|} _
                        Or SslProtocols.Tls12
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                    client.SslProtocols = SslProtocols.Tls12
                End Sub
            End Class
            """;

        await FixSmtp008VB.VerifyCodeFixAsync(source, VisualBasicSmtp008(0, "SslProtocols", "TLS 1.1", "is"), fixedSource);
    }

    [Fact]
    public async Task VisualBasic_MaskNarrowedWithAndNot_NoDiagnostic()
    {
        // `p = p And Not flag` is Visual Basic's `&= ~flag`: the mask may no longer hold what was added.
        const string source = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, legacy As Boolean, strict As Boolean)
                    Dim p = SslProtocols.Tls12
                    If legacy Then p = p Or SslProtocols.Tls11
                    If strict Then p = p And Not SslProtocols.Tls11
                    client.SslProtocols = p
                End Sub
            End Class
            """;

        await VerifyObsoleteProtocolAllowedVB.VerifyAnalyzerAsync(source);
    }

    private const string VisualBasicSecurityProtocol = "ServicePointManager.SecurityProtocol";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult VisualBasicSmtp008(int location, string target, string versions, string verb = "are") =>
        FixSmtp008VB.Diagnostic("SMTP008").WithLocation(location).WithArguments(target, versions, verb);

    [Fact]
    public async Task VisualBasic_OrOfObsoleteVersions_FixAllKeepsTheModernFlags()
    {
        const string source = """
            Imports System.Net
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Ssl3 Or SecurityProtocolType.Tls|} ' legacy relay
                    Using client As New SmtpClient()
                        client.SslProtocols = {|#1:SslProtocols.Tls Or SslProtocols.Tls11|}
                    End Using
                    Using other As New SmtpClient()
                        other.SslProtocols = {|#2:SslProtocols.Tls11 Or SslProtocols.Tls12 Or SslProtocols.Tls13|}
                    End Using
                End Sub
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault ' legacy relay
                    Using client As New SmtpClient()
                        client.SslProtocols = SslProtocols.None
                    End Using
                    Using other As New SmtpClient()
                        other.SslProtocols = SslProtocols.Tls12 Or SslProtocols.Tls13
                    End Using
                End Sub
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp008VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                VisualBasicSmtp008(0, VisualBasicSecurityProtocol, "SSL 3.0 and TLS 1.0"),
                VisualBasicSmtp008(1, "SslProtocols", "TLS 1.0 and TLS 1.1"),
                VisualBasicSmtp008(2, "SslProtocols", "TLS 1.1", "is"),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ObsoleteProtocolAllowedCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_WithMemberAndIntegerCast_UseSystemDefaultKeepsNamespaceQualification()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Function Create() As SmtpClient
                    System.Net.ServicePointManager.SecurityProtocol = {|#0:CType(3072 Or 768, System.Net.SecurityProtocolType)|}
                    Return New SmtpClient With {.Timeout = 5000, .SslProtocols = {|#1:System.Security.Authentication.SslProtocols.Tls11 Or System.Security.Authentication.SslProtocols.Tls12|}}
                End Function
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Function Create() As SmtpClient
                    System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.SystemDefault
                    Return New SmtpClient With {.Timeout = 5000, .SslProtocols = System.Security.Authentication.SslProtocols.None}
                End Function
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp008VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                VisualBasicSmtp008(0, VisualBasicSecurityProtocol, "TLS 1.1", "is"),
                VisualBasicSmtp008(1, "SslProtocols", "TLS 1.1", "is"),
            },
            fixedSource,
            VisualBasicProtocolFixes.UseSystemDefaultKey);
    }

    [Fact]
    public async Task VisualBasic_CurrentValueOrObsoleteFlag_FixRemovesTheStatement()
    {
        const string source = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    ServicePointManager.SecurityProtocol = {|#0:ServicePointManager.SecurityProtocol Or SecurityProtocolType.Tls11|}
                    ServicePointManager.Expect100Continue = False
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    ServicePointManager.Expect100Continue = False
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp008VB.VerifyCodeFixAsync(
            source,
            VisualBasicSmtp008(0, VisualBasicSecurityProtocol, "TLS 1.1", "is"),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ObsoleteProtocolAllowedCodeFixProvider.Key);
    }

    /// <summary>A flag chosen inside <c>If(...)</c> is reported where it is written; the code there is left to the user, as in C#.</summary>
    [Fact]
    public async Task VisualBasic_FlagInsideIfOperator_OffersNoFix()
    {
        const string source = """
            Imports System.Security.Authentication
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(legacy As Boolean)
                    Using client As New SmtpClient()
                        client.SslProtocols = If(legacy, {|#0:SslProtocols.Tls|}, SslProtocols.Tls12)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp008VB.VerifyCodeFixAsync(source, VisualBasicSmtp008(0, "SslProtocols (on one path)", "TLS 1.0", "is"), source);
    }

    /// <summary>Option Strict Off converts an Integer to the enum implicitly; the fix writes the named flags.</summary>
    [Fact]
    public async Task VisualBasic_OptionStrictOffIntegerValue_DropsTheObsoleteBits()
    {
        const string source = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    ServicePointManager.SecurityProtocol = {|#0:3072 Or 768|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        var test = new FixSmtp008VB.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.ObsoleteProtocolAllowedCodeFixProvider.Key,
            OptionStrict = Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off,
        };
        test.ExpectedDiagnostics.Add(VisualBasicSmtp008(0, VisualBasicSecurityProtocol, "TLS 1.1", "is"));
        await test.RunAsync(CancellationToken.None);
    }

    #endregion
}
