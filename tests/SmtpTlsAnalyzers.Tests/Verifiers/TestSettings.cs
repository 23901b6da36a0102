using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>What every test compilation shares: .NET 8, MailKit, and a library output.</summary>
internal static class TestSettings
{
    public static void Apply(SolutionState state, AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.Net80;
        state.AdditionalReferences.AddRange(TestReferences.MailKit);
        state.OutputKind = OutputKind.DynamicallyLinkedLibrary;
    }

    /// <summary>Removes MailKit: the compilation then has System.Net.Mail only.</summary>
    public static void WithoutMailKit(this AnalyzerTest<DefaultVerifier> test) => test.TestState.AdditionalReferences.Clear();

    /// <summary>A compilation without System.Net.Mail and without MailKit.</summary>
    public static void WithoutMailTypes(this AnalyzerTest<DefaultVerifier> test)
    {
        test.TestState.AdditionalReferences.Clear();
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            foreach (var reference in project.MetadataReferences)
            {
                if (reference is PortableExecutableReference { FilePath: { } path } &&
                    System.IO.Path.GetFileName(path).Equals("System.Net.Mail.dll", System.StringComparison.OrdinalIgnoreCase))
                {
                    project = project.RemoveMetadataReference(reference);
                }
            }

            return project.Solution;
        });
    }

    /// <summary>Builds against .NET Framework 4.8, where System.Net.Mail reads mailSettings from configuration files.</summary>
    public static void OnNetFramework48(this AnalyzerTest<DefaultVerifier> test)
    {
        test.TestState.AdditionalReferences.Clear();
        test.ReferenceAssemblies = TestReferences.NetFramework48;
    }

    /// <summary>Adds an .editorconfig that applies to every C# file.</summary>
    public static void WithEditorConfig(this AnalyzerTest<DefaultVerifier> test, string settings) =>
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + settings + "\n"));

    /// <summary>Adds a global analyzer config, as MSBuild writes one from CompilerVisibleProperty items.</summary>
    public static void WithGlobalConfig(this AnalyzerTest<DefaultVerifier> test, string settings) =>
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + settings + "\n"));
}
