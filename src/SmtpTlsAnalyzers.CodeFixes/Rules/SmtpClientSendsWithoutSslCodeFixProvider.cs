using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Edits;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>SMTP002: adds <c>EnableSsl = true</c> to the client's creation.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SmtpClientSendsWithoutSslCodeFixProvider))]
public sealed class SmtpClientSendsWithoutSslCodeFixProvider : RuleCodeFixProvider
{
    public const string Key = "SMTP002_AddEnableSslTrue";

    public SmtpClientSendsWithoutSslCodeFixProvider()
        : base(DiagnosticIds.SmtpClientSendsWithoutSsl, Key, new SmtpClientEnableSslFixes())
    {
    }
}
