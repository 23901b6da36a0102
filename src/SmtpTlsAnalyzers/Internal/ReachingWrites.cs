using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The writes of a local that reach one read of it, for a local written more than once: a mode set to a default and
/// replaced in an <c>if</c>, a mask chosen in the branches of a <c>switch</c>. Found on the control flow graph of the
/// function that holds the read: a write reaches the read when a path leads from it to the read without another write.
/// The graph is built only for such a local, once per body. Unknown (null) when the answer would rest on what the graph
/// does not show: a write that is not a plain assignment or initializer (those make the local unknown before this is
/// asked), a write or read of the local in another function (a lambda, a local function), a write in a catch or finally
/// region, or a path from the start of the function that writes nothing (a Visual Basic local's default value).
/// </summary>
internal static class ReachingWrites
{
    private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> Graphs = new();
    private static readonly ConditionalWeakTable<IOperation, Result> Results = new();

    /// <summary>The values written by the writes that reach <paramref name="read"/>, in source order; null when unknown.</summary>
    public static IReadOnlyList<IOperation>? Of(ILocalReferenceOperation read, IOperation root, CancellationToken cancellationToken)
    {
        if (Results.TryGetValue(read, out var known))
        {
            return known.Values;
        }

        var found = new Result(Find(read, root, cancellationToken));
        return Results.GetValue(read, _ => found).Values;
    }

    private static List<IOperation>? Find(ILocalReferenceOperation read, IOperation root, CancellationToken cancellationToken)
    {
        var local = read.Local;
        var function = EnclosingFunction(read);

        // Every write of the local, by the syntax of the write, and the value it writes.
        var writes = new Dictionary<SyntaxNode, IOperation>();
        foreach (var operation in OperationWalk.AllOf(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (EnclosingFunction(declarator) != function)
                    {
                        return null;
                    }

                    if (ValueResolver.InitializerOf(declarator) is { } initializer)
                    {
                        writes[declarator.Syntax] = initializer.Value;
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (EnclosingFunction(reference) != function)
                    {
                        return null;
                    }

                    if (reference.Parent is ISimpleAssignmentOperation { IsRef: false } assignment && assignment.Target == reference)
                    {
                        writes[assignment.Syntax] = assignment.Value;
                    }

                    break;
            }
        }

        if (writes.Count < 2 || LanguageSyntax.Of(root.Syntax)?.HasUnstructuredErrorHandling(root.Syntax) != false ||
            GraphOf(root, function, cancellationToken) is not { } graph)
        {
            return null;
        }

        // An assignment whose value branches writes the local through a capture of it, taken before the branches.
        var capturedTargets = new HashSet<CaptureId>();
        foreach (var block in graph.Blocks)
        {
            foreach (var statement in block.Operations)
            {
                if (statement is IFlowCaptureOperation { Value: ILocalReferenceOperation captured } capture &&
                    captured.Syntax != read.Syntax && SymbolEqualityComparer.Default.Equals(captured.Local, local))
                {
                    capturedTargets.Add(capture.Id);
                }
            }
        }

        // Where each write of the graph is, and where the read is.
        var blockWrites = new Dictionary<BasicBlock, List<(int Index, IOperation Value)>>();
        BasicBlock? readBlock = null;
        var readIndex = -1;
        foreach (var block in graph.Blocks)
        {
            foreach (var (i, statement) in Statements(block))
            {
                var writesHere = 0;
                var readHere = false;
                foreach (var operation in statement.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation assignment &&
                        (assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local) ||
                         assignment.Target is IFlowCaptureReferenceOperation capture && capturedTargets.Contains(capture.Id)))
                    {
                        if (!TryMatch(assignment, writes, out var value) || InCatchOrFinally(block))
                        {
                            return null;
                        }

                        if (!blockWrites.TryGetValue(block, out var list))
                        {
                            blockWrites.Add(block, list = new List<(int, IOperation)>());
                        }

                        list.Add((i, value));
                        writesHere++;
                    }
                    else if (operation is ILocalReferenceOperation reference && reference.Syntax == read.Syntax &&
                        SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        readHere = true;
                    }
                }

                if (readHere)
                {
                    if (writesHere > 0 || readBlock is not null)
                    {
                        // A write inside the statement that reads (its order within is not known), or two reads of one syntax.
                        return null;
                    }

                    readBlock = block;
                    readIndex = i;
                }
            }
        }

        if (readBlock is null)
        {
            return null;
        }

        // Walk back from the read: in each block, the last write before the point left stops the path.
        var reaching = new List<IOperation>();
        if (LastWriteBefore(blockWrites, readBlock, readIndex) is { } sameBlock)
        {
            reaching.Add(sameBlock);
            return reaching;
        }

        var visited = new HashSet<BasicBlock>();
        var pending = new Stack<BasicBlock>();
        if (!PushPredecessors(readBlock, pending))
        {
            return null;
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = pending.Pop();
            if (!visited.Add(block))
            {
                continue;
            }

            if (LastWriteBefore(blockWrites, block, int.MaxValue) is { } value)
            {
                if (!reaching.Contains(value))
                {
                    reaching.Add(value);
                }

                continue;
            }

            if (!PushPredecessors(block, pending))
            {
                return null;
            }
        }

        reaching.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return reaching.Count == 0 ? null : reaching;
    }

    /// <summary>
    /// False when the block is the start of the function or of a region no branch enters (a catch, a finally). A branch
    /// that is never taken (from unreachable code, or against a constant condition: `if (false)`, the exit of
    /// `while (true)`) leads nowhere.
    /// </summary>
    private static bool PushPredecessors(BasicBlock block, Stack<BasicBlock> pending)
    {
        if (block.Kind == BasicBlockKind.Entry || block.Predecessors.IsEmpty)
        {
            return false;
        }

        foreach (var predecessor in block.Predecessors)
        {
            if (predecessor.Source.IsReachable && !NeverTaken(predecessor))
            {
                pending.Push(predecessor.Source);
            }
        }

        return true;
    }

    private static bool NeverTaken(ControlFlowBranch branch)
    {
        var source = branch.Source;
        if (source.ConditionKind == ControlFlowConditionKind.None || source.BranchValue?.ConstantValue is not { HasValue: true, Value: bool condition })
        {
            return false;
        }

        var takenWhenTrue = branch.IsConditionalSuccessor == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
        return condition != takenWhenTrue;
    }

    private static IOperation? LastWriteBefore(Dictionary<BasicBlock, List<(int Index, IOperation Value)>> blockWrites, BasicBlock block, int index)
    {
        if (!blockWrites.TryGetValue(block, out var list))
        {
            return null;
        }

        IOperation? last = null;
        foreach (var (at, value) in list)
        {
            if (at < index)
            {
                last = value;
            }
        }

        return last;
    }

    /// <summary>
    /// The value an original write stores, for the graph's assignment that stands for it: an assignment keeps its syntax
    /// in the graph, an initializer becomes an assignment whose syntax holds the declarator's.
    /// </summary>
    private static bool TryMatch(ISimpleAssignmentOperation assignment, Dictionary<SyntaxNode, IOperation> writes, out IOperation value)
    {
        if (writes.TryGetValue(assignment.Syntax, out value!))
        {
            return true;
        }

        var span = assignment.Syntax.Span;
        IOperation? match = null;
        foreach (var pair in writes)
        {
            if (pair.Key.SyntaxTree == assignment.Syntax.SyntaxTree && (span.Contains(pair.Key.Span) || pair.Key.Span.Contains(span)))
            {
                if (match is not null)
                {
                    return false;
                }

                match = pair.Value;
            }
        }

        value = match!;
        return match is not null;
    }

    private static bool InCatchOrFinally(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lambda or local function an operation is in, or null for the body itself.</summary>
    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>The graph of the function: the body's, or a lambda's or local function's found from it.</summary>
    private static ControlFlowGraph? GraphOf(IOperation root, IOperation? function, CancellationToken cancellationToken)
    {
        if (function is null)
        {
            return BodyGraph(root, cancellationToken);
        }

        if (GraphOf(root, EnclosingFunction(function), cancellationToken) is not { } outer)
        {
            return null;
        }

        if (function is ILocalFunctionOperation localFunction)
        {
            foreach (var declared in outer.LocalFunctions)
            {
                if (SymbolEqualityComparer.Default.Equals(declared, localFunction.Symbol))
                {
                    return outer.GetLocalFunctionControlFlowGraph(declared, cancellationToken);
                }
            }

            return null;
        }

        var lambda = ((IAnonymousFunctionOperation)function).Symbol;
        foreach (var block in outer.Blocks)
        {
            foreach (var (_, statement) in Statements(block))
            {
                foreach (var operation in statement.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation flow && SymbolEqualityComparer.Default.Equals(flow.Symbol, lambda))
                    {
                        return outer.GetAnonymousFunctionControlFlowGraph(flow, cancellationToken);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A block's operations in order, then the value it branches on, each with its position in the block.</summary>
    private static IEnumerable<(int Index, IOperation Statement)> Statements(BasicBlock block)
    {
        for (var i = 0; i < block.Operations.Length; i++)
        {
            yield return (i, block.Operations[i]);
        }

        if (block.BranchValue is { } branch)
        {
            yield return (block.Operations.Length, branch);
        }
    }

    private static ControlFlowGraph? BodyGraph(IOperation root, CancellationToken cancellationToken)
    {
        if (root.Parent is not null || root.SemanticModel is null)
        {
            return null;
        }

        if (Graphs.TryGetValue(root, out var known))
        {
            return known;
        }

        ControlFlowGraph? graph = root switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
            IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
            IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
            IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter, cancellationToken),
            _ => null,
        };

        return graph is null ? null : Graphs.GetValue(root, _ => graph);
    }

    private sealed class Result
    {
        public Result(List<IOperation>? values) => Values = values;

        public List<IOperation>? Values { get; }
    }
}
