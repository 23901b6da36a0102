using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP010: removes the callback, or makes it accept only valid certificates.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateCallbackToleratesErrorsCodeFixProvider))]
public sealed class CertificateCallbackToleratesErrorsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP010_ValidateCertificates";

    public CertificateCallbackToleratesErrorsCodeFixProvider()
        : base(DiagnosticIds.CertificateCallbackToleratesErrors, Key, new CertificateValidationCallbackFixes())
    {
    }
}
