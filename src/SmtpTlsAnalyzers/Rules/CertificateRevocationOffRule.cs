using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

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
        // The process-wide ServicePointManager settings matter here only because System.Net.Mail reads them.
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
        }
        else if (types.HasSystemNetMail && TlsSettingTarget.IsServicePointManagerProperty(property, ServicePointManagerProperty, types))
        {
            name = "ServicePointManager." + ServicePointManagerProperty;
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP007_CertificateRevocationOff, assignment.Syntax.GetLocation(), properties.ToImmutable(), name));
    }
}
