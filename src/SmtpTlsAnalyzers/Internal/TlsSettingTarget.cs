using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Tells which TLS settings an assignment writes: a MailKit client's own (declared on <c>MailService</c>,
/// <c>IMailService</c> or <c>HttpsProxyClient</c>, so user subclasses and the concrete clients count) or the
/// process-wide <c>System.Net.ServicePointManager</c>. Same-named members of other libraries (Kestrel, MongoDB,
/// FluentFTP...) are told apart by the property's containing type.
/// </summary>
internal static class TlsSettingTarget
{
    public static bool IsMailKitProperty(IPropertySymbol property, string name, KnownTypes types) =>
        property.Name == name &&
        (KnownTypes.IsOrInherits(property.ContainingType, types.MailService) ||
         KnownTypes.IsOrInherits(property.ContainingType, types.IMailService) ||
         KnownTypes.IsOrDerivesFrom(property.ContainingType, types.MailKitHttpsProxyClient));

    public static bool IsServicePointManagerProperty(IPropertySymbol property, string name, KnownTypes types) =>
        property.Name == name && types.ServicePointManager is not null &&
        SymbolEqualityComparer.Default.Equals(property.ContainingType, types.ServicePointManager);

    /// <summary>
    /// True when the method that writes the setting connects this very client (same local, field or parameter, or the
    /// object being initialized) only to constant hosts listed in <c>smtp_tls_analyzers.plaintext_hosts</c>. A client
    /// whose host is unknown, or that is connected anywhere else, is never exempt.
    /// </summary>
    public static bool ConnectsOnlyToPlaintextHosts(IPropertyReferenceOperation reference, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var client = reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? ClientIdentity.OfInitializedObject(reference)
            : ClientIdentity.Of(reference.Instance);
        if (client is null)
        {
            return false;
        }

        var tree = reference.Syntax.SyntaxTree;
        var found = false;
        foreach (var operation in OperationWalk.DescendantsOf(ValueResolver.GetRoot(reference)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind != OperationKind.Invocation ||
                operation is not IInvocationOperation { TargetMethod.Name: "Connect" or "ConnectAsync", Instance: { } instance } invocation ||
                !SymbolEqualityComparer.Default.Equals(ClientIdentity.Of(instance), client))
            {
                continue;
            }

            string? host = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "host", Type.SpecialType: SpecialType.System_String })
                {
                    host = ValueResolver.TryGetString(argument.Value, out var name) ? name : null;
                }
                else if (argument.Parameter is { Name: "uri", Type: INamedTypeSymbol { Name: nameof(System.Uri), ContainingNamespace: { Name: nameof(System), ContainingNamespace.IsGlobalNamespace: true } } })
                {
                    host = HostOfUri(argument.Value);
                }
            }

            if (!settings.IsPlaintextHost(tree, host))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>The host of <c>new Uri("smtps://localhost:1465")</c> written with a constant text.</summary>
    private static string? HostOfUri(IOperation value) =>
        ValueResolver.SkipImplicitConversions(value) is IObjectCreationOperation { Arguments.Length: 1 } creation &&
        creation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String &&
        ValueResolver.TryGetString(creation.Arguments[0].Value, out var text) &&
        System.Uri.TryCreate(text, System.UriKind.Absolute, out var uri)
            ? MailKitUri.HostOf(uri)
            : null;
}
