using System;
using System.Collections.Generic;
using System.Linq;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>A method body that raises one diagnostic of a rule, on the line marked <c>// expect</c>.</summary>
/// <param name="Usings">The using directives the body needs (and file-level directives such as a pragma).</param>
/// <param name="Body">
/// Statements; <c>{host}</c> is replaced by the host each variant connects to. Other lines may raise other rules
/// (SMTP009 needs a connection without TLS, which is a rule of its own): the tests look at the marked rule only.
/// </param>
internal sealed record RuleTrigger(string Usings, string Body)
{
    /// <summary>Whether the trigger connects to a host, so that <c>smtp_tls_analyzers.plaintext_hosts</c> applies.</summary>
    public bool HasHost => Body.Contains("{host}", StringComparison.Ordinal);
}

/// <summary>
/// The triggers the .editorconfig tests use, one per C# rule. Covering a new rule there is one entry here (its id,
/// usings and body); an entry whose rule is not in the README table yet is dormant. SMTP011 is reported in
/// App.config, where neither #pragma nor .editorconfig sections apply: <see cref="PolicyConsumer"/> covers it apart.
/// </summary>
internal static class RuleTriggers
{
    private const string SystemNetMail = "using System.Net;\nusing System.Net.Mail;";
    private const string MailKit = "using MailKit;\nusing MailKit.Net.Smtp;\nusing MailKit.Security;";

    private static readonly Dictionary<string, RuleTrigger> Triggers = new()
    {
        ["SMTP001"] = new(
            SystemNetMail,
            """
            using var client = new SmtpClient("{host}", 587);
            client.EnableSsl = false; // expect
            client.Send(new MailMessage());
            """),
        ["SMTP002"] = new(
            SystemNetMail,
            """
            using var client = new SmtpClient("{host}", 587); // expect
            client.Send(new MailMessage());
            """),
        ["SMTP003"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.Connect("{host}", 25, SecureSocketOptions.None); // expect
            """),
        ["SMTP004"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.Connect("{host}", 587, SecureSocketOptions.StartTlsWhenAvailable); // expect
            """),
        ["SMTP005"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.Connect("{host}", 465, SecureSocketOptions.StartTls); // expect
            """),
        ["SMTP006"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true; // expect
            client.Connect("{host}", 465, SecureSocketOptions.SslOnConnect);
            """),
        ["SMTP007"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.CheckCertificateRevocation = false; // expect
            client.Connect("{host}", 465, SecureSocketOptions.SslOnConnect);
            """),
        ["SMTP008"] = new(
            "#pragma warning disable SYSLIB0039 // TLS 1.0 is obsolete: that is the point of the trigger.\nusing System.Security.Authentication;\n" + MailKit,
            """
            using var client = new SmtpClient();
            client.SslProtocols = SslProtocols.Tls; // expect
            client.Connect("{host}", 465, SecureSocketOptions.SslOnConnect);
            """),
        ["SMTP009"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            client.Connect("{host}", 587, SecureSocketOptions.StartTlsWhenAvailable);
            client.Authenticate("app", "secret"); // expect
            """),
        ["SMTP010"] = new(
            "using System.Net.Security;\n" + MailKit,
            """
            using var client = new SmtpClient();
            client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch; // expect
            client.Connect("{host}", 465, SecureSocketOptions.SslOnConnect);
            """),
        ["SMTP012"] = new(
            MailKit,
            """
            using var logger = new ProtocolLogger("smtp.log");
            logger.RedactSecrets = false; // expect
            """),
        ["SMTP013"] = new(
            MailKit,
            """
            using var client = new SmtpClient();
            var port = System.Environment.ProcessorCount;
            client.Connect("{host}", port); // expect
            """),
        ["SMTP014"] = new(
            SystemNetMail,
            """
            using var client = new SmtpClient("{host}", 587);
            client.EnableSsl = bool.Parse(System.Configuration.ConfigurationManager.AppSettings["SmtpEnableSsl"]!); // expect
            client.Send(new MailMessage());
            """),
    };

    /// <summary>The shipped rules that have a trigger.</summary>
    public static IEnumerable<string> Ids => Triggers.Keys.Where(RepositoryFacts.RulesById.ContainsKey).Order(StringComparer.Ordinal);

    /// <summary>The shipped rules whose trigger connects to a host.</summary>
    public static IEnumerable<string> HostIds => Ids.Where(id => Triggers[id].HasHost);

    /// <summary>The shipped rules reported in configuration files rather than in C# code.</summary>
    public static IEnumerable<string> ConfigurationFileIds => new[] { "SMTP011" }.Where(RepositoryFacts.RulesById.ContainsKey);

    public static RuleTrigger For(string id) => Triggers[id];
}
