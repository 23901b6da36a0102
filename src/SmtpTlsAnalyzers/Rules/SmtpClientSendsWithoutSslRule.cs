using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP002: a System.Net.Mail client created here, used here to send or log in, and never given <c>EnableSsl</c>,
/// which defaults to false (on .NET Framework, only when no configuration file decides TLS). Reported at the creation
/// (each one without EnableSsl, for a client chosen among several).
/// </summary>
internal sealed class SmtpClientSendsWithoutSslRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP002_SmtpClientSendsWithoutSsl;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnSmtpClient((client, context) =>
        {
            if (!client.SendsWithoutSsl)
            {
                return;
            }

            foreach (var creation in client.CreationsWithoutSsl)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.LocationOf(creation.Syntax), client.EndpointOf(creation)));
            }
        });
}
