using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP007: turns the revocation check back on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateRevocationOffCodeFixProvider))]
public sealed class CertificateRevocationOffCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP007_CheckRevocation";

    public CertificateRevocationOffCodeFixProvider()
        : base(DiagnosticIds.CertificateRevocationOff, Key, new CertificateRevocationFixes())
    {
    }
}
