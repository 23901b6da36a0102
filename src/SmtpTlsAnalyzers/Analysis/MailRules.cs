using System.Collections.Immutable;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>Every rule of the package, in ID order: what the analyzer of each language runs.</summary>
internal static class MailRules
{
    public static ImmutableArray<MailRule> All { get; } = ImmutableArray.Create<MailRule>(
        new SmtpClientEnableSslFalseRule(),
        new SmtpClientSendsWithoutSslRule(),
        new MailKitConnectionWithoutTlsRule(),
        new MailKitStrippableStartTlsRule(),
        new TlsModeDoesNotMatchPortRule(),
        new CertificateCallbackAcceptsAllRule(),
        new CertificateRevocationOffRule(),
        new ObsoleteProtocolAllowedRule(),
        new CredentialsWithoutTlsRule(),
        new CertificateCallbackToleratesErrorsRule(),
        new MailSettingsWithoutTlsRule(),
        new ProtocolLogContainsSecretsRule(),
        new TlsLeftToConfigurationRule(),
        new ConfigurationTurnsTlsOffRule());
}
