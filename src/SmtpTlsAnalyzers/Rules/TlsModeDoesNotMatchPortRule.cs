using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP005: a TLS mode that cannot work on the port. A MailKit connection with TLS from the first byte on a STARTTLS
/// port, or STARTTLS on 465/993/995; a System.Net.Mail client (which only speaks STARTTLS) on port 465, unless another
/// port may be set after it.
/// </summary>
internal sealed class TlsModeDoesNotMatchPortRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP005_TlsModeDoesNotMatchPort;

    public override void Initialize(MailRuleRegistry registry)
    {
        registry.OnMailKitConnection((connection, context) =>
        {
            if (connection.Verdict == ConnectionVerdict.PortMismatch)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    connection.Location,
                    connection.AdditionalLocations,
                    connection.FixProperties,
                    connection.ModeText + (connection.Host is { Length: > 0 } host ? " for " + host : string.Empty),
                    connection.PortText,
                    connection.Reason));
            }
        });

        registry.OnSmtpClient((client, context) =>
        {
            var port = MailProtocol.Smtp.ImplicitPort;
            foreach (var portValue in client.ImplicitPortValues)
            {
                var properties = context.Mail.Syntax.IsLiteral(portValue.Syntax)
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.UseSubmissionPort)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    context.LocationOf(portValue.Syntax),
                    properties,
                    client.Host is null ? "System.Net.Mail.SmtpClient" : "System.Net.Mail.SmtpClient for " + client.Host,
                    port.ToString(CultureInfo.InvariantCulture),
                    "it only speaks STARTTLS, and a server on port " + port.ToString(CultureInfo.InvariantCulture) +
                    " expects TLS from the first byte, so the connection hangs until the timeout; use port " +
                    MailProtocol.Smtp.StartTlsPort.ToString(CultureInfo.InvariantCulture)));
            }
        });
    }
}
