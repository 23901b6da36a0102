using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The diagnostics one compilation has reported: the same rule, place and message found twice (one constant that feeds
/// calls in two types) is one diagnostic.
/// </summary>
internal sealed class ReportedDiagnostics
{
    private readonly ConcurrentDictionary<(string Id, Location Location), List<Diagnostic>> _reported = new();

    /// <summary>True the first time a diagnostic is seen. Messages are compared only when a rule reports twice at one place.</summary>
    public bool Add(Diagnostic diagnostic)
    {
        var added = new List<Diagnostic> { diagnostic };
        var atPlace = _reported.GetOrAdd((diagnostic.Id, diagnostic.Location), added);
        if (ReferenceEquals(atPlace, added))
        {
            return true;
        }

        lock (atPlace)
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            foreach (var reported in atPlace)
            {
                if (reported.GetMessage(CultureInfo.InvariantCulture) == message)
                {
                    return false;
                }
            }

            atPlace.Add(diagnostic);
            return true;
        }
    }
}
