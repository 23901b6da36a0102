using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Applies a code fix to a diagnostic reported in an additional file (App.config, Web.config). The testing library
/// only fixes diagnostics in source documents, so this runs the analyzer and the fix in a workspace of its own:
/// every fixable diagnostic is fixed, one per iteration, with the given equivalence key; the fixed file must match,
/// and the analyzer must report none of the fixed diagnostics on it.
/// </summary>
internal static class AdditionalFileCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly Regex Markup = new(@"\{\|#\d+:|\|\}");

    public static async Task VerifyAsync(
        ReferenceAssemblies referenceAssemblies,
        string code,
        string path,
        string markedUpContent,
        string fixedContent,
        string equivalenceKey)
    {
        var cancellationToken = CancellationToken.None;
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, cancellationToken);

        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(references);
        project = project.AddDocument("/src/Test0.cs", code, filePath: "/src/Test0.cs").Project;
        var additional = project.AddAdditionalDocument(path, SourceText.From(Markup.Replace(markedUpContent, string.Empty)), filePath: path);
        var solution = additional.Project.Solution;
        var documentId = additional.Id;

        var fixer = new TCodeFix();
        for (var iteration = 0; iteration < 10; iteration++)
        {
            var diagnostics = await GetFixableDiagnosticsAsync(solution.GetProject(documentId.ProjectId)!, fixer, cancellationToken);
            if (diagnostics.IsEmpty)
            {
                break;
            }

            var document = solution.GetAdditionalDocument(documentId)!;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context);

            var chosen = actions.SingleOrDefault(action => action.EquivalenceKey == equivalenceKey);
            Assert.True(chosen is not null, $"No code action with equivalence key '{equivalenceKey}' for {diagnostics[0]}");

            var operations = await chosen!.GetOperationsAsync(cancellationToken);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        var fixedText = await solution.GetAdditionalDocument(documentId)!.GetTextAsync(cancellationToken);
        Assert.Equal(fixedContent.ReplaceLineEndings(), fixedText.ToString().ReplaceLineEndings());

        var remaining = await GetFixableDiagnosticsAsync(solution.GetProject(documentId.ProjectId)!, fixer, cancellationToken);
        Assert.Empty(remaining);
    }

    private static async Task<ImmutableArray<Diagnostic>> GetFixableDiagnosticsAsync(Project project, CodeFixProvider fixer, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken);
        var withAnalyzers = compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), project.AnalyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics
            .Where(diagnostic => fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToImmutableArray();
    }
}
