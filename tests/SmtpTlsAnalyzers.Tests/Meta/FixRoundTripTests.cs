using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.VisualBasic;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// Every diagnostic of the sample's insecure files, fixed one by one with every offered alternative and with Fix All
/// for every equivalence key, leaves a compilation with no new error or warning (a project may treat warnings as
/// errors) and none of the fixed diagnostics. Diagnostics are told apart by rule and location: each fixable one must be
/// offered a fix and be gone after it. New files under the Insecure folders of the C# and Visual Basic samples are
/// picked up by themselves; the code fix providers are found by reflection, each language's own.
/// </summary>
public class FixRoundTripTests
{
    public static IEnumerable<object[]> InsecureFiles() =>
        Sample.All.SelectMany(sample => Directory.EnumerateFiles(Path.Combine(sample.Folder, "Insecure"), "*" + sample.Extension)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { sample.Language, name! }));

    [Fact]
    public void Samples_HaveInsecureFilesInEveryLanguage() =>
        Assert.Equal(Sample.All.Select(s => s.Language), InsecureFiles().Select(row => (string)row[0]).Distinct());

    [Theory]
    [MemberData(nameof(InsecureFiles))]
    public async Task EachDiagnostic_FixedOneByOne_LeavesNoErrorAndNotItself(string language, string fileName)
    {
        var (document, diagnostics) = await LoadAsync(language, fileName);
        var baseline = await ErrorsAndWarningsAsync(document.Project);
        var fixable = diagnostics.Where(d => ProvidersFor(document, d.Id).Any()).ToList();
        Assert.NotEmpty(fixable);

        // Each diagnostic is one finding (id and location): reported twice, it would be counted as fixed twice.
        var duplicates = fixable.GroupBy(Identity).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "reported more than once: " + string.Join("; ", duplicates));

        // Every fixable diagnostic, by identity, is offered a fix, and each offered fix removes that diagnostic.
        var notOffered = new List<string>();
        foreach (var diagnostic in fixable)
        {
            var actions = await ActionsAsync(document, diagnostic);
            if (actions.Count == 0)
            {
                notOffered.Add(Identity(diagnostic));
            }

            foreach (var (provider, action) in actions)
            {
                var fixedDocument = await ApplyAsync(document, action);
                var what = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()} fixed by {provider.GetType().Name} ({action.EquivalenceKey})";
                await AssertNoNewErrorsAsync(fixedDocument.Project, baseline, what);

                var changes = (await fixedDocument.GetTextChangesAsync(document)).ToList();
                Assert.True(changes.Count > 0, what + " changed nothing");
                var mapped = Map(diagnostic.Location.SourceSpan, changes);
                var remaining = (await DiagnosticsAsync(fixedDocument)).Where(d => d.Id == diagnostic.Id && d.Location.SourceSpan.IntersectsWith(mapped)).ToList();
                Assert.True(remaining.Count == 0, $"{what} left {string.Join("; ", remaining)}\n{(await fixedDocument.GetTextAsync()).ToString()}");
            }
        }

        Assert.True(notOffered.Count == 0, $"no fix was offered for {string.Join("; ", notOffered)}");
    }

    [Theory]
    [MemberData(nameof(InsecureFiles))]
    public async Task FixAll_PerIdAndEquivalenceKey_LeavesNoErrorAndNoDiagnosticOfThatId(string language, string fileName)
    {
        var (document, diagnostics) = await LoadAsync(language, fileName);
        var baseline = await ErrorsAndWarningsAsync(document.Project);

        // Which diagnostics offer which fix (provider and equivalence key).
        var offers = new List<(CodeFixProvider Provider, string Key, Diagnostic Diagnostic)>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var (provider, action) in await ActionsAsync(document, diagnostic))
            {
                Assert.False(string.IsNullOrEmpty(action.EquivalenceKey), $"{provider.GetType().Name} offers '{action.Title}' without an equivalence key");
                offers.Add((provider, action.EquivalenceKey!, diagnostic));
            }
        }

        Assert.NotEmpty(offers);
        foreach (var group in offers.GroupBy(o => (o.Provider, o.Key, o.Diagnostic.Id)))
        {
            var (provider, key, id) = group.Key;
            var what = $"Fix All of {id} by {provider.GetType().Name} ({key})";
            var context = new FixAllContext(
                document,
                provider,
                FixAllScope.Document,
                key,
                new[] { id },
                new FixedDiagnostics(diagnostics),
                CancellationToken.None);
            var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
            Assert.True(fixAll is not null, what + " returned no action");
            var fixedDocument = await ApplyAsync(document, fixAll!);
            await AssertNoNewErrorsAsync(fixedDocument.Project, baseline, what);

            // Every diagnostic of the id that offered this key is fixed, each where it was; the others (another
            // alternative) may stay.
            var offering = group.Select(o => o.Diagnostic).Distinct().ToList();
            var notOffering = diagnostics.Count(d => d.Id == id) - offering.Count;
            var remaining = (await DiagnosticsAsync(fixedDocument)).Where(d => d.Id == id).ToList();
            var changes = (await fixedDocument.GetTextChangesAsync(document)).ToList();
            var left = offering
                .Where(d => remaining.Any(r => r.Location.SourceSpan.IntersectsWith(Map(d.Location.SourceSpan, changes))))
                .Select(Identity)
                .ToList();
            Assert.True(left.Count == 0, $"{what} left {string.Join("; ", left)}\n{(await fixedDocument.GetTextAsync()).ToString()}");
            Assert.True(remaining.Count <= notOffering, $"{what} left {string.Join("; ", remaining)}\n{(await fixedDocument.GetTextAsync()).ToString()}");
        }
    }

    [Theory]
    [MemberData(nameof(InsecureFiles))]
    public async Task FixAll_StartedFromAnotherRulesDiagnostic_FixesEveryDiagnosticOfTheId(string language, string fileName)
    {
        // dotnet format asks each id's provider for the fixes of the first diagnostic of any requested id, and starts
        // a solution-wide Fix All for the id with the key of the first action offered, or with none.
        var (document, diagnostics) = await LoadAsync(language, fileName);
        var baseline = await ErrorsAndWarningsAsync(document.Project);
        foreach (var id in diagnostics.Select(d => d.Id).Distinct().Where(id => ProvidersFor(document, id).Any()))
        {
            if (diagnostics.FirstOrDefault(d => d.Id != id) is not { } foreign)
            {
                continue;
            }

            foreach (var provider in ProvidersFor(document, id))
            {
                CodeAction? offered = null;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, foreign, (action, _) => offered ??= action, CancellationToken.None));
                var what = $"Fix All of {id} by {provider.GetType().Name}, started from {foreign.Id}";
                Assert.True(offered is null, $"{what}: offered '{offered?.Title}' for a diagnostic of another rule");

                var context = new FixAllContext(document, provider, FixAllScope.Solution, null!, new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
                var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(fixAll is not null, what + " returned no action");
                var fixedDocument = await ApplyAsync(document, fixAll!);
                await AssertNoNewErrorsAsync(fixedDocument.Project, baseline, what);
                var remaining = (await DiagnosticsAsync(fixedDocument)).Where(d => d.Id == id).ToList();
                Assert.True(remaining.Count == 0, $"{what} left {string.Join("; ", remaining)}\n{(await fixedDocument.GetTextAsync()).ToString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(InsecureFiles))]
    public async Task FixAll_WithNothingLeftToFix_AnswersWithAnActionThatChangesNothing(string language, string fileName)
    {
        // dotnet format's run over several rules reaches a rule whose diagnostics another rule's fix already settled:
        // Fix All must answer (no "didn't return a Fix All action"), and change nothing.
        var (document, diagnostics) = await LoadAsync(language, fileName);
        foreach (var id in diagnostics.Select(d => d.Id).Distinct())
        {
            foreach (var provider in ProvidersFor(document, id))
            {
                var context = new FixAllContext(document, provider, FixAllScope.Solution, null!, new[] { id }, new FixedDiagnostics(ImmutableArray<Diagnostic>.Empty), CancellationToken.None);
                var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(fixAll is not null, $"Fix All of {id} by {provider.GetType().Name} returned no action");
                Assert.Equal(SmtpTlsAnalyzers.CodeFixes.Rules.RuleCodeFixProvider.NothingLeftTitle, fixAll!.Title);
                var fixedDocument = await ApplyAsync(document, fixAll);
                Assert.Equal((await document.GetTextAsync()).ToString(), (await fixedDocument.GetTextAsync()).ToString());
            }
        }
    }

    /// <summary>A sample as one project (every source file outside bin/obj), the insecure file and its SMTP diagnostics.</summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> LoadAsync(string language, string fileName)
    {
        var sample = Sample.Of(language);
        var references = (await TestReferences.Net80.ResolveAsync(language, CancellationToken.None)).AddRange(TestReferences.MailKit).AddRange(ConfigurationReferences.All);
        var workspace = new AdhocWorkspace();
        var project = sample.Configure(workspace.CurrentSolution.AddProject("Sample", "Sample", language)).WithMetadataReferences(references);
        Document? target = null;
        foreach (var path in Directory.EnumerateFiles(sample.Folder, "*" + sample.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(sample.Folder, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var document = project.AddDocument(relative, SourceText.From(File.ReadAllText(path)), filePath: "/sample/" + relative);
            project = document.Project;
            if (relative == "Insecure/" + fileName)
            {
                target = document;
            }
        }

        Assert.NotNull(target);
        target = project.GetDocument(target!.Id)!;
        Assert.Empty(await ErrorsAsync(project));
        var diagnostics = await DiagnosticsAsync(target);
        Assert.NotEmpty(diagnostics);
        return (target, diagnostics);
    }

    /// <summary>The SMTP diagnostics of one document; an analyzer exception fails the test.</summary>
    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var all = await compilation.WithAnalyzers(Sample.Of(document.Project.Language).Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        var tree = await document.GetSyntaxTreeAsync();
        return all
            .Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("SMTP", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>What tells two diagnostics apart: the rule and where it is reported.</summary>
    private static string Identity(Diagnostic diagnostic) => $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}";

    private static Task<List<string>> ErrorsAsync(Project project) => CompilerDiagnosticsAsync(project, DiagnosticSeverity.Error);

    /// <summary>The compiler's errors and warnings: a project that treats warnings as errors must still build.</summary>
    private static Task<List<string>> ErrorsAndWarningsAsync(Project project) => CompilerDiagnosticsAsync(project, DiagnosticSeverity.Warning);

    private static async Task<List<string>> CompilerDiagnosticsAsync(Project project, DiagnosticSeverity atLeast) =>
        (await project.GetCompilationAsync())!.GetDiagnostics()
            .Where(d => d.Severity >= atLeast)
            .Select(d => $"{d.Id}: {d.GetMessage()}")
            .ToList();

    private static async Task AssertNoNewErrorsAsync(Project project, List<string> baseline, string what)
    {
        var errors = await ErrorsAndWarningsAsync(project);
        var added = errors.Except(baseline).ToList();
        if (added.Count > 0)
        {
            var sources = string.Join("\n", await Task.WhenAll(project.Documents.Where(d => d.Name.StartsWith("Insecure/", StringComparison.Ordinal)).Select(async d => (await d.GetTextAsync()).ToString())));
            Assert.Fail($"{what} does not compile: {string.Join("; ", added)}\n{sources}");
        }
    }

    private static IEnumerable<CodeFixProvider> ProvidersFor(Document document, string id) =>
        Sample.Of(document.Project.Language).CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(id));

    private static async Task<List<(CodeFixProvider Provider, CodeAction Action)>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<(CodeFixProvider, CodeAction)>();
        foreach (var provider in ProvidersFor(document, diagnostic.Id))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((provider, action)), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions;
    }

    private static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    /// <summary>Where <paramref name="span"/> lies after <paramref name="changes"/> (ordered, non-overlapping).</summary>
    private static TextSpan Map(TextSpan span, IEnumerable<TextChange> changes)
    {
        int start = span.Start, end = span.End, shiftStart = 0, shiftEnd = 0;
        foreach (var change in changes)
        {
            var delta = change.NewText!.Length - change.Span.Length;
            if (change.Span.End <= start)
            {
                shiftStart += delta;
            }

            if (change.Span.Start <= end)
            {
                shiftEnd += delta;
            }
        }

        return TextSpan.FromBounds(start + shiftStart, Math.Max(start + shiftStart, end + shiftEnd));
    }

    /// <summary>One language's sample: where it is, how its project compiles, and that language's analyzer and fixes.</summary>
    private sealed record Sample(string Language, string Folder, string Extension, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<CodeFixProvider> CodeFixes, Func<Project, Project> Configure)
    {
        public static readonly ImmutableArray<Sample> All = ImmutableArray.Create(
            new Sample(
                LanguageNames.CSharp,
                Path.Combine(RuleCatalog.RepositoryRoot, "samples", "SmtpTlsAnalyzers.Sample"),
                ".cs",
                RuleCatalog.Analyzers,
                RuleCatalog.CodeFixes,
                project => project
                    .WithParseOptions(new CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))
                    .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable))),
            new Sample(
                LanguageNames.VisualBasic,
                Path.Combine(RuleCatalog.RepositoryRoot, "samples", "SmtpTlsAnalyzers.Sample.VisualBasic"),
                ".vb",
                ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzers.VisualBasicSmtpTlsAnalyzer()),
                RuleCatalog.VisualBasicCodeFixes,
                // As the sample's project file says: Option Strict On, Option Infer On, no My namespace.
                project => project
                    .WithParseOptions(new VisualBasicParseOptions(Microsoft.CodeAnalysis.VisualBasic.LanguageVersion.Latest))
                    .WithCompilationOptions(new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: OptionStrict.On, optionInfer: true))));

        public static Sample Of(string language) => All.Single(s => s.Language == language);
    }
}
