using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP006: the certificate validation callback or certificate policy given to mail code accepts every certificate
/// (or, when it returns a flag without looking at the errors, every certificate whenever the flag is true).
/// </summary>
internal sealed class CertificateCallbackAcceptsAllRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP006_CertificateCallbackAcceptsAll;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnOperation(
            (operation, context) =>
            {
                var callback = CertificateCallbackAssignment.Of(operation, context);
                foreach (var stored in callback?.Stored ?? ImmutableArray<StoredCallback>.Empty)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        context.LocationOf(stored.Declaration),
                        new[] { callback!.Assignment.Syntax.GetLocation() },
                        "The callback stored in " + stored.Field.Name,
                        CertificateCallbackAssignment.DescribeFlag(stored.Verdict),
                        callback.Impersonated));
                }

                if (callback is { Verdict.Kind: CallbackVerdictKind.AcceptsAll })
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        context.LocationOf(callback.Assignment.Syntax),
                        callback.AdditionalLocations,
                        callback.Properties,
                        callback.Target,
                        callback.FlagText,
                        callback.Impersonated));
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
}
