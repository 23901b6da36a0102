using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP008: drops the obsolete protocols, or leaves the choice to the system.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicObsoleteProtocolAllowedCodeFixProvider")]
public sealed class ObsoleteProtocolAllowedCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP008_DropObsoleteProtocols";

    public ObsoleteProtocolAllowedCodeFixProvider()
        : base(DiagnosticIds.ObsoleteProtocolAllowed, Key, new ObsoleteTlsProtocolFixes())
    {
    }
}
