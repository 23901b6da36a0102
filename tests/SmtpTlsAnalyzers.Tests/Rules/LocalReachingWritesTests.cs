using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCallbacks = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.CertificateCallbackRules>;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;
using VerifyVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A local written more than once holds, where it is read, the values of the writes that reach that read: a mode set
/// to a default and replaced in an <c>if</c> or a <c>switch</c>. A write that a later write always replaces does not
/// count; a write the flow does not show (in a lambda, in a catch) makes the local unknown. A port written the same
/// constant on every path is that port. Checked through SMTP003, SMTP004, SMTP013 and SMTP006.
/// </summary>
public class LocalReachingWritesTests
{
    private const string NoneOnOnePath = "on one path it is SecureSocketOptions.None, which turns TLS off";

    private static string Source(string body) => $$"""
        using System;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;

        enum Encryption { None, SslTls, StartTls }

        class SmtpOptions
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool AutoSelectEncryption { get; set; }
            public Encryption EncryptionMethod { get; set; }
            public bool PreferStartTls { get; set; }
        }

        class Mailer
        {
            async Task SendAsync(SmtpClient client, SmtpOptions options, string[] hosts)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task DefaultReplacedInASwitchOnASetting_ReportsTheArmThatTurnsTlsOffAndAutoOnTheConfiguredPort()
    {
        // Auto on a configured port is reported as it is when written in the call: whether it means TLS depends on the port.
        var source = Source("""
            var secureSocketOptions = {|#1:SecureSocketOptions.Auto|};
                    if (!options.AutoSelectEncryption)
                    {
                        secureSocketOptions = options.EncryptionMethod switch
                        {
                            Encryption.None => {|#0:SecureSocketOptions.None|},
                            Encryption.SslTls => SecureSocketOptions.SslOnConnect,
                            Encryption.StartTls => SecureSocketOptions.StartTls,
                            _ => {|#2:SecureSocketOptions.Auto|},
                        };
                    }

                    await client.ConnectAsync(options.Host, options.Port, secureSocketOptions);
            """);

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP013", 0, NoneOnOnePath),
            Diagnostic("SMTP013", 1, AutoOnOnePath(465)),
            Diagnostic("SMTP013", 2, AutoOnOnePath(465)));
    }

    [Fact]
    public async Task EveryReachingWriteOpportunistic_ReportsAndFixesTheCall()
    {
        var source = Source("""
            var mode = SecureSocketOptions.None;
                    if (options.PreferStartTls)
                    {
                        mode = SecureSocketOptions.StartTlsWhenAvailable;
                    }

                    await client.ConnectAsync("smtp.example.com", 25, {|#0:mode|});
            """);
        var fixedSource = Source("""
            var mode = SecureSocketOptions.None;
                    if (options.PreferStartTls)
                    {
                        mode = SecureSocketOptions.StartTlsWhenAvailable;
                    }

                    await client.ConnectAsync("smtp.example.com", 25, SecureSocketOptions.StartTls);
            """);

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "smtp.example.com:25", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable on every path") },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task DefaultReplacedInASwitchOnASetting_FixRequiresTlsOnThatArm()
    {
        const string writes = """
            var secureSocketOptions = SecureSocketOptions.Auto;
                    if (!options.AutoSelectEncryption)
                    {
                        secureSocketOptions = options.EncryptionMethod switch
                        {
                            Encryption.None => {|#0:SecureSocketOptions.None|},
                            _ => SecureSocketOptions.SslOnConnect,
                        };
                    }

                    await client.ConnectAsync(options.Host, 465, secureSocketOptions);
            """;

        await FixAsync(
            Source(writes),
            new[] { Diagnostic("SMTP013", 0, NoneOnOnePath) },
            Source(writes.Replace("{|#0:SecureSocketOptions.None|}", "SecureSocketOptions.SslOnConnect")),
            SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task LastWriteBeforeTheRead_IsTheValue()
    {
        var source = Source("""
            var mode = SecureSocketOptions.SslOnConnect;
                    Console.WriteLine(mode);
                    mode = SecureSocketOptions.None;
                    await client.ConnectAsync("smtp.example.com", 465, {|#0:mode|});
            """);

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP003", 0, "smtp.example.com:465", "SecureSocketOptions.None"));
    }

    [Theory]
    [InlineData("587", "SMTP004", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465)")]
    [InlineData("465", null, null)]
    public async Task PortWrittenTheSameConstantOnEveryPath_IsThatPort(string port, string? id, string? mode)
    {
        var source = Source($$"""
            var port = {{port}};
                    if (options.PreferStartTls)
                    {
                        port = {{port}};
                    }

                    await client.ConnectAsync("smtp.example.com", port, {|#0:SecureSocketOptions.Auto|});
            """);

        var expected = id is null ? System.Array.Empty<DiagnosticResult>() : new[] { Diagnostic(id, 0, "smtp.example.com:" + port, mode!) };
        await VerifyCS.VerifyAnalyzerAsync(source, expected);
    }

    [Fact]
    public async Task WriteAfterTheReadInALoop_ReachesTheNextIteration()
    {
        var source = Source("""
            var mode = SecureSocketOptions.SslOnConnect;
                    foreach (var host in hosts)
                    {
                        await client.ConnectAsync(host, 465, mode);
                        mode = {|#0:SecureSocketOptions.None|};
                    }
            """);

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, NoneOnOnePath));
    }

    [Theory]
    [InlineData("""
        var mode = SecureSocketOptions.None;
                mode = options.PreferStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.SslOnConnect;
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.None;
                if (options.PreferStartTls) { mode = SecureSocketOptions.StartTls; } else { mode = SecureSocketOptions.SslOnConnect; }
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.SslOnConnect;
                Action fallBack = () => mode = SecureSocketOptions.None;
                fallBack();
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.SslOnConnect;
                try { Console.WriteLine(mode); } catch (InvalidOperationException) { mode = SecureSocketOptions.None; }
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.SslOnConnect;
                if (options.PreferStartTls) { mode = SecureSocketOptions.StartTls; }
        """)]
    [InlineData("""
        const bool Legacy = false;
                var mode = SecureSocketOptions.SslOnConnect;
                if (Legacy) { mode = SecureSocketOptions.None; }
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.None;
                while (true) { mode = SecureSocketOptions.SslOnConnect; if (hosts.Length > 0) break; }
        """)]
    [InlineData("""
        var mode = SecureSocketOptions.None;
                if (options.PreferStartTls) { mode = SecureSocketOptions.StartTlsWhenAvailable; }
                dynamic stored = options;
                stored.ReadMode(out mode);
        """)]
    public async Task NoReachingWriteTurnsTlsOffOrTheFlowDoesNotTell_NoDiagnostic(string writes)
    {
        var source = Source(writes + """

                    await client.ConnectAsync(options.Host, options.Port, mode);
            """);

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CallbackReplacedUnderAConstantFalse_NoDiagnostic()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private const bool AcceptAnyCertificate = false;

                void Configure(SmtpClient client)
                {
                    RemoteCertificateValidationCallback callback = (s, c, h, e) => e == SslPolicyErrors.None;
                    if (AcceptAnyCertificate)
                    {
                        callback = (s, c, h, e) => true;
                    }

                    client.ServerCertificateValidationCallback = callback;
                }
            }
            """;

        await VerifyCallbacks.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CallbackReplacedByAnAcceptAllOnASetting_ReportsTheAssignment()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool trustAnyCertificate)
                {
                    RemoteCertificateValidationCallback callback = (s, c, h, e) => e == SslPolicyErrors.None;
                    if (trustAnyCertificate)
                    {
                        callback = (s, c, h, e) => true;
                    }

                    {|#0:client.ServerCertificateValidationCallback = callback|};
                }
            }
            """;

        await VerifyCallbacks.VerifyAnalyzerAsync(
            source,
            VerifyCallbacks.Diagnostic("SMTP006").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(0)
                .WithArguments("The callback assigned to ServerCertificateValidationCallback", " on one path", "the mail server and read the login"));
    }

    [Fact]
    public async Task VisualBasic_DefaultReplacedInASelectCase_ReportsTheCaseThatTurnsTlsOffAndAutoOnTheConfiguredPort()
    {
        const string source = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Enum Encryption
                None
                SslTls
            End Enum

            Class Mailer
                Async Function SendAsync(client As SmtpClient, host As String, port As Integer, auto As Boolean, method As Encryption) As Task
                    Dim mode = {|#1:SecureSocketOptions.Auto|}
                    If Not auto Then
                        Select Case method
                            Case Encryption.None
                                mode = {|#0:SecureSocketOptions.None|}
                            Case Else
                                mode = SecureSocketOptions.SslOnConnect
                        End Select
                    End If

                    Await client.ConnectAsync(host, port, mode)
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(
            source,
            VerifyVB.Diagnostic("SMTP013").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(NoneOnOnePath),
            VerifyVB.Diagnostic("SMTP013").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(AutoOnOnePath(465)));
    }

    [Fact]
    public async Task VisualBasic_OnErrorResumeNext_NoDiagnostic()
    {
        // A failing statement is skipped: if PickMode throws, the local keeps SslOnConnect, which no flow graph shows.
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient)
                    On Error Resume Next
                    Dim mode = SecureSocketOptions.SslOnConnect
                    mode = PickMode()
                    client.Connect("smtp.example.com", 587, mode)
                End Sub

                Private Shared Function PickMode() As SecureSocketOptions
                    Return SecureSocketOptions.StartTlsWhenAvailable
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_ForEachOverADeclaredVariable_NoDiagnostic()
    {
        // The loop assigns the variable declared before it: its initial None is not what the call gets.
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient, modes As SecureSocketOptions())
                    Dim mode As SecureSocketOptions = SecureSocketOptions.None
                    For Each mode In modes
                        client.Connect("smtp.example.com", 587, mode)
                    Next
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_DefaultAlwaysReplaced_NoDiagnostic()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient, host As String, port As Integer, starttls As Boolean)
                    Dim mode = SecureSocketOptions.None
                    mode = If(starttls, SecureSocketOptions.StartTls, SecureSocketOptions.SslOnConnect)
                    client.Connect(host, port, mode)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source);
    }
}
