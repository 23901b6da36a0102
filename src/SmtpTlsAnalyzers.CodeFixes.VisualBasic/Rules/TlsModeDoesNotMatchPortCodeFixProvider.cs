using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP005: the TLS mode that matches the port, or port 587 for System.Net.Mail.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicTlsModeDoesNotMatchPortCodeFixProvider")]
public sealed class TlsModeDoesNotMatchPortCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP005_MatchPort";

    public TlsModeDoesNotMatchPortCodeFixProvider()
        : base(DiagnosticIds.TlsModeDoesNotMatchPort, Key, new MailKitConnectFixes(), new SmtpClientPortFixes())
    {
    }
}
