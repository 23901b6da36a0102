using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers;

/// <summary>Every SmtpTlsAnalyzers rule, for Visual Basic.</summary>
[DiagnosticAnalyzer(LanguageNames.VisualBasic)]
public sealed class VisualBasicSmtpTlsAnalyzer : MailAnalyzer
{
    public VisualBasicSmtpTlsAnalyzer()
        : base(VisualBasicSyntax.Instance, MailRules.All)
    {
    }
}
