using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Model;

/// <summary>The SmtpClient members the rules look at, resolved once per compilation.</summary>
internal sealed class SmtpClientMembers
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
internal sealed class SmtpClientFacts
{
    public readonly List<IObjectCreationOperation> Creations = new();
    public readonly List<IOperation> HostValues = new();
    public readonly List<IOperation> PortValues = new();
    public readonly List<ISimpleAssignmentOperation> EnableSslWrites = new();
    public readonly List<ISimpleAssignmentOperation> CredentialWrites = new();
    public readonly List<IOperation> DeliveryValues = new();
    public int Sends;
    public bool Escapes;

    /// <summary>The local the client is held in, when it is one.</summary>
    public ILocalSymbol? Local;

    /// <summary>The receiver of each of the client's sends.</summary>
    public readonly List<IOperation> SendReceivers = new();

    /// <summary>The creations, arms of a choice, that deliver to a pickup directory in their own initializer.</summary>
    public readonly List<IObjectCreationOperation> PickupCreations = new();

    /// <summary>EnableSsl is written somewhere the model cannot read a value from (<c>|=</c>, deconstruction, a nested type).</summary>
    public bool EnableSslUnknown;

    /// <summary>
    /// The EnableSsl targets of those writes in this file that may turn TLS on (every one but <c>&amp;=</c>): a false
    /// written before one of them is not the last word.
    /// </summary>
    public readonly List<IOperation> UnreadEnableSslWrites = new();

    /// <summary>The client is a field or property of the type, which any member of the type may write.</summary>
    public bool IsMember;

    /// <summary>A subclass's constructor calls the base constructor without a host (or without a port) beside one with it.</summary>
    public bool HostNotGivenEverywhere, PortNotGivenEverywhere;

    /// <summary>The host when every value the code gives it is the same constant.</summary>
    public string? Host;

    /// <summary>The port when every value the code gives it is the same constant.</summary>
    public int? Port;

    /// <summary>The server as messages name it.</summary>
    public string Endpoint = string.Empty;

    /// <summary>The server a write in one creation's initializer is given to: that creation's; the client's otherwise.</summary>
    public string EndpointOfWrite(IOperation write) =>
        write.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } && Creations.Contains(creation)
            ? EndpointOf(creation)
            : Endpoint;

    /// <summary>
    /// The server one creation of a client of several names: its own host and port with those given to the whole
    /// client, when they agree; the client's <see cref="Endpoint"/> for a client of one creation.
    /// </summary>
    public string EndpointOf(IObjectCreationOperation creation)
    {
        if (Creations.Count < 2)
        {
            return Endpoint;
        }

        var host = SmtpClientTypeModel.SingleConstant(SmtpClientTypeModel.ValuesOf(HostValues, creation), out var single) ? single : null;
        var port = SmtpClientTypeModel.SingleInt(SmtpClientTypeModel.ValuesOf(PortValues, creation));
        return Internal.Endpoint.Describe(host, port);
    }

    /// <summary>Writes of a proven false that nothing later in the same code overwrites.</summary>
    public readonly List<ISimpleAssignmentOperation> FalseWrites = new();

    /// <summary>True when every EnableSsl write is a proven false: the client never uses TLS.</summary>
    public bool AlwaysFalse;

    /// <summary>True when the client is created here, sends or logs in here, and never gets EnableSsl (which defaults to false).</summary>
    public bool SendsWithoutSsl;

    /// <summary>
    /// The creations that never get EnableSsl: all of them, but for a client of several creations (the arms of a
    /// conditional or switch expression, or a local's creations the flow tells apart), where a creation whose own
    /// initializer sets EnableSsl, one to an exempt host, and one replaced before any send are left out.
    /// </summary>
    public readonly List<IObjectCreationOperation> CreationsWithoutSsl = new();

    /// <summary>
    /// True when another of the client's creations (an arm of the choice, or a local's creation that reaches a send)
    /// sets EnableSsl in its initializer or connects to an exempt host.
    /// </summary>
    public bool SomeArmsSetSsl;

    /// <summary>The port values proven to be 465 that no other port value may follow (see SMTP005).</summary>
    public readonly List<IOperation> ImplicitPortValues = new();

    /// <summary>Credentials given to the client: a non-null Credentials, or UseDefaultCredentials = true.</summary>
    public readonly List<ISimpleAssignmentOperation> Credentials = new();

    /// <summary>
    /// The client without TLS a credentials write goes to, when it can go to one only (its own initializer's, or the
    /// one the flow leads it to); absent when it may go to several.
    /// </summary>
    public readonly Dictionary<ISimpleAssignmentOperation, IObjectCreationOperation> CredentialTargets = new();

    /// <summary>Credentials writes that go only to clients without TLS (no secured client can hold them).</summary>
    public readonly HashSet<ISimpleAssignmentOperation> CredentialsOnlyWithoutSsl = new();

    /// <summary>The proven false written in a creation's own initializer, for creations of a client of several.</summary>
    public readonly Dictionary<IObjectCreationOperation, ISimpleAssignmentOperation> OwnFalseWrites = new();
}

/// <summary>
/// Everything one type's code in one file does with System.Net.Mail clients: it is fed every operation of the type's
/// code in the file, and the decisions are taken once all were seen.
/// </summary>
internal sealed class SmtpClientTypeModel
{
    private readonly SmtpClientMembers _members;
    private readonly LanguageSyntax _syntax;
    private readonly INamedTypeSymbol _type;
    private readonly bool _isPartialAcrossFiles;
    private readonly List<IObjectCreationOperation> _creations = new();
    private readonly List<ISimpleAssignmentOperation> _assignments = new();
    private readonly List<IOperation> _sends = new();
    private readonly List<IInvocationOperation> _baseConstructorCalls = new();
    private readonly List<IInvocationOperation> _extensionCalls = new();
    private readonly List<IPropertyReferenceOperation> _fieldLikeReferences = new();
    private readonly List<IFieldReferenceOperation> _fieldReferences = new();
    private readonly List<IPropertyReferenceOperation> _otherWrites = new();
    private readonly List<IOperation> _factoryUses = new();

    /// <summary>
    /// Locals, private fields and field-like properties that hold what a factory method of the type returns
    /// (<see cref="IsFactory"/>), with the key of that client (<see cref="FactoryKey"/>: the factory, or the member it
    /// returns): at a call (<c>using var c = CreateClient();</c>, <c>c = CreateClient();</c>,
    /// <c>_client = CreateClient();</c>, a field initializer) or inside the factory (<c>var c = new SmtpClient(host);
    /// ... return c;</c>). Set while <see cref="Build"/> runs.
    /// </summary>
    private readonly Dictionary<ISymbol, ISymbol> _factoryHolders = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Factory methods that return one private field or auto-property of the type (<c>return _client;</c>, often
    /// after creating it on first use): their callers hold that member's client. Null for a factory that keeps its own
    /// key (<see cref="AddReturnedMember"/>). Set while <see cref="Build"/> runs.
    /// </summary>
    private readonly Dictionary<IMethodSymbol, ISymbol?> _factoryMembers = new(SymbolEqualityComparer.Default);

    public SmtpClientTypeModel(SmtpClientMembers members, LanguageSyntax syntax, INamedTypeSymbol type, bool isPartialAcrossFiles, bool hasClientField)
    {
        _members = members;
        _syntax = syntax;
        _type = type;
        _isPartialAcrossFiles = isPartialAcrossFiles;
        HasClientField = hasClientField;
    }

    /// <summary>
    /// True when the type declares a field of a client type, or a private read-only property of one, whose uses the
    /// model must watch.
    /// </summary>
    public bool HasClientField { get; }

    [MethodImpl(HotPath.Optimized)]
    public void OnObjectCreation(IObjectCreationOperation creation)
    {
        if (_members.IsClientType(creation.Type))
        {
            _creations.Add(creation);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IPropertyReferenceOperation property && _members.IsClientType(property.Property.ContainingType))
        {
            _assignments.Add(assignment);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public void OnInvocation(IInvocationOperation invocation)
    {
        if (_members.IsSend(invocation.TargetMethod))
        {
            _sends.Add(invocation);
        }
        else if (IsExtensionCall(invocation) && invocation.Instance is { } receiver && _members.IsClientType(receiver.Type))
        {
            // Visual Basic gives an extension method the client as its instance (`c.UseTls()`, `.UseTls()` in a With).
            _extensionCalls.Add(invocation);
        }
        else if (invocation.TargetMethod.MethodKind == MethodKind.Constructor &&
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _members.Types.SystemNetMailSmtpClient))
        {
            // A subclass's `: base(host, port)` (Visual Basic's `MyBase.New(host, port)`).
            _baseConstructorCalls.Add(invocation);
        }
        else if (IsFactory(invocation.TargetMethod))
        {
            _factoryUses.Add(invocation);
        }
    }

    /// <summary>A send handed on as a delegate (<c>messages.ForEach(client.Send)</c>): a send of that client.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void OnMethodReference(IMethodReferenceOperation reference)
    {
        if (reference.Instance is not null && _members.IsSend(reference.Method))
        {
            _sends.Add(reference);
        }
        else if (IsFactory(reference.Method))
        {
            // `Func<SmtpClient> create = CreateClient;`: called where the model cannot see.
            _factoryUses.Add(reference);
        }
    }

    /// <summary>A compound, <c>??=</c> or deconstruction write: the property gets a value the model does not follow.</summary>
    [MethodImpl(HotPath.Optimized)]
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
                _otherWrites.Add(property);
            }
        }
    }

    /// <summary>
    /// A use of a property that holds a client as a field does (<see cref="IsFieldLike"/>): watched as a field's uses
    /// are.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public void OnPropertyReference(IPropertyReferenceOperation reference)
    {
        if (_members.IsClientType(reference.Property.Type) && IsFieldLike(reference.Property))
        {
            _fieldLikeReferences.Add(reference);
        }
        else if (reference.Property.GetMethod is { } getter && IsFactory(getter))
        {
            // `Client.Send(m)` with `private SmtpClient Client => _client ??= new SmtpClient(host);`: a call of its getter.
            _factoryUses.Add(reference);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public void OnFieldReference(IFieldReferenceOperation reference)
    {
        if (_members.IsClientType(reference.Field.Type))
        {
            _fieldReferences.Add(reference);
        }
    }

    /// <summary>
    /// The clients of this type's code that send over the network to a host that is not exempt, with what the code
    /// proves about each; called once, after every operation of the type in the file was seen.
    /// </summary>
    public IEnumerable<SmtpClientFacts> Clients(MailCompilation mail, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_creations.Count == 0 && _assignments.Count == 0 && _otherWrites.Count == 0 && _baseConstructorCalls.Count == 0 && _factoryUses.Count == 0)
        {
            yield break;
        }

        foreach (var facts in Build(cancellationToken).Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsNetworkDelivery(facts) && !IsPlaintextHost(mail.Settings, tree, facts) && !NeverGivenAHost(facts, mail))
            {
                Decide(facts, mail, tree, cancellationToken);
                yield return facts;
            }
        }
    }

    /// <summary>
    /// A client of this method created by <c>new SmtpClient()</c> and never given a host, on .NET: there its constructor
    /// reads no configuration file (.NET Framework's reads <c>&lt;mailSettings&gt;</c>), and Send throws before it
    /// connects, so nothing goes out, in clear text or not. A client handed elsewhere may be given one there.
    /// </summary>
    private bool NeverGivenAHost(SmtpClientFacts facts, MailCompilation mail)
    {
        if (mail.Types.SystemNetMailRuntime != MailRuntime.DotNet || facts.IsMember || facts.Escapes || facts.HostValues.Count > 0 || facts.Creations.Count == 0)
        {
            return false;
        }

        foreach (var creation in facts.Creations)
        {
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, _members.Types.SystemNetMailSmtpClient))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the rules read: the endpoint, the proven false writes, whether the client sends without TLS.</summary>
    private void Decide(SmtpClientFacts facts, MailCompilation mail, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var reaching = ReachingCreations(facts, cancellationToken);
        facts.Host = !facts.HostNotGivenEverywhere && SingleConstant(facts.HostValues, out string? host) && EveryCreationGivesOne(facts, facts.HostValues, cancellationToken) ? host : null;
        facts.Port = !facts.PortNotGivenEverywhere && EveryCreationGivesOne(facts, facts.PortValues, cancellationToken) && !PortOnlyOnSomePaths(facts)
            ? SingleInt(facts.PortValues)
            : null;
        facts.Endpoint = Endpoint.Describe(facts.Host, facts.Port);

        var allFalse = facts.EnableSslWrites.Count > 0 && !facts.EnableSslUnknown;
        foreach (var write in facts.EnableSslWrites)
        {
            if (OwnCreation(write, reaching) is { } owner &&
                ((reaching is not null && !reaching.Contains(owner)) || IsExemptArm(facts, owner, mail.Settings, tree)))
            {
                // Given to a client replaced before any send: it never takes effect, either way. Given to one of
                // several clients that connects to an exempt host: that client is exempt alone.
                continue;
            }

            if (FollowsAnExemptHost(write, mail.Settings, tree))
            {
                // `if (dev) { c.Host = "localhost"; c.EnableSsl = false; }`: the false goes with the local server.
                continue;
            }

            if (IsProvenFalse(write) &&
                !IsOverwrittenOrChosen(write, facts.EnableSslWrites, IsProvenFalse, facts.IsMember, reaching, cancellationToken) &&
                !IsOverwrittenOrChosen(write, facts.UnreadEnableSslWrites, static _ => false, facts.IsMember, reaching, cancellationToken) &&
                !IsHandedOnAfter(write, cancellationToken))
            {
                facts.FalseWrites.Add(write);
            }
            else
            {
                allFalse = false;
            }
        }

        allFalse &= facts.FalseWrites.Count > 0;
        foreach (var write in facts.FalseWrites)
        {
            if (!facts.EnableSslUnknown && write.Parent is IObjectOrCollectionInitializerOperation && OwnCreation(write, reaching) is { } owner)
            {
                // A creation that turns TLS off in its own initializer: credentials that go to it alone go in clear text.
                facts.OwnFalseWrites[owner] = write;
            }
        }

        facts.AlwaysFalse = allFalse;

        foreach (var value in facts.PortValues)
        {
            if (IsImplicitPort(value) && !IsOverwrittenOrChosen(value, facts.PortValues, IsImplicitPort, facts.IsMember, reaching, cancellationToken))
            {
                facts.ImplicitPortValues.Add(value);
            }
        }

        // An EnableSsl write in the initializer of one arm of a choice secures that arm only; any other write, the
        // whole client. So does one in the initializer of one of the clients a local is given (one in each branch of an
        // if, a default replaced on one path), when the flow shows which of them reach the sends.
        var setForWholeClient = false;
        List<IObjectCreationOperation>? securedArms = null;
        foreach (var write in facts.EnableSslWrites)
        {
            if (write.Parent is IObjectOrCollectionInitializerOperation && OwnCreation(write, reaching) is { } arm && facts.Creations.Contains(arm))
            {
                if (reaching is not null && !reaching.Contains(arm))
                {
                    // A replaced client's own setting: neither secures nor counts for the others.
                    continue;
                }

                (securedArms ??= new List<IObjectCreationOperation>()).Add(arm);
            }
            else
            {
                setForWholeClient = true;
            }
        }

        foreach (var creation in facts.Creations)
        {
            if (securedArms is not null && securedArms.Contains(creation))
            {
                continue;
            }

            if (reaching is not null && !reaching.Contains(creation))
            {
                // Replaced before any send or login: that client never sends.
                continue;
            }

            if (facts.Creations.Count > 1 && (IsArmOfChoice(creation) || reaching is not null) && IsExemptArm(facts, creation, mail.Settings, tree))
            {
                // An arm that connects to an exempt host (`local ? new SmtpClient("localhost") : ...`), or delivers to
                // a pickup directory, is exempt alone.
                (securedArms ??= new List<IObjectCreationOperation>()).Add(creation);
                continue;
            }

            facts.CreationsWithoutSsl.Add(creation);
        }

        facts.SomeArmsSetSsl = securedArms is not null && (reaching is null || securedArms.Exists(reaching.Contains));
        facts.SendsWithoutSsl = facts.CreationsWithoutSsl.Count > 0
            && CreatesPlainClients(facts)
            && !setForWholeClient
            && !facts.EnableSslUnknown
            && !facts.Escapes
            && (facts.Sends > 0 || facts.CredentialWrites.Count > 0)
            && mail.EnableSslDefaultsToFalse(cancellationToken);
        foreach (var write in facts.CredentialWrites)
        {
            if (write.Parent is IObjectOrCollectionInitializerOperation && OwnCreation(write, reaching) is { } arm)
            {
                var turnedOff = facts.OwnFalseWrites.ContainsKey(arm);
                if ((securedArms is not null && securedArms.Contains(arm) && !turnedOff) || (reaching is not null && !reaching.Contains(arm)))
                {
                    // Given in the initializer of an arm that uses TLS, or connects to an exempt host: only that arm
                    // gets them. Given to a client replaced before any send: they never go out.
                    continue;
                }

                if (turnedOff || facts.CreationsWithoutSsl.Contains(arm))
                {
                    facts.CredentialTargets[write] = arm;
                    facts.CredentialsOnlyWithoutSsl.Add(write);
                }
            }
            else if (reaching is not null && HeldBy((write.Target as IPropertyReferenceOperation)?.Instance, cancellationToken) is { } held)
            {
                // Written to the local where the flow tells which clients it may hold: only those get them.
                IObjectCreationOperation? target = null;
                var targets = 0;
                var all = true;
                foreach (var creation in held)
                {
                    if (facts.CreationsWithoutSsl.Contains(creation) || facts.OwnFalseWrites.ContainsKey(creation))
                    {
                        target = creation;
                        targets++;
                    }
                    else
                    {
                        all = false;
                    }
                }

                if (targets == 0)
                {
                    continue;
                }

                if (targets == 1)
                {
                    facts.CredentialTargets[write] = target!;
                }

                if (all)
                {
                    facts.CredentialsOnlyWithoutSsl.Add(write);
                }
            }

            if (GivesCredentials(write) && !IsReplacedBeforeAnySend(write, facts))
            {
                facts.Credentials.Add(write);
            }
        }
    }

    /// <summary>
    /// True when a statement before the write, in the same block, points the same client at a host listed in
    /// <c>smtp_tls_analyzers.plaintext_hosts</c>: wherever the write runs, the client connects to that host.
    /// </summary>
    private bool FollowsAnExemptHost(ISimpleAssignmentOperation write, AnalyzerSettings settings, SyntaxTree tree)
    {
        if (write.Parent is not IExpressionStatementOperation { Parent: IBlockOperation block } statement)
        {
            return false;
        }

        var client = ((IPropertyReferenceOperation)write.Target).Instance;
        var exempt = false;
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                break;
            }

            if (earlier is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } hostWrite } &&
                _members.Is(target.Property, _members.Host) && ValueResolver.IsSameRead(target.Instance, client))
            {
                exempt = settings.IsPlaintextHost(tree, hostWrite.Value);
            }
            else if (exempt && WritesHost(earlier, client))
            {
                // `if (!dev) c.Host = configured;` in between: the host may be another one again.
                exempt = false;
            }
        }

        return exempt;
    }

    private bool WritesHost(IOperation statement, IOperation? client)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation reference && _members.Is(reference.Property, _members.Host) &&
                (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference || reference.Parent is IDeconstructionAssignmentOperation or ITupleOperation) &&
                ValueResolver.IsSameRead(reference.Instance, client))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the assignment is a statement further on in a block that holds <paramref name="earlier"/> (or in the
    /// body of the using statement that does): wherever <paramref name="earlier"/> runs and the code goes on, so does
    /// the assignment.
    /// </summary>
    private static bool FollowsInItsBlock(ISimpleAssignmentOperation assignment, IOperation earlier) =>
        assignment.Syntax.SpanStart > earlier.Syntax.Span.End &&
        assignment.Parent is IExpressionStatementOperation { Parent: IBlockOperation block } &&
        OperationWalk.IsAncestorOf(block.Parent is IUsingOperation @using && @using.Body == block ? @using : block, earlier);

    /// <summary>
    /// True when a local's one client is created without a port and given one only on some paths (<c>if (submission)
    /// c.Port = 587;</c>, a catch that retries on 2525): on the others it uses 25, or the configuration's.
    /// </summary>
    private bool PortOnlyOnSomePaths(SmtpClientFacts facts)
    {
        if (facts.Local is null || facts.Creations.Count != 1 || facts.PortValues.Count == 0)
        {
            return false;
        }

        var creation = facts.Creations[0];
        foreach (var value in facts.PortValues)
        {
            if (CreationOfValue(value) == creation || (value.Parent is ISimpleAssignmentOperation write && FollowsInItsBlock(write, creation)))
            {
                // Its own port, or one written further on in a block that holds the creation: on every path.
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when another credential write to the client always follows this one before any send (the next members of
    /// the same initializer, or a statement further on in a block that holds this write): setting
    /// <c>UseDefaultCredentials</c> either way replaces <c>Credentials</c> (<c>false</c> clears them), so these are
    /// never the ones sent. <c>new SmtpClient(h) { Credentials = cred, UseDefaultCredentials = false }</c> sends none.
    /// </summary>
    private static bool IsReplacedBeforeAnySend(ISimpleAssignmentOperation write, SmtpClientFacts facts)
    {
        var root = ValueResolver.GetRoot(write);
        foreach (var other in facts.CredentialWrites)
        {
            if (other == write || other.Syntax.SpanStart <= write.Syntax.Span.End ||
                !(other.Parent == write.Parent && other.Parent is IObjectOrCollectionInitializerOperation || FollowsInItsBlock(other, write)))
            {
                continue;
            }

            var sendsBetween = false;
            foreach (var receiver in facts.SendReceivers)
            {
                if (receiver.Syntax.SpanStart > write.Syntax.Span.End && receiver.Syntax.SpanStart < other.Syntax.SpanStart && ValueResolver.GetRoot(receiver) == root)
                {
                    sendsBetween = true;
                    break;
                }
            }

            if (!sendsBetween)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The host a creation of System.Net.Mail's client gives itself, when it does: its initializer's <c>Host</c>
    /// (<c>new SmtpClient { Host = "localhost" }</c>), which is set after the constructor's, or its host argument.
    /// </summary>
    private IOperation? HostArgument(IObjectCreationOperation creation)
    {
        if (creation.Initializer is { } initializer)
        {
            for (var i = initializer.Initializers.Length - 1; i >= 0; i--)
            {
                if (initializer.Initializers[i] is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment &&
                    _members.Is(target.Property, _members.Host))
                {
                    return assignment.Value;
                }
            }
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Name: "host" } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingType, _members.Types.SystemNetMailSmtpClient))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The host and port a constructor of System.Net.Mail's client is given.</summary>
    private void AddEndpointArguments(ImmutableArray<IArgumentOperation> arguments, SmtpClientFacts facts)
    {
        foreach (var argument in arguments)
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

    private Dictionary<object, SmtpClientFacts> Build(CancellationToken cancellationToken)
    {
        var clients = new Dictionary<object, SmtpClientFacts>();

        SmtpClientFacts For(object key)
        {
            key = OfFactoryLocal(key)!;
            if (!clients.TryGetValue(key, out var facts))
            {
                // A field, a property, a factory method (every caller holds its client), or the type's own instance
                // (a subclass of the client): any member may write it.
                facts = new SmtpClientFacts { IsMember = key is IFieldSymbol or IPropertySymbol or IMethodSymbol or INamedTypeSymbol };
                clients.Add(key, facts);
            }

            return facts;
        }

        _factoryHolders.Clear();
        _factoryMembers.Clear();
        foreach (var reference in _fieldReferences)
        {
            AddReturnedMember(reference, reference.Field, cancellationToken);
        }

        foreach (var reference in _fieldLikeReferences)
        {
            AddReturnedMember(reference, reference.Property, cancellationToken);
        }

        foreach (var use in _factoryUses)
        {
            var factory = FactoryOf(use)!.OriginalDefinition;
            var key = FactoryKey(factory);
            var facts = For(key);
            if (use is IMethodReferenceOperation)
            {
                facts.Escapes = true;
            }
            else if ((DeclaredLocal(use) ?? AssignedLocal(use)) is { } local)
            {
                // `using var c = CreateClient();`, `c = CreateClient();`: the local holds the factory's client.
                facts.Escapes |= !Holds(local, key);
                facts.Escapes |= LocalEscapes(local, use, factory: null, out _, out var helperSends, cancellationToken);
                facts.Sends += helperSends;
            }
            else if (StoredMember(use) is { } member)
            {
                // `_client = CreateClient();`, `private SmtpClient _client = CreateClient();`: the type's own member
                // holds it, and is followed as when it holds a creation.
                facts.Escapes |= member.DeclaredAccessibility != Accessibility.Private || _isPartialAcrossFiles ||
                    IsNamedInNestedType(member, cancellationToken) || !Holds(member, key);
            }
            else
            {
                facts.Escapes |= UseEscapes(use);
            }
        }

        foreach (var creation in _creations)
        {
            var key = KeyOfCreation(creation, out var escapes);
            var helperSends = 0;
            if (key is ILocalSymbol local)
            {
                // Inside a factory, a local it returns is the factory's client (`var c = new SmtpClient(h); return c;`).
                var factory = EnclosingFactory(creation);
                escapes |= LocalEscapes(local, creation, factory, out var returned, out helperSends, cancellationToken);
                if (returned)
                {
                    key = FactoryKey(factory!);
                    _factoryHolders[local] = (ISymbol)key;
                }
            }

            var facts = For(key);
            facts.Creations.Add(creation);
            facts.Escapes |= escapes;
            facts.Sends += helperSends;
            if (key is ILocalSymbol own)
            {
                facts.Local = own;
            }

            AddEndpointArguments(creation.Arguments, facts);
        }

        foreach (var call in _baseConstructorCalls)
        {
            // The subclass being constructed: the client its own members reach as `this` (ClientIdentity's key for it).
            // A constructor that gives no port beside one that does (`: base(host)`, `: base(host, 587)`): the port
            // is not the client's whichever way it is built.
            var facts = For(_type);
            var hosts = facts.HostValues.Count;
            var ports = facts.PortValues.Count;
            AddEndpointArguments(call.Arguments, facts);
            facts.HostNotGivenEverywhere |= facts.HostValues.Count == hosts && _baseConstructorCalls.Count > 1;
            facts.PortNotGivenEverywhere |= facts.PortValues.Count == ports && _baseConstructorCalls.Count > 1;
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
                if (target.Parent is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And })
                {
                    facts.UnreadEnableSslWrites.Add(target);
                }
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
            var instance = send is IInvocationOperation invocation ? invocation.Instance : ((IMethodReferenceOperation)send).Instance;
            var facts = For(KeyOfReceiver(instance) ?? send);
            facts.Sends++;
            if (instance is { } receiver)
            {
                facts.SendReceivers.Add(receiver);
            }
        }

        foreach (var call in _extensionCalls)
        {
            // The extension method receives the client: whatever it does with it is unseen here.
            For(KeyOfReceiver(call.Instance) ?? call).Escapes = true;
        }

        foreach (var reference in _fieldLikeReferences)
        {
            if (reference.Property.DeclaredAccessibility != Accessibility.Private || !ClientIdentity.IsOwn(reference.Instance) ||
                (UseEscapes(reference) && !IsReturnedByItsFactory(reference, reference.Property) && !StoresFactoryResult(reference)))
            {
                For(reference.Property).Escapes = true;
            }
        }

        foreach (var reference in _fieldReferences)
        {
            if (reference.Field.DeclaredAccessibility != Accessibility.Private ||
                (FieldUseEscapes(reference) && !IsReturnedByItsFactory(reference, reference.Field) && !StoresFactoryResult(reference)))
            {
                For(reference.Field).Escapes = true;
            }
        }

        foreach (var pair in clients)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol or IMethodSymbol && (_isPartialAcrossFiles || IsNamedInNestedType((ISymbol)pair.Key, cancellationToken)))
            {
                // Another part of the type in another file, or a nested type, is analyzed on its own: whatever it
                // does with the field is unseen here.
                pair.Value.Escapes = true;
                pair.Value.EnableSslUnknown = true;
            }
        }

        return clients;
    }

    /// <summary>True when a type nested in the member's type mentions the member's name (a cheap, conservative look).</summary>
    private bool IsNamedInNestedType(ISymbol member, CancellationToken cancellationToken)
    {
        // A factory property's getter is named by the property's name.
        var name = member is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } ? property.Name : member.Name;
        foreach (var nested in member.ContainingType.GetTypeMembers())
        {
            foreach (var reference in nested.DeclaringSyntaxReferences)
            {
                if (_syntax.NamesIdentifier(_syntax.DeclarationBlock(reference.GetSyntax(cancellationToken)), name, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when code that is not a proven false may be the last to write EnableSsl, so the false alone proves
    /// nothing: a write further on in the same code (<c>c.EnableSsl = false; if (cfg.Ssl) c.EnableSsl = true;</c> leaves
    /// TLS to configuration, like <c>c.EnableSsl = cfg.Ssl</c>); a write in another arm of the same choice
    /// (<c>if (ssl) c.EnableSsl = true; else c.EnableSsl = false;</c>); or, for a field or property, a write in another
    /// member of the type that may run after it (field initializers run first, then constructors, then the rest).
    /// A false written after a true on some paths only (<c>catch { c.EnableSsl = false; }</c>) is still proven there.
    /// For a client of several creations, a write in one creation is judged against that creation's writes, and a write
    /// in a creation replaced before any send counts as overwritten.
    /// </summary>
    private static bool IsOverwrittenOrChosen(
        IOperation write, IEnumerable<IOperation> writes, Func<IOperation, bool> provesTheSame, bool isMember, HashSet<IObjectCreationOperation>? reaching, CancellationToken cancellationToken)
    {
        var root = ValueResolver.GetRoot(write);
        var arm = OwnCreation(write, reaching);
        if (arm is not null && reaching is not null && !reaching.Contains(arm))
        {
            // Given to a client replaced before any send: it never takes effect.
            return true;
        }

        int? order = null;
        foreach (var other in writes)
        {
            if (other == write || provesTheSame(other) || (arm is not null && OwnCreation(other, reaching) is { } otherArm && otherArm != arm))
            {
                // Another arm's creation is another client.
                continue;
            }

            var otherRoot = ValueResolver.GetRoot(other);
            if (otherRoot == root)
            {
                if (other.Syntax.SpanStart > write.Syntax.Span.End || AreAlternatives(write, other))
                {
                    return true;
                }
            }
            else if (isMember)
            {
                order ??= RunOrder(root, cancellationToken);
                if (RunOrder(otherRoot, cancellationToken) >= order)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when, after the write, its code hands the client to code that takes a client (<c>Apply(client)</c>, a
    /// configure callback <c>Action&lt;SmtpClient&gt;</c>, a constructor): that code may set EnableSsl, as a later write
    /// may. A generic parameter (a list's <c>Add</c>, a container's registration) cannot set it.
    /// </summary>
    private bool IsHandedOnAfter(ISimpleAssignmentOperation write, CancellationToken cancellationToken)
    {
        var target = (IPropertyReferenceOperation)write.Target;
        var client = target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? ClientIdentity.OfInitializedObject(target)
            : ClientIdentity.Of(target.Instance);
        if (client is null)
        {
            return false;
        }

        foreach (var operation in OperationWalk.DescendantsOf(ValueResolver.GetRoot(write)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind == OperationKind.Argument &&
                operation is IArgumentOperation { Parameter: { } parameter } argument &&
                argument.Syntax.SpanStart > write.Syntax.Span.End &&
                _members.IsClientType(argument.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } ? parameter.Type : parameter.OriginalDefinition.Type) &&
                SymbolEqualityComparer.Default.Equals(ClientIdentity.Of(argument.Value), client) &&
                MaySetEnableSsl(argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                }, cancellationToken))
            {
                return true;
            }

            if (operation.Kind == OperationKind.Invocation &&
                operation is IInvocationOperation { Instance: { } instance } call && IsExtensionCall(call) &&
                call.Syntax.SpanStart > write.Syntax.Span.End &&
                SymbolEqualityComparer.Default.Equals(ClientIdentity.Of(instance), client) &&
                MaySetEnableSsl(call.TargetMethod, cancellationToken))
            {
                // Visual Basic gives an extension method the client as its instance (`client.ApplyTls()`).
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when the code the client is handed to is visible and never names EnableSsl (a send helper,
    /// <c>SendCoreAsync(client, message)</c>); true for a callback, a method another body may override, or one whose
    /// body is not in the project.
    /// </summary>
    private bool MaySetEnableSsl(IMethodSymbol? method, CancellationToken cancellationToken)
    {
        if (method is null || method.MethodKind == MethodKind.DelegateInvoke || method.IsAbstract || method.IsVirtual || (method.IsOverride && !method.IsSealed))
        {
            return true;
        }

        // An extension method reduced to its receiver, a partial method's body: the declaration that holds the code.
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition.PartialImplementationPart ?? method.OriginalDefinition;
        var references = method.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return true;
        }

        foreach (var reference in references)
        {
            if (_syntax.NamesIdentifier(_syntax.DeclarationBlock(reference.GetSyntax(cancellationToken)), "EnableSsl", cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>When a member's code runs: field and property initializers (0), constructors (1), anything else (2).</summary>
    private static int RunOrder(IOperation root, CancellationToken cancellationToken) =>
        root.Kind is OperationKind.FieldInitializer or OperationKind.PropertyInitializer ? 0
        : root.Kind == OperationKind.ConstructorBody ||
          root.SemanticModel?.GetDeclaredSymbol(root.Syntax, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? 1
        : 2;

    /// <summary>True when the two writes sit in different arms of one choice: an if/else, a switch or a switch expression.</summary>
    private static bool AreAlternatives(IOperation write, IOperation other)
    {
        var child = write;
        for (var operation = write.Parent; operation is not null; child = operation, operation = operation.Parent)
        {
            if (OperationWalk.IsAncestorOf(operation, other))
            {
                return operation switch
                {
                    IConditionalOperation conditional => child != conditional.Condition && !OperationWalk.IsAncestorOf(conditional.Condition, other),
                    ISwitchOperation or ISwitchExpressionOperation => true,
                    _ => false,
                };
            }
        }

        return false;
    }

    /// <summary>
    /// True when every creation makes a System.Net.Mail.SmtpClient itself: a subclass's constructor can turn
    /// EnableSsl on where this type cannot see it.
    /// </summary>
    private bool CreatesPlainClients(SmtpClientFacts facts)
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

    private bool IsNetworkDelivery(SmtpClientFacts facts)
    {
        foreach (var value in facts.DeliveryValues)
        {
            if (ValueResolver.TryGetConstant(value, out var delivery) && Equals(ToInt64(delivery), ToInt64(_members.NetworkDeliveryValue)))
            {
                continue;
            }

            if (facts.Creations.Count > 1 &&
                value.Parent is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } &&
                facts.Creations.Contains(creation) && IsArmOfChoice(creation))
            {
                // One arm of a choice delivers to a pickup directory (`usePickup ? new SmtpClient { DeliveryMethod =
                // ... } : new SmtpClient(host, port)`): that arm alone sends nothing over the network.
                facts.PickupCreations.Add(creation);
                continue;
            }

            // A pickup directory, or a delivery method the code does not fix.
            return false;
        }

        return facts.PickupCreations.Count < Math.Max(facts.Creations.Count, 1);
    }

    /// <summary>One of several clients that connects to an exempt host, or delivers to a pickup directory: exempt alone.</summary>
    private bool IsExemptArm(SmtpClientFacts facts, IObjectCreationOperation creation, AnalyzerSettings settings, SyntaxTree tree) =>
        facts.PickupCreations.Contains(creation) || (HostArgument(creation) is { } host && settings.IsPlaintextHost(tree, host));

    private static long? ToInt64(object? value) => value switch
    {
        int i => i,
        long l => l,
        _ => null,
    };

    private static bool IsPlaintextHost(AnalyzerSettings settings, SyntaxTree tree, SmtpClientFacts facts)
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

    /// <summary>
    /// The values that reach one creation: its own (its arguments, its initializer's writes) and the writes to the
    /// client that the flow does not tell apart from it (a write to a local that may hold it, or to the whole client).
    /// </summary>
    internal static List<IOperation> ValuesOf(List<IOperation> values, IObjectCreationOperation creation, CancellationToken cancellationToken = default)
    {
        var own = new List<IOperation>();
        foreach (var value in values)
        {
            if (Reaches(value, creation, cancellationToken))
            {
                own.Add(value);
            }
        }

        return own;
    }

    /// <summary>
    /// False for a client of several creations when one of them gets no value (no argument, nothing in its own
    /// initializer, no write that may reach it): that creation uses the default, not the others' value.
    /// </summary>
    private static bool EveryCreationGivesOne(SmtpClientFacts facts, List<IOperation> values, CancellationToken cancellationToken)
    {
        if (facts.Creations.Count < 2)
        {
            return true;
        }

        foreach (var creation in facts.Creations)
        {
            var given = false;
            foreach (var value in values)
            {
                if (Reaches(value, creation, cancellationToken))
                {
                    given = true;
                    break;
                }
            }

            if (!given)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a host or port value may be the creation's: one of its own, or a write to a local whose reaching
    /// writes include it (any write the flow does not tell about counts for every creation).
    /// </summary>
    private static bool Reaches(IOperation value, IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        if (CreationOfValue(value) is { } owner)
        {
            return owner == creation;
        }

        return value.Parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: var instance } } ||
            HeldBy(instance, cancellationToken) is not { } held ||
            held.Contains(creation);
    }

    /// <summary>
    /// The creations a local receiver may hold where it is read, from the writes of the local that reach it; null when
    /// the receiver is not a local, or one of those writes is not a creation, or the flow does not tell.
    /// </summary>
    private static List<IObjectCreationOperation>? HeldBy(IOperation? receiver, CancellationToken cancellationToken)
    {
        if (ValueResolver.SkipImplicitConversions(receiver) is not ILocalReferenceOperation reference ||
            ValueResolver.FindReachingWrites(reference, cancellationToken) is not { } written)
        {
            return null;
        }

        var held = new List<IObjectCreationOperation>(written.Count);
        foreach (var value in written)
        {
            if (ValueResolver.SkipImplicitConversions(value) is not IObjectCreationOperation creation)
            {
                return null;
            }

            held.Add(creation);
        }

        return held;
    }

    /// <summary>The creation a host or port value is given in: an argument of it, or a write in its initializer.</summary>
    private static IObjectCreationOperation? CreationOfValue(IOperation value)
    {
        for (var current = value.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IObjectCreationOperation creation:
                    return creation;
                case IExpressionStatementOperation or IBlockOperation or IVariableDeclarationGroupOperation:
                    return null;
            }
        }

        return null;
    }

    internal static bool SingleConstant(List<IOperation> values, out string? single)
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

    internal static int? SingleInt(List<IOperation> values)
    {
        int? single = null;
        foreach (var value in values)
        {
            if (!ValueResolver.TryGetInt32OnEveryPath(value, value.Syntax.SyntaxTree, out var i) || (single is not null && single != i))
            {
                return null;
            }

            single = i;
        }

        return single;
    }

    /// <summary>
    /// The creation an argument or object initializer write belongs to (<c>new SmtpClient(host, 465)</c>,
    /// <c>new SmtpClient(host) { EnableSsl = true }</c>), when that creation is an arm of a choice.
    /// </summary>
    private static IObjectCreationOperation? ArmOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IObjectCreationOperation creation:
                    return IsArmOfChoice(creation) ? creation : null;
                case IExpressionStatementOperation or IBlockOperation or IVariableDeclarationGroupOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The clients a local given several of them holds where it sends or logs in: each value of the writes that reach
    /// those reads. Null when the client is not such a local, or when one of those values is not a creation of the
    /// client or the flow does not tell (then an initializer's EnableSsl counts for the whole client).
    /// </summary>
    private static HashSet<IObjectCreationOperation>? ReachingCreations(SmtpClientFacts facts, CancellationToken cancellationToken)
    {
        if (facts.Local is null || facts.Creations.Count < 2 || facts.Escapes)
        {
            return null;
        }

        var reaching = new HashSet<IObjectCreationOperation>();
        foreach (var receiver in facts.SendReceivers)
        {
            if (!AddReaching(receiver, facts, reaching, cancellationToken))
            {
                return null;
            }
        }

        foreach (var write in facts.CredentialWrites)
        {
            if (write.Parent is not IObjectOrCollectionInitializerOperation &&
                !AddReaching(((IPropertyReferenceOperation)write.Target).Instance, facts, reaching, cancellationToken))
            {
                return null;
            }
        }

        return reaching.Count > 0 ? reaching : null;
    }

    private static bool AddReaching(IOperation? receiver, SmtpClientFacts facts, HashSet<IObjectCreationOperation> reaching, CancellationToken cancellationToken)
    {
        if (ValueResolver.SkipImplicitConversions(receiver) is not ILocalReferenceOperation reference ||
            !SymbolEqualityComparer.Default.Equals(reference.Local, facts.Local) ||
            HeldBy(reference, cancellationToken) is not { } held)
        {
            return false;
        }

        foreach (var creation in held)
        {
            if (!facts.Creations.Contains(creation))
            {
                return false;
            }

            reaching.Add(creation);
        }

        return true;
    }

    /// <summary>
    /// The creation a write or value belongs to when the client is one of several told apart: an arm of a choice, or
    /// (when the flow tells the local's clients apart) the creation whose arguments or initializer hold it.
    /// </summary>
    private static IObjectCreationOperation? OwnCreation(IOperation operation, HashSet<IObjectCreationOperation>? reaching) =>
        ArmOf(operation) ?? (reaching is not null ? CreationOfValue(operation) : null);

    /// <summary>
    /// True when the creation is an arm of a conditional or switch expression, or one of a method's returns (a factory
    /// with <c>if (anonymous) return new SmtpClient(host);</c> before another <c>return</c>): one of the clients the
    /// value can be.
    /// </summary>
    private static bool IsArmOfChoice(IObjectCreationOperation creation)
    {
        IOperation created = creation;
        while (created.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            created = conversion;
        }

        return created.Parent is IConditionalOperation or ISwitchExpressionArmOperation or IReturnOperation ||
            created.Parent is ICoalesceOperation coalesce && coalesce.WhenNull == created;
    }

    private static bool IsProvenFalse(IOperation write) =>
        ValueResolver.TryGetBoolean(((ISimpleAssignmentOperation)write).Value, out var enabled) && !enabled;

    /// <summary>465, written or the one constant every path of the value gives (a helper's returns, a local's writes).</summary>
    private static bool IsImplicitPort(IOperation value) =>
        ValueResolver.TryGetInt32OnEveryPath(value, value.Syntax.SyntaxTree, out var port) && port == MailProtocol.Smtp.ImplicitPort;

    /// <summary>Where a new client goes: a local, a private field, or nowhere the code can follow.</summary>
    private object KeyOfCreation(IObjectCreationOperation creation, out bool escapes)
    {
        escapes = false;

        // A target-typed `new(...)` comes wrapped in an implicit conversion to its own type; a client created in an
        // arm of a conditional or switch expression goes where the choice goes.
        IOperation created = creation;
        while (true)
        {
            switch (created.Parent)
            {
                case IConversionOperation { IsImplicit: true } conversion when SymbolEqualityComparer.Default.Equals(conversion.Type, creation.Type):
                    created = conversion;
                    continue;
                case IConditionalOperation conditional when conditional.WhenTrue == created || conditional.WhenFalse == created:
                    created = conditional;
                    continue;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm when arm.Value == created:
                    created = switchExpression;
                    continue;
                case ICoalesceOperation coalesce when coalesce.WhenNull == created:
                    // `injected ?? new SmtpClient(host)`: the creation is the arm taken without an injected client.
                    created = coalesce;
                    continue;
            }

            break;
        }

        switch (created.Parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol;
            case IVariableInitializerOperation { Parent: IVariableDeclarationOperation { Declarators.Length: 1 } declaration }:
                // Visual Basic's `Dim client As New SmtpClient(...)`: the declaration holds the initializer.
                return declaration.Declarators[0].Symbol;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == created:
                return local.Local;
            case ISimpleAssignmentOperation assignment when assignment.Value == created && OwnMember(assignment.Target) is { } member:
                escapes = member.DeclaredAccessibility != Accessibility.Private;
                return member;
            case ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Value == created && OwnMember(coalesceAssignment.Target) is { } member:
                // `_client ??= new SmtpClient(host)`: created on first use into the type's own member.
                escapes = member.DeclaredAccessibility != Accessibility.Private;
                return member;
            case IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer:
                escapes = fieldInitializer.InitializedFields[0].DeclaredAccessibility != Accessibility.Private;
                return fieldInitializer.InitializedFields[0];
            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInitializer when IsFieldLike(propertyInitializer.InitializedProperties[0]):
                // An auto-property, or Visual Basic's WithEvents variable: a property whose accessors the compiler
                // writes, as a field's.
                escapes = propertyInitializer.InitializedProperties[0].DeclaredAccessibility != Accessibility.Private;
                return propertyInitializer.InitializedProperties[0];
            case IReturnOperation when EnclosingFactory(creation) is { } factory:
                // `private SmtpClient CreateClient() => new SmtpClient(host);`: the client of every caller.
                return FactoryKey(factory);
            case IInvocationOperation invocation when invocation.Instance == created && !IsExtensionCall(invocation):
            case IPropertyReferenceOperation property when property.Instance == created:
            case { Kind: OperationKind.None } when ClientIdentity.IsWithValue(created):
                // `new SmtpClient(host).Send(message)`, or Visual Basic's `With New SmtpClient(host)`: used right here.
                return creation;
        }

        // Returned, passed on, a factory lambda's body, stored elsewhere: whoever receives it decides.
        escapes = true;
        return creation;
    }

    /// <summary>The client a member access is made on, when the code can name it (see <see cref="ClientIdentity"/>).</summary>
    private object? KeyOfReceiver(IOperation? receiver)
    {
        receiver = ValueResolver.SkipImplicitConversions(receiver);
        switch (receiver)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                if (ClientIdentity.WithValue(implicitReceiver) is { } withValue)
                {
                    // Visual Basic's `With client` ... `.Send(m)`.
                    return KeyOfReceiver(withValue);
                }

                for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
                {
                    if (current is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
                    {
                        return OfFactoryLocal(KeyOfCreation(creation, out _));
                    }
                }

                return null;
            case IObjectCreationOperation creation:
                return OfFactoryLocal(KeyOfCreation(creation, out _));
            case IInvocationOperation or IPropertyReferenceOperation when FactoryOf(receiver) is { } factory:
                // `CreateClient().Send(message)`, `Client.Send(message)` with a factory property.
                return FactoryKey(factory.OriginalDefinition);
            default:
                return OfFactoryLocal(ClientIdentity.Of(receiver));
        }
    }

    /// <summary>The type's own field or field-like property (<see cref="IsFieldLike"/>) that <paramref name="target"/> writes, if it is one.</summary>
    private static ISymbol? OwnMember(IOperation target) => target switch
    {
        IFieldReferenceOperation field when IsOwnField(field) => field.Field,
        IPropertyReferenceOperation { Arguments.Length: 0 } property when IsFieldLike(property.Property) && ClientIdentity.IsOwn(property.Instance) => property.Property,
        _ => null,
    };

    /// <summary>The local a declaration initializes with <paramref name="value"/> (<c>var c = value;</c>, Visual Basic's <c>Dim c = value</c>).</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation value) => value.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        IVariableInitializerOperation { Parent: IVariableDeclarationOperation { Declarators.Length: 1 } declaration } => declaration.Declarators[0].Symbol,
        _ => null,
    };

    /// <summary>The key of the factory's client a local or member holds (<see cref="_factoryHolders"/>), or the key itself.</summary>
    private object? OfFactoryLocal(object? key) =>
        key is ISymbol holder && _factoryHolders.TryGetValue(holder, out var factory) ? factory : key;

    /// <summary>
    /// Records that <paramref name="holder"/> holds the client of <paramref name="key"/>; false when it already holds
    /// another factory's client (two clients in one variable: neither is followed).
    /// </summary>
    private bool Holds(ISymbol holder, ISymbol key)
    {
        if (_factoryHolders.TryGetValue(holder, out var known))
        {
            return SymbolEqualityComparer.Default.Equals(known, key);
        }

        _factoryHolders.Add(holder, key);
        return true;
    }

    /// <summary>
    /// True for the member written by <c>_client = CreateClient();</c>: the factory's call decides whether the member
    /// holds its client (<see cref="Holds"/>) or hands it on.
    /// </summary>
    private bool StoresFactoryResult(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference &&
        FactoryOf(ValueResolver.SkipImplicitConversions(assignment.Value)) is not null;

    /// <summary>The local a plain assignment writes <paramref name="value"/> to (<c>c = value;</c>).</summary>
    private static ILocalSymbol? AssignedLocal(IOperation value) =>
        value.Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment && assignment.Value == value ? local.Local : null;

    /// <summary>
    /// The type's own field or field-like property that <paramref name="value"/> is written to: by an assignment, or as
    /// its initializer.
    /// </summary>
    private static ISymbol? StoredMember(IOperation value) => value.Parent switch
    {
        ISimpleAssignmentOperation assignment when assignment.Value == value => OwnMember(assignment.Target),
        IFieldInitializerOperation { InitializedFields.Length: 1 } initializer => initializer.InitializedFields[0],
        IPropertyInitializerOperation { InitializedProperties.Length: 1 } initializer when IsFieldLike(initializer.InitializedProperties[0]) =>
            initializer.InitializedProperties[0],
        _ => null,
    };

    /// <summary>
    /// A method of this type whose every caller the model sees, and which returns a client: private, not an interface's
    /// (an explicit implementation is reached through the interface), not generic, and declared here (a call made on
    /// another construction of a generic type is a call of the same method: the key is its definition). Each call holds
    /// the client it returns; one that a call hands on, or a method group that lets others call it, makes it escape.
    /// </summary>
    private bool IsFactory(IMethodSymbol method) =>
        method.DeclaredAccessibility == Accessibility.Private &&
        _members.IsClientType(method.ReturnType) &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, _type) &&
        (method.MethodKind == MethodKind.Ordinary && !method.IsGenericMethod && method.ExplicitInterfaceImplementations.IsEmpty ||
         method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol property && IsFactoryProperty(property));

    /// <summary>
    /// A private read-only property whose getter has a body (<c>private SmtpClient Client => _client ??= new
    /// SmtpClient(host);</c>): each read is a call of a factory method.
    /// </summary>
    private static bool IsFactoryProperty(IPropertySymbol property) =>
        property.DeclaredAccessibility == Accessibility.Private && property.SetMethod is null && property.Parameters.IsEmpty &&
        property.ExplicitInterfaceImplementations.IsEmpty && !IsFieldLike(property);

    /// <summary>The factory (<see cref="IsFactory"/>) a call, method group or property read invokes, if it does.</summary>
    private IMethodSymbol? FactoryOf(IOperation? use)
    {
        var method = use switch
        {
            IInvocationOperation call => call.TargetMethod,
            IMethodReferenceOperation group => group.Method,
            IPropertyReferenceOperation property => property.Property.GetMethod,
            _ => null,
        };

        return method is not null && IsFactory(method) ? method : null;
    }

    /// <summary>
    /// Records a private member of the type returned by a factory method (<c>return _client;</c>); a factory that returns
    /// two members, or that a nested type names (its calls there are unseen), keeps its own key, and the members' returns
    /// count as handing them on.
    /// </summary>
    private void AddReturnedMember(IMemberReferenceOperation reference, ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaredAccessibility == Accessibility.Private && ClientIdentity.IsOwn(reference.Instance) &&
            IsReturned(reference) && EnclosingFactory(reference) is { } factory)
        {
            _factoryMembers[factory] =
                (_factoryMembers.TryGetValue(factory, out var known) && !SymbolEqualityComparer.Default.Equals(known, member)) ||
                IsNamedInNestedType(factory, cancellationToken)
                    ? null
                    : member;
        }
    }

    /// <summary>What a factory's callers hold: the one member it returns (<see cref="_factoryMembers"/>), or its own client.</summary>
    private ISymbol FactoryKey(IMethodSymbol factory) =>
        _factoryMembers.TryGetValue(factory, out var member) && member is not null ? member : factory;

    /// <summary>True for <c>return _client;</c> in a factory whose callers hold that member's client.</summary>
    private bool IsReturnedByItsFactory(IOperation reference, ISymbol member) =>
        IsReturned(reference) && EnclosingFactory(reference) is { } factory &&
        SymbolEqualityComparer.Default.Equals(FactoryKey(factory), member);

    /// <summary>
    /// True when the method itself returns the member's value: <c>return _client;</c>, or
    /// <c>return _client ??= new SmtpClient(host);</c> (not a lambda's or local function's return).
    /// </summary>
    private static bool IsReturned(IOperation reference) =>
        (reference.Parent is IReturnOperation ||
         reference.Parent is ICoalesceAssignmentOperation { Parent: IReturnOperation } coalesceAssignment && coalesceAssignment.Target == reference) &&
        !IsInNestedFunction(reference);

    /// <summary>The factory method (<see cref="IsFactory"/>) whose own body holds <paramref name="operation"/>, if any.</summary>
    private IMethodSymbol? EnclosingFactory(IOperation operation) =>
        operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol method && IsFactory(method) ? method : null;

    /// <summary>
    /// A property that holds a client as a field does: an auto-property (<c>private SmtpClient Client { get; }</c>)
    /// or a Visual Basic WithEvents variable. Private, such a property is the type's own, as a private field is; an
    /// explicit interface implementation is private too, but other code reaches it through the interface.
    /// </summary>
    private static bool IsFieldLike(IPropertySymbol property) =>
        property.IsWithEvents ||
        property.ExplicitInterfaceImplementations.IsEmpty && ClientIdentity.IsAutoProperty(property);

    private static bool IsOwnField(IFieldReferenceOperation field) => ClientIdentity.IsOwn(field.Instance);

    /// <summary>
    /// True when the local is handed anywhere the method cannot follow, or is overwritten. In a factory method
    /// (<paramref name="factory"/>), returning it hands it to the factory's callers, which the model follows:
    /// <paramref name="returned"/> says whether it is. A helper that only sends with it (<see cref="SendsOfHelper"/>)
    /// keeps it in sight: <paramref name="helperSends"/> counts the sends such helpers make.
    /// </summary>
    private bool LocalEscapes(ILocalSymbol local, IOperation value, IMethodSymbol? factory, out bool returned, out int helperSends, CancellationToken cancellationToken)
    {
        returned = false;
        helperSends = 0;
        var escapes = false;
        foreach (var descendant in OperationWalk.DescendantsOf(ValueResolver.GetRoot(value)))
        {
            if (descendant.Kind == OperationKind.LocalReference &&
                descendant is ILocalReferenceOperation reference &&
                SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                // Only `return c;`: a local written with `??=` is not followed (the flow of a local's writes does not read it).
                if (factory is not null && reference.Parent is IReturnOperation && !IsInNestedFunction(reference))
                {
                    returned = true;
                }
                else if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference && assignment.Value == value)
                {
                    // The write that gives the local this client (`c = CreateClient();`).
                }
                else if (reference.Parent is IArgumentOperation argument && SendsOfHelper(argument, cancellationToken) is >= 0 and var sends)
                {
                    helperSends += sends;
                }
                else if (UseEscapes(reference))
                {
                    escapes = true;
                }
            }
        }

        return escapes;
    }

    /// <summary>
    /// The sends a method makes with the client it is given as <paramref name="argument"/>, when that method is a helper
    /// the model can read whole (<c>SendSync(client, message)</c>: not virtual, declared once in this file) and does
    /// nothing else with it than call its methods, handle its events, read its properties, dispose it or compare it;
    /// -1 for any other method, or when the helper writes a property of the client (EnableSsl, but also Host, Port or
    /// DeliveryMethod, which decide whether the rules apply), stores it, or hands it on.
    /// </summary>
    private int SendsOfHelper(IArgumentOperation argument, CancellationToken cancellationToken)
    {
        if (argument.Parent is not IInvocationOperation { TargetMethod: var method } ||
            argument.Parameter is not { RefKind: RefKind.None, IsParams: false } parameter ||
            !_members.IsClientType(parameter.Type) ||
            method.IsVirtual || method.IsAbstract || (method.IsOverride && !method.IsSealed) ||
            method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) ||
            MethodBodies.Declaration(ref method, cancellationToken) is not { } declaration ||
            MethodBodies.Bind(declaration, argument.SemanticModel, cancellationToken) is not { } body)
        {
            return -1;
        }

        var given = method.Parameters[parameter.Ordinal];
        var sends = 0;
        foreach (var operation in OperationWalk.DescendantsOf(body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind != OperationKind.ParameterReference || operation is not IParameterReferenceOperation reference)
            {
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(reference.Parameter, given))
            {
                if (_members.IsClientType(reference.Parameter.Type) && !SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method))
                {
                    // A client the body reaches otherwise (the receiver of an extension block, a lambda's parameter).
                    return -1;
                }

                continue;
            }

            // Only these uses leave the client as it was given; any other (a write, `?.`, a pattern, a With block,
            // handing it on) may change it.
            switch (reference.Parent)
            {
                case IInvocationOperation call when call.Instance == reference && !IsExtensionCall(call):
                    sends += _members.IsSend(call.TargetMethod) ? 1 : 0;
                    break;
                case IEventReferenceOperation handled when handled.Instance == reference:
                    // `client.SendCompleted += (s, e) => client.Dispose();`
                    break;
                case IPropertyReferenceOperation read when read.Instance == reference && !IsWritten(read):
                case IUsingOperation:
                case IExpressionStatementOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IConversionOperation { IsImplicit: true, Conversion.IsReference: true, Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } }:
                    break;
                default:
                    return -1;
            }
        }

        return sends;
    }

    /// <summary>True for a property written by an assignment of any kind, or passed by reference (or in a tuple, which may be a deconstruction's target).</summary>
    private static bool IsWritten(IPropertyReferenceOperation property) =>
        property.Parent is IAssignmentOperation assignment && assignment.Target == property ||
        property.Parent is IDeconstructionAssignmentOperation ||
        property.Parent is ITupleOperation ||
        property.Parent is IIncrementOrDecrementOperation ||
        property.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None };

    /// <summary>True inside a lambda or local function: its <c>return</c> hands a value to whoever calls it.</summary>
    private static bool IsInNestedFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An extension method called on the client (<c>c.ApplyTls(ssl)</c>), which receives the client as its argument:
    /// Visual Basic gives such a call the client as its instance, C# as its first argument.
    /// </summary>
    private static bool IsExtensionCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.IsExtensionMethod || invocation.TargetMethod.ReducedFrom is not null;

    /// <summary>
    /// A method of the runtime that takes any object and only looks at the reference: <c>object.ReferenceEquals</c>,
    /// <c>ArgumentNullException.ThrowIfNull</c> and <c>GC.KeepAlive</c>. None of them can change the client.
    /// </summary>
    private static bool OnlyLooksAt(IMethodSymbol method) =>
        method.IsStatic && method.ContainingType is { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } type &&
        (type.SpecialType == SpecialType.System_Object ? method.Name == nameof(ReferenceEquals)
            : type.Name == nameof(GC) ? method.Name == nameof(GC.KeepAlive)
            : type.Name == nameof(ArgumentNullException) && method.Name == "ThrowIfNull");

    private static bool FieldUseEscapes(IFieldReferenceOperation reference) =>
        IsOwnField(reference) && UseEscapes(reference);

    private static bool UseEscapes(IOperation reference)
    {
        switch (reference.Parent)
        {
            case IMemberReferenceOperation member when member.Instance == reference:
            case IInvocationOperation invocation when invocation.Instance == reference && !IsExtensionCall(invocation):
            case IConditionalAccessOperation conditional when conditional.Operation == reference:
            case { Kind: OperationKind.None } when ClientIdentity.IsWithValue(reference):
            case IUsingOperation:
            case IExpressionStatementOperation:
            case ILockOperation:
                // Disposed, evaluated alone, or locked on (one send at a time: `lock (_client) _client.Send(m);`).
                return false;
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                // A write: fine only when it stores a new client this model tracks (or null, when disposing), or an
                // injected one with a new client as its fallback (`_client = client ?? new SmtpClient(host)`).
                var value = ValueResolver.SkipImplicitConversions(assignment.Value);
                return value is not IObjectCreationOperation && !(value?.ConstantValue is { HasValue: true, Value: null }) &&
                    !(value is ICoalesceOperation { WhenNull: var fallback } && ValueResolver.SkipImplicitConversions(fallback) is IObjectCreationOperation);
            case ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Target == reference:
                // `_client ??= new SmtpClient(host)`: a new client this model tracks, written only while there is none;
                // the member's client then goes where the assignment's value goes.
                return ValueResolver.SkipImplicitConversions(coalesceAssignment.Value) is not IObjectCreationOperation ||
                    UseEscapes(coalesceAssignment);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
            case IConversionOperation { Conversion.IsReference: true, Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } }:
            case IConversionOperation { Conversion.IsReference: true, Parent: IParenthesizedOperation { Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } } }:
            case IIsPatternOperation:
            case IIsTypeOperation:
                // Compared (`_client == null` compares it as an object: the conversion is the compiler's; `(object)_client
                // != null` and `_client as object == null` write it out).
                return false;
            case IConversionOperation { IsImplicit: true, Conversion.IsReference: true, Parent: IArgumentOperation { Parent: IInvocationOperation call } } when OnlyLooksAt(call.TargetMethod):
            case IArgumentOperation { Parent: IInvocationOperation call2 } when OnlyLooksAt(call2.TargetMethod):
                // `ReferenceEquals(_client, null)`, `ArgumentNullException.ThrowIfNull(_client)`, `GC.KeepAlive(_client)`.
                return false;
            default:
                // Returned, passed as an argument, stored, captured by a conversion: it leaves the method's sight.
                return true;
        }
    }
}
