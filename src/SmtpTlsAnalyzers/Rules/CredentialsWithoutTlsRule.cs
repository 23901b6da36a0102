using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP009: credentials sent over a connection the code proves to be without TLS. System.Net.Mail: credentials given
/// to a client that never uses TLS (SMTP001 on every write, or SMTP002). MailKit: a login on a client whose connection
/// on every path to it is clear text (SMTP003) or strippable STARTTLS (SMTP004), with no <c>IsSecure</c> check between.
/// </summary>
internal sealed class CredentialsWithoutTlsRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP009_CredentialsWithoutTls;

    public override void Initialize(MailRuleRegistry registry)
    {
        registry.OnSmtpClient(AnalyzeSmtpClient);
        if (registry.Mail.MailKitConnections is not null)
        {
            registry.OnOperation(AnalyzeLogin, OperationKind.Invocation);
        }
    }

    private void AnalyzeSmtpClient(SmtpClientFacts client, MailTreeContext context)
    {
        foreach (var write in client.Credentials)
        {
            // The one client the credentials go to, when the code tells (its own initializer's, or the flow's).
            client.CredentialTargets.TryGetValue(write, out var target);
            if (target is not null && client.OwnFalseWrites.TryGetValue(target, out var turnedOff))
            {
                Report(write, new IOperation[] { turnedOff }, DiagnosticProperties.SetEnableSslTrue, client.EndpointOf(target), "EnableSsl is set to false");
            }
            else if (client.AlwaysFalse && (target is null || !client.SendsWithoutSsl))
            {
                Report(write, new IOperation[] { client.FalseWrites[0] }, DiagnosticProperties.SetEnableSslTrue, client.Endpoint, "EnableSsl is set to false");
            }
            else if (client.SendsWithoutSsl)
            {
                // One client the credentials go to, or every creation that may be it: the fix secures each.
                var named = target ?? (client.CreationsWithoutSsl.Count == 1 ? client.CreationsWithoutSsl[0] : null);
                Report(
                    write,
                    named is not null ? new IOperation[] { named } : (IReadOnlyList<IOperation>)client.CreationsWithoutSsl,
                    DiagnosticProperties.AddEnableSslToInitializer,
                    named is null ? client.Endpoint : client.EndpointOf(named),
                    client.SomeArmsSetSsl && !client.CredentialsOnlyWithoutSsl.Contains(write)
                        ? "one of the clients it may be never sets EnableSsl, which defaults to false"
                        : "EnableSsl is never set, and it defaults to false");
            }
        }

        void Report(ISimpleAssignmentOperation write, IReadOnlyList<IOperation> fixAt, string fix, string endpoint, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptor,
                context.LocationOf(write.Syntax),
                fixAt.Select(operation => operation.Syntax.GetLocation()),
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, fix),
                endpoint,
                reason));
    }

    /// <summary>A MailKit login on a client whose last connection in this function is SMTP003 or SMTP004, unguarded.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void AnalyzeLogin(IOperation operation, MailTreeContext context)
    {
        var login = (IInvocationOperation)operation;
        if (login.TargetMethod.Name is not ("Authenticate" or "AuthenticateAsync") ||
            !context.Mail.MailKitConnections!.IsMailKitMethod(login.TargetMethod) ||
            ClientIdentity.OfOrWithCreation(login.Instance) is not { } client)
        {
            return;
        }

        var loginStart = login.Syntax.SpanStart;
        IInvocationOperation? connect = null;
        var checks = new List<IPropertyReferenceOperation>();
        foreach (var other in OperationWalk.DescendantsOf(ValueResolver.GetRoot(login)))
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // Only calls and property reads can matter; the kind is cheaper to ask than the position.
            if (other.Kind is not (OperationKind.Invocation or OperationKind.PropertyReference) ||
                other.Syntax.SpanStart >= loginStart || other.Syntax.SyntaxTree != login.Syntax.SyntaxTree)
            {
                continue;
            }

            switch (other)
            {
                case IInvocationOperation call when MailKitConnectionClassifier.IsConnectName(call.TargetMethod.Name) &&
                    ClientIdentity.Same(client, ClientIdentity.OfOrWithCreation(call.Instance)) &&
                    context.Mail.MailKitConnections.IsMailKitMethod(call.TargetMethod):
                    if (connect is null || call.Syntax.SpanStart > connect.Syntax.SpanStart)
                    {
                        connect = call;
                    }

                    break;
                case IPropertyReferenceOperation check when LoginGuard.IsGuard(check) &&
                    ClientIdentity.Same(client, ClientIdentity.OfOrWithCreation(check.Instance)):
                    checks.Add(check);
                    break;
            }
        }

        if (connect is null || !AlwaysPrecedes(connect, login) ||
            context.Connection(connect) is not { Verdict: ConnectionVerdict.WithoutTls or ConnectionVerdict.Strippable } connection)
        {
            return;
        }

        foreach (var check in checks)
        {
            if (check.Syntax.SpanStart > connect.Syntax.Span.End)
            {
                // The code looks at IsSecure between the connection and the login: trust it to stop the login.
                return;
            }
        }

        var reason = connection.Verdict == ConnectionVerdict.WithoutTls
            ? "the connection does not use TLS (" + connection.ModeText + ")"
            : "the connection uses " + connection.ModeText;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptor,
            context.LocationOf(login.Syntax),
            connection.AdditionalLocations,
            connection.FixProperties.SetItem(DiagnosticProperties.MailKitLogin, "true"),
            connection.Endpoint,
            reason));
    }

    /// <summary>
    /// True when the connection runs on every path to the login in the same function: not in a branch, loop, catch
    /// or switch arm that the login is outside of, and neither call inside a lambda or local function the other is
    /// not in (those run when they are called, not where they are written).
    /// </summary>
    private static bool AlwaysPrecedes(IOperation connect, IOperation login)
    {
        IOperation? common = null;
        for (var current = connect.Parent; current is not null; current = current.Parent)
        {
            if (OperationWalk.IsAncestorOf(current, login))
            {
                common = current;
                break;
            }

            if (current is IConditionalOperation or ISwitchOperation or ISwitchCaseOperation or ISwitchExpressionArmOperation or
                ILoopOperation or ICatchClauseOperation or ICoalesceOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        for (var current = login.Parent; current is not null && current != common; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return common is not null;
    }
}
