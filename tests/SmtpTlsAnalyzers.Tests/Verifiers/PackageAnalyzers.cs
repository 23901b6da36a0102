using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Every analyzer of the package (found by reflection) as one analyzer, for tests of behaviour that all rules share,
/// such as the options: the verifier then checks every diagnostic the package reports, whichever class reports it.
/// </summary>
#pragma warning disable RS1001, RS1022, RS1025, RS1026 // A test double that forwards to the real analyzers, never shipped (RS1022: it shares the test catalogue, which sees the code fixes).
public sealed class PackageAnalyzers : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Meta.RuleCatalog.Analyzers;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        foreach (var analyzer in Analyzers)
        {
            analyzer.Initialize(context);
        }
    }
}
#pragma warning restore RS1001, RS1022, RS1025, RS1026
