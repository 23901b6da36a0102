using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP007: sets CheckCertificateRevocation to True.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicCertificateRevocationOffCodeFixProvider")]
public sealed class CertificateRevocationOffCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP007_CheckRevocation";

    public CertificateRevocationOffCodeFixProvider()
        : base(DiagnosticIds.CertificateRevocationOff, Key, new SetTrueFixes())
    {
    }
}
