using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer of the package (found by reflection, so rules added later are covered) over a corpus of broken
/// and unusual code, through CompilationWithAnalyzers as the compiler runs them: no analyzer exception and no
/// AD0001, with the default options and with every shared option set.
/// </summary>
public class RobustnessTests
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
        (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false))
            .AddRange(TestReferences.MailKit));

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SmtpTlsAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>No option set: an empty .editorconfig.</summary>
    private static readonly AnalyzerOptions DefaultOptions = new(ImmutableArray<AdditionalText>.Empty);

    /// <summary>Every shared option set, with odd separators: a test project that opted in, extra plaintext hosts.</summary>
    private static readonly AnalyzerOptions ConfiguredOptions = new(
        ImmutableArray<AdditionalText>.Empty,
        new OptionsProvider(new Dictionary<string, string>
        {
            [AnalyzerSettings.IsTestProjectKey] = "true",
            [AnalyzerSettings.AnalyzeTestProjectsKey] = " TRUE ",
            [AnalyzerSettings.PlaintextHostsKey] = "mail.internal;; [::1] ,\tlocalhost,, ",
        }));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var corpusCase in RobustnessCorpus.Cases())
        {
            data.Add(corpusCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task CorpusCase_RaisesNoAnalyzerException(string name)
    {
        var corpusCase = RobustnessCorpus.Cases().Single(c => c.Name == name);
        foreach (var options in new[] { DefaultOptions, ConfiguredOptions })
        {
            var (failures, _) = await AnalyzeAsync(corpusCase, Analyzers, options);
            Assert.True(failures.IsEmpty, $"{name}: " + string.Join(Environment.NewLine, failures));
        }
    }

    [Fact]
    public void Analyzers_AreFoundByReflection()
    {
        Assert.Contains(Analyzers, a => a is SmtpTlsAnalyzers.SmtpTlsAnalyzer);
        Assert.All(Analyzers, a => Assert.NotEmpty(a.SupportedDiagnostics));
    }

    /// <summary>
    /// The rules each corpus case raises with the default options. Broken code must neither silence the rules that
    /// can still see their shape nor make rules report what they cannot see (unresolved types, dynamic receivers).
    /// A new case needs its line here.
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedIds = new(StringComparer.Ordinal)
    {
        ["MissingBraces"] = new[] { "SMTP001", "SMTP006" },
        ["UnresolvedTypes"] = Array.Empty<string>(),
        ["ConnectWrongArityOrNull"] = new[] { "SMTP001", "SMTP003", "SMTP004", "SMTP007", "SMTP009" },
        ["DynamicReceivers"] = Array.Empty<string>(),
        ["GenericWrappers"] = new[] { "SMTP001", "SMTP003", "SMTP004", "SMTP006", "SMTP007", "SMTP009" },
        ["AsyncLambdas"] = new[] { "SMTP002", "SMTP003", "SMTP004", "SMTP006", "SMTP009" },
        ["TopLevelStatements"] = new[] { "SMTP001", "SMTP003", "SMTP004", "SMTP006", "SMTP008", "SMTP009", "SMTP012" },
        ["RecordsAndPrimaryConstructors"] = new[] { "SMTP001", "SMTP003", "SMTP004", "SMTP008" },
        ["IfBranches"] = new[] { "SMTP001", "SMTP003" },
        ["DeconstructedLocals"] = new[] { "SMTP003", "SMTP013" },
        ["ValuesReturnedByHelpers"] = new[] { "SMTP004", "SMTP008", "SMTP013" },
        ["LocalsWrittenOnSeveralPaths"] = new[] { "SMTP003", "SMTP006", "SMTP013" },
        ["PartialClasses"] = new[] { "SMTP001", "SMTP003", "SMTP006" },
        ["NullableCallbacks"] = new[] { "SMTP001", "SMTP003", "SMTP006", "SMTP007" },
        ["UnusualExpressions"] = new[] { "SMTP001", "SMTP003", "SMTP008", "SMTP009", "SMTP013" },
        ["GeneratedAndEmpty"] = new[] { "SMTP003" },
    };

    /// <summary>The corpus reaches the rules: the mail types resolve and each case raises exactly its expected rules.</summary>
    [Fact]
    public async Task Corpus_ResolvesTheMailTypesAndRaisesTheExpectedRules()
    {
        var compilation = await CreateCompilationAsync(RobustnessCorpus.Cases().First());
        var types = KnownTypes.Create(compilation);
        Assert.True(types.HasSystemNetMail && types.HasMailKit, "the corpus compilation must see System.Net.Mail and MailKit");

        var differences = new List<string>();
        var cases = RobustnessCorpus.Cases().Where(c => c.Name != "VeryLongFile").ToList();
        foreach (var corpusCase in cases)
        {
            var (_, diagnostics) = await AnalyzeAsync(corpusCase, Analyzers, DefaultOptions);
            var reported = diagnostics.Select(d => d.Id).Where(id => id.StartsWith("SMTP", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!ExpectedIds.TryGetValue(corpusCase.Name, out var expected))
            {
                differences.Add($"{corpusCase.Name}: no expectation; it reports {string.Join(", ", reported)}");
            }
            else if (!expected.Order(StringComparer.Ordinal).SequenceEqual(reported))
            {
                differences.Add($"{corpusCase.Name}: expected {string.Join(", ", expected)}; reported {string.Join(", ", reported)}");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(ExpectedIds.Keys.Order(StringComparer.Ordinal), cases.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>The harness itself: an analyzer that throws is caught, so a passing corpus run means something.</summary>
    [Fact]
    public async Task ThrowingAnalyzer_IsCaught()
    {
        var (failures, _) = await AnalyzeAsync(
            RobustnessCorpus.Cases().First(c => c.Name == "ConnectWrongArityOrNull"),
            ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()),
            DefaultOptions);

        Assert.Contains(failures, f => f.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal));
    }

    private static async Task<(ImmutableArray<string> Failures, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(
        RobustnessCase corpusCase, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var compilation = await CreateCompilationAsync(corpusCase);
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        var diagnostics = result.GetAllDiagnostics();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return (failures.Distinct().ToImmutableArray(), diagnostics);
    }

    private static async Task<CSharpCompilation> CreateCompilationAsync(RobustnessCase corpusCase)
    {
        var trees = corpusCase.Sources.Select((source, i) =>
            CSharpSyntaxTree.ParseText(source, RobustnessCorpus.ParseOptions, $"/{corpusCase.Name}{i}.cs"));
        return CSharpCompilation.Create(corpusCase.Name, trees, await References.Value, RobustnessCorpus.CompilationOptions(corpusCase));
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public OptionsProvider(Dictionary<string, string> values) => _options = new DictionaryOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }

#pragma warning disable RS1001, RS1015, RS1025, RS1026, RS2008 // A test double, never shipped.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context) =>
            context.RegisterOperationAction(_ => throw new InvalidOperationException("thrown on purpose"), OperationKind.Invocation);
    }
#pragma warning restore RS1001, RS1015, RS1025, RS1026, RS2008
}
