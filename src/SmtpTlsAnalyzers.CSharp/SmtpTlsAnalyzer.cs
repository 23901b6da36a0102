using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Languages;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers;

/// <summary>Every SmtpTlsAnalyzers rule, for C#.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SmtpTlsAnalyzer : MailAnalyzer
{
    public SmtpTlsAnalyzer()
        : base(CSharpSyntax.Instance, AllRules)
    {
    }

    /// <summary>The rules, in ID order.</summary>
    internal static ImmutableArray<MailRule> AllRules { get; } = ImmutableArray.Create<MailRule>(
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
