using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP009: turns TLS on before the credentials are sent.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicCredentialsWithoutTlsCodeFixProvider")]
public sealed class CredentialsWithoutTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP009_RequireTls";

    public CredentialsWithoutTlsCodeFixProvider()
        : base(DiagnosticIds.CredentialsWithoutTls, Key, new EnableSslFixes(), new MailKitConnectFixes())
    {
    }
}
