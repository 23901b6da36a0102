using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP003: gives the connection the TLS mode that works for its port.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MailKitConnectionWithoutTlsCodeFixProvider))]
public sealed class MailKitConnectionWithoutTlsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP003_RequireTls";

    public MailKitConnectionWithoutTlsCodeFixProvider()
        : base(DiagnosticIds.MailKitConnectionWithoutTls, Key, new MailKitConnectFixes())
    {
    }
}
