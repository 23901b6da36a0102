using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP007: MailKit's <c>CheckCertificateRevocation</c> (on a client or <c>HttpsProxyClient</c>) or
/// <c>ServicePointManager.CheckCertificateRevocationList</c> is proven to be set to false.
/// </summary>
internal sealed class CertificateRevocationOffRule : MailRule
{
    private const string MailKitProperty = "CheckCertificateRevocation";
    private const string ServicePointManagerProperty = "CheckCertificateRevocationList";

    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP007_CertificateRevocationOff;

    public override void Initialize(MailRuleRegistry registry)
    {
        // The process-wide ServicePointManager switch matters here only where mail reads it: System.Net.Mail clients in
        // the project (ServicePointManagerReach); MailKit has its own.
        var mail = registry.Mail;
        registry.OnOperation((operation, context) => Analyze(context, (ISimpleAssignmentOperation)operation, mail.Types, mail.Settings), OperationKind.SimpleAssignment);
    }

    private static void Analyze(MailTreeContext context, ISimpleAssignmentOperation assignment, KnownTypes types, AnalyzerSettings settings)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: MailKitProperty or ServicePointManagerProperty } reference ||
            !ValueResolver.TryGetBoolean(assignment.Value, out var value) || value)
        {
            return;
        }

        var property = reference.Property;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Fix] = DiagnosticProperties.SetTrue;
        string name;
        var holder = "server";
        if (TlsSettingTarget.IsMailKitProperty(property, MailKitProperty, types))
        {
            if (TlsSettingTarget.ConnectsOnlyToPlaintextHosts(reference, settings, context.CancellationToken))
            {
                return;
            }

            name = MailKitProperty;

            // The mail clients check revocation by default; HttpsProxyClient does not, so there only true is a fix.
            if (!KnownTypes.IsOrDerivesFrom(property.ContainingType, types.MailKitHttpsProxyClient))
            {
                properties[DiagnosticProperties.RemovableDefault] = "true";
            }
            else
            {
                // The proxy's certificate, which guards the proxy login; the mail connection inside keeps its own checks.
                holder = "proxy";
            }
        }
        else if (TlsSettingTarget.IsServicePointManagerProperty(property, ServicePointManagerProperty, types) &&
            context.Mail.ServicePointManagerReachesMail(ServicePointManagerSetting.RevocationCheck, context.SemanticModel, context.CancellationToken))
        {
            name = "ServicePointManager." + ServicePointManagerProperty;
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP007_CertificateRevocationOff, context.LocationOf(assignment.Syntax), properties.ToImmutable(), name, holder));
    }
}
