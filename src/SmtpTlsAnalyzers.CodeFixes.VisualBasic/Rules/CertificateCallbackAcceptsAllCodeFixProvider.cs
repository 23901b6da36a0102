using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP006: removes the callback, or makes it accept only valid certificates.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicCertificateCallbackAcceptsAllCodeFixProvider")]
public sealed class CertificateCallbackAcceptsAllCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP006_ValidateCertificates";

    public CertificateCallbackAcceptsAllCodeFixProvider()
        : base(DiagnosticIds.CertificateCallbackAcceptsAll, Key, new CertificateValidationCallbackFixes())
    {
    }
}
