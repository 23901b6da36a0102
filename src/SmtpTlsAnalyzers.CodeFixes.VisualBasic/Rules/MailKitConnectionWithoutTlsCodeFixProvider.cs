using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP003: gives the connection a TLS mode that fits its port.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicMailKitConnectionWithoutTlsCodeFixProvider")]
public sealed class MailKitConnectionWithoutTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP003_RequireTls";

    public MailKitConnectionWithoutTlsCodeFixProvider()
        : base(DiagnosticIds.MailKitConnectionWithoutTls, Key, new MailKitConnectFixes())
    {
    }
}
