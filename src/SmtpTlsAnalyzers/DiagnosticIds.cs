namespace SmtpTlsAnalyzers;

/// <summary>The rule identifiers. They are fixed: never renumbered, never reused.</summary>
internal static class DiagnosticIds
{
    public const string SmtpClientEnableSslFalse = "SMTP001";
    public const string SmtpClientSendsWithoutSsl = "SMTP002";
    public const string MailKitConnectionWithoutTls = "SMTP003";
    public const string MailKitStrippableStartTls = "SMTP004";
    public const string TlsModeDoesNotMatchPort = "SMTP005";
    public const string CertificateCallbackAcceptsAll = "SMTP006";
    public const string CertificateRevocationOff = "SMTP007";
    public const string ObsoleteProtocolAllowed = "SMTP008";
    public const string CredentialsWithoutTls = "SMTP009";
    public const string CertificateCallbackToleratesErrors = "SMTP010";
    public const string MailSettingsWithoutTls = "SMTP011";
    public const string ProtocolLogContainsSecrets = "SMTP012";
    public const string TlsLeftToConfiguration = "SMTP013";

    public const string ConfigurationTurnsTlsOff = "SMTP014";
}
