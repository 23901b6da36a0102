using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules;

/// <summary>SMTP012: sets RedactSecrets to True.</summary>
[ExportCodeFixProvider(LanguageNames.VisualBasic, Name = "VisualBasicProtocolLogContainsSecretsCodeFixProvider")]
public sealed class ProtocolLogContainsSecretsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP012_RedactSecrets";

    public ProtocolLogContainsSecretsCodeFixProvider()
        : base(DiagnosticIds.ProtocolLogContainsSecrets, Key, new SetTrueFixes())
    {
    }
}
