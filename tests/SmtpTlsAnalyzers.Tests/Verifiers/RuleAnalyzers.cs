using System.Collections.Immutable;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Languages;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

// Test analyzers, created by the verifiers and never loaded by a host: they carry no DiagnosticAnalyzer attribute.
#pragma warning disable RS1001

/// <summary>
/// The analyzer of the package, running only the rules a test class looks at: the rules that read one library's
/// clients together, so that a test lists exactly what that code raises.
/// </summary>
internal sealed class SystemNetMailRules : MailAnalyzer
{
    public SystemNetMailRules()
        : base(CSharpSyntax.Instance, Rules)
    {
    }

    internal static ImmutableArray<MailRule> Rules => ImmutableArray.Create<MailRule>(
        new SmtpClientEnableSslFalseRule(),
        new SmtpClientSendsWithoutSslRule(),
        new TlsModeDoesNotMatchPortRule(),
        new CredentialsWithoutTlsRule());
}

/// <inheritdoc cref="SystemNetMailRules"/>
internal sealed class MailKitConnectionRules : MailAnalyzer
{
    public MailKitConnectionRules()
        : base(CSharpSyntax.Instance, Rules)
    {
    }

    internal static ImmutableArray<MailRule> Rules => ImmutableArray.Create<MailRule>(
        new MailKitConnectionWithoutTlsRule(),
        new MailKitStrippableStartTlsRule(),
        new TlsModeDoesNotMatchPortRule(),
        new CredentialsWithoutTlsRule(),
        new TlsLeftToConfigurationRule());
}

/// <inheritdoc cref="SystemNetMailRules"/>
internal sealed class CertificateCallbackRules : MailAnalyzer
{
    public CertificateCallbackRules()
        : base(CSharpSyntax.Instance, Rules)
    {
    }

    internal static ImmutableArray<MailRule> Rules => ImmutableArray.Create<MailRule>(
        new CertificateCallbackAcceptsAllRule(),
        new CertificateCallbackToleratesErrorsRule());
}

/// <summary>The package's analyzer running one rule.</summary>
internal sealed class RuleAnalyzer<TRule> : MailAnalyzer
    where TRule : MailRule, new()
{
    public RuleAnalyzer()
        : base(CSharpSyntax.Instance, ImmutableArray.Create<MailRule>(new TRule()))
    {
    }
}

/// <summary><see cref="SystemNetMailRules"/> for Visual Basic.</summary>
internal sealed class VisualBasicSystemNetMailRules : MailAnalyzer
{
    public VisualBasicSystemNetMailRules()
        : base(VisualBasicSyntax.Instance, SystemNetMailRules.Rules)
    {
    }
}

/// <summary><see cref="MailKitConnectionRules"/> for Visual Basic.</summary>
internal sealed class VisualBasicMailKitConnectionRules : MailAnalyzer
{
    public VisualBasicMailKitConnectionRules()
        : base(VisualBasicSyntax.Instance, MailKitConnectionRules.Rules)
    {
    }
}

/// <summary><see cref="CertificateCallbackRules"/> for Visual Basic.</summary>
internal sealed class VisualBasicCertificateCallbackRules : MailAnalyzer
{
    public VisualBasicCertificateCallbackRules()
        : base(VisualBasicSyntax.Instance, CertificateCallbackRules.Rules)
    {
    }
}

/// <summary><see cref="RuleAnalyzer{TRule}"/> for Visual Basic.</summary>
internal sealed class VisualBasicRuleAnalyzer<TRule> : MailAnalyzer
    where TRule : MailRule, new()
{
    public VisualBasicRuleAnalyzer()
        : base(VisualBasicSyntax.Instance, ImmutableArray.Create<MailRule>(new TRule()))
    {
    }
}
