using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP009: turns TLS on for the connection the credentials go over (System.Net.Mail EnableSsl, the MailKit connection's mode), or guards the login with IsSecure.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialsWithoutTlsCodeFixProvider))]
public sealed class CredentialsWithoutTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP009_RequireTls";

    public CredentialsWithoutTlsCodeFixProvider()
        : base(DiagnosticIds.CredentialsWithoutTls, Key, new SmtpClientEnableSslFixes(), new MailKitConnectFixes())
    {
    }
}
