using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// Expected MailKit connection diagnostics. Their additional locations (the Connect call, the Uri literal) only
/// tell the code fix where to edit, so the tests check the reported location and message.
/// </summary>
internal static class MailKitExpect
{
    /// <summary>SMTP013's reason for Auto on one path of the mode, with a port the code does not fix.</summary>
    public static string AutoOnOnePath(int implicitPort) =>
        "on one path it is SecureSocketOptions.Auto, which uses TLS from the first byte only on port " + implicitPort.ToString(System.Globalization.CultureInfo.InvariantCulture) +
        ", and the port comes from a value the code does not fix; on any other port Auto uses STARTTLS only when the server offers it";

    public static DiagnosticResult Diagnostic(string id, int location, params object[] arguments) =>
        VerifyCS.Diagnostic(id).WithLocation(location).WithArguments(arguments).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>Runs a fix with one equivalence key; <paramref name="remaining"/> are diagnostics the fixed code still has.</summary>
    public static Task FixAsync(string source, DiagnosticResult[] expected, string fixedSource, string key, params DiagnosticResult[] remaining)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks that no action with <paramref name="key"/> is offered: the code and its diagnostics stay as they are.</summary>
    public static Task NotOfferedAsync(string source, string key, params DiagnosticResult[] expected) =>
        FixAsync(source, expected, source, key, expected);
}
