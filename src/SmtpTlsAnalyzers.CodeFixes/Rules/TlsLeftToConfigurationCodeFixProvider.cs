using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP013: makes every path of the connection require TLS.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsLeftToConfigurationCodeFixProvider))]
public sealed class TlsLeftToConfigurationCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP013_RequireTls";

    public TlsLeftToConfigurationCodeFixProvider()
        : base(DiagnosticIds.TlsLeftToConfiguration, Key, new MailKitConnectFixes())
    {
    }
}
