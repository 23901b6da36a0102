using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers;

/// <summary>Every diagnostic this package reports, created through one factory.</summary>
internal static class Descriptors
{
    /// <summary>The docs of the rules, in the repository the package is published from, at the tag of this version.</summary>
    public const string HelpLinkBase = PackageInfo.RepositoryUrl + "/blob/" + PackageInfo.ReleaseTag + "/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>The custom tag every rule carries: its results are security findings.</summary>
    public const string SecurityTag = "security";

    public static readonly DiagnosticDescriptor SMTP001_SmtpClientEnableSslFalse = Create(
        DiagnosticIds.SmtpClientEnableSslFalse,
        "Do not set EnableSsl to false",
        "EnableSsl is set to false, so mail to {0} is sent in clear text",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "System.Net.Mail.SmtpClient with EnableSsl set to false never negotiates TLS: the message, and the password when credentials are set, can be read and changed by anyone on the network path.");

    public static readonly DiagnosticDescriptor SMTP002_SmtpClientSendsWithoutSsl = Create(
        DiagnosticIds.SmtpClientSendsWithoutSsl,
        "Enable TLS before sending mail with System.Net.Mail.SmtpClient",
        "This SmtpClient sends mail to {0} but never sets EnableSsl, which defaults to false, so the mail goes out in clear text",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "EnableSsl defaults to false on System.Net.Mail.SmtpClient. A client that sends mail, or is given credentials, without EnableSsl being set sends everything in clear text.");

    public static readonly DiagnosticDescriptor SMTP003_MailKitConnectionWithoutTls = Create(
        DiagnosticIds.MailKitConnectionWithoutTls,
        "Use TLS for mail connections",
        "The connection to {0} does not use TLS ({1}), so the login and the mail cross the network in clear text",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "SecureSocketOptions.None, or a Uri with starttls=never, makes MailKit skip TLS even when the server offers it.");

    public static readonly DiagnosticDescriptor SMTP004_MailKitStrippableStartTls = Create(
        DiagnosticIds.MailKitStrippableStartTls,
        "Require TLS instead of STARTTLS when available",
        "The connection to {0} uses {1}, which goes on in clear text when the server does not offer STARTTLS, and anyone on the path can remove that offer",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "StartTlsWhenAvailable, Auto on a port other than 465/993/995, Connect(host, port, false) and a plain smtp/imap/pop Uri all mean opportunistic STARTTLS. An attacker who strips the STARTTLS capability from the server's greeting gets the login in clear text.");

    public static readonly DiagnosticDescriptor SMTP005_TlsModeDoesNotMatchPort = Create(
        DiagnosticIds.TlsModeDoesNotMatchPort,
        "Use the TLS mode that matches the port",
        "{0} cannot work on port {1}: {2}",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "Ports 465, 993 and 995 expect TLS from the first byte; ports 25, 587, 2525, 143 and 110 expect plain text followed by STARTTLS. A mode that does not match the port hangs or fails the handshake, which is how people end up turning TLS off.");

    public static readonly DiagnosticDescriptor SMTP006_CertificateCallbackAcceptsAll = Create(
        DiagnosticIds.CertificateCallbackAcceptsAll,
        "Do not accept every server certificate",
        "{0} accepts every certificate{1}, so anyone in the middle can pose as {2}",
        DiagnosticSeverity.Warning,
        Weakness.CertificateValidation,
        "A certificate validation callback that returns true whatever the certificate turns TLS into encryption with an unknown party: the server's identity is never checked. A callback that never looks at the policy errors and returns a flag does the same whenever the flag is true.");

    public static readonly DiagnosticDescriptor SMTP007_CertificateRevocationOff = Create(
        DiagnosticIds.CertificateRevocationOff,
        "Keep certificate revocation checking on",
        "{0} is set to false, so a revoked {1} certificate is still accepted",
        DiagnosticSeverity.Warning,
        Weakness.RevocationCheck,
        "Turning off the revocation check accepts server certificates that their issuer has revoked, for example after the key was stolen.");

    public static readonly DiagnosticDescriptor SMTP008_ObsoleteProtocolAllowed = Create(
        DiagnosticIds.ObsoleteProtocolAllowed,
        "Do not allow obsolete TLS protocol versions",
        "{0} allows {1}, which {2} obsolete and can be broken",
        DiagnosticSeverity.Warning,
        Weakness.WeakProtocol,
        "SSL 2, SSL 3, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996). Let the operating system choose the protocol, or allow TLS 1.2 and 1.3 only.");

    public static readonly DiagnosticDescriptor SMTP009_CredentialsWithoutTls = Create(
        DiagnosticIds.CredentialsWithoutTls,
        "Do not send credentials without TLS",
        "Credentials are sent to {0} without TLS: {1}",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "Neither System.Net.Mail nor MailKit refuses to send a password over a connection without TLS. A login on such a connection can be read by anyone on the path.");

    public static readonly DiagnosticDescriptor SMTP010_CertificateCallbackToleratesErrors = Create(
        DiagnosticIds.CertificateCallbackToleratesErrors,
        "Do not tolerate certificate errors without checking who the server is",
        "{0} accepts certificates with {1} without reading the certificate, so the server's identity is not checked",
        DiagnosticSeverity.Warning,
        Weakness.CertificateValidation,
        "A callback that accepts a name mismatch or an untrusted chain without looking at the certificate accepts any attacker's certificate. Pin the certificate (thumbprint, issuer, serial number) or leave validation to the default.");

    public static readonly DiagnosticDescriptor SMTP011_MailSettingsWithoutTls = Create(
        DiagnosticIds.MailSettingsWithoutTls,
        "Enable SSL in the mail settings of the configuration file",
        "The <network> mail settings for {0} do not enable SSL ({1}), so {2} in clear text",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "On .NET Framework, every System.Net.Mail.SmtpClient constructor reads <system.net><mailSettings><smtp><network> from App.config or Web.config. enableSsl defaults to false there, so a network element without enableSsl=\"true\" sends the mail, and the password when one is configured, in clear text.");

    public static readonly DiagnosticDescriptor SMTP012_ProtocolLogContainsSecrets = Create(
        DiagnosticIds.ProtocolLogContainsSecrets,
        "Redact secrets in the protocol log",
        "RedactSecrets is set to false, so the protocol log will contain the login in clear text",
        DiagnosticSeverity.Warning,
        Weakness.SecretsInLog,
        "MailKit's ProtocolLogger redacts AUTH secrets by default. With RedactSecrets set to false, the base64 credentials of PLAIN and LOGIN end up in the log file.");

    public static readonly DiagnosticDescriptor SMTP013_TlsLeftToConfiguration = Create(
        DiagnosticIds.TlsLeftToConfiguration,
        "TLS depends on configuration",
        "Whether this connection uses TLS depends on configuration: {0}",
        DiagnosticSeverity.Info,
        Weakness.ClearText,
        "The TLS mode of this connection is decided by a value the code does not fix. With some values the connection is opportunistic or in clear text. Prefer a mode that always requires TLS.");

    public static readonly DiagnosticDescriptor SMTP014_ConfigurationTurnsTlsOff = Create(
        DiagnosticIds.ConfigurationTurnsTlsOff,
        "Do not turn TLS off for mail in configuration",
        "{0} sets {1} to {2}{3}, so {4}",
        DiagnosticSeverity.Warning,
        Weakness.ClearText,
        "The code reads the TLS mode of a mail connection from configuration, and a configuration file of the project (appsettings.json, appsettings.{Environment}.json, or the appSettings of App.config) sets a value that turns TLS off or makes it opportunistic: EnableSsl false, SecureSocketOptions None or StartTlsWhenAvailable, useSsl false, or Auto on a port other than 465/993/995.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string[] weakness, string description) =>
        new(
            id,
            title,
            messageFormat,
            DiagnosticCategories.Security,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: Tags(weakness));

    /// <summary>
    /// The custom tags of a rule: <see cref="SecurityTag"/> and its weaknesses as CWE ids. The compiler writes them to
    /// the SARIF log (<c>properties.tags</c> of the rule), where code scanning tools sort security results by them.
    /// </summary>
    private static string[] Tags(string[] weakness)
    {
        var tags = new string[weakness.Length + 1];
        tags[0] = SecurityTag;
        weakness.CopyTo(tags, 1);
        return tags;
    }

    /// <summary>The weaknesses (CWE ids) the rules guard against. Each rule's docs page names its own.</summary>
    private static class Weakness
    {
        /// <summary>CWE-319: Cleartext Transmission of Sensitive Information.</summary>
        public static readonly string[] ClearText = { "CWE-319" };

        /// <summary>CWE-295: Improper Certificate Validation.</summary>
        public static readonly string[] CertificateValidation = { "CWE-295" };

        /// <summary>CWE-299: Improper Check for Certificate Revocation.</summary>
        public static readonly string[] RevocationCheck = { "CWE-299" };

        /// <summary>
        /// CWE-757: Selection of Less-Secure Algorithm During Negotiation (an attacker can make both ends settle on
        /// the old version), and CWE-326: Inadequate Encryption Strength (what that version gives).
        /// </summary>
        public static readonly string[] WeakProtocol = { "CWE-757", "CWE-326" };

        /// <summary>CWE-532: Insertion of Sensitive Information into Log File.</summary>
        public static readonly string[] SecretsInLog = { "CWE-532" };
    }
}
