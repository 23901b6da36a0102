using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.VisualBasic;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Verifies an analyzer and its code fix on Visual Basic sources. The fixed source is checked to compile (under the
/// test's Option Strict) and to raise none of the fixed diagnostics again; Fix All is run in document, project and
/// solution scope by the test library.
/// </summary>
public static class VisualBasicCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => VisualBasicAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VisualBasicAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Runs the fix under Option Strict On and again under Option Strict Off.</summary>
    public static async Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null)
    {
        foreach (var optionStrict in new[] { OptionStrict.On, OptionStrict.Off })
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
                OptionStrict = optionStrict,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }
    }

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource, string? equivalenceKey = null) =>
        VerifyCodeFixAsync(source, new[] { expected }, fixedSource, equivalenceKey);

    public sealed class Test : CodeFixTest<DefaultVerifier>
    {
        public Test()
        {
            TestSettings.Apply(TestState, this);
        }

        public OptionStrict OptionStrict { get; set; } = OptionStrict.On;

        public override string Language => LanguageNames.VisualBasic;

        protected override string DefaultFileExt => "vb";

        protected override CompilationOptions CreateCompilationOptions() => VisualBasicOptions.Compilation(OptionStrict);

        protected override ParseOptions CreateParseOptions() => VisualBasicOptions.Parse;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new TAnalyzer() };

        public override System.Type SyntaxKindType => typeof(SyntaxKind);

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { new TCodeFix() };
    }
}
