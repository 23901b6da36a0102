using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP001: sets EnableSsl to true.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SmtpClientEnableSslFalseCodeFixProvider))]
public sealed class SmtpClientEnableSslFalseCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP001_SetEnableSslTrue";

    public SmtpClientEnableSslFalseCodeFixProvider()
        : base(DiagnosticIds.SmtpClientEnableSslFalse, Key, new SmtpClientEnableSslFixes())
    {
    }
}
