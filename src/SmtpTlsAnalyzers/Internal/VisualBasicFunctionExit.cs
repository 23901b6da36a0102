using System;
using System.Collections.Generic;
using System.Threading;
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
    // The body's own statements: after the implicit declaration of the function's variable, before the exit label.
    private readonly int _first;
    private readonly int _last;

    private VisualBasicFunctionExit(ILabelSymbol label, IReturnOperation closingReturn, bool fallsOffTheEnd, int first, int last)
    {
        Label = label;
        Return = closingReturn;
        FallsOffTheEnd = fallsOffTheEnd;
        _first = first;
        _last = last;
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

        // The body starts with the implicit declaration of the function's variable.
        var first = 0;
        while (first < operations.Length - 2 && operations[first] is IVariableDeclarationGroupOperation { IsImplicit: true })
        {
            first++;
        }

        var last = operations.Length - 3;
        return new VisualBasicFunctionExit(label, closingReturn, last < first || FallsOff(operations[first], operations[last]), first, last);
    }

    /// <summary>
    /// True when the end of the statements before the exit label is reachable: asked of the compiler's flow analysis
    /// (an If/Else or a Select Case that returns on every branch does not fall off), or, where it cannot answer, of the
    /// last statement's kind.
    /// </summary>
    private static bool FallsOff(IOperation first, IOperation last)
    {
        if (last is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation })
        {
            return false;
        }

        if (last.IsImplicit || last.SemanticModel is not { } model)
        {
            return true;
        }

        try
        {
            return model.AnalyzeControlFlow(first.Syntax, last.Syntax) is not { Succeeded: true, EndPointIsReachable: false };
        }
        catch (ArgumentException)
        {
            // Statements the flow analysis does not take together: assume the end is reached.
            return true;
        }
    }

    /// <summary>True for <c>Exit Function</c>: a jump to the exit label.</summary>
    public bool IsExit(IBranchOperation branch) => SymbolEqualityComparer.Default.Equals(branch.Target, Label);

    /// <summary>
    /// The values written to the function's variable that may be the one the closing return gives, in source order, and
    /// whether its default value (False, Nothing, 0) may be. The last statement of the body that writes the variable on
    /// every path going on past it (a write of its own, an If whose branches both write, a Select Case with a Case Else,
    /// <see cref="DefiniteWrites"/>), with no Return or Exit Function before it, stands for the writes before it: they
    /// cannot reach the end, nor can the default (<c>F = False : F = True</c> returns True). Without such a statement,
    /// every write and the default may. A write the list cannot show after it (a ByRef argument, <c>F += 1</c>) counts as
    /// the default does: a value not in the list may be returned.
    /// </summary>
    public List<IOperation> ValuesAtClose(IOperation body, out bool defaultReaches, CancellationToken cancellationToken)
    {
        var statements = ((IBlockOperation)body).Operations;
        var settling = DefiniteWrites.LastWritingStatement(statements, _first, _last, IsWriteOfFunctionValue, cancellationToken);
        defaultReaches = settling < 0;
        var from = settling < 0 ? 0 : statements[settling].Syntax.SpanStart;
        var writes = new List<ISimpleAssignmentOperation>();
        foreach (var operation in MethodBodies.OwnOperations(body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local.IsFunctionValue: true } } write &&
                write.Syntax.SpanStart >= from)
            {
                writes.Add(write);
            }
            else if (operation is ILocalReferenceOperation { Local.IsFunctionValue: true } reference && reference != Return.ReturnedValue &&
                reference.Syntax.SpanStart >= from && IsOtherWrite(reference))
            {
                // `Integer.TryParse(s, GetPort)`, `GetPort += 440`: a value the code does not show may be the last.
                defaultReaches = true;
            }
        }

        writes.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        var values = new List<IOperation>(writes.Count);
        foreach (var write in writes)
        {
            values.Add(write.Value);
        }

        return values;
    }

    /// <summary>A write of the variable other than a plain assignment: a ByRef argument, a compound assignment.</summary>
    private static bool IsOtherWrite(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } => true,
        ICompoundAssignmentOperation compound => compound.Target == reference,
        IIncrementOrDecrementOperation => true,
        _ => false,
    };

    private static bool IsWriteOfFunctionValue(IOperation statement) =>
        statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local.IsFunctionValue: true } } };
}
