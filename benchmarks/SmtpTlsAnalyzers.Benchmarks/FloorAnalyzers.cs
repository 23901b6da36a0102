using System.Collections.Generic;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>The diagnostic the floors declare and never report (an analyzer without one enabled is not run).</summary>
internal static class FloorDescriptor
{
    public static readonly DiagnosticDescriptor Rule = new(
        "FLOOR001", "Floor", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
}

/// <summary>An analyzer that declares the floor diagnostic, never reports it, and registers its callbacks concurrently.</summary>
internal abstract class FloorAnalyzer : DiagnosticAnalyzer
{
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(FloorDescriptor.Rule);

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        Register(context);
    }

    protected abstract void Register(AnalysisContext context);
}

/// <summary>
/// The operation floor: the callbacks SmtpTlsAnalyzers registers (a per-type symbol start with operation actions for
/// invocations, assignments, object and delegate creations, field references, and a symbol end), all empty. No
/// analyzer built on operation actions can be cheaper than this.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationFloorAnalyzer : FloorAnalyzer
{
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(static start =>
            start.RegisterSymbolStartAction(static symbol =>
            {
                symbol.RegisterOperationAction(
                    static _ => { },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment,
                    OperationKind.ObjectCreation,
                    OperationKind.DelegateCreation,
                    OperationKind.FieldReference);
                symbol.RegisterSymbolEndAction(static _ => { });
            },
            SymbolKind.NamedType));
    }
}

/// <summary>
/// The syntax floor: syntax-node actions on invocations, assignments and object creations that compare the member
/// name as text with the names mail code uses, and only then ask for the symbol. The cheapest honest design.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NameCheckSyntaxFloorAnalyzer : FloorAnalyzer
{
    private static readonly HashSet<string> Names = new()
    {
        "Connect", "ConnectAsync", "Authenticate", "AuthenticateAsync", "Send", "SendAsync", "SendMailAsync",
        "EnableSsl", "Credentials", "ServerCertificateValidationCallback", "CheckCertificateRevocation",
        "SslProtocols", "SecurityProtocol", "RedactSecrets", "SmtpClient", "ImapClient", "Pop3Client", "ProtocolLogger",
    };

    protected override void Register(AnalysisContext context)
    {
        context.RegisterSyntaxNodeAction(
            static c =>
            {
                var name = c.Node switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
                    InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                    ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type),
                    _ => null,
                };
                if (name is not null && Names.Contains(name))
                {
                    _ = c.SemanticModel.GetSymbolInfo(c.Node, c.CancellationToken);
                }
            },
            SyntaxKind.InvocationExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.AddAssignmentExpression,
            SyntaxKind.ObjectCreationExpression);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}

/// <summary>
/// The baseline: one empty semantic-model action, called once per file: what the cheapest per-file look costs.
/// SmtpTlsAnalyzers spends its per-file cost on one text scan at compilation start instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySemanticModelAnalyzer : FloorAnalyzer
{
    protected override void Register(AnalysisContext context)
    {
        context.RegisterSemanticModelAction(static _ => { });
    }
}

/// <summary>
/// The report floor: reports, with no analysis at all, the very diagnostics SmtpTlsAnalyzers reported in its last run
/// on the same workload (same files, places, messages, properties, and additional locations in the same file), from
/// one syntax-tree action per file. Its time is what the compiler's driver charges for accepting those reports plus one call per file: no
/// analyzer that reports the same diagnostics costs less.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReportFloorAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableDictionary<string, DiagnosticDescriptor> _descriptors;
    private IReadOnlyDictionary<string, ImmutableArray<Replayed>> _byFile = new Dictionary<string, ImmutableArray<Replayed>>();

    /// <param name="descriptors">SmtpTlsAnalyzers' descriptors: the floor reports their IDs, each message as it was written.</param>
    public ReportFloorAnalyzer(ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        _descriptors = descriptors.ToImmutableDictionary(
            d => d.Id,
            d => new DiagnosticDescriptor(d.Id, d.Title, "{0}", d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, d.HelpLinkUri, d.CustomTags.ToArray()));
        SupportedDiagnostics = _descriptors.Values.ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// The diagnostics to report from now on, by file path: every compilation of a workload parses its files afresh,
    /// so each report is placed again in the tree of the same file.
    /// </summary>
    public void Replay(ImmutableArray<Diagnostic> diagnostics)
    {
        var byFile = new Dictionary<string, ImmutableArray<Replayed>>();
        foreach (var group in diagnostics.Where(d => _descriptors.ContainsKey(d.Id) && d.Location.SourceTree is not null).GroupBy(d => d.Location.SourceTree!.FilePath))
        {
            byFile.Add(group.Key, group.Select(d => new Replayed(
                _descriptors[d.Id],
                d.Location.SourceSpan,
                d.AdditionalLocations.Where(l => l.SourceTree?.FilePath == group.Key).Select(l => l.SourceSpan).ToImmutableArray(),
                d.Properties,
                d.GetMessage(CultureInfo.InvariantCulture))).ToImmutableArray());
        }

        _byFile = byFile;
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxTreeAction(c =>
        {
            if (_byFile.TryGetValue(c.Tree.FilePath, out var diagnostics))
            {
                foreach (var d in diagnostics)
                {
                    var additional = d.AdditionalSpans.Select(span => Location.Create(c.Tree, span));
                    c.ReportDiagnostic(Diagnostic.Create(d.Descriptor, Location.Create(c.Tree, d.Span), additional, d.Properties, d.Message));
                }
            }
        });
    }

    private sealed record Replayed(DiagnosticDescriptor Descriptor, TextSpan Span, ImmutableArray<TextSpan> AdditionalSpans, ImmutableDictionary<string, string?> Properties, string Message);
}
