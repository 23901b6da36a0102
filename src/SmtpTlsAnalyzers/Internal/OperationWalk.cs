using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The operations of a tree in source order (pre-order, as <c>DescendantsAndSelf</c> gives them), listed once per root.
/// The analysis walks a member's tree once for the rules, and rules walk it again from one operation up to its root
/// (which connection precedes this login, which writes reach this local); the list of a root is built the first time
/// and shared by every later walk. Inside an analysis (<see cref="Scope"/>) the lists live in a table of that
/// analysis, on its thread; elsewhere in a table shared by every thread for as long as the tree lives, whose entries
/// cost a lock and a runtime handle each. A root that several analyses walk (a method another type's value is
/// followed into) is listed once by each of them.
/// </summary>
internal static class OperationWalk
{
    private static readonly ConditionalWeakTable<IOperation, IOperation[]> Lists = new();
    private static readonly ConditionalWeakTable<IOperation, IOperation[]>.CreateValueCallback Build = BuildList;

    // The lists of the analysis running on this thread, if one is.
    [ThreadStatic]
    private static Dictionary<IOperation, IOperation[]>? t_scope;

    /// <summary>The root and every operation under it, root first.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation[] AllOf(IOperation root)
    {
        var scope = t_scope;
        if (scope is null)
        {
            return Lists.GetValue(root, Build);
        }

        if (!scope.TryGetValue(root, out var list))
        {
            list = BuildList(root);
            scope.Add(root, list);
        }

        return list;
    }

    /// <summary>
    /// Keeps the lists built on this thread until the returned scope is disposed: for one analysis, which runs on one
    /// thread, synchronously (no await inside a scope), and walks its roots many times.
    /// </summary>
    public static ListScope Scope()
    {
        var outer = t_scope;
        var installed = new Dictionary<IOperation, IOperation[]>();
        t_scope = installed;
        return new ListScope(outer, installed);
    }

    /// <summary>Restores the lists of the enclosing scope, if any, when disposed; a scope that is not the current one changes nothing.</summary>
    public readonly struct ListScope : IDisposable
    {
        private readonly Dictionary<IOperation, IOperation[]>? _outer;
        private readonly Dictionary<IOperation, IOperation[]>? _installed;

        internal ListScope(Dictionary<IOperation, IOperation[]>? outer, Dictionary<IOperation, IOperation[]> installed)
        {
            _outer = outer;
            _installed = installed;
        }

        public void Dispose()
        {
            if (_installed is not null && t_scope == _installed)
            {
                t_scope = _outer;
            }
        }
    }

    /// <summary>Every operation under the root, without the root itself.</summary>
    public static ArraySegment<IOperation> DescendantsOf(IOperation root)
    {
        var all = AllOf(root);
        return new ArraySegment<IOperation>(all, 1, all.Length - 1);
    }

    // The buffers a list is built in, one per thread: the list of a root is allocated once, at its final size.
    [ThreadStatic]
    private static List<IOperation>? t_list;

    [ThreadStatic]
    private static Stack<IOperation>? t_pending;

    [MethodImpl(HotPath.Optimized)]
    private static IOperation[] BuildList(IOperation root)
    {
        var list = t_list ?? new List<IOperation>(256);
        var pending = t_pending ?? new Stack<IOperation>(64);
        t_list = null;
        t_pending = null;
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            list.Add(operation);
            foreach (var child in operation.ChildOperations.Reverse())
            {
                pending.Push(child);
            }
        }

        var result = list.ToArray();

        // Kept for the next list of this thread unless a huge tree made them large (they are not trimmed).
        list.Clear();
        if (list.Capacity <= 4096)
        {
            t_list = list;
            t_pending = pending;
        }

        return result;
    }
}
