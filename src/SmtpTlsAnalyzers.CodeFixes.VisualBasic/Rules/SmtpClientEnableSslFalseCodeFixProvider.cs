using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP001: sets EnableSsl to True.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicSmtpClientEnableSslFalseCodeFixProvider")]
public sealed class SmtpClientEnableSslFalseCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP001_SetEnableSslTrue";

    public SmtpClientEnableSslFalseCodeFixProvider()
        : base(DiagnosticIds.SmtpClientEnableSslFalse, Key, new EnableSslFixes())
    {
    }
}
