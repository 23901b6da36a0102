using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP001: a System.Net.Mail client's <c>EnableSsl</c> is set to a proven false that nothing later in the same code
/// overwrites. Reported at each such write, naming the server of the creation whose initializer holds it (the client's
/// server for any other write).
/// </summary>
internal sealed class SmtpClientEnableSslFalseRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP001_SmtpClientEnableSslFalse;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnSmtpClient((client, context) =>
        {
            foreach (var write in client.FalseWrites)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.LocationOf(write.Syntax), client.EndpointOfWrite(write)));
            }
        });
}
