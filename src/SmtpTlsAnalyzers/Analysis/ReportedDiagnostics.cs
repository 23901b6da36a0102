using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The diagnostics one compilation has reported: the same rule, place and message found twice (one constant that feeds
/// calls in two types) is one diagnostic.
/// </summary>
/// <remarks>
/// Types are analyzed on several threads at once and nearly every report is new, so the set takes no lock: a report
/// is linked at the head of its bucket with one compare-and-swap, and a thread that loses the race looks again. A lock
/// here made threads wait for each other on every report.
/// </remarks>
internal sealed class ReportedDiagnostics
{
    private const int BucketCount = 1024;

    private readonly Entry?[] _buckets = new Entry?[BucketCount];

    /// <summary>True the first time a diagnostic is seen. Messages are compared only when a rule reports twice at one place.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Add(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var hash = (diagnostic.Id.GetHashCode() * 397) ^ location.GetHashCode();
        ref var bucket = ref _buckets[hash & (BucketCount - 1)];
        var entry = new Entry(diagnostic, hash);
        string? message = null;
        Entry? checkedUpTo = null;
        while (true)
        {
            var head = Volatile.Read(ref bucket);

            // Entries below the head are never unlinked: on a retry only the ones added since are new.
            for (var other = head; other is not null && other != checkedUpTo; other = other.Next)
            {
                if (other.Hash == hash && other.Diagnostic.Id == diagnostic.Id && other.Diagnostic.Location == location)
                {
                    message ??= diagnostic.GetMessage(CultureInfo.InvariantCulture);
                    if (other.Diagnostic.GetMessage(CultureInfo.InvariantCulture) == message)
                    {
                        return false;
                    }
                }
            }

            entry.Next = head;
            if (Interlocked.CompareExchange(ref bucket, entry, head) == head)
            {
                return true;
            }

            checkedUpTo = head;
        }
    }

    private sealed class Entry
    {
        public Entry(Diagnostic diagnostic, int hash)
        {
            Diagnostic = diagnostic;
            Hash = hash;
        }

        public Diagnostic Diagnostic { get; }

        public int Hash { get; }

        public Entry? Next { get; set; }
    }
}
