using System;
using System.Reflection;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// A search for the first of several strings in one pass, by the host runtime's vectorised multi-string search
/// (<c>SearchValues&lt;string&gt;</c>, .NET 9 and later). The analyzers are built for netstandard2.0, where that type
/// does not exist, so it is bound at run time; on a runtime without it (.NET Framework, .NET 8) <see cref="TryCreate"/>
/// returns null and the caller keeps its own search.
/// </summary>
internal abstract class RuntimeStringSearch
{
    private delegate object CreateValues(ReadOnlySpan<string> values, StringComparison comparison);

    private delegate int IndexOfAnyValues<T>(ReadOnlySpan<char> span, T values);

    /// <summary>The index of the first occurrence of any of the strings in <paramref name="span"/>, or -1.</summary>
    public abstract int IndexOfAny(ReadOnlySpan<char> span);

    /// <summary>The search for <paramref name="values"/>, or null when the runtime has no multi-string search.</summary>
    public static RuntimeStringSearch? TryCreate(string[] values, StringComparison comparison)
    {
        try
        {
            // SearchValues lives beside string in the core library; MemoryExtensions' span overloads forward there.
            var core = typeof(string).Assembly;
            var factory = core.GetType("System.Buffers.SearchValues", throwOnError: false);
            var valuesType = core.GetType("System.Buffers.SearchValues`1", throwOnError: false)?.MakeGenericType(typeof(string));
            var create = factory?.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(ReadOnlySpan<string>), typeof(StringComparison) }, null);
            var indexOfAny = valuesType is null
                ? null
                : typeof(MemoryExtensions).GetMethod("IndexOfAny", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(ReadOnlySpan<char>), valuesType }, null);
            if (create is null || indexOfAny is null || valuesType is null)
            {
                return null;
            }

            var searchValues = ((CreateValues)Delegate.CreateDelegate(typeof(CreateValues), create))(values, comparison);
            var search = Delegate.CreateDelegate(typeof(IndexOfAnyValues<>).MakeGenericType(valuesType), indexOfAny);
            return (RuntimeStringSearch)Activator.CreateInstance(typeof(Search<>).MakeGenericType(valuesType), search, searchValues)!;
        }
        catch (Exception)
        {
            // A probe of the host runtime: whatever it refuses (these strings, this comparison, the binding itself),
            // the caller's own search is used and nothing reaches the compiler.
            return null;
        }
    }

    private sealed class Search<T> : RuntimeStringSearch
    {
        private readonly IndexOfAnyValues<T> _indexOfAny;
        private readonly T _values;

        public Search(Delegate indexOfAny, object values)
        {
            _indexOfAny = (IndexOfAnyValues<T>)indexOfAny;
            _values = (T)values;
        }

        public override int IndexOfAny(ReadOnlySpan<char> span) => _indexOfAny(span, _values);
    }
}
