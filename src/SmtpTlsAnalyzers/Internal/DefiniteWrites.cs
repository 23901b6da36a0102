using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Whether statements write a variable on every path that goes on past them, for a constructor that must write a
/// field before it returns, or a Visual Basic function whose own variable must be written before its end. What counts
/// as a write is the caller's (<c>isWrite</c>, asked of single statements).
/// </summary>
internal static class DefiniteWrites
{
    /// <summary>
    /// True when running the statements in order writes on every path that goes on past them: one of them writes
    /// (<see cref="ByStatement"/>) before any that may return, jump or hold a nested function.
    /// </summary>
    public static bool InSequence(ImmutableArray<IOperation> statements, Func<IOperation, bool> isWrite, CancellationToken cancellationToken) =>
        LastWritingStatement(statements, 0, statements.Length - 1, isWrite, stopAtFirst: true, cancellationToken) >= 0;

    /// <summary>
    /// The index of the last statement among <paramref name="first"/>..<paramref name="last"/> that writes on every
    /// path going on past it and that no earlier statement can return, jump or hold a nested function around; -1 when
    /// none does.
    /// </summary>
    public static int LastWritingStatement(ImmutableArray<IOperation> statements, int first, int last, Func<IOperation, bool> isWrite, CancellationToken cancellationToken) =>
        LastWritingStatement(statements, first, last, isWrite, stopAtFirst: false, cancellationToken);

    private static int LastWritingStatement(ImmutableArray<IOperation> statements, int first, int last, Func<IOperation, bool> isWrite, bool stopAtFirst, CancellationToken cancellationToken)
    {
        var found = -1;
        for (var i = first; i <= last; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            if (ByStatement(statement, isWrite, cancellationToken))
            {
                found = i;
                if (stopAtFirst)
                {
                    return found;
                }
            }

            foreach (var operation in OperationWalk.DescendantsOf(statement))
            {
                if (operation.Kind is OperationKind.Return or OperationKind.Branch or OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                {
                    // A return, a break or a goto may skip a later write; a nested function is not followed.
                    return found;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// True when the statement writes on every path that goes on past it: a write, a throw (no path goes on), a block
    /// that does, an <c>if</c> whose two branches do, or a <c>switch</c> with a default whose every section does.
    /// </summary>
    public static bool ByStatement(IOperation statement, Func<IOperation, bool> isWrite, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case IExpressionStatementOperation when isWrite(statement):
            case IThrowOperation:
            case IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IBlockOperation block:
                return InSequence(block.Operations, isWrite, cancellationToken);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return ByStatement(conditional.WhenTrue, isWrite, cancellationToken) && ByStatement(whenFalse, isWrite, cancellationToken);
            case ISwitchOperation switchStatement:
                var hasDefault = false;
                foreach (var section in switchStatement.Cases)
                {
                    foreach (var clause in section.Clauses)
                    {
                        hasDefault |= clause.CaseKind == CaseKind.Default;
                    }

                    if (!InSequence(section.Body, isWrite, cancellationToken))
                    {
                        return false;
                    }
                }

                return hasDefault;
            default:
                return false;
        }
    }
}
