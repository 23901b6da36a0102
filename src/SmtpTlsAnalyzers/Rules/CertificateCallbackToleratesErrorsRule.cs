using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP010: the certificate validation callback given to mail code accepts certificates with a name mismatch or an
/// untrusted chain without reading the certificate, so the server's identity is not checked.
/// </summary>
internal sealed class CertificateCallbackToleratesErrorsRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP010_CertificateCallbackToleratesErrors;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnOperation(
            (operation, context) =>
            {
                if (CertificateCallbackAssignment.Of(operation, context) is { Verdict.Kind: CallbackVerdictKind.ToleratesErrors } callback)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        context.LocationOf(callback.Assignment.Syntax),
                        callback.AdditionalLocations,
                        callback.Properties,
                        callback.Target,
                        callback.Verdict.ToleratedErrors));
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
}
