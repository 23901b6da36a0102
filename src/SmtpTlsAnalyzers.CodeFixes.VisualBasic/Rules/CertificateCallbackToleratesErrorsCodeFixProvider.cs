using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP010: removes the callback, or makes it accept only valid certificates.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicCertificateCallbackToleratesErrorsCodeFixProvider")]
public sealed class CertificateCallbackToleratesErrorsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP010_ValidateCertificates";

    public CertificateCallbackToleratesErrorsCodeFixProvider()
        : base(DiagnosticIds.CertificateCallbackToleratesErrors, Key, new CertificateValidationCallbackFixes())
    {
    }
}
