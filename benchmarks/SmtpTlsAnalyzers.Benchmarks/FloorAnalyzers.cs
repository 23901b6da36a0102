using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>The diagnostic the floors declare and never report (an analyzer without one enabled is not run).</summary>
internal static class FloorDescriptor
{
    public static readonly DiagnosticDescriptor Rule = new(
        "FLOOR001", "Floor", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
}

/// <summary>
/// The operation floor: the callbacks SmtpTlsAnalyzers registers (a per-type symbol start with operation actions for
/// invocations, assignments, object and delegate creations, field references, and a symbol end), all empty. No
/// analyzer built on operation actions can be cheaper than this.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationFloorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(FloorDescriptor.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
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
/// <summary>
/// One empty semantic-model action per file: the floor of an analyzer that looks at every file once, and the yardstick
/// of the goal for compilations without mail code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptySemanticModelFloorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(FloorDescriptor.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSemanticModelAction(static _ => { });
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NameCheckSyntaxFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Names = new()
    {
        "Connect", "ConnectAsync", "Authenticate", "AuthenticateAsync", "Send", "SendAsync", "SendMailAsync",
        "EnableSsl", "Credentials", "ServerCertificateValidationCallback", "CheckCertificateRevocation",
        "SslProtocols", "SecurityProtocol", "RedactSecrets", "SmtpClient", "ImapClient", "Pop3Client", "ProtocolLogger",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(FloorDescriptor.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
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
