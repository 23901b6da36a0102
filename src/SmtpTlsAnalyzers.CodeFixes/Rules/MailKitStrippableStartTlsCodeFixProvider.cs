using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP004: requires TLS with the mode that works for the port instead of STARTTLS when available.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MailKitStrippableStartTlsCodeFixProvider))]
public sealed class MailKitStrippableStartTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP004_RequireTls";

    public MailKitStrippableStartTlsCodeFixProvider()
        : base(DiagnosticIds.MailKitStrippableStartTls, Key, new MailKitConnectFixes())
    {
    }
}
