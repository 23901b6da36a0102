using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP013: gives the connection a TLS mode the code decides.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicTlsLeftToConfigurationCodeFixProvider")]
public sealed class TlsLeftToConfigurationCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP013_RequireTls";

    public TlsLeftToConfigurationCodeFixProvider()
        : base(DiagnosticIds.TlsLeftToConfiguration, Key, new MailKitConnectFixes())
    {
    }
}
