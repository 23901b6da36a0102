using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// Every fix the C# providers offer for every diagnostic of the robustness corpus (broken and unusual code), applied
/// one at a time: no fix throws, none adds a compiler warning, and none adds an error to code that compiled (in code
/// that is broken already, a fix may change what the compiler says about the break).
/// </summary>
public class CorpusFixTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var corpusCase in RobustnessCorpus.Cases().Where(c => c.Name != "VeryLongFile"))
        {
            data.Add(corpusCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EveryFix_ThrowsNothingAndAddsNoCompilerFinding(string name)
    {
        var corpusCase = RobustnessCorpus.Cases().Single(c => c.Name == name);
        using var workspace = new AdhocWorkspace();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var project = workspace.AddProject(name, LanguageNames.CSharp)
            .WithCompilationOptions(RobustnessCorpus.CompilationOptions(corpusCase))
            .WithParseOptions(RobustnessCorpus.ParseOptions)
            .AddMetadataReferences(references);
        for (var i = 0; i < corpusCase.Sources.Length; i++)
        {
            project = project.AddDocument($"{name}{i}.cs", corpusCase.Sources[i], filePath: $"/{name}{i}.cs").Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var before = Findings(compilation);
        var compiled = !before.Any(f => f.StartsWith("error ", StringComparison.Ordinal));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzer())).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var problems = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in RuleCatalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    var what = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()} by {provider.GetType().Name} ({action.EquivalenceKey})";
                    try
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        foreach (var apply in operations.OfType<ApplyChangesOperation>())
                        {
                            var after = Findings((await apply.ChangedSolution.GetProject(project.Id)!.GetCompilationAsync())!);
                            var added = after.Except(before).Where(f => compiled || !f.StartsWith("error ", StringComparison.Ordinal)).ToList();
                            if (added.Count > 0)
                            {
                                problems.Add($"{what} added {string.Join("; ", added)}");
                            }
                        }
                    }
                    catch (Exception exception)
                    {
                        problems.Add($"{what} threw {exception}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The compiler's errors and warnings, by severity, id and message (no position: a fix moves code).</summary>
    private static HashSet<string> Findings(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => (d.Severity == DiagnosticSeverity.Error ? "error " : "warning ") + d.Id + ": " + d.GetMessage())
            .ToHashSet();
}
