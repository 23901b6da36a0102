using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP004: requires TLS instead of STARTTLS when available.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicMailKitStrippableStartTlsCodeFixProvider")]
public sealed class MailKitStrippableStartTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP004_RequireTls";

    public MailKitStrippableStartTlsCodeFixProvider()
        : base(DiagnosticIds.MailKitStrippableStartTls, Key, new MailKitConnectFixes())
    {
    }
}
