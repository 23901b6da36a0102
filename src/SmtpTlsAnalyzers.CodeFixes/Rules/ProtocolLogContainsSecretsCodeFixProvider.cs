using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP012: sets RedactSecrets back to true.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProtocolLogContainsSecretsCodeFixProvider))]
public sealed class ProtocolLogContainsSecretsCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP012_RedactSecrets";

    public ProtocolLogContainsSecretsCodeFixProvider()
        : base(DiagnosticIds.ProtocolLogContainsSecrets, Key, new ProtocolLogRedactionFixes())
    {
    }
}
