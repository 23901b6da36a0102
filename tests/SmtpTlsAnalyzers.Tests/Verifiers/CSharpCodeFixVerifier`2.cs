using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Verifies an analyzer and its code fix. The fixed source is checked to compile and to raise none of the fixed
/// diagnostics again; Fix All is run in document, project and solution scope by the test library.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static DiagnosticResult Diagnostic(string id) => Diagnostic(CSharpAnalyzerVerifier<TAnalyzer>.FindDescriptor(id));

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource, string? equivalenceKey = null) =>
        VerifyCodeFixAsync(source, new[] { expected }, fixedSource, equivalenceKey);

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            TestSettings.Apply(TestState, this);
        }
    }
}
