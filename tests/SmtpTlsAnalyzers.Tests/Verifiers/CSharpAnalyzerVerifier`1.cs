using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>Verifies an analyzer's diagnostics on C# sources compiled against .NET 8, System.Net.Mail and MailKit.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static DiagnosticResult Diagnostic(string id) => Diagnostic(FindDescriptor(id));

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    internal static DiagnosticDescriptor FindDescriptor(string id)
    {
        foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new System.ArgumentException($"{typeof(TAnalyzer).Name} does not report {id}", nameof(id));
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            TestSettings.Apply(TestState, this);
        }
    }
}
