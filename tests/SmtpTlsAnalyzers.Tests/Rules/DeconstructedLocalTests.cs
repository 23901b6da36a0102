using System.Threading.Tasks;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A local whose one write is a deconstruction into a flat tuple (<c>var (port, options) = …;</c>) holds its element
/// of each tuple the value can be: a tuple, or a conditional or switch expression of tuples. Checked through SMTP003,
/// SMTP004, SMTP005 and SMTP013.
/// </summary>
public class DeconstructedLocalTests
{
    private static string Source(string body) => $$"""
        using MailKit.Net.Smtp;
        using MailKit.Security;

        class Mailer
        {
            void Send(SmtpClient client, string security, bool local)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task TupleOfConstants_ReportsWithHostAndMode()
    {
        var source = Source("""
            var (host, options) = ("smtp.example.com", SecureSocketOptions.None);
                    (string relay, SecureSocketOptions mode) = ("relay.example.com", SecureSocketOptions.StartTlsWhenAvailable);
                    (var backup, var backupMode) = ("backup.example.com", SecureSocketOptions.SslOnConnect);
                    client.Connect(host, 587, {|#0:options|});
                    client.Connect(relay, 587, {|#1:mode|});
                    client.Connect(backup, 587, {|#2:backupMode|});
            """);

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP003", 0, "smtp.example.com:587", "SecureSocketOptions.None"),
            Diagnostic("SMTP004", 1, "relay.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable"),
            Diagnostic(
                "SMTP005",
                2,
                "SecureSocketOptions.SslOnConnect for backup.example.com",
                "587",
                "a server on port 587 expects plain text followed by STARTTLS, so the TLS handshake fails; use SecureSocketOptions.StartTls"));
    }

    [Fact]
    public async Task SwitchOfTuplesOnASetting_ReportsTheArmThatTurnsTlsOff()
    {
        var source = Source("""
            var (port, options) = security switch
                    {
                        "ssl" => (465, SecureSocketOptions.SslOnConnect),
                        "starttls" => (587, SecureSocketOptions.StartTls),
                        _ => (25, {|#0:SecureSocketOptions.None|}),
                    };
                    client.Connect("smtp.example.com", port, options);
            """);

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, "on one path it is SecureSocketOptions.None, which turns TLS off"));
    }

    [Fact]
    public async Task EveryTupleWithoutTls_ReportsOnEveryPath()
    {
        var source = Source("""
            string host;
                    SecureSocketOptions options;
                    (host, options) = local
                        ? ("localhost", SecureSocketOptions.None)
                        : ("smtp.example.com", SecureSocketOptions.StartTlsWhenAvailable);
                    client.Connect(host, 587, {|#0:options|});
            """);

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP004", 0, "port 587", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable on every path"));
    }

    [Fact]
    public async Task PairsThatEachRequireTls_AreSilent()
    {
        // Each pair's port and mode agree, and a port from one pair is never set against another pair's mode.
        var source = Source("""
            var (port, options) = local ? (465, SecureSocketOptions.SslOnConnect) : (587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", port, options);
            """);

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AutoInOnePairWithConstantPorts_NoDiagnostic()
    {
        // Which port goes with which mode is not followed: Auto here is paired with 465 (TLS from the first byte), and
        // with ports that are all constants it is not reported as left to configuration.
        var source = Source("""
            var (port, options) = local ? (465, SecureSocketOptions.Auto) : (587, SecureSocketOptions.StartTls);
                    client.Connect("smtp.example.com", port, options);
            """);

        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
