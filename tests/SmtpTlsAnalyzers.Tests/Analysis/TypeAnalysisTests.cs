using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.VisualBasic;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Analysis;

/// <summary>
/// A type's collected operation trees, as the compiler's driver hands them over: each root once, in source order,
/// grouped by file.
/// </summary>
public class TypeAnalysisTests
{
    [Fact]
    public async Task VisualBasicInitializerOfTwoFields_IsOneRoot_AndRootsFollowTheSource()
    {
        const string source = """
            Public Class Holder
                Private a, b As New System.Text.StringBuilder()
                Private c As Integer = 1

                Public Sub New()
                    MyBase.New()
                    c = 2
                End Sub

                Public Sub M()
                    c = 3
                End Sub
            End Class
            """;
        var tree = VisualBasicSyntaxTree.ParseText(source, path: "Holder.vb");
        var compilation = VisualBasicCompilation.Create(
            "Holder",
            new[] { tree },
            await TestReferences.Net80.ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None),
            new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var (collected, files) = await AnalyzeAsync(compilation, "Holder");

        // The driver hands the shared initializer over once per field, as one tree or, when the two fields are
        // analyzed at once, as two trees of the same syntax: either way the listing must walk it once.
        var shared = collected.Where(b => b is IFieldInitializerOperation { InitializedFields.Length: 2 }).ToArray();
        Assert.Equal(2, shared.Length);
        Assert.Same(shared[0].Syntax, shared[1].Syntax);

        var file = Assert.Single(files);
        Assert.Equal(tree, file.Tree);
        Assert.Equal(collected.Select(b => RootOf(b).Syntax).Distinct().Count(), file.Roots.Count);
        Assert.Single(file.Roots, r => r.Syntax == shared[0].Syntax);
        Assert.Equal(file.Roots.OrderBy(r => r.Syntax.SpanStart), file.Roots);
    }

    [Fact]
    public async Task CSharpPartialTypeInTwoFiles_GivesEachFileItsRoots()
    {
        var first = CSharpSyntaxTree.ParseText(
            """
            partial class Holder
            {
                int _a = 1;
                void Late() { _a = 4; }
                void Early() { _a = 3; }
            }
            """,
            path: "First.cs");
        var second = CSharpSyntaxTree.ParseText(
            """
            partial class Holder
            {
                Holder() : this(1) { _a = 2; }
                Holder(int value) { _a = value; }
            }
            """,
            path: "Second.cs");
        var compilation = CSharpCompilation.Create(
            "Holder",
            new[] { first, second },
            await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var (collected, files) = await AnalyzeAsync(compilation, "Holder");

        Assert.Equal(2, files.Length);
        var byTree = files.ToDictionary(f => f.Tree);
        Assert.Equal(3, byTree[first].Roots.Count);
        Assert.Equal(2, byTree[second].Roots.Count);
        foreach (var file in files)
        {
            Assert.All(file.Roots, r => Assert.Equal(file.Tree, r.Syntax.SyntaxTree));
            Assert.All(file.Roots, r => Assert.Null(r.Parent));
            Assert.Equal(file.Roots.OrderBy(r => r.Syntax.SpanStart), file.Roots);
        }

        // The constructor's initializer and body are two blocks of one root: collected twice, listed once.
        Assert.Equal(6, collected.Length);
        Assert.Equal(collected.Select(b => RootOf(b).Syntax).Distinct().Count(), files.Sum(f => f.Roots.Count));
    }

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static async Task<(ImmutableArray<IOperation> Collected, ImmutableArray<TypeFile> Files)> AnalyzeAsync(Compilation compilation, string typeName)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        // The same trees in another compilation: its semantic models build other operation trees of the same syntax.
        var twin = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
        var analyzer = new CollectingAnalyzer(typeName, twin);
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
        Assert.Null(analyzer.Failure);
        Assert.NotNull(analyzer.Files);
        return (analyzer.Collected.ToImmutableArray(), analyzer.Files!.Value);
    }

    /// <summary>Registers the way the mail analyzer does for one type, with every file of it open.</summary>
#pragma warning disable RS1001, RS2008 // A test double, never shipped: created by the test, not found by attribute.
    private sealed class CollectingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001, RS2008
    {
        private readonly string _typeName;
        private readonly Compilation _twin;

        public CollectingAnalyzer(string typeName, Compilation twin)
        {
            _typeName = typeName;
            _twin = twin;
        }

        public ConcurrentQueue<IOperation> Collected { get; } = new();

        public ImmutableArray<TypeFile>? Files { get; private set; }

        public System.Exception? Failure { get; private set; }

        // The driver runs no analyzer without a diagnostic it could report.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("TEST002", "Collects", "Collects", "Test", DiagnosticSeverity.Warning, true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolStartAction(
                start =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    if (type.Name != _typeName)
                    {
                        return;
                    }

                    var analysis = new TypeAnalysis(type, registry: null!);
                    foreach (var reference in type.DeclaringSyntaxReferences)
                    {
                        analysis.Open(reference.SyntaxTree, namesMail: true);
                    }

                    var blocks = new ConcurrentQueue<OperationBlockAnalysisContext>();
                    start.RegisterOperationBlockAction(block =>
                    {
                        foreach (var operation in block.OperationBlocks)
                        {
                            Collected.Enqueue(operation);
                        }

                        blocks.Enqueue(block);
                    });

                    // Handed over last member first, so that the listing's order cannot come from the driver's; and
                    // each block once more as a second tree of the same syntax (another semantic model's), as the
                    // driver sometimes hands over a block shared by members analyzed at once.
                    start.RegisterSymbolEndAction(end =>
                    {
                        try
                        {
                        foreach (var block in blocks.OrderByDescending(b => b.OperationBlocks[0].Syntax.SpanStart))
                        {
                            analysis.Collect(block);
                            var syntax = RootOf(block.OperationBlocks[0]).Syntax;
#pragma warning disable RS1030, CS0618 // Another compilation's semantic model, and a context built by hand: what the test is for.
                            var again = _twin.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, end.CancellationToken)!;
                            Assert.NotSame(RootOf(block.OperationBlocks[0]), again);
                            analysis.Collect(new OperationBlockAnalysisContext(
                                ImmutableArray.Create(again), block.OwningSymbol, end.Compilation, end.Options, _ => { }, _ => true, end.CancellationToken));
#pragma warning restore RS1030, CS0618
                        }

                        Files = analysis.Files().ToImmutableArray();
                        }
                        catch (System.Exception exception)
                        {
                            Failure = exception;
                        }
                    });
                },
                SymbolKind.NamedType);
        }
    }
}
