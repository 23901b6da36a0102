using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP006 and SMTP010: one pass that finds the certificate validation callback given to a MailKit client, an
/// <c>HttpsProxyClient</c>, <c>ServicePointManager.ServerCertificateValidationCallback</c> (<c>=</c> and <c>+=</c>) or
/// <c>ServicePointManager.CertificatePolicy</c>, follows it to its visible body, and classifies what it accepts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationCallbackAnalyzer : DiagnosticAnalyzer
{
    private const string CallbackProperty = "ServerCertificateValidationCallback";
    private const string PolicyProperty = "CertificatePolicy";
    private const int MaxFlagLength = 60;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SMTP006_CertificateCallbackAcceptsAll,
        Descriptors.SMTP010_CertificateCallbackToleratesErrors);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: an accept-all callback in generated or scaffolded code is still a vulnerability.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(static startContext =>
        {
            var types = KnownTypes.Create(startContext.Compilation);
            // The process-wide ServicePointManager settings matter here only because System.Net.Mail reads them.
            if (types.RemoteCertificateValidationCallback is null || (!types.HasMailKit && !types.HasSystemNetMail))
            {
                return;
            }

            var settings = AnalyzerSettings.Create(startContext.Options);
            if (settings.IsTestProjectOptedOut(startContext.Compilation))
            {
                return;
            }

            var checkValidationResult = types.ICertificatePolicy?.GetMembers("CheckValidationResult").OfType<IMethodSymbol>().FirstOrDefault();
            startContext.RegisterOperationAction(
                c => Analyze(c, (IAssignmentOperation)c.Operation, types, settings, checkValidationResult),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IAssignmentOperation assignment, KnownTypes types, AnalyzerSettings settings, IMethodSymbol? checkValidationResult)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: CallbackProperty or PolicyProperty } reference ||
            assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add } ||
            !settings.IsEnabled(assignment.Syntax.SyntaxTree))
        {
            return;
        }

        var property = reference.Property;
        string target;
        string fix;
        CertificateCallback? callback = null;
        var isPolicy = false;
        if (TlsSettingTarget.IsMailKitProperty(property, CallbackProperty, types))
        {
            if (TlsSettingTarget.ConnectsOnlyToPlaintextHosts(reference, settings))
            {
                return;
            }

            target = "The callback assigned to ServerCertificateValidationCallback";
            fix = DiagnosticProperties.RemoveCertificateCallback;
        }
        else if (types.HasSystemNetMail && TlsSettingTarget.IsServicePointManagerProperty(property, CallbackProperty, types))
        {
            target = assignment is ICompoundAssignmentOperation
                ? "The callback added to ServicePointManager.ServerCertificateValidationCallback"
                : "The callback assigned to ServicePointManager.ServerCertificateValidationCallback";
            fix = DiagnosticProperties.ResetGlobalCertificateCallback;
        }
        else if (assignment is ISimpleAssignmentOperation && checkValidationResult is not null && types.HasSystemNetMail &&
            TlsSettingTarget.IsServicePointManagerProperty(property, PolicyProperty, types) &&
            FindPolicyType(assignment.Value) is { } policyType &&
            policyType.FindImplementationForInterfaceMember(checkValidationResult) is IMethodSymbol implementation)
        {
            target = "The certificate policy " + policyType.Name;
            fix = DiagnosticProperties.ResetGlobalCertificateCallback;
            callback = CertificateCallback.FromMethod(FindOverride(policyType, implementation), assignment.SemanticModel, context.CancellationToken);
            isPolicy = true;
        }
        else
        {
            return;
        }

        // A policy is one class; a callback value may be one of several (a conditional, `??`).
        var verdict = callback?.Classify(context.CancellationToken) ?? CallbackVerdict.Unknown;
        if ((!isPolicy && !TryClassifyWorst(assignment.Value, context.CancellationToken, out callback, out verdict)) ||
            callback is null || verdict.Kind == CallbackVerdictKind.Unknown ||
            (isPolicy && verdict.Kind != CallbackVerdictKind.AcceptsAll))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Fix] = fix;
        var additionalLocations = ImmutableArray<Location>.Empty;
        if (CanRestrictResult(callback, assignment))
        {
            properties[DiagnosticProperties.CallbackErrors] = isPolicy
                ? DiagnosticProperties.CertificateProblemParameter
                : DiagnosticProperties.SslPolicyErrorsParameter;
            additionalLocations = ImmutableArray.Create(callback.Declaration.GetLocation());
        }

        var diagnostic = verdict.Kind == CallbackVerdictKind.AcceptsAll
            ? Diagnostic.Create(Descriptors.SMTP006_CertificateCallbackAcceptsAll, assignment.Syntax.GetLocation(), additionalLocations, properties.ToImmutable(), target, DescribeFlag(verdict.Flag))
            : Diagnostic.Create(Descriptors.SMTP010_CertificateCallbackToleratesErrors, assignment.Syntax.GetLocation(), additionalLocations, properties.ToImmutable(), target, verdict.ToleratedErrors);
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>
    /// Classifies every callback the value can be (<c>flag ? (s, c, h, e) => true : null</c>,
    /// <c>callback ?? AcceptAll</c>, a local written once) and keeps the worst: one that accepts every certificate,
    /// else one that tolerates errors. Branches whose callback is not visible count for nothing.
    /// </summary>
    private static bool TryClassifyWorst(IOperation value, CancellationToken cancellationToken, out CertificateCallback? worst, out CallbackVerdict verdict)
    {
        worst = null;
        verdict = CallbackVerdict.Unknown;
        var candidates = new List<PossibleValue>();
        ValueResolver.CollectPossibleValues(value, candidates);
        foreach (var candidate in candidates)
        {
            if (CertificateCallback.Resolve(candidate.Source, cancellationToken) is not { } callback)
            {
                continue;
            }

            var candidateVerdict = callback.Classify(cancellationToken);
            if (candidateVerdict.Kind > verdict.Kind)
            {
                worst = callback;
                verdict = candidateVerdict;
            }
        }

        return worst is not null;
    }

    /// <summary>
    /// The method the runtime calls: the most derived override of the implementing method (an abstract or virtual
    /// <c>CheckValidationResult</c> of a base class overridden by the policy's own class).
    /// </summary>
    private static IMethodSymbol FindOverride(INamedTypeSymbol policyType, IMethodSymbol implementation)
    {
        if (!implementation.IsAbstract && !implementation.IsVirtual && !implementation.IsOverride)
        {
            return implementation;
        }

        for (var type = policyType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(implementation.Name))
            {
                for (var method = member as IMethodSymbol; method is not null; method = method.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, implementation.OriginalDefinition))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return implementation;
    }

    /// <summary>The class of the <c>ICertificatePolicy</c> object assigned: a creation, directly or through a local written once.</summary>
    private static INamedTypeSymbol? FindPolicyType(IOperation value)
    {
        var operation = ValueResolver.SkipImplicitConversions(value);
        if (operation is ILocalReferenceOperation local)
        {
            operation = ValueResolver.SkipImplicitConversions(ValueResolver.FindSingleWrite(local));
        }

        return operation is IObjectCreationOperation { Type: INamedTypeSymbol type } ? type : null;
    }

    /// <summary>
    /// The "accept only valid certificates" fix edits the callback itself: it needs the body in the same file and
    /// four parameters to name. A body that writes the errors parameter (<c>e &amp;= ~ChainErrors</c>) is left
    /// alone: a result of <c>e == SslPolicyErrors.None</c> would then still read the cleared value.
    /// </summary>
    private static bool CanRestrictResult(CertificateCallback callback, IOperation assignment) =>
        callback.Signature is { Parameters.Length: 4 } signature &&
        callback.Declaration.SyntaxTree == assignment.Syntax.SyntaxTree &&
        callback.Declaration is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax &&
        !WritesParameter(callback.Body, signature.Parameters[3]);

    private static bool WritesParameter(IOperation? body, IParameterSymbol parameter)
    {
        if (body is null)
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is IParameterReferenceOperation reference &&
                SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter) &&
                reference.Parent switch
                {
                    IAssignmentOperation written => written.Target == reference,
                    IIncrementOrDecrementOperation => true,
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                    _ => false,
                })
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeFlag(IOperation? flag)
    {
        if (flag is null)
        {
            return string.Empty;
        }

        var text = string.Join(" ", flag.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > MaxFlagLength ? " when its result is true" : " when " + text + " is true";
    }
}
