using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The diagnostics one compilation has reported: the same rule, place and message found twice (one constant that feeds
/// calls in two types) is one diagnostic.
/// </summary>
internal sealed class ReportedDiagnostics
{
    private readonly ConcurrentDictionary<(string Id, Location Location, string Message), bool> _reported = new();

    /// <summary>True the first time a diagnostic is seen.</summary>
    public bool Add(Diagnostic diagnostic) =>
        _reported.TryAdd((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(CultureInfo.InvariantCulture)), true);
}
