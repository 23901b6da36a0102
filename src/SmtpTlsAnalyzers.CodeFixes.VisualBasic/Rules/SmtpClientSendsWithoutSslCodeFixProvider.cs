using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP002: adds .EnableSsl = True to the client.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicSmtpClientSendsWithoutSslCodeFixProvider")]
public sealed class SmtpClientSendsWithoutSslCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP002_AddEnableSslTrue";

    public SmtpClientSendsWithoutSslCodeFixProvider()
        : base(DiagnosticIds.SmtpClientSendsWithoutSsl, Key, new EnableSslFixes())
    {
    }
}
