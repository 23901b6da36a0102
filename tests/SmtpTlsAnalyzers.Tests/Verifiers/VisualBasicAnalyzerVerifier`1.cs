using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.VisualBasic;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Verifies an analyzer's diagnostics on Visual Basic sources compiled against .NET 8, System.Net.Mail and MailKit,
/// with Option Strict On (a test's <c>OptionStrict</c> turns it off). Same markup as the C# tests.
/// </summary>
public static class VisualBasicAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(CSharpAnalyzerVerifier<TAnalyzer>.FindDescriptor(id));

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : AnalyzerTest<DefaultVerifier>
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
    }
}

/// <summary>What every Visual Basic test compilation shares.</summary>
public static class VisualBasicOptions
{
    public static readonly ParseOptions Parse = new VisualBasicParseOptions(LanguageVersion.Latest);

    private static readonly ReferenceAssemblies NetFramework48 = TestReferences.NetFramework48.AddAssemblies(ImmutableArray.Create("Microsoft.VisualBasic"));

    public static CompilationOptions Compilation(OptionStrict optionStrict) =>
        new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: optionStrict);

    /// <summary>Builds against .NET Framework 4.8 with the Visual Basic runtime (Microsoft.VisualBasic.dll), as a VB project does.</summary>
    public static void OnVisualBasicNetFramework48(this AnalyzerTest<DefaultVerifier> test)
    {
        test.TestState.AdditionalReferences.Clear();
        test.ReferenceAssemblies = NetFramework48;
    }
}
