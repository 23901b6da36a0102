using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCallbacks = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.CertificateCallbackRules>;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;
using VerifyProtocols = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.ObsoleteProtocolAllowedRule>>;
using VerifyVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A value that is the result of calling a method of the same file (awaited when the method is async) can be what
/// that method returns: a helper that maps a setting to a TLS mode, one that gives the port, a factory of a certificate
/// callback. A method that can be overridden may return more than its code shows, so no warning rests on its values
/// alone. Checked through SMTP003, SMTP004, SMTP005, SMTP013, SMTP006 and SMTP008.
/// </summary>
public class MethodReturnValuesTests
{
    private static string OnePath(string mode) =>
        "on one path it is SecureSocketOptions." + mode + (mode == "None" ? ", which turns TLS off" : ", which uses STARTTLS only when the server offers it");

    [Theory]
    [InlineData("")]
    [InlineData(".ConfigureAwait(false)")]
    public async Task AwaitedVirtualHelperChoosingOnASetting_ReportsItsOpportunisticReturn(string configureAwait)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            interface ISmtpSettings
            {
                Task<string> GetHostAsync();
                Task<int> GetPortAsync();
                Task<bool> GetEnableSslAsync();
            }

            class MailKitSender
            {
                private readonly ISmtpSettings _settings;
                private readonly SecureSocketOptions? _configured;

                public MailKitSender(ISmtpSettings settings, SecureSocketOptions? configured)
                {
                    _settings = settings;
                    _configured = configured;
                }

                protected virtual async Task ConfigureClient(SmtpClient client)
                {
                    await client.ConnectAsync(await _settings.GetHostAsync(), await _settings.GetPortAsync(), await GetSecureSocketOption(){{configureAwait}});
                }

                protected virtual async Task<SecureSocketOptions> GetSecureSocketOption()
                {
                    if (_configured.HasValue)
                    {
                        return _configured.Value;
                    }

                    return await _settings.GetEnableSslAsync()
                        ? SecureSocketOptions.SslOnConnect
                        : {|#0:SecureSocketOptions.StartTlsWhenAvailable|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, OnePath("StartTlsWhenAvailable")));
    }

    [Fact]
    public async Task StaticHelperMappingASettingInASwitchStatement_ReportsTheCaseWithoutTls()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, string host, int port, string security) =>
                    client.Connect(host, port, ToSocketOptions(security));

                private static SecureSocketOptions ToSocketOptions(string security)
                {
                    switch (security)
                    {
                        case "none":
                            return {|#0:SecureSocketOptions.None|};
                        case "ssl":
                            return SecureSocketOptions.SslOnConnect;
                        default:
                            return SecureSocketOptions.StartTls;
                    }
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, OnePath("None")));
    }

    [Fact]
    public async Task HelperThatCannotBeOverriddenAndNeverGivesRealTls_ReportsTheConnection()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly bool _development;

                public Mailer(bool development) => _development = development;

                void Send(SmtpClient client) => client.Connect("smtp.example.com", 587, {|#0:Mode()|});

                private SecureSocketOptions Mode() => _development ? SecureSocketOptions.None : SecureSocketOptions.StartTlsWhenAvailable;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "smtp.example.com:587", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable on every path"));
    }

    [Fact]
    public async Task VirtualHelperThatNeverGivesRealTls_ReportsEachReturnAsOnePath()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly bool _development;

                public Mailer(bool development) => _development = development;

                void Send(SmtpClient client) => client.Connect("smtp.example.com", 587, Mode());

                protected virtual SecureSocketOptions Mode() => _development ? {|#0:SecureSocketOptions.None|} : {|#1:SecureSocketOptions.StartTlsWhenAvailable|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, OnePath("None")), Diagnostic("SMTP013", 1, OnePath("StartTlsWhenAvailable")));
    }

    [Theory]
    [InlineData("private int SubmissionPort() => 587;")]
    [InlineData("private static int SubmissionPort() { if (System.Environment.Is64BitProcess) { return 587; } return 587; }")]
    public async Task PortFromAHelperGivingOneConstant_JudgesAutoOnThatPort(string helper)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client) => client.Connect("smtp.example.com", SubmissionPort(), {|#0:SecureSocketOptions.Auto|});

                {{helper}}
            }
            """;
        var fixedSource = source.Replace("{|#0:SecureSocketOptions.Auto|}", "SecureSocketOptions.StartTls");

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP004", 0, "smtp.example.com:587", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465)") },
            fixedSource,
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task PortFromAHelperGivingOneConstant_ReportsAModeThatCannotWorkThere()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                const int ImapsPort = 993;

                void Read(ImapClient client) => client.Connect("imap.example.com", Port(), {|#0:SecureSocketOptions.StartTls|});

                static int Port() => ImapsPort;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP005", 0, "SecureSocketOptions.StartTls for imap.example.com", "993",
                "a server on port 993 expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect"));
    }

    [Fact]
    public async Task PortFromAHelperGivingOneConstant_AutoOnOnePathIsOpportunistic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, bool ssl) => client.Connect("smtp.example.com", Port(), ssl ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|});

                static int Port() => 587;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, OnePath("Auto")));
    }

    [Theory]
    [InlineData("protected virtual int Port() => 587;")]
    [InlineData("private int Port() => _secure ? 465 : 587;")]
    [InlineData("private int Port() => _port;")]
    public async Task PortFromAHelperThatDoesNotFixIt_AutoLeftToConfiguration(string helper)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly bool _secure;
                private readonly int _port;

                public Mailer(bool secure, int port) => (_secure, _port) = (secure, port);

                void Send(SmtpClient client) => client.Connect("smtp.example.com", Port(), {|#0:SecureSocketOptions.Auto|});

                {{helper}}
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP013", 0, "the port comes from a value the code does not fix, and SecureSocketOptions.Auto uses TLS from the first byte only on port 465; on any other port it uses STARTTLS only when the server offers it"));
    }

    [Theory]
    [InlineData("private static SecureSocketOptions Mode(bool ssl) => ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;")]
    [InlineData("private static async Task<SecureSocketOptions> ModeAsync(bool ssl) { await Task.Yield(); return SecureSocketOptions.None; } private static SecureSocketOptions Mode(bool ssl) => ModeAsync(ssl).Result;")]
    [InlineData("private static SecureSocketOptions Mode(bool ssl) => Enumerate(ssl).First(); private static IEnumerable<SecureSocketOptions> Enumerate(bool ssl) { yield return SecureSocketOptions.None; }")]
    public async Task HelperWithoutInsecureReturnOrNotVisible_NoDiagnostic(string helper)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient client, string host, int port, bool ssl) => client.Connect(host, port, Mode(ssl));

                {{helper}}
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CallbackFactory_ReportsTheAssignmentOfItsAcceptAllCallback()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client) => {|#0:client.ServerCertificateValidationCallback = CreateValidator()|};

                private static RemoteCertificateValidationCallback CreateValidator() => (sender, certificate, chain, errors) => true;
            }
            """;

        await VerifyCallbacks.VerifyAnalyzerAsync(
            source,
            VerifyCallbacks.Diagnostic("SMTP006").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(0)
                .WithArguments("The callback assigned to ServerCertificateValidationCallback", "", "the mail server and read the login"));
    }

    [Fact]
    public async Task ProtocolHelper_ReportsTheReturnThatAllowsAnObsoleteVersion()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool legacy) => client.SslProtocols = Protocols(legacy);

                private static SslProtocols Protocols(bool legacy) => legacy ? {|#0:SslProtocols.Tls | SslProtocols.Tls12|} : SslProtocols.Tls12;
            }
            """;

        await VerifyProtocols.VerifyAnalyzerAsync(
            source,
            VerifyProtocols.Diagnostic("SMTP008").WithLocation(0).WithArguments("SslProtocols (on one path)", "TLS 1.0", "is"));
    }

    [Theory]
    [InlineData("Protocols(legacy: false)", "CreateValidator(acceptAny: false)")]
    [InlineData("Protocols()", "Validator()")]
    public async Task HelperChoosingOnAConstantArgumentOrAnUnreachableReturn_NoDiagnostic(string protocols, string validator)
    {
        var source = $$"""
            using System.Net.Security;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.SslProtocols = {{protocols}};
                    client.ServerCertificateValidationCallback = {{validator}};
                }

                private static SslProtocols Protocols(bool legacy = false) => legacy ? SslProtocols.Tls | SslProtocols.Tls12 : SslProtocols.Tls12;

                private static RemoteCertificateValidationCallback CreateValidator(bool acceptAny) =>
                    acceptAny ? (s, c, h, e) => true : (s, c, h, e) => e == SslPolicyErrors.None;

                private const bool AcceptAny = false;

                private static RemoteCertificateValidationCallback Validator()
                {
                    if (AcceptAny)
                    {
                        return (s, c, h, e) => true;
                    }

                    return (s, c, h, e) => e == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyCallbacks.VerifyAnalyzerAsync(source);
        await VerifyProtocols.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_PortFromAFunctionGivingOneConstant_JudgesAutoOnThatPort()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient)
                    client.Connect("smtp.example.com", SubmissionPort(), {|#0:SecureSocketOptions.Auto|})
                End Sub

                Private Shared Function SubmissionPort() As Integer
                    Return 587
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(
            source,
            VerifyVB.Diagnostic("SMTP004").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:587", "SecureSocketOptions.Auto (STARTTLS when available on any port but 465)"));
    }

    [Fact]
    public async Task VisualBasic_FunctionMappingASettingInASelectCase_ReportsTheCaseWithoutTls()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(client As SmtpClient, host As String, port As Integer, security As String)
                    client.Connect(host, port, ToSocketOptions(security))
                End Sub

                Private Shared Function ToSocketOptions(security As String) As SecureSocketOptions
                    Select Case security
                        Case "none"
                            Return {|#0:SecureSocketOptions.None|}
                        Case Else
                            Return SecureSocketOptions.SslOnConnect
                    End Select
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(
            source,
            VerifyVB.Diagnostic("SMTP013").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(OnePath("None")));
    }

    [Fact]
    public async Task VisualBasic_FunctionGivingItsValueByItsOwnName_IsReadLikeReturn()
    {
        // Mode2 ends with its variable unwritten when the flag is off: its default (None) is not shown, so it is unknown.
        // Mode3's and Mode4's first writes are replaced on every path.
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Private _useTls As Boolean

                Sub Send(client As SmtpClient)
                    client.Connect("smtp.example.com", 25, {|#0:Mode()|})
                    client.Connect("smtp.example.com", 25, Mode2())
                    client.Connect("smtp.example.com", 587, Mode3())
                    client.Connect("smtp.example.com", 25, {|#1:Mode4()|})
                End Sub

                Private Function Mode() As SecureSocketOptions
                    Mode = SecureSocketOptions.None
                End Function

                Private Function Mode2() As SecureSocketOptions
                    If _useTls Then Mode2 = SecureSocketOptions.StartTls
                End Function

                Private Function Mode3() As SecureSocketOptions
                    Mode3 = SecureSocketOptions.None
                    If _useTls Then
                        Mode3 = SecureSocketOptions.StartTls
                    Else
                        Mode3 = SecureSocketOptions.StartTls
                    End If
                End Function

                Private Function Mode4() As SecureSocketOptions
                    Mode4 = SecureSocketOptions.StartTls
                    Mode4 = SecureSocketOptions.StartTlsWhenAvailable
                End Function
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(
            source,
            VerifyVB.Diagnostic("SMTP003").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:25", "SecureSocketOptions.None on every path"),
            VerifyVB.Diagnostic("SMTP004").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("smtp.example.com:25", "SecureSocketOptions.StartTlsWhenAvailable on every path"));
    }

    [Fact]
    public async Task VisualBasic_FunctionsOwnVariableWrittenByRefOrCompound_IsUnknown()
    {
        // TryParse may replace 587; += adds to 25 on one path: neither function shows the port it gives.
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Private Function ParsedPort(s As String) As Integer
                    ParsedPort = 587
                    Integer.TryParse(s, ParsedPort)
                End Function

                Private Function RaisedPort(useSsl As Boolean) As Integer
                    RaisedPort = 25
                    If useSsl Then RaisedPort += 440
                End Function

                Sub Send(client As SmtpClient, s As String, ssl As Boolean)
                    client.Connect("smtp.example.com", ParsedPort(s), SecureSocketOptions.SslOnConnect)
                    client.Connect("smtp.example.com", RaisedPort(ssl), SecureSocketOptions.SslOnConnect)
                End Sub
            End Class
            """;

        await VerifyVB.VerifyAnalyzerAsync(source);
    }
}
