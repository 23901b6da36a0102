using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// A read of a MailKit client's <c>IsSecure</c> or <c>IsEncrypted</c> that may stop a login made after a connection
/// without TLS (<c>if (!client.IsSecure) throw ...</c>): any such read, but for one that only feeds a log line.
/// </summary>
internal static class LoginGuard
{
    /// <summary>True for a read of <c>IsSecure</c>/<c>IsEncrypted</c> the code may act on.</summary>
    public static bool IsGuard(IPropertyReferenceOperation read) =>
        read.Property.Name is "IsSecure" or "IsEncrypted" && !OnlyLogs(read);

    /// <summary>
    /// True for a read of <c>IsSecure</c> that only feeds a log line: an argument of a logging call
    /// (<c>Console.WriteLine($"TLS: {client.IsSecure}")</c>), or the condition of an <c>if</c> whose branches only log.
    /// It stops no login.
    /// </summary>
    private static bool OnlyLogs(IOperation read)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation call:
                    // `Trace.Assert(client.IsSecure)` fails the process when false: it stops the login.
                    return MethodBodies.IsLoggingCall(call) && call.TargetMethod.Name is not ("Assert" or "Fail");
                case IConditionalOperation { Type: null } statement when statement.Condition.Syntax.Span.Contains(read.Syntax.Span):
                    return OnlyLogging(statement.WhenTrue) && (statement.WhenFalse is null || OnlyLogging(statement.WhenFalse));
                case IConditionalOperation or IBinaryOperation or IUnaryOperation or IParenthesizedOperation or IConversionOperation or
                    IInterpolationOperation or IInterpolatedStringOperation or IArgumentOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;

        static bool OnlyLogging(IOperation branch)
        {
            foreach (var statement in branch is IBlockOperation block ? block.Operations : ImmutableArray.Create(branch))
            {
                if (statement is not IExpressionStatementOperation { Operation: IInvocationOperation call } || !MethodBodies.IsLoggingCall(call))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
