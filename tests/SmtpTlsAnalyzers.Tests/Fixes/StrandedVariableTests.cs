using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using FixSmtp001 = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.SmtpClientEnableSslFalseRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.SmtpClientEnableSslFalseCodeFixProvider>;
using FixSmtp003 = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitConnectionWithoutTlsRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.MailKitConnectionWithoutTlsCodeFixProvider>;
using FixSmtp004 = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitStrippableStartTlsRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.MailKitStrippableStartTlsCodeFixProvider>;
using FixSmtp007 = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.CertificateRevocationOffRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.CertificateRevocationOffCodeFixProvider>;
using FixSmtp013 = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.TlsLeftToConfigurationRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.TlsLeftToConfigurationCodeFixProvider>;
using FixSmtp004VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitStrippableStartTlsRule>,
    SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Fixes;

/// <summary>
/// A fix that stops reading a local, or a private field, whose every write is a constant removes it and those writes:
/// left behind, it is assigned and never read, which the compiler warns about (CS0219, CS0414), and a project that
/// treats warnings as errors does not build. The fixed code is checked for compiler warnings as well as errors.
/// </summary>
public class StrandedVariableTests
{
    [Fact]
    public async Task ModeLocalReadOnlyByTheConnection_IsRemovedWithTheArgument()
    {
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        // the relay of the test environment
                        var options = SecureSocketOptions.None;
                        client.Connect("smtp.x.com", 587, {|#0:options|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task ConditionLocalThatPickedTheBranch_IsRemovedWithTheConditional()
    {
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var ssl = false;
                        client.Connect("smtp.x.com", 587, {|#0:ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task ModeLocalWrittenTwice_EveryWriteIsRemoved()
    {
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client, bool retry)
                    {
                        SecureSocketOptions options;
                        options = SecureSocketOptions.None;
                        if (retry)
                        {
                            options = SecureSocketOptions.None;
                        }

                        client.Connect("smtp.x.com", 25, {|#0:options|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client, bool retry)
                    {
                        if (retry)
                        {
                        }

                        client.Connect("smtp.x.com", 25, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:25", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task ModeLocalOfTwoConnections_IsRemovedWithTheSecondFixAndByFixAll()
    {
        // One fix at a time, the first leaves the local read by the other connection; Fix All fixes both at once.
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient first, SmtpClient second)
                    {
                        var options = SecureSocketOptions.None;
                        first.Connect("smtp.x.com", 587, {|#0:options|});
                        second.Connect("smtp.y.com", 587, {|#1:options|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient first, SmtpClient second)
                    {
                        first.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                        second.Connect("smtp.y.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"),
            FixSmtp003.Diagnostic("SMTP003").WithLocation(1).WithArguments("smtp.y.com:587", "SecureSocketOptions.None").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task ModeLocalReadElsewhere_IsKept()
    {
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using System;
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var options = SecureSocketOptions.None;
                        Console.WriteLine(options);
                        client.Connect("smtp.x.com", 587, {|#0:options|});
                    }
                }
                """,
            """
                using System;
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var options = SecureSocketOptions.None;
                        Console.WriteLine(options);
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task UseSslFlagLocal_IsRemovedWhenTheModeReplacesIt()
    {
        await RunAsync(
            new FixSmtp004.Test(),
            """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        bool useSsl = false, verbose = true;
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|});
                        System.Console.WriteLine(verbose);
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        bool verbose = true;
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                        System.Console.WriteLine(verbose);
                    }
                }
                """,
            SmtpTlsAnalyzers.CodeFixes.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task EnableSslLocal_IsRemovedWhenTheAssignmentBecomesTrue()
    {
        await RunAsync(
            new FixSmtp001.Test(),
            """
                using System.Net.Mail;

                class Mailer
                {
                    void Send(MailMessage message)
                    {
                        var secure = false;
                        var client = new SmtpClient("smtp.example.com");
                        {|#0:client.EnableSsl = secure|};
                        client.Send(message);
                    }
                }
                """,
            """
                using System.Net.Mail;

                class Mailer
                {
                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        client.EnableSsl = true;
                        client.Send(message);
                    }
                }
                """,
            null,
            FixSmtp001.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task RevocationLocal_IsRemovedWithTheAssignment()
    {
        await RunAsync(
            new FixSmtp007.Test(),
            """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var check = false;
                        {|#0:client.CheckCertificateRevocation = check|};
                        client.Connect("smtp.x.com", 465, MailKit.Security.SecureSocketOptions.SslOnConnect);
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        client.CheckCertificateRevocation = true;
                        client.Connect("smtp.x.com", 465, MailKit.Security.SecureSocketOptions.SslOnConnect);
                    }
                }
                """,
            null,
            FixSmtp007.Diagnostic("SMTP007").WithLocation(0).WithArguments("CheckCertificateRevocation", "server"));
    }

    [Fact]
    public async Task LocalWrittenFromAField_IsKept()
    {
        // Only constant writes are taken out: the compiler does not warn about another value, which may do something.
        await RunAsync(
            new FixSmtp004.Test(),
            """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    private static readonly bool Plain = false;

                    void Send(SmtpClient client)
                    {
                        var useSsl = Plain;
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    private static readonly bool Plain = false;

                    void Send(SmtpClient client)
                    {
                        var useSsl = Plain;
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            SmtpTlsAnalyzers.CodeFixes.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task VisualBasicFlagLocal_IsRemovedWhenTheModeReplacesIt()
    {
        await RunAsync(
            new FixSmtp004VB.Test(),
            """
                Imports MailKit.Net.Smtp

                Class Mailer
                    Sub Send(client As SmtpClient)
                        Dim useSsl As Boolean = False
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|})
                    End Sub
                End Class
                """,
            """
                Imports MailKit.Net.Smtp
                Imports MailKit.Security

                Class Mailer
                    Sub Send(client As SmtpClient)
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls)
                    End Sub
                End Class
                """,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004VB.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task TwoLocalsOfOneDeclaration_FixAllFixesBothCallsAndRemovesTheDeclaration()
    {
        // Each fix alone removes its own declarator. The IDE's Fix All (the test library's, which names a key) merges
        // the fixes with their cleanups: the two removals overlap at the comma, one fix is left for a second run.
        var test = new FixSmtp003.Test { NumberOfFixAllIterations = 2 };
        await RunAsync(
            test,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient first, SmtpClient second)
                    {
                        SecureSocketOptions a = SecureSocketOptions.None, b = SecureSocketOptions.None;
                        first.Connect("smtp.x.com", 587, {|#0:a|});
                        second.Connect("smtp.y.com", 587, {|#1:b|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient first, SmtpClient second)
                    {
                        first.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                        second.Connect("smtp.y.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"),
            FixSmtp003.Diagnostic("SMTP003").WithLocation(1).WithArguments("smtp.y.com:587", "SecureSocketOptions.None").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task TwoLocalsOfOneDeclaration_FixAllWithoutAKey_FixesBothAndRemovesTheDeclarationInOneRun()
    {
        // `dotnet format` starts Fix All with no key: the fixes are merged first, and the cleanup runs once.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient first, SmtpClient second)
                {
                    SecureSocketOptions a = SecureSocketOptions.None, b = SecureSocketOptions.None;
                    first.Connect("smtp.x.com", 587, a);
                    second.Connect("smtp.y.com", 587, b);
                }
            }
            """;
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var references = (await TestReferences.Net80.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var document = workspace.AddProject("Mail", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(references)
            .AddDocument("Mailer.cs", source, filePath: "/Mailer.cs");
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RuleAnalyzer<MailKitConnectionWithoutTlsRule>()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Equal(2, diagnostics.Length);

        var provider = new SmtpTlsAnalyzers.CodeFixes.Rules.MailKitConnectionWithoutTlsCodeFixProvider();
        var context = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
            document, provider, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document, null!, new[] { "SMTP003" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
        var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;

        Assert.Equal(
            """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient first, SmtpClient second)
                {
                    first.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    second.Connect("smtp.y.com", 587, SecureSocketOptions.StartTls);
                }
            }
            """,
            (await changed.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task LocalNearConditionalCodeOrASectionComment_IsKept()
    {
        // Code under #if that this build leaves out may read the local, and a comment after which a blank line
        // follows is about more than the declaration: the fix leaves both as they are (and the compiler's warning of
        // this build, which a LEGACY build would not give).
        await RunAsync(
            new FixSmtp003.Test(),
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var options = SecureSocketOptions.None;
                #if LEGACY
                        System.Console.WriteLine(options);
                #endif
                        client.Connect("smtp.x.com", 587, {|#0:options|});
                    }

                    void Relay(SmtpClient client)
                    {
                        // Relay

                        var options = SecureSocketOptions.None;
                        client.Connect("relay.x.com", 587, {|#1:options|});
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var options = SecureSocketOptions.None;
                #if LEGACY
                        System.Console.WriteLine(options);
                #endif
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    }

                    void Relay(SmtpClient client)
                    {
                        // Relay

                        var options = SecureSocketOptions.None;
                        client.Connect("relay.x.com", 587, SecureSocketOptions.StartTls);
                    }
                }
                """,
            null,
            new[]
            {
                Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"),
                FixSmtp003.Diagnostic("SMTP003").WithLocation(1).WithArguments("relay.x.com:587", "SecureSocketOptions.None").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            },
            new[] { Unread("options", 8, 13), Unread("options", 19, 13) });
    }

    [Fact]
    public async Task LocalWrittenInAnExpressionBodiedLocalFunction_IsKept()
    {
        // The local function's write is not a statement that can be removed: the fix leaves the local, and the
        // compiler's warning with it.
        await RunAsync(
            new FixSmtp013.Test(),
            """
                using MailKit.Net.Smtp;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var useSsl = false;
                        Reset();
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|});

                        void Reset() => useSsl = false;
                    }
                }
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                class Mailer
                {
                    void Send(SmtpClient client)
                    {
                        var useSsl = false;
                        Reset();
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);

                        void Reset() => useSsl = false;
                    }
                }
                """,
            SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes.UseStartTlsKey,
            new[] { Expected(FixSmtp013.Diagnostic("SMTP013"), "useSsl comes from a value the code does not fix, and useSsl: false means STARTTLS only when the server offers it") },
            new[] { Unread("useSsl", 8, 13) });
    }

    [Fact]
    public async Task TopLevelStatements_TheDeclarationIsRemoved()
    {
        var test = new FixSmtp003.Test();
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await RunAsync(
            test,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                var options = SecureSocketOptions.None;
                using var client = new SmtpClient();
                client.Connect("smtp.x.com", 587, {|#0:options|});
                """,
            """
                using MailKit.Net.Smtp;
                using MailKit.Security;
                using var client = new SmtpClient();
                client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                """,
            null,
            Expected(FixSmtp003.Diagnostic("SMTP003"), "smtp.x.com:587", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task VisualBasicWriteInASingleLineIf_IsKept()
    {
        // Taking `useSsl = False` out of `If retry Then useSsl = False` would take its line break along and join the
        // next line to the If.
        await RunAsync(
            new FixSmtp004VB.Test(),
            """
                Imports MailKit.Net.Smtp

                Class Mailer
                    Sub Send(client As SmtpClient, retry As Boolean)
                        Dim useSsl As Boolean = False
                        If retry Then useSsl = False
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|})
                    End Sub
                End Class
                """,
            """
                Imports MailKit.Net.Smtp
                Imports MailKit.Security

                Class Mailer
                    Sub Send(client As SmtpClient, retry As Boolean)
                        Dim useSsl As Boolean = False
                        If retry Then useSsl = False
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls)
                    End Sub
                End Class
                """,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004VB.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    /// <summary>Runs one fix, one at a time and as Fix All; the fixed code is checked for warnings too.</summary>
    [Fact]
    public async Task PrivateFieldReadOnlyByTheSetting_IsRemovedWithItsWrites()
    {
        await RunAsync(
            new FixSmtp001.Test(),
            """
                using System.Net.Mail;

                class Mailer
                {
                    private static readonly bool s_tls = false;
                    private readonly int _timeout = 5000;

                    static Mailer()
                    {
                        s_tls = false;
                    }

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com") { Timeout = _timeout };
                        {|#0:client.EnableSsl = Mailer.s_tls|};
                        client.Send(message);
                    }
                }
                """,
            """
                using System.Net.Mail;

                class Mailer
                {
                    private readonly int _timeout = 5000;

                    static Mailer()
                    {
                    }

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com") { Timeout = _timeout };
                        client.EnableSsl = true;
                        client.Send(message);
                    }
                }
                """,
            null,
            FixSmtp001.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task PrivateFieldOfSeveralInOneDeclaration_OnlyItIsRemoved()
    {
        await RunAsync(
            new FixSmtp001.Test(),
            """
                using System.Net.Mail;

                class Mailer
                {
                    private static readonly bool s_tls = false, s_log = true;

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        {|#0:client.EnableSsl = s_tls|};
                        System.Console.WriteLine(s_log);
                        client.Send(message);
                    }
                }
                """,
            """
                using System.Net.Mail;

                class Mailer
                {
                    private static readonly bool s_log = true;

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        client.EnableSsl = true;
                        System.Console.WriteLine(s_log);
                        client.Send(message);
                    }
                }
                """,
            null,
            FixSmtp001.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"));
    }

    [Fact]
    public async Task PrivateFieldReadElsewhereNamedInADocumentationCommentOrNotPrivate_IsKept()
    {
        await RunAsync(
            new FixSmtp001.Test(),
            """
                using System.Net.Mail;

                class Mailer
                {
                    private static readonly bool s_tls = false;
                    private static readonly bool s_documented = false;
                    internal static readonly bool Shared = false;

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        {|#0:client.EnableSsl = s_tls|};
                        System.Console.WriteLine(s_tls);
                        client.Send(message);
                    }

                    /// <summary>Set by <see cref="s_documented"/>.</summary>
                    void SendDocumented(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        {|#1:client.EnableSsl = s_documented|};
                        client.Send(message);
                    }

                    void SendShared(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        {|#2:client.EnableSsl = Shared|};
                        client.Send(message);
                    }
                }
                """,
            """
                using System.Net.Mail;

                class Mailer
                {
                    private static readonly bool s_tls = false;
                    private static readonly bool s_documented = false;
                    internal static readonly bool Shared = false;

                    void Send(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        client.EnableSsl = true;
                        System.Console.WriteLine(s_tls);
                        client.Send(message);
                    }

                    /// <summary>Set by <see cref="s_documented"/>.</summary>
                    void SendDocumented(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        client.EnableSsl = true;
                        client.Send(message);
                    }

                    void SendShared(MailMessage message)
                    {
                        var client = new SmtpClient("smtp.example.com");
                        client.EnableSsl = true;
                        client.Send(message);
                    }
                }
                """,
            null,
            new[]
            {
                FixSmtp001.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"),
                FixSmtp001.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com"),
                FixSmtp001.Diagnostic("SMTP001").WithLocation(2).WithArguments("smtp.example.com"),
            },
            new[]
            {
                // A documentation reference does not read the field, but removing the field would leave it pointing
                // nowhere: the field stays, and so does the compiler's warning.
                DiagnosticResult.CompilerWarning("CS0414").WithSpan(6, 34, 6, 46).WithArguments("Mailer.s_documented"),
            });
    }

    [Fact]
    public async Task PrivateFieldNamedInAStringOrUnderASectionComment_IsKept()
    {
        // A string may name the field for reflection; a comment set apart above it heads a section of fields.
        const string source = """
            using System.Net.Mail;
            using System.Reflection;

            class Mailer
            {
                private static readonly bool s_tls = false;

                // ---- Settings of the test relay ----

                private static readonly bool s_relayTls = false;

                public static object Probe() => typeof(Mailer).GetField("s_tls", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

                void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com");
                    {|#0:client.EnableSsl = s_tls|};
                    client.Send(message);
                }

                void SendToRelay(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com");
                    {|#1:client.EnableSsl = s_relayTls|};
                    client.Send(message);
                }
            }
            """;
        await RunAsync(
            new FixSmtp001.Test(),
            source,
            source.Replace("{|#0:client.EnableSsl = s_tls|}", "client.EnableSsl = true").Replace("{|#1:client.EnableSsl = s_relayTls|}", "client.EnableSsl = true"),
            null,
            new[]
            {
                FixSmtp001.Diagnostic("SMTP001").WithLocation(0).WithArguments("smtp.example.com"),
                FixSmtp001.Diagnostic("SMTP001").WithLocation(1).WithArguments("smtp.example.com"),
            },
            new[]
            {
                // Both stay, with the compiler's warning: a string or a comment above says more than the compiler knows.
                DiagnosticResult.CompilerWarning("CS0414").WithSpan(6, 34, 6, 39).WithArguments("Mailer.s_tls"),
                DiagnosticResult.CompilerWarning("CS0414").WithSpan(10, 34, 10, 44).WithArguments("Mailer.s_relayTls"),
            });
    }

    [Fact]
    public async Task VisualBasicPrivateFieldReadElsewhere_IsKept()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Private Shared ReadOnly UseSsl As Boolean = False

                Sub Send(client As SmtpClient)
                    client.Connect("smtp.x.com", 587, {|#0:UseSsl|})
                End Sub

                Function Describe() As String
                    Return "TLS: " & UseSsl.ToString()
                End Function
            End Class
            """;
        await RunAsync(
            new FixSmtp004VB.Test(),
            source,
            """
                Imports MailKit.Net.Smtp
                Imports MailKit.Security

                Class Mailer
                    Private Shared ReadOnly UseSsl As Boolean = False

                    Sub Send(client As SmtpClient)
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls)
                    End Sub

                    Function Describe() As String
                        Return "TLS: " & UseSsl.ToString()
                    End Function
                End Class
                """,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004VB.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    [Fact]
    public async Task VisualBasicPrivateField_IsRemovedWhenTheModeReplacesIt()
    {
        await RunAsync(
            new FixSmtp004VB.Test(),
            """
                Imports MailKit.Net.Smtp

                Class Mailer
                    Private Shared ReadOnly UseSsl As Boolean = False
                    Private ReadOnly _timeout As Integer = 5000

                    Sub Send(client As SmtpClient)
                        client.Timeout = _timeout
                        client.Connect("smtp.x.com", 587, {|#0:useSsl|})
                    End Sub
                End Class
                """,
            """
                Imports MailKit.Net.Smtp
                Imports MailKit.Security

                Class Mailer
                    Private ReadOnly _timeout As Integer = 5000

                    Sub Send(client As SmtpClient)
                        client.Timeout = _timeout
                        client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls)
                    End Sub
                End Class
                """,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitStrippableStartTlsCodeFixProvider.Key,
            Expected(FixSmtp004VB.Diagnostic("SMTP004"), "smtp.x.com:587", "useSsl: false (STARTTLS when available)"));
    }

    private static Task RunAsync(CodeFixTest<DefaultVerifier> test, string source, string fixedSource, string? key, params DiagnosticResult[] expected) =>
        RunAsync(test, source, fixedSource, key, expected, System.Array.Empty<DiagnosticResult>());

    /// <summary>The same, with the compiler warnings the fixed code is expected to keep.</summary>
    private static Task RunAsync(CodeFixTest<DefaultVerifier> test, string source, string fixedSource, string? key, DiagnosticResult[] expected, DiagnosticResult[] fixedWarnings)
    {
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = key;
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(fixedWarnings);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Unread(string local, int line, int column) =>
        DiagnosticResult.CompilerWarning("CS0219").WithSpan(line, column, line, column + local.Length).WithArguments(local);

    private static DiagnosticResult Expected(DiagnosticResult result, params object[] arguments) =>
        result.WithLocation(0).WithArguments(arguments).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
