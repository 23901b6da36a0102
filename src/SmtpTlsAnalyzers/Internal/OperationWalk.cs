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
    private static readonly ConditionalWeakTable<IOperation, OperationEntry[]> Lists = new();
    private static readonly ConditionalWeakTable<IOperation, OperationEntry[]>.CreateValueCallback Build = BuildList;

    // The lists of the analysis running on this thread, if one is.
    [ThreadStatic]
    private static ScopeLists? t_scope;

    /// <summary>The root and every operation under it, root first.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static OperationList AllOf(IOperation root)
    {
        var scope = t_scope;
        if (scope is null)
        {
            return new OperationList(Lists.GetValue(root, Build), 0);
        }

        // Walks come in runs over one root (a rule walking up from each operation of a method to the method's root):
        // the root of the last walk is answered without hashing it.
        if (ReferenceEquals(scope.LastRoot, root))
        {
            return new OperationList(scope.LastList!, 0);
        }

        if (!scope.Lists.TryGetValue(root, out var list))
        {
            list = BuildList(root);
            scope.Lists.Add(root, list);
        }

        scope.LastRoot = root;
        scope.LastList = list;
        return new OperationList(list, 0);
    }

    /// <summary>
    /// Keeps the lists built on this thread until the returned scope is disposed: for one analysis, which runs on one
    /// thread, synchronously (no await inside a scope), and walks its roots many times.
    /// </summary>
    public static ListScope Scope()
    {
        var outer = t_scope;
        var installed = new ScopeLists();
        t_scope = installed;
        return new ListScope(outer, installed);
    }

    /// <summary>The lists of one analysis, and the last one walked.</summary>
    internal sealed class ScopeLists
    {
        public readonly Dictionary<IOperation, OperationEntry[]> Lists = new();
        public IOperation? LastRoot;
        public OperationEntry[]? LastList;
    }

    /// <summary>Restores the lists of the enclosing scope, if any, when disposed; a scope that is not the current one changes nothing.</summary>
    public readonly struct ListScope : IDisposable
    {
        private readonly ScopeLists? _outer;
        private readonly ScopeLists? _installed;

        internal ListScope(ScopeLists? outer, ScopeLists installed)
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
    public static OperationList DescendantsOf(IOperation root) => new(AllOf(root).Entries, 1);

    /// <summary>True when <paramref name="ancestor"/> contains <paramref name="operation"/>; trees are shallow, so no set is built.</summary>
    public static bool IsAncestorOf(IOperation ancestor, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    // The buffers a list is built in, one per thread: the list of a root is allocated once, at its final size. They
    // hold OperationEntry, not IOperation: a store into an array of an interface type checks the element's type
    // (the runtime looks the interface up in the object's type), which was about half of the cost of building a list.
    [ThreadStatic]
    private static OperationEntry[]? t_list;

    [ThreadStatic]
    private static OperationEntry[]? t_pending;

    private const int KeptBufferLength = 4096;

    [MethodImpl(HotPath.Optimized)]
    private static OperationEntry[] BuildList(IOperation root)
    {
        var list = t_list ?? new OperationEntry[256];
        var pending = t_pending ?? new OperationEntry[64];
        t_list = null;
        t_pending = null;
        var count = 0;
        var depth = 0;
        pending[depth++] = new OperationEntry(root);
        while (depth > 0)
        {
            var operation = pending[--depth].Operation;
            pending[depth] = default;
            if (count == list.Length)
            {
                Array.Resize(ref list, list.Length * 2);
            }

            list[count++] = new OperationEntry(operation);
            foreach (var child in operation.ChildOperations.Reverse())
            {
                if (depth == pending.Length)
                {
                    Array.Resize(ref pending, pending.Length * 2);
                }

                pending[depth++] = new OperationEntry(child);
            }
        }

        var result = new OperationEntry[count];
        Array.Copy(list, result, count);

        // Kept for the next list of this thread unless a huge tree made them large.
        Array.Clear(list, 0, count);
        if (list.Length <= KeptBufferLength && pending.Length <= KeptBufferLength)
        {
            t_list = list;
            t_pending = pending;
        }

        return result;
    }
}

/// <summary>One operation of a list; a structure so that storing it into an array needs no type check.</summary>
internal readonly struct OperationEntry
{
    public readonly IOperation Operation;

    public OperationEntry(IOperation operation) => Operation = operation;
}

/// <summary>A list of <see cref="OperationWalk"/>: the operations of a root in source order, from an offset.</summary>
internal readonly struct OperationList
{
    private readonly int _start;

    internal OperationList(OperationEntry[] entries, int start)
    {
        Entries = entries;
        _start = start;
    }

    internal OperationEntry[] Entries { get; }

    public int Count => Entries.Length - _start;

    /// <summary>True when both lists read the same built list (a root listed once is shared by every walk).</summary>
    public bool SharesListWith(OperationList other) => ReferenceEquals(Entries, other.Entries);

    public IOperation[] ToArray()
    {
        var result = new IOperation[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Entries[_start + i].Operation;
        }

        return result;
    }

    public Enumerator GetEnumerator() => new(Entries, _start);

    public struct Enumerator
    {
        private readonly OperationEntry[] _entries;
        private int _index;

        internal Enumerator(OperationEntry[] entries, int start)
        {
            _entries = entries;
            _index = start - 1;
        }

        public readonly IOperation Current => _entries[_index].Operation;

        public bool MoveNext() => ++_index < _entries.Length;
    }
}
