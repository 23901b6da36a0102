using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers;

/// <summary>Every SmtpTlsAnalyzers rule, for C#.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SmtpTlsAnalyzer : MailAnalyzer
{
    public SmtpTlsAnalyzer()
        : base(CSharpSyntax.Instance, AllRules)
    {
    }

    /// <summary>The rules, in ID order.</summary>
    internal static ImmutableArray<MailRule> AllRules => MailRules.All;
}
