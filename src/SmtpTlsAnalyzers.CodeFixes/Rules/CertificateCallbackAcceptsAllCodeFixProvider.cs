using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP006: removes the callback, or makes it accept only valid certificates.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateCallbackAcceptsAllCodeFixProvider))]
public sealed class CertificateCallbackAcceptsAllCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP006_ValidateCertificates";

    public CertificateCallbackAcceptsAllCodeFixProvider()
        : base(DiagnosticIds.CertificateCallbackAcceptsAll, Key, new CertificateValidationCallbackFixes())
    {
    }
}
