using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP005: the TLS mode that works on the port (MailKit), or port 587 (System.Net.Mail).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsModeDoesNotMatchPortCodeFixProvider))]
public sealed class TlsModeDoesNotMatchPortCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP005_MatchPort";

    public TlsModeDoesNotMatchPortCodeFixProvider()
        : base(DiagnosticIds.TlsModeDoesNotMatchPort, Key, new MailKitConnectFixes(), new SmtpClientPortFixes())
    {
    }
}
