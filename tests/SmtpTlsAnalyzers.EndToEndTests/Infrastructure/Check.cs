using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>Assertions whose failure message shows what was expected, what came, and the tool's output.</summary>
internal static class Check
{
    public static void SameDiagnostics(IEnumerable<ExpectedDiagnostic> expected, IEnumerable<ExpectedDiagnostic> actual, string context)
    {
        var want = expected.Distinct().OrderBy(d => d.ToString(), System.StringComparer.Ordinal).ToList();
        var got = actual.Distinct().OrderBy(d => d.ToString(), System.StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(got))
        {
            throw new XunitException(
                "The diagnostics differ.\n" +
                $"Missing: {string.Join("; ", want.Except(got))}\n" +
                $"Unexpected: {string.Join("; ", got.Except(want))}\n" +
                $"Expected: {string.Join("; ", want)}\n\n{context}");
        }
    }

    /// <summary>The SARIF level of a README severity.</summary>
    public static string SarifLevel(string severity) => severity switch
    {
        "Error" => "error",
        "Warning" => "warning",
        "Info" => "note",
        _ => "none",
    };

    /// <summary>The LSP DiagnosticSeverity of a README severity (1 error, 2 warning, 3 information, 4 hint).</summary>
    public static int LspSeverity(string severity) => severity switch
    {
        "Error" => 1,
        "Warning" => 2,
        "Info" => 3,
        _ => 4,
    };

    /// <summary>Whether MSBuild prints a diagnostic of this severity in its normal output.</summary>
    public static bool ShownByMsBuild(string severity) => severity is "Error" or "Warning";
}
