using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The other way out of a Visual Basic function: its bound body ends with an exit label and an implicit return of the
/// function's own variable (<c>AcceptAll = True</c> writes it; it starts as <c>False</c>). <c>Exit Function</c> jumps
/// there, and so does a body that falls off its end. C# bodies have neither.
/// </summary>
internal sealed class VisualBasicFunctionExit
{
    private VisualBasicFunctionExit(ILabelSymbol label, IReturnOperation closingReturn, bool fallsOffTheEnd)
    {
        Label = label;
        Return = closingReturn;
        FallsOffTheEnd = fallsOffTheEnd;
    }

    public ILabelSymbol Label { get; }

    /// <summary>The implicit return of the function's variable.</summary>
    public IReturnOperation Return { get; }

    /// <summary>True when the last statement before the exit label neither returns nor throws.</summary>
    public bool FallsOffTheEnd { get; }

    public static VisualBasicFunctionExit? Of(IOperation body)
    {
        if (body is not IBlockOperation { Operations: { Length: >= 2 } operations } ||
            operations[operations.Length - 1] is not IReturnOperation { IsImplicit: true, ReturnedValue: ILocalReferenceOperation { Local.IsFunctionValue: true } } closingReturn ||
            operations[operations.Length - 2] is not ILabeledOperation { Label: var label })
        {
            return null;
        }

        var last = operations.Length > 2 ? operations[operations.Length - 3] : null;
        var fallsOffTheEnd = last is not (IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation });
        return new VisualBasicFunctionExit(label, closingReturn, fallsOffTheEnd);
    }

    /// <summary>True for <c>Exit Function</c>: a jump to the exit label.</summary>
    public bool IsExit(IBranchOperation branch) => SymbolEqualityComparer.Default.Equals(branch.Target, Label);
}
