using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers;

/// <summary>Every diagnostic this package reports, created through one factory.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/smtp-tls-analyzers/SmtpTlsAnalyzers/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    public static readonly DiagnosticDescriptor SMTP001_SmtpClientEnableSslFalse = Create(
        DiagnosticIds.SmtpClientEnableSslFalse,
        "Do not set EnableSsl to false",
        "EnableSsl is set to false, so mail to {0} is sent in clear text",
        DiagnosticSeverity.Warning,
        "System.Net.Mail.SmtpClient with EnableSsl set to false never negotiates TLS: the message, and the password when credentials are set, can be read and changed by anyone on the network path.");

    public static readonly DiagnosticDescriptor SMTP002_SmtpClientSendsWithoutSsl = Create(
        DiagnosticIds.SmtpClientSendsWithoutSsl,
        "Enable TLS before sending mail with System.Net.Mail.SmtpClient",
        "This SmtpClient sends mail to {0} but never sets EnableSsl, which defaults to false, so the mail goes out in clear text",
        DiagnosticSeverity.Warning,
        "EnableSsl defaults to false on System.Net.Mail.SmtpClient. A client that sends mail, or is given credentials, without EnableSsl being set sends everything in clear text.");

    public static readonly DiagnosticDescriptor SMTP003_MailKitConnectionWithoutTls = Create(
        DiagnosticIds.MailKitConnectionWithoutTls,
        "Use TLS for mail connections",
        "The connection to {0} does not use TLS ({1}), so the login and the mail cross the network in clear text",
        DiagnosticSeverity.Warning,
        "SecureSocketOptions.None, or a Uri with starttls=never, makes MailKit skip TLS even when the server offers it.");

    public static readonly DiagnosticDescriptor SMTP004_MailKitStrippableStartTls = Create(
        DiagnosticIds.MailKitStrippableStartTls,
        "Require TLS instead of STARTTLS when available",
        "The connection to {0} uses {1}, which goes on in clear text when the server does not offer STARTTLS, and anyone on the path can remove that offer",
        DiagnosticSeverity.Warning,
        "StartTlsWhenAvailable, Auto on a port other than 465/993/995, Connect(host, port, false) and a plain smtp/imap/pop Uri all mean opportunistic STARTTLS. An attacker who strips the STARTTLS capability from the server's greeting gets the login in clear text.");

    public static readonly DiagnosticDescriptor SMTP005_TlsModeDoesNotMatchPort = Create(
        DiagnosticIds.TlsModeDoesNotMatchPort,
        "Use the TLS mode that matches the port",
        "{0} cannot work on port {1}: {2}",
        DiagnosticSeverity.Warning,
        "Ports 465, 993 and 995 expect TLS from the first byte; ports 25, 587, 2525, 143 and 110 expect plain text followed by STARTTLS. A mode that does not match the port hangs or fails the handshake, which is how people end up turning TLS off.");

    public static readonly DiagnosticDescriptor SMTP009_CredentialsWithoutTls = Create(
        DiagnosticIds.CredentialsWithoutTls,
        "Do not send credentials without TLS",
        "Credentials are sent to {0} without TLS: {1}",
        DiagnosticSeverity.Warning,
        "Neither System.Net.Mail nor MailKit refuses to send a password over a connection without TLS. A login on such a connection can be read by anyone on the path.");

    public static readonly DiagnosticDescriptor SMTP011_MailSettingsWithoutTls = Create(
        DiagnosticIds.MailSettingsWithoutTls,
        "Enable SSL in the mail settings of the configuration file",
        "The <network> mail settings for {0} do not enable SSL ({1}), so {2} in clear text",
        DiagnosticSeverity.Warning,
        "On .NET Framework, every System.Net.Mail.SmtpClient constructor reads <system.net><mailSettings><smtp><network> from App.config or Web.config. enableSsl defaults to false there, so a network element without enableSsl=\"true\" sends the mail, and the password when one is configured, in clear text.");

    public static readonly DiagnosticDescriptor SMTP013_TlsLeftToConfiguration = Create(
        DiagnosticIds.TlsLeftToConfiguration,
        "TLS depends on configuration",
        "Whether this connection uses TLS depends on configuration: {0}",
        DiagnosticSeverity.Info,
        "The TLS mode of this connection is decided by a value the code does not fix. With some values the connection is opportunistic or in clear text. Prefer a mode that always requires TLS.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
        new(
            id,
            title,
            messageFormat,
            DiagnosticCategories.Security,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id));
}
