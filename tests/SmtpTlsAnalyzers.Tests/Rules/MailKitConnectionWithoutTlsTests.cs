using System.Threading;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes>;
using VerifyMailKitVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;
using FixSmtp003VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.MailKitConnectionWithoutTlsRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitConnectionWithoutTlsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP003: a MailKit connection that does not use TLS.</summary>
public class MailKitConnectionWithoutTlsTests
{
    [Fact]
    public async Task Pop3None_ReportsAndFixesWithStartTls()
    {
        const string source = """
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(string u, string p)
                {
                    using var pop = new Pop3Client();
                    pop.Connect("mail.x.com", 110, {|#0:SecureSocketOptions.None|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                void Read(string u, string p)
                {
                    using var pop = new Pop3Client();
                    pop.Connect("mail.x.com", 110, SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "mail.x.com:110", "SecureSocketOptions.None") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task ConditionTheCodeFixes_PicksItsBranch()
    {
        // `ssl` is false on every path: the conditional gives None, not a mode that depends on configuration.
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                private static readonly bool Ssl = true;

                void Read(ImapClient client)
                {
                    var ssl = false;
                    client.Connect("mail.x.com", 143, {|#0:ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None|});
                    client.Connect("mail.x.com", 993, Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                private static readonly bool Ssl = true;

                void Read(ImapClient client)
                {
                    var ssl = false;
                    client.Connect("mail.x.com", 143, SecureSocketOptions.StartTls);
                    client.Connect("mail.x.com", 993, Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None);
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "mail.x.com:143", "SecureSocketOptions.None") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task NoneOnAPortChosenBetweenTwoNumbers_FixChoosesTheModeTheSameWay()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool useSubmission) => c.Connect("smtp.example.com", useSubmission ? 587 : 465, {|#0:SecureSocketOptions.None|});
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "smtp.example.com", "SecureSocketOptions.None") },
            source.Replace("{|#0:SecureSocketOptions.None|}", "useSubmission ? SecureSocketOptions.StartTls : SecureSocketOptions.SslOnConnect", System.StringComparison.Ordinal),
            MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task ImapNoneOnImplicitPort_ReportsSmtp003FirstAndFixesWithSslOnConnect()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                Task Read(IImapClient imap) => imap.ConnectAsync("imap.x.com", 993, {|#0:SecureSocketOptions.None|});
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                Task Read(IImapClient imap) => imap.ConnectAsync("imap.x.com", 993, SecureSocketOptions.SslOnConnect);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "imap.x.com:993", "SecureSocketOptions.None") },
            fixedSource,
            MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task NoneOnLiteralPort_SecondActionSwitchesToImplicitTls()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client) => client.Connect("smtp.x.com", 25, {|#0:SecureSocketOptions.None|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client) => client.Connect("smtp.x.com", 465, SecureSocketOptions.SslOnConnect);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "smtp.x.com:25", "SecureSocketOptions.None") },
            fixedSource,
            MailKitConnectFixes.UseSslOnConnectOnImplicitPortKey);
    }

    [Fact]
    public async Task NoneThroughLocalAndReadonlyField_Reports()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private static readonly SecureSocketOptions Mode = SecureSocketOptions.None;

                void Send(SmtpClient client, string host, int port)
                {
                    var options = SecureSocketOptions.None;
                    client.Connect(host, port, {|#0:options|});
                    client.Connect(host, port, {|#1:Mode|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP003", 0, "the server", "SecureSocketOptions.None"),
            Diagnostic("SMTP003", 1, "the server", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task ReadonlyFieldSetToNoneInConstructor_ReportsAndFixesTheConnection()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly SecureSocketOptions _mode;

                public Mailer() { _mode = SecureSocketOptions.None; }

                void Send(SmtpClient client) => client.Connect("smtp.x.com", 587, {|#0:_mode|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly SecureSocketOptions _mode;

                public Mailer() { _mode = SecureSocketOptions.None; }

                void Send(SmtpClient client) => client.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP003", 0, "smtp.x.com:587", "SecureSocketOptions.None") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task NoneOnEveryArmOfASwitch_Reports()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, string stage)
                {
                    var options = stage switch
                    {
                        "dev" => SecureSocketOptions.None,
                        _ => SecureSocketOptions.None,
                    };
                    client.Connect("smtp.example.com", 25, {|#0:options|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP003", 0, "smtp.example.com:25", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task UriWithStartTlsNever_ReportsAndFixes()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect({|#0:new Uri("smtp://x:25/?starttls=never")|});
                    client.Connect({|#1:new Uri("smtp://x:465/?starttls=no")|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    client.Connect(new Uri("smtp://x:25/?starttls=always"));
                    client.Connect(new Uri("smtps://x:465/?starttls=no"));
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP003", 0, "x:25", "starttls=never in the Uri"),
                Diagnostic("SMTP003", 1, "x:465", "starttls=no in the Uri"),
            },
            fixedSource,
            MailKitConnectFixes.RewriteUriKey);
    }

    [Fact]
    public async Task UriFromLocal_ReportsWithoutFix()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            class Reader
            {
                void Read(ImapClient imap)
                {
                    var uri = new Uri("IMAP://imap.x.com/?StartTls=FALSE");
                    imap.Connect({|#0:uri|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP003", 0, "imap.x.com:143", "starttls=FALSE in the Uri"));
    }

    [Fact]
    public async Task NoneOnSslStreamOrLocalHost_NoDiagnostic()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, Stream network)
                {
                    var tls = new SslStream(network);
                    client.Connect(tls, "smtp.x.com", 465, SecureSocketOptions.None);
                    client.Connect("localhost", 1025, SecureSocketOptions.None);
                    client.Connect("::1", 25, SecureSocketOptions.None);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoneOnPlainStream_Reports()
    {
        const string source = """
            using System.IO;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, Stream network) => client.Connect(network, "smtp.x.com", 25, {|#0:SecureSocketOptions.None|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP003", 0, "smtp.x.com:25", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task AttributeAndTestData_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
            class InlineDataAttribute : Attribute { public InlineDataAttribute(params object[] data) { } }

            class ConnectTests
            {
                [InlineData(SecureSocketOptions.None, 465)]
                void Connects(SecureSocketOptions options, int port)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.x.com", port, options);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FixAll_FixesEveryConnectionInDocument()
    {
        const string source = """
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient smtp, Pop3Client pop)
                {
                    smtp.Connect("smtp.x.com", 587, {|#0:MailKit.Security.SecureSocketOptions.None|});
                    pop.Connect("pop.x.com", 110, {|#1:MailKit.Security.SecureSocketOptions.None|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp, Pop3Client pop)
                {
                    smtp.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    pop.Connect("pop.x.com", 110, SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP003", 0, "smtp.x.com:587", "SecureSocketOptions.None"),
                Diagnostic("SMTP003", 1, "pop.x.com:110", "SecureSocketOptions.None"),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task FixAllWithStartTls_LeavesImplicitPortToSslOnConnect()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp, ImapClient imap)
                {
                    smtp.Connect("smtp.x.com", 587, {|#0:SecureSocketOptions.None|});
                    imap.Connect("imap.x.com", 993, {|#1:SecureSocketOptions.None|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient smtp, ImapClient imap)
                {
                    smtp.Connect("smtp.x.com", 587, SecureSocketOptions.StartTls);
                    imap.Connect("imap.x.com", 993, {|#0:SecureSocketOptions.None|});
                }
            }
            """;

        // StartTls never lands on 993: that connection only offers SslOnConnect.
        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP003", 0, "smtp.x.com:587", "SecureSocketOptions.None"),
                Diagnostic("SMTP003", 1, "imap.x.com:993", "SecureSocketOptions.None"),
            },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey,
            Diagnostic("SMTP003", 0, "imap.x.com:993", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task DefaultValueAndCast_AreProvenNone()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Run(SmtpClient smtp)
                {
                    smtp.Connect("smtp.x.com", 587, {|#0:default(SecureSocketOptions)|});
                    smtp.Connect("smtp.x.com", 587, {|#1:(SecureSocketOptions)0|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP003", 0, "smtp.x.com:587", "SecureSocketOptions.None"),
            Diagnostic("SMTP003", 1, "smtp.x.com:587", "SecureSocketOptions.None"));
    }

    /// <summary>Without MailKit the analyzer registers nothing: look-alike code stays silent (SMTP003).</summary>
    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            enum SecureSocketOptions { None, StartTls }
            class SmtpClient { public void Connect(string host, int port, SecureSocketOptions options) { } }

            class Mailer
            {
                void Send(SmtpClient c) => c.Connect("smtp.x.com", 25, SecureSocketOptions.None);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailKit();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_ConnectWithNone_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(host As String)
                    Using client As New SmtpClient()
                        client.Connect(host, 25, {|#0:SecureSocketOptions.None|})
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("port 25", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task VisualBasic_ImportedEnumMemberUnqualified_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security.SecureSocketOptions

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 25, {|#0:None|})
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"));
    }

    [Fact]
    public async Task VisualBasic_SslOnConnectOrSettingsValue_NoDiagnostic()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(options As SecureSocketOptions)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_NoneAndMissingImports_FixAllPicksModeByPort()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 25, {|#0:MailKit.Security.SecureSocketOptions.None|})
                    End Using

                    Using other As New SmtpClient()
                        other.Connect("smtp.example.com", 465, {|#1:MailKit.Security.SecureSocketOptions.None|})
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 25, SecureSocketOptions.StartTls)
                    End Using

                    Using other As New SmtpClient()
                        other.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp003VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                FixSmtp003VB.Diagnostic("SMTP003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:25", "SecureSocketOptions.None"),
                FixSmtp003VB.Diagnostic("SMTP003").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("smtp.example.com:465", "SecureSocketOptions.None"),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.MailKitConnectionWithoutTlsCodeFixProvider.Key);
    }

    #endregion
}
