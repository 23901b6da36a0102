using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>SMTP003: a MailKit connection proven to skip TLS (<c>SecureSocketOptions.None</c>, a Uri with <c>starttls=never</c>).</summary>
internal sealed class MailKitConnectionWithoutTlsRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP003_MailKitConnectionWithoutTls;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnMailKitConnection((connection, context) =>
        {
            if (connection.Verdict == ConnectionVerdict.WithoutTls)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, connection.Location, connection.AdditionalLocations, connection.FixProperties, connection.Endpoint, connection.ModeText));
            }
        });
}
