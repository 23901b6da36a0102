using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// A certificate validation callback given to a MailKit client, an <c>HttpsProxyClient</c>,
/// <c>ServicePointManager.ServerCertificateValidationCallback</c> (<c>=</c> and <c>+=</c>) or
/// <c>ServicePointManager.CertificatePolicy</c>, followed to its visible body and classified by what it accepts
/// (SMTP006 when it accepts everything, SMTP010 when it tolerates certificate errors).
/// </summary>
internal sealed class CertificateCallbackAssignment
{
    private const string CallbackProperty = "ServerCertificateValidationCallback";
    private const string PolicyProperty = "CertificatePolicy";
    private const int MaxFlagLength = 60;

    private CertificateCallbackAssignment(IAssignmentOperation assignment, CallbackVerdict verdict, string target, ImmutableDictionary<string, string?> properties, ImmutableArray<Location> additionalLocations)
    {
        Assignment = assignment;
        Verdict = verdict;
        Target = target;
        Properties = properties;
        AdditionalLocations = additionalLocations;
    }

    public IAssignmentOperation Assignment { get; }
    public CallbackVerdict Verdict { get; }

    /// <summary>What is assigned, as messages name it.</summary>
    public string Target { get; }
    public ImmutableDictionary<string, string?> Properties { get; }
    public ImmutableArray<Location> AdditionalLocations { get; }

    /// <summary>
    /// Callbacks that accept every certificate, stored in the field whose value is assigned (a mutable field, or one a
    /// constructor writes): the value assigned is not known, but each of them can reach the mail code. Reported where
    /// each is written.
    /// </summary>
    public ImmutableArray<StoredCallback> Stored { get; private set; } = ImmutableArray<StoredCallback>.Empty;

    /// <summary>
    /// " when flag is true" (or false) for a callback that accepts everything only on a setting; " on one path" for a
    /// value that is that callback on one of its paths only (<c>ignore ? (s, c, h, e) =&gt; true : null</c>, a switch
    /// whose other arms validate); empty otherwise.
    /// </summary>
    public string FlagText => DescribeFlag(Verdict) is { Length: > 0 } flag ? flag : OnOnePath ? " on one path" : string.Empty;

    /// <summary>True when the value assigned can be another callback, or none, on other paths.</summary>
    public bool OnOnePath { get; private set; }

    /// <summary>Whom an attacker can pose as, and what they read then, as messages say it.</summary>
    public string Impersonated { get; private set; } = MailServer;

    /// <summary>What an attacker reads by posing as the mail server.</summary>
    private const string MailServer = "the mail server and read the login";

    /// <summary>
    /// What an attacker reads by posing as an HTTPS proxy: the proxy's login, and the server the client asks to reach;
    /// the mail connection inside keeps its own TLS and validation.
    /// </summary>
    private const string Proxy = "the proxy and read the proxy login";

    /// <summary>
    /// <see cref="Classify"/> for an assignment, computed once for the rules that read it; null at once for an
    /// assignment to anything but a property of the callback's or the policy's name.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static CertificateCallbackAssignment? Of(IOperation operation, MailTreeContext context) =>
        operation is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: CallbackProperty or PolicyProperty } }
            ? context.Memo(operation, Classify)
            : null;

    /// <summary>What the callback or policy assigned accepts; null when it is not a mail certificate setting or is not proven weak.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static CertificateCallbackAssignment? Classify(IOperation operation, MailTreeContext context)
    {
        var assignment = (IAssignmentOperation)operation;
        var types = context.Mail.Types;
        var settings = context.Mail.Settings;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: CallbackProperty or PolicyProperty } reference ||
            assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add } ||
            types.RemoteCertificateValidationCallback is null)
        {
            return null;
        }

        var checkValidationResult = types.CheckValidationResult;

        var property = reference.Property;
        string target;
        string fix;
        var impersonated = MailServer;
        CertificateCallback? callback = null;
        var isPolicy = false;
        if (TlsSettingTarget.IsMailKitProperty(property, CallbackProperty, types))
        {
            if (TlsSettingTarget.ConnectsOnlyToPlaintextHosts(reference, settings, context.CancellationToken))
            {
                return null;
            }

            target = "The callback assigned to ServerCertificateValidationCallback";
            fix = DiagnosticProperties.RemoveCertificateCallback;
            impersonated = KnownTypes.IsOrDerivesFrom(property.ContainingType, types.MailKitHttpsProxyClient) ? Proxy : MailServer;
        }
        else if (TlsSettingTarget.IsServicePointManagerProperty(property, CallbackProperty, types) &&
            context.Mail.ServicePointManagerReachesMail(ServicePointManagerSetting.CertificateValidation, context.SemanticModel, context.CancellationToken))
        {
            target = assignment is ICompoundAssignmentOperation
                ? "The callback added to ServicePointManager.ServerCertificateValidationCallback"
                : "The callback assigned to ServicePointManager.ServerCertificateValidationCallback";
            fix = DiagnosticProperties.ResetGlobalCertificateCallback;
        }
        else if (assignment is ISimpleAssignmentOperation && checkValidationResult is not null &&
            TlsSettingTarget.IsServicePointManagerProperty(property, PolicyProperty, types) &&
            context.Mail.ServicePointManagerReachesMail(ServicePointManagerSetting.CertificatePolicy, context.SemanticModel, context.CancellationToken) &&
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
            return null;
        }

        // A policy is one class; a callback value may be one of several (a conditional, `??`).
        var verdict = callback?.Classify(context.CancellationToken) ?? CallbackVerdict.Unknown;
        var onOnePath = false;
        if (!isPolicy && !TryClassifyWorst(assignment.Value, context.CancellationToken, out callback, out verdict, out onOnePath))
        {
            var stored = StoredAcceptAll(assignment.Value, context);
            return stored.IsEmpty
                ? null
                : new CertificateCallbackAssignment(assignment, CallbackVerdict.Unknown, target, ImmutableDictionary<string, string?>.Empty, ImmutableArray<Location>.Empty)
                {
                    Stored = stored,
                    Impersonated = impersonated,
                };
        }

        if (callback is null || verdict.Kind == CallbackVerdictKind.Unknown ||
            (isPolicy && verdict.Kind != CallbackVerdictKind.AcceptsAll))
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Fix] = fix;
        var additionalLocations = ImmutableArray<Location>.Empty;
        if (CanRestrictResult(callback, assignment, context.Mail.Syntax))
        {
            properties[DiagnosticProperties.CallbackErrors] = isPolicy
                ? DiagnosticProperties.CertificateProblemParameter
                : DiagnosticProperties.SslPolicyErrorsParameter;
            additionalLocations = ImmutableArray.Create(callback.Declaration.GetLocation());
        }

        return new CertificateCallbackAssignment(assignment, verdict, target, properties.ToImmutable(), additionalLocations)
        {
            Impersonated = impersonated,
            OnOnePath = onOnePath,
        };
    }

    /// <summary>The lambdas and methods this file writes to the field that is assigned, when they accept every certificate.</summary>
    private static ImmutableArray<StoredCallback> StoredAcceptAll(IOperation value, MailTreeContext context)
    {
        if (ValueResolver.SkipImplicitConversions(value) is not IFieldReferenceOperation { Field: { } field } || field.ContainingType is null)
        {
            return ImmutableArray<StoredCallback>.Empty;
        }

        var stored = ImmutableArray.CreateBuilder<StoredCallback>();
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != context.Tree)
            {
                continue;
            }

            var declaration = context.Mail.Syntax.DeclarationBlock(reference.GetSyntax(context.CancellationToken));
            foreach (var node in context.Mail.Syntax.OperationRoots(declaration, context.CancellationToken))
            {
                foreach (var operation in context.SemanticModel.GetOperation(node, context.CancellationToken)?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var written = operation switch
                    {
                        ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Field, field) => assignment.Value,
                        IFieldInitializerOperation initializer when initializer.InitializedFields.Contains(field, SymbolEqualityComparer.Default) => initializer.Value,
                        _ => null,
                    };

                    if (written is null)
                    {
                        continue;
                    }

                    var candidates = new List<PossibleValue>();
                    ValueResolver.CollectPossibleValuesOutsideFields(written, candidates);
                    foreach (var candidate in candidates)
                    {
                        if (CertificateCallback.Resolve(candidate.Source, context.CancellationToken) is { } callback &&
                            callback.Classify(context.CancellationToken) is { Kind: CallbackVerdictKind.AcceptsAll } verdict)
                        {
                            stored.Add(new StoredCallback(callback.Declaration, field, verdict));
                        }
                    }
                }
            }
        }

        return stored.ToImmutable();
    }

    /// <summary>
    /// Classifies every callback the value can be (<c>flag ? (s, c, h, e) => true : null</c>,
    /// <c>callback ?? AcceptAll</c>, a local written once) and keeps the worst: one that accepts every certificate,
    /// else one that tolerates errors. Branches whose callback is not visible count for nothing.
    /// <paramref name="onOnePath"/> tells whether another branch can be something else than that worst verdict.
    /// </summary>
    private static bool TryClassifyWorst(IOperation value, CancellationToken cancellationToken, out CertificateCallback? worst, out CallbackVerdict verdict, out bool onOnePath)
    {
        worst = null;
        verdict = CallbackVerdict.Unknown;
        var candidates = new List<PossibleValue>();
        ValueResolver.CollectPossibleValuesOutsideFields(value, candidates);
        var kinds = new List<CallbackVerdictKind>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (CertificateCallback.Resolve(candidate.Source, cancellationToken) is not { } callback)
            {
                kinds.Add(CallbackVerdictKind.Unknown);
                continue;
            }

            var candidateVerdict = callback.Classify(cancellationToken);
            kinds.Add(candidateVerdict.Kind);
            if (candidateVerdict.Kind > verdict.Kind)
            {
                worst = callback;
                verdict = candidateVerdict;
            }
        }

        var worstKind = verdict.Kind;
        onOnePath = kinds.Exists(kind => kind != worstKind);
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
    private static bool CanRestrictResult(CertificateCallback callback, IOperation assignment, LanguageSyntax syntax) =>
        callback.Signature is { Parameters.Length: 4 } signature &&
        callback.Declaration.SyntaxTree == assignment.Syntax.SyntaxTree &&
        syntax.IsCallbackDeclaration(callback.Declaration) &&
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

    public static string DescribeFlag(CallbackVerdict verdict)
    {
        if (verdict.Flag is not { } flag)
        {
            return string.Empty;
        }

        var value = verdict.FlagValue ? " is true" : " is false";
        var text = string.Join(" ", flag.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > MaxFlagLength ? " when its result" + value : " when " + text + value;
    }
}

/// <summary>A callback stored in a field, and what it accepts.</summary>
internal sealed class StoredCallback
{
    public StoredCallback(SyntaxNode declaration, IFieldSymbol field, CallbackVerdict verdict)
    {
        Declaration = declaration;
        Field = field;
        Verdict = verdict;
    }

    public SyntaxNode Declaration { get; }
    public IFieldSymbol Field { get; }
    public CallbackVerdict Verdict { get; }
}
