using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP001, SMTP002, SMTP005 and SMTP009 for <c>System.Net.Mail.SmtpClient</c>. The four rules share one pass: the
/// facts the code of a type proves about each client (how it was created, its host, port, delivery method,
/// EnableSsl writes, credentials, sends, and whether it escapes).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemNetMailSmtpClientAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SMTP001_SmtpClientEnableSslFalse,
        Descriptors.SMTP002_SmtpClientSendsWithoutSsl,
        Descriptors.SMTP005_TlsModeDoesNotMatchPort,
        Descriptors.SMTP009_CredentialsWithoutTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: a TLS downgrade in generated or scaffolded code is still a vulnerability.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(static startContext =>
        {
            var types = KnownTypes.Create(startContext.Compilation);
            if (!types.HasSystemNetMail)
            {
                return;
            }

            var settings = AnalyzerSettings.Create(startContext.Options);
            if (settings.IsTestProjectOptedOut(startContext.Compilation))
            {
                return;
            }

            var members = SmtpClientMembers.Create(types);

            // Every report needs a client created in the type ("SmtpClient", or a derived client that is used to
            // "Send") or an "EnableSsl" write; a type whose files mention none of them is skipped before binding.
            var filter = new SourceTextFilter("SmtpClient", "EnableSsl", "Send", "Port");
            startContext.RegisterSymbolStartAction(
                symbolContext =>
                {
                    if (filter.MayMention(symbolContext.Symbol, symbolContext.CancellationToken))
                    {
                        AnalyzeType(symbolContext, members, settings);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolStartAnalysisContext context, SmtpClientMembers members, AnalyzerSettings settings)
    {
        var model = new TypeModel(members);

        context.RegisterOperationAction(c => model.OnObjectCreation((IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => model.OnAssignment((ISimpleAssignmentOperation)c.Operation), OperationKind.SimpleAssignment);
        context.RegisterOperationAction(c => model.OnInvocation((IInvocationOperation)c.Operation), OperationKind.Invocation);
        context.RegisterOperationAction(
            c => model.OnOtherWrite(c.Operation),
            OperationKind.CompoundAssignment,
            OperationKind.CoalesceAssignment,
            OperationKind.DeconstructionAssignment);
        if (HasClientField((INamedTypeSymbol)context.Symbol, members))
        {
            context.RegisterOperationAction(c => model.OnFieldReference((IFieldReferenceOperation)c.Operation), OperationKind.FieldReference);
        }

        context.RegisterSymbolEndAction(c => model.Report(c, settings));
    }

    private static bool HasClientField(INamedTypeSymbol type, SmtpClientMembers members)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol field && members.IsClientType(field.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The SmtpClient members the rules look at, resolved once per compilation.</summary>
    private sealed class SmtpClientMembers
    {
        private readonly HashSet<IMethodSymbol> _sendMethods = new(SymbolEqualityComparer.Default);

        private SmtpClientMembers(KnownTypes types)
        {
            Types = types;
            var client = types.SystemNetMailSmtpClient!;
            foreach (var member in client.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, Name: "Send" or "SendAsync" or "SendMailAsync" } method:
                        _sendMethods.Add(method);
                        break;
                    case IPropertySymbol property:
                        switch (property.Name)
                        {
                            case "EnableSsl": EnableSsl = property; break;
                            case "Host": Host = property; break;
                            case "Port": Port = property; break;
                            case "DeliveryMethod": DeliveryMethod = property; break;
                            case "Credentials": Credentials = property; break;
                            case "UseDefaultCredentials": UseDefaultCredentials = property; break;
                        }

                        break;
                }
            }

            foreach (var member in types.SmtpDeliveryMethod?.GetMembers("Network") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IFieldSymbol { HasConstantValue: true } network)
                {
                    NetworkDeliveryValue = network.ConstantValue;
                }
            }
        }

        public KnownTypes Types { get; }
        public IPropertySymbol? EnableSsl { get; }
        public IPropertySymbol? Host { get; }
        public IPropertySymbol? Port { get; }
        public IPropertySymbol? DeliveryMethod { get; }
        public IPropertySymbol? Credentials { get; }
        public IPropertySymbol? UseDefaultCredentials { get; }
        public object? NetworkDeliveryValue { get; }

        public static SmtpClientMembers Create(KnownTypes types) => new(types);

        public bool IsClientType(ITypeSymbol? type) => KnownTypes.IsOrDerivesFrom(type, Types.SystemNetMailSmtpClient);

        public bool IsSend(IMethodSymbol method) => _sendMethods.Contains(method.OriginalDefinition);

        public bool Is(IPropertySymbol candidate, IPropertySymbol? property) =>
            property is not null && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, property);
    }

    /// <summary>What the code proves about one client: a local, a field, a parameter, or one expression.</summary>
    private sealed class ClientFacts
    {
        public readonly List<IObjectCreationOperation> Creations = new();
        public readonly List<IOperation> HostValues = new();
        public readonly List<IOperation> PortValues = new();
        public readonly List<ISimpleAssignmentOperation> EnableSslWrites = new();
        public readonly List<ISimpleAssignmentOperation> CredentialWrites = new();
        public readonly List<IOperation> DeliveryValues = new();
        public int Sends;
        public bool Escapes;

        /// <summary>EnableSsl is written somewhere the model cannot read a value from (<c>|=</c>, deconstruction, a nested type).</summary>
        public bool EnableSslUnknown;
    }

    /// <summary>
    /// Everything one type's code does with System.Net.Mail clients. Operation callbacks of one type can run
    /// concurrently, so they only append under a lock; the decisions are taken at the end of the type.
    /// </summary>
    private sealed class TypeModel
    {
        private readonly object _gate = new();
        private readonly SmtpClientMembers _members;
        private readonly List<IObjectCreationOperation> _creations = new();
        private readonly List<ISimpleAssignmentOperation> _assignments = new();
        private readonly List<IInvocationOperation> _sends = new();
        private readonly List<IFieldReferenceOperation> _fieldReferences = new();
        private readonly List<IPropertyReferenceOperation> _otherWrites = new();

        public TypeModel(SmtpClientMembers members) => _members = members;

        public void OnObjectCreation(IObjectCreationOperation creation)
        {
            if (_members.IsClientType(creation.Type))
            {
                lock (_gate)
                {
                    _creations.Add(creation);
                }
            }
        }

        public void OnAssignment(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is IPropertyReferenceOperation property && _members.IsClientType(property.Property.ContainingType))
            {
                lock (_gate)
                {
                    _assignments.Add(assignment);
                }
            }
        }

        public void OnInvocation(IInvocationOperation invocation)
        {
            if (_members.IsSend(invocation.TargetMethod))
            {
                lock (_gate)
                {
                    _sends.Add(invocation);
                }
            }
        }

        /// <summary>A compound, <c>??=</c> or deconstruction write: the property gets a value the model does not follow.</summary>
        public void OnOtherWrite(IOperation write)
        {
            var target = write switch
            {
                ICompoundAssignmentOperation compound => compound.Target,
                ICoalesceAssignmentOperation coalesce => coalesce.Target,
                IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                _ => null,
            };

            if (target is null)
            {
                return;
            }

            foreach (var operation in target.DescendantsAndSelf())
            {
                if (operation is IPropertyReferenceOperation property && _members.IsClientType(property.Property.ContainingType))
                {
                    lock (_gate)
                    {
                        _otherWrites.Add(property);
                    }
                }
            }
        }

        public void OnFieldReference(IFieldReferenceOperation reference)
        {
            if (_members.IsClientType(reference.Field.Type))
            {
                lock (_gate)
                {
                    _fieldReferences.Add(reference);
                }
            }
        }

        public void Report(SymbolAnalysisContext context, AnalyzerSettings settings)
        {
            Dictionary<object, ClientFacts> clients;
            lock (_gate)
            {
                if (_creations.Count == 0 && _assignments.Count == 0 && _otherWrites.Count == 0)
                {
                    return;
                }

                clients = Build();
            }

            foreach (var facts in clients.Values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                ReportClient(context, settings, facts);
            }
        }

        private Dictionary<object, ClientFacts> Build()
        {
            var clients = new Dictionary<object, ClientFacts>();

            ClientFacts For(object key)
            {
                if (!clients.TryGetValue(key, out var facts))
                {
                    facts = new ClientFacts();
                    clients.Add(key, facts);
                }

                return facts;
            }

            foreach (var creation in _creations)
            {
                var key = KeyOfCreation(creation, out var escapes);
                var facts = For(key);
                facts.Creations.Add(creation);
                facts.Escapes |= escapes;
                if (key is ILocalSymbol local)
                {
                    facts.Escapes |= LocalEscapes(local, creation);
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is null || !SymbolEqualityComparer.Default.Equals(argument.Parameter.ContainingType, _members.Types.SystemNetMailSmtpClient))
                    {
                        continue;
                    }

                    if (argument.Parameter.Name == "host")
                    {
                        facts.HostValues.Add(argument.Value);
                    }
                    else if (argument.Parameter.Name == "port")
                    {
                        facts.PortValues.Add(argument.Value);
                    }
                }
            }

            foreach (var assignment in _assignments)
            {
                var property = ((IPropertyReferenceOperation)assignment.Target).Property;
                var facts = For(KeyOfReceiver(((IPropertyReferenceOperation)assignment.Target).Instance) ?? assignment);
                if (_members.Is(property, _members.EnableSsl))
                {
                    facts.EnableSslWrites.Add(assignment);
                }
                else if (_members.Is(property, _members.Host))
                {
                    facts.HostValues.Add(assignment.Value);
                }
                else if (_members.Is(property, _members.Port))
                {
                    facts.PortValues.Add(assignment.Value);
                }
                else if (_members.Is(property, _members.DeliveryMethod))
                {
                    facts.DeliveryValues.Add(assignment.Value);
                }
                else if (_members.Is(property, _members.Credentials) || _members.Is(property, _members.UseDefaultCredentials))
                {
                    facts.CredentialWrites.Add(assignment);
                }
            }

            foreach (var target in _otherWrites)
            {
                var property = target.Property;
                var facts = For(KeyOfReceiver(target.Instance) ?? target);
                if (_members.Is(property, _members.EnableSsl))
                {
                    facts.EnableSslUnknown = true;
                }
                else if (_members.Is(property, _members.Host))
                {
                    facts.HostValues.Add(target);
                }
                else if (_members.Is(property, _members.Port))
                {
                    facts.PortValues.Add(target);
                }
                else if (_members.Is(property, _members.DeliveryMethod))
                {
                    facts.DeliveryValues.Add(target);
                }
            }

            foreach (var send in _sends)
            {
                For(KeyOfReceiver(send.Instance) ?? send).Sends++;
            }

            foreach (var reference in _fieldReferences)
            {
                if (reference.Field.DeclaredAccessibility != Accessibility.Private || FieldUseEscapes(reference))
                {
                    For(reference.Field).Escapes = true;
                }
            }

            foreach (var pair in clients)
            {
                if (pair.Key is IFieldSymbol field && IsNamedInNestedType(field))
                {
                    // A nested type's code is analyzed with that type: whatever it does with the field is unseen here.
                    pair.Value.Escapes = true;
                    pair.Value.EnableSslUnknown = true;
                }
            }

            return clients;
        }

        /// <summary>True when a type nested in the field's type mentions the field's name (a cheap, conservative look).</summary>
        private static bool IsNamedInNestedType(IFieldSymbol field)
        {
            foreach (var nested in field.ContainingType.GetTypeMembers())
            {
                foreach (var reference in nested.DeclaringSyntaxReferences)
                {
                    foreach (var token in reference.GetSyntax().DescendantTokens())
                    {
                        if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == field.Name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private void ReportClient(SymbolAnalysisContext context, AnalyzerSettings settings, ClientFacts facts)
        {
            if (!IsNetworkDelivery(facts))
            {
                // Pickup directories never touch the network, and EnableSsl = true even throws there.
                return;
            }

            var host = SingleConstant(facts.HostValues, out string? h) ? h : null;
            var port = SingleInt(facts.PortValues);
            var anchor = facts.Creations.Count > 0 ? facts.Creations[0].Syntax.SyntaxTree
                : facts.EnableSslWrites.Count > 0 ? facts.EnableSslWrites[0].Syntax.SyntaxTree
                : facts.CredentialWrites.Count > 0 ? facts.CredentialWrites[0].Syntax.SyntaxTree
                : null;
            if (anchor is null || !settings.IsEnabled(anchor) || IsPlaintextHost(settings, anchor, facts))
            {
                return;
            }

            var endpoint = Endpoint.Describe(host, port);

            // SMTP001: every write of a proven false.
            ISimpleAssignmentOperation? firstFalse = null;
            var allFalse = facts.EnableSslWrites.Count > 0 && !facts.EnableSslUnknown;
            foreach (var write in facts.EnableSslWrites)
            {
                if (ValueResolver.TryGetBoolean(write.Value, out var enabled) && !enabled && !IsOverwrittenLater(write, facts))
                {
                    firstFalse ??= write;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP001_SmtpClientEnableSslFalse,
                        write.Syntax.GetLocation(),
                        endpoint));
                }
                else
                {
                    allFalse = false;
                }
            }

            // SMTP002: a client created here, used here to send or log in, and never given EnableSsl.
            var sendsWithoutSsl = facts.Creations.Count > 0
                && CreatesPlainClients(facts)
                && facts.EnableSslWrites.Count == 0
                && !facts.EnableSslUnknown
                && !facts.Escapes
                && (facts.Sends > 0 || facts.CredentialWrites.Count > 0)
                && MailSettingsReader.EnableSslDefaultsToFalse(_members.Types.SystemNetMailRuntime, context.Options, context.CancellationToken);
            if (sendsWithoutSsl)
            {
                foreach (var creation in facts.Creations)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP002_SmtpClientSendsWithoutSsl,
                        creation.Syntax.GetLocation(),
                        endpoint));
                }
            }

            // SMTP005: System.Net.Mail only speaks STARTTLS; 465 expects TLS from the first byte.
            foreach (var portValue in facts.PortValues)
            {
                if (ValueResolver.TryGetInt32(portValue, out var constantPort) && constantPort == 465)
                {
                    var properties = portValue.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax
                        ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.UseSubmissionPort)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP005_TlsModeDoesNotMatchPort,
                        portValue.Syntax.GetLocation(),
                        properties,
                        host is null ? "System.Net.Mail.SmtpClient" : "System.Net.Mail.SmtpClient for " + host,
                        "465",
                        "it only speaks STARTTLS, and a server on port 465 expects TLS from the first byte, so the connection hangs until the timeout; use port 587"));
                }
            }

            // SMTP009: credentials on a client that SMTP001 or SMTP002 proves to be in clear text.
            if (!allFalse && !sendsWithoutSsl)
            {
                return;
            }

            foreach (var write in facts.CredentialWrites)
            {
                if (!GivesCredentials(write))
                {
                    continue;
                }

                Diagnostic diagnostic;
                if (allFalse)
                {
                    diagnostic = Diagnostic.Create(
                        Descriptors.SMTP009_CredentialsWithoutTls,
                        write.Syntax.GetLocation(),
                        new[] { firstFalse!.Syntax.GetLocation() },
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.SetEnableSslTrue),
                        endpoint,
                        "EnableSsl is set to false on line " + LineOf(firstFalse));
                }
                else
                {
                    diagnostic = Diagnostic.Create(
                        Descriptors.SMTP009_CredentialsWithoutTls,
                        write.Syntax.GetLocation(),
                        new[] { facts.Creations[0].Syntax.GetLocation() },
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, DiagnosticProperties.AddEnableSslToInitializer),
                        endpoint,
                        "EnableSsl is never set, and it defaults to false");
                }

                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>
        /// True when the same code writes EnableSsl again further on with a value that is not a proven false:
        /// <c>c.EnableSsl = false; if (cfg.Ssl) c.EnableSsl = true;</c> leaves TLS to configuration, like
        /// <c>c.EnableSsl = cfg.Ssl</c>, so the false alone proves nothing.
        /// </summary>
        private static bool IsOverwrittenLater(ISimpleAssignmentOperation write, ClientFacts facts)
        {
            var root = ValueResolver.GetRoot(write);
            foreach (var other in facts.EnableSslWrites)
            {
                if (other != write &&
                    other.Syntax.SyntaxTree == write.Syntax.SyntaxTree &&
                    other.Syntax.SpanStart > write.Syntax.Span.End &&
                    ValueResolver.GetRoot(other) == root &&
                    !(ValueResolver.TryGetBoolean(other.Value, out var enabled) && !enabled))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when every creation makes a System.Net.Mail.SmtpClient itself: a subclass's constructor can turn
        /// EnableSsl on where this type cannot see it.
        /// </summary>
        private bool CreatesPlainClients(ClientFacts facts)
        {
            foreach (var creation in facts.Creations)
            {
                if (!SymbolEqualityComparer.Default.Equals(creation.Type, _members.Types.SystemNetMailSmtpClient))
                {
                    return false;
                }
            }

            return true;
        }

        private static string LineOf(IOperation operation) =>
            (operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);

        private bool GivesCredentials(ISimpleAssignmentOperation write)
        {
            var property = ((IPropertyReferenceOperation)write.Target).Property;
            if (_members.Is(property, _members.UseDefaultCredentials))
            {
                return ValueResolver.TryGetBoolean(write.Value, out var useDefault) && useDefault;
            }

            // Credentials: anything but a proven null.
            return !(ValueResolver.TryGetConstant(write.Value, out var value) && value is null);
        }

        private bool IsNetworkDelivery(ClientFacts facts)
        {
            foreach (var value in facts.DeliveryValues)
            {
                if (!ValueResolver.TryGetConstant(value, out var delivery) || !Equals(ToInt64(delivery), ToInt64(_members.NetworkDeliveryValue)))
                {
                    // A pickup directory, or a delivery method the code does not fix.
                    return false;
                }
            }

            return true;
        }

        private static long? ToInt64(object? value) => value switch
        {
            int i => i,
            long l => l,
            _ => null,
        };

        private static bool IsPlaintextHost(AnalyzerSettings settings, SyntaxTree tree, ClientFacts facts)
        {
            if (facts.HostValues.Count == 0)
            {
                return false;
            }

            foreach (var value in facts.HostValues)
            {
                if (!settings.IsPlaintextHost(tree, value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SingleConstant(List<IOperation> values, out string? single)
        {
            single = null;
            foreach (var value in values)
            {
                if (!ValueResolver.TryGetString(value, out var s) || (single is not null && single != s))
                {
                    single = null;
                    return false;
                }

                single = s;
            }

            return single is not null;
        }

        private static int? SingleInt(List<IOperation> values)
        {
            int? single = null;
            foreach (var value in values)
            {
                if (!ValueResolver.TryGetInt32(value, out var i) || (single is not null && single != i))
                {
                    return null;
                }

                single = i;
            }

            return single;
        }

        /// <summary>Where a new client goes: a local, a private field, or nowhere the code can follow.</summary>
        private static object KeyOfCreation(IObjectCreationOperation creation, out bool escapes)
        {
            escapes = false;

            // A target-typed `new(...)` comes wrapped in an implicit conversion to its own type.
            IOperation created = creation;
            while (created.Parent is IConversionOperation { IsImplicit: true } conversion &&
                   SymbolEqualityComparer.Default.Equals(conversion.Type, creation.Type))
            {
                created = conversion;
            }

            switch (created.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == created:
                    switch (assignment.Target)
                    {
                        case ILocalReferenceOperation local:
                            return local.Local;
                        case IFieldReferenceOperation field when IsOwnField(field):
                            escapes = field.Field.DeclaredAccessibility != Accessibility.Private;
                            return field.Field;
                    }

                    break;
                case IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer:
                    escapes = fieldInitializer.InitializedFields[0].DeclaredAccessibility != Accessibility.Private;
                    return fieldInitializer.InitializedFields[0];
                case IInvocationOperation invocation when invocation.Instance == created:
                case IPropertyReferenceOperation property when property.Instance == created:
                    // `new SmtpClient(host).Send(message)`: used once, right here.
                    return creation;
            }

            // Returned, passed on, a factory lambda's body, stored elsewhere: whoever receives it decides.
            escapes = true;
            return creation;
        }

        /// <summary>The client a member access is made on, when the code can name it.</summary>
        private static object? KeyOfReceiver(IOperation? receiver)
        {
            receiver = ValueResolver.SkipImplicitConversions(receiver);
            switch (receiver)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field when IsOwnField(field):
                    return field.Field;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                    for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
                        {
                            return KeyOfCreation(creation, out _);
                        }
                    }

                    return null;
                case IObjectCreationOperation creation:
                    return KeyOfCreation(creation, out _);
                case IConditionalAccessInstanceOperation conditionalInstance:
                    for (var current = conditionalInstance.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IConditionalAccessOperation conditionalAccess)
                        {
                            return KeyOfReceiver(conditionalAccess.Operation);
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsOwnField(IFieldReferenceOperation field) =>
            field.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        /// <summary>True when the local is handed anywhere the method cannot follow, or is overwritten.</summary>
        private static bool LocalEscapes(ILocalSymbol local, IObjectCreationOperation creation)
        {
            foreach (var descendant in ValueResolver.GetRoot(creation).Descendants())
            {
                if (descendant is ILocalReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                    UseEscapes(reference))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool FieldUseEscapes(IFieldReferenceOperation reference) =>
            IsOwnField(reference) && UseEscapes(reference);

        private static bool UseEscapes(IOperation reference)
        {
            switch (reference.Parent)
            {
                case IMemberReferenceOperation member when member.Instance == reference:
                case IInvocationOperation invocation when invocation.Instance == reference:
                case IConditionalAccessOperation conditional when conditional.Operation == reference:
                case IUsingOperation:
                case IExpressionStatementOperation:
                    return false;
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    // A write: fine only when it stores a new client this model tracks (or null, when disposing).
                    var value = ValueResolver.SkipImplicitConversions(assignment.Value);
                    return value is not IObjectCreationOperation && !(value?.ConstantValue is { HasValue: true, Value: null });
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IIsPatternOperation:
                case IIsTypeOperation:
                    return false;
                default:
                    // Returned, passed as an argument, stored, captured by a conversion: it leaves the method's sight.
                    return true;
            }
        }
    }
}
