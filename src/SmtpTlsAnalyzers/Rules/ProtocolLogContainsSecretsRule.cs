using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>SMTP012: <c>RedactSecrets</c> of a MailKit <c>ProtocolLogger</c> (or a subclass) is proven to be set to false.</summary>
internal sealed class ProtocolLogContainsSecretsRule : MailRule
{
    private static readonly ImmutableDictionary<string, string?> FixProperties =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.SetTrue);

    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP012_ProtocolLogContainsSecrets;

    public override void Initialize(MailRuleRegistry registry)
    {
        if (registry.Mail.Types.MailKitProtocolLogger is not { } protocolLogger)
        {
            return;
        }

        registry.OnOperation(
            (operation, context) =>
            {
                var assignment = (ISimpleAssignmentOperation)operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "RedactSecrets" } property } &&
                    KnownTypes.IsOrDerivesFrom(property.ContainingType, protocolLogger) &&
                    ValueResolver.TryGetBoolean(assignment.Value, out var value) && !value)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.LocationOf(assignment.Syntax), FixProperties));
                }
            },
            OperationKind.SimpleAssignment);
    }
}
