using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>SMTP012: MailKit's <c>ProtocolLogger.RedactSecrets</c> is proven to be set to false.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtocolLogRedactionAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> FixProperties =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.SetTrue);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SMTP012_ProtocolLogContainsSecrets);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: a password written to a log by generated or scaffolded code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(static startContext =>
        {
            var types = KnownTypes.Create(startContext.Compilation);
            if (types.MailKitProtocolLogger is not { } protocolLogger)
            {
                return;
            }

            var settings = AnalyzerSettings.Create(startContext.Options);
            if (settings.IsTestProjectOptedOut(startContext.Compilation))
            {
                return;
            }

            startContext.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "RedactSecrets" } property } &&
                        KnownTypes.IsOrDerivesFrom(property.ContainingType, protocolLogger) &&
                        ValueResolver.TryGetBoolean(assignment.Value, out var value) && !value &&
                        settings.IsEnabled(assignment.Syntax.SyntaxTree))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP012_ProtocolLogContainsSecrets, assignment.Syntax.GetLocation(), FixProperties));
                    }
                },
                OperationKind.SimpleAssignment);
        });
    }
}
