using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// Finds the TLS input of a mail connection an operation makes: an EnableSsl write on System.Net.Mail.SmtpClient, or
/// a MailKit Connect/ConnectAsync with a host (its mode argument or flag, port and host). Calls with a Uri, a socket
/// or a stream are left to the rules that read them.
/// </summary>
internal static class MailConnectionInputs
{
    public static TlsInput? Find(IOperation operation, KnownTypes types) => operation switch
    {
        ISimpleAssignmentOperation assignment => FromEnableSsl(assignment, types),
        IInvocationOperation invocation => FromConnect(invocation, types),
        _ => null,
    };

    private static TlsInput? FromEnableSsl(ISimpleAssignmentOperation assignment, KnownTypes types)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "EnableSsl" } target ||
            !KnownTypes.IsOrDerivesFrom(target.Property.ContainingType, types.SystemNetMailSmtpClient))
        {
            return null;
        }

        // new SmtpClient(host, port) { EnableSsl = ... }, or a local created so: the creation names the server, or the
        // Host and Port properties do, written in the creation's initializer or to the local (once each).
        IObjectCreationOperation? creation = null;
        ILocalSymbol? local = null;
        if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            for (var current = assignment.Parent; current is not null && creation is null; current = current.Parent)
            {
                creation = current as IObjectCreationOperation;
            }

            // `var client = new SmtpClient { EnableSsl = ... };`: the local the creation initializes.
            if (creation?.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                local = declarator.Symbol;
            }
        }
        else if (ValueResolver.SkipImplicitConversions(target.Instance) is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            creation = ValueResolver.SkipImplicitConversions(ValueResolver.FindSingleWrite(reference)) as IObjectCreationOperation;
        }

        IOperation? host = null, port = null;
        foreach (var argument in creation?.Arguments ?? ImmutableArray<IArgumentOperation>.Empty)
        {
            switch (argument.Parameter?.Name)
            {
                case "host": host = argument.Value; break;
                case "port": port = argument.Value; break;
            }
        }

        host ??= PropertyWrite(assignment, creation, local, "Host", types);
        port ??= PropertyWrite(assignment, creation, local, "Port", types);
        return new TlsInput(TlsInputKind.EnableSsl, assignment, assignment.Value, port, portOmitted: false, host, implicitPort: 465);
    }

    /// <summary>
    /// The value written to the client's <paramref name="name"/> property in the creation's initializer, or, for a
    /// local, by the one assignment of that property the local's method makes, a statement of the block that declares
    /// the local (a write in a branch holds on one path only); null when there is none, or more.
    /// </summary>
    private static IOperation? PropertyWrite(IOperation site, IObjectCreationOperation? creation, ILocalSymbol? local, string name, KnownTypes types)
    {
        IOperation? value = null;
        foreach (var initializer in creation?.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } written && IsClientProperty(property, name, types))
            {
                value = written.Value;
            }
        }

        if (value is not null || local is null)
        {
            return value;
        }

        foreach (var operation in OperationWalk.DescendantsOf(ValueResolver.GetRoot(site)))
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } written && IsClientProperty(property, name, types) &&
                ValueResolver.SkipImplicitConversions(property.Instance) is ILocalReferenceOperation instance &&
                SymbolEqualityComparer.Default.Equals(instance.Local, local))
            {
                if (value is not null || written.Parent is not IExpressionStatementOperation { Parent: IBlockOperation block } || !Declares(block, local))
                {
                    return null;
                }

                value = written.Value;
            }
        }

        return value;
    }

    /// <summary>
    /// The block runs whenever the block that declares the local does: it is that block, or a block, the body of a
    /// <c>try</c>, <c>lock</c> or <c>using</c> inside it (a branch, a loop, a <c>catch</c> or a lambda runs on some paths only).
    /// </summary>
    private static bool Declares(IBlockOperation block, ILocalSymbol local)
    {
        for (IOperation? current = block; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IBlockOperation each when each.Locals.Contains(local, SymbolEqualityComparer.Default):
                case IUsingOperation @using when @using.Locals.Contains(local, SymbolEqualityComparer.Default):
                    return true;
                case IBlockOperation:
                case ITryOperation:
                case ILockOperation:
                case IUsingOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsClientProperty(IPropertyReferenceOperation property, string name, KnownTypes types) =>
        property.Property.Name == name && KnownTypes.IsOrDerivesFrom(property.Property.ContainingType, types.SystemNetMailSmtpClient);

    private static TlsInput? FromConnect(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Connect" or "ConnectAsync") || !types.HasMailKit)
        {
            return null;
        }

        var root = method.OriginalDefinition;
        while (root.OverriddenMethod is { } overridden)
        {
            root = overridden.OriginalDefinition;
        }

        if (!KnownTypes.IsOrInherits(root.ContainingType, types.IMailService) && !KnownTypes.IsOrDerivesFrom(root.ContainingType, types.MailService))
        {
            return null;
        }

        IOperation? host = null, port = null, mode = null;
        var isFlag = false;
        var portOmitted = true;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= root.Parameters.Length)
            {
                continue;
            }

            var isDefault = argument.ArgumentKind == ArgumentKind.DefaultValue;
            switch (root.Parameters[parameter.Ordinal].Name)
            {
                case "host": host = argument.Value; break;
                case "port" when !isDefault: port = argument.Value; portOmitted = false; break;
                case "options" when !isDefault: mode = argument.Value; break;
                case "useSsl": mode = argument.Value; isFlag = true; break;
                case "uri" or "socket" or "stream": return null;
            }
        }

        if (host is null)
        {
            return null;
        }

        var kind = isFlag ? TlsInputKind.UseSsl : mode is null ? TlsInputKind.DefaultMode : TlsInputKind.SecureSocketOptions;
        return new TlsInput(kind, invocation, mode, port, portOmitted, host, ImplicitPort(invocation.Instance?.Type, types));
    }

    private static int ImplicitPort(ITypeSymbol? client, KnownTypes types)
    {
        if (KnownTypes.IsOrInherits(client, types.MailKitISmtpClient) || KnownTypes.IsOrDerivesFrom(client, types.MailKitSmtpClient))
        {
            return 465;
        }

        if (KnownTypes.IsOrInherits(client, types.MailKitIImapClient) || KnownTypes.IsOrDerivesFrom(client, types.MailKitImapClient))
        {
            return 993;
        }

        return KnownTypes.IsOrInherits(client, types.MailKitIPop3Client) || KnownTypes.IsOrDerivesFrom(client, types.MailKitPop3Client) ? 995 : 0;
    }
}
