using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP004: a MailKit connection proven to use opportunistic STARTTLS (<c>StartTlsWhenAvailable</c>, <c>Auto</c> on a
/// port that is not 465/993/995, <c>useSsl: false</c>, a plain smtp/imap/pop Uri), which an attacker strips.
/// </summary>
internal sealed class MailKitStrippableStartTlsRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP004_MailKitStrippableStartTls;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnMailKitConnection((connection, context) =>
        {
            if (connection.Verdict == ConnectionVerdict.Strippable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, connection.Location, connection.AdditionalLocations, connection.FixProperties, connection.Endpoint, connection.ModeText));
            }
        });
}
