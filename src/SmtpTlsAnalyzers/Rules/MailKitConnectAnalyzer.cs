using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP003, SMTP004, SMTP005, SMTP009 and SMTP013 for MailKit clients. The rules share one classification of each
/// Connect/ConnectAsync call: which TLS mode the code proves it asks for, on which port, for which protocol.
/// SMTP009 looks back from each Authenticate call to the last Connect on the same client in the same method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailKitConnectAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SMTP003_MailKitConnectionWithoutTls,
        Descriptors.SMTP004_MailKitStrippableStartTls,
        Descriptors.SMTP005_TlsModeDoesNotMatchPort,
        Descriptors.SMTP009_CredentialsWithoutTls,
        Descriptors.SMTP013_TlsLeftToConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: a TLS downgrade in generated or scaffolded code is still a vulnerability.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(static startContext =>
        {
            var types = KnownTypes.Create(startContext.Compilation);
            if (!types.HasMailKit)
            {
                return;
            }

            var settings = AnalyzerSettings.Create(startContext.Options);
            if (settings.IsTestProjectOptedOut(startContext.Compilation))
            {
                return;
            }

            var classifier = new ConnectClassifier(types, settings);
            // Every report starts from a Connect or an Authenticate call: files that never name one are skipped.
            var filter = new SourceTextFilter("Connect", "Authenticate");
            startContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (blockContext.OperationBlocks.IsEmpty ||
                    !filter.MayMention(blockContext.OperationBlocks[0].Syntax.SyntaxTree, blockContext.CancellationToken))
                {
                    return;
                }

                // A constant on one path of a conditional sits outside the Connect call (in a local's initializer,
                // say). Reported at the end of the block, it stays a local diagnostic that a code fix can act on.
                var deferred = new DeferredDiagnostics();
                blockContext.RegisterOperationAction(c => AnalyzeInvocation(c, classifier, deferred), OperationKind.Invocation);
                blockContext.RegisterOperationBlockEndAction(deferred.ReportAll);
            });
        });
    }

    /// <summary>Diagnostics of one operation block, kept until the block ends (at most one per location).</summary>
    private sealed class DeferredDiagnostics
    {
        private readonly object _gate = new();
        private List<Diagnostic>? _diagnostics;

        public void Add(Diagnostic diagnostic)
        {
            lock (_gate)
            {
                _diagnostics ??= new List<Diagnostic>();
                foreach (var existing in _diagnostics)
                {
                    if (existing.Id == diagnostic.Id && existing.Location == diagnostic.Location)
                    {
                        // One local that feeds two Connect calls: its constant is reported once.
                        return;
                    }
                }

                _diagnostics.Add(diagnostic);
            }
        }

        public void ReportAll(OperationBlockAnalysisContext context)
        {
            lock (_gate)
            {
                foreach (var diagnostic in _diagnostics ?? new List<Diagnostic>())
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ConnectClassifier classifier, DeferredDiagnostics deferred)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        var isConnect = ConnectClassifier.IsConnectName(name);
        if (!isConnect && name is not ("Authenticate" or "AuthenticateAsync"))
        {
            return;
        }

        if (!classifier.IsMailKitMethod(invocation.TargetMethod) || !classifier.Settings.IsEnabled(invocation.Syntax.SyntaxTree))
        {
            return;
        }

        if (isConnect)
        {
            ReportConnect(context, classifier.Classify(invocation), deferred);
        }
        else
        {
            AnalyzeAuthenticate(context, classifier, invocation);
        }
    }

    private static void ReportConnect(OperationAnalysisContext context, ConnectFacts? facts, DeferredDiagnostics deferred)
    {
        if (facts is null)
        {
            return;
        }

        var additional = new[] { facts.Invocation.Syntax.GetLocation() };
        switch (facts.Verdict)
        {
            case Verdict.WithoutTls:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP003_MailKitConnectionWithoutTls, facts.Location, Additional(facts), facts.FixProperties, facts.Endpoint, facts.ModeText));
                break;
            case Verdict.PortMismatch:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP005_TlsModeDoesNotMatchPort, facts.Location, Additional(facts), facts.FixProperties, facts.ModeText + (facts.Host is { Length: > 0 } host ? " for " + host : string.Empty), facts.PortText, facts.Reason));
                break;
            case Verdict.Strippable:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP004_MailKitStrippableStartTls, facts.Location, Additional(facts), facts.FixProperties, facts.Endpoint, facts.ModeText));
                break;
            case Verdict.Configuration:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP013_TlsLeftToConfiguration, facts.Location, Additional(facts), facts.FixProperties, facts.Reason));
                break;
        }

        foreach (var leaf in facts.ConfigurationLeaves)
        {
            deferred.Add(Diagnostic.Create(Descriptors.SMTP013_TlsLeftToConfiguration, leaf.Syntax.GetLocation(), additional, facts.LeafProperties, leaf.Reason));
        }
    }

    private static Location[] Additional(ConnectFacts facts) => facts.UriLiteral is { } literal
        ? new[] { facts.Invocation.Syntax.GetLocation(), literal.GetLocation() }
        : new[] { facts.Invocation.Syntax.GetLocation() };

    /// <summary>SMTP009: a login on a client whose last connection in this method is SMTP003 or SMTP004, unguarded.</summary>
    private static void AnalyzeAuthenticate(OperationAnalysisContext context, ConnectClassifier classifier, IInvocationOperation login)
    {
        var client = ClientSymbol(login.Instance);
        if (client is null)
        {
            return;
        }

        var loginStart = login.Syntax.SpanStart;
        IInvocationOperation? connect = null;
        var candidates = new List<IPropertyReferenceOperation>();
        foreach (var operation in ValueResolver.GetRoot(login).Descendants())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (operation.Syntax.SpanStart >= loginStart || operation.Syntax.SyntaxTree != login.Syntax.SyntaxTree)
            {
                continue;
            }

            switch (operation)
            {
                case IInvocationOperation other when ConnectClassifier.IsConnectName(other.TargetMethod.Name) &&
                    SymbolEqualityComparer.Default.Equals(ClientSymbol(other.Instance), client) &&
                    classifier.IsMailKitMethod(other.TargetMethod):
                    if (connect is null || other.Syntax.SpanStart > connect.Syntax.SpanStart)
                    {
                        connect = other;
                    }

                    break;
                case IPropertyReferenceOperation { Property.Name: "IsSecure" or "IsEncrypted" } check when
                    SymbolEqualityComparer.Default.Equals(ClientSymbol(check.Instance), client):
                    candidates.Add(check);
                    break;
            }
        }

        if (connect is null || !AlwaysPrecedes(connect, login) ||
            classifier.Classify(connect) is not { Verdict: Verdict.WithoutTls or Verdict.Strippable } facts)
        {
            return;
        }

        foreach (var check in candidates)
        {
            if (check.Syntax.SpanStart > connect.Syntax.Span.End)
            {
                // The code looks at IsSecure between the connection and the login: trust it to stop the login.
                return;
            }
        }

        var line = (connect.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        var reason = facts.Verdict == Verdict.WithoutTls
            ? "the connection on line " + line + " does not use TLS (" + facts.ModeText + ")"
            : "the connection on line " + line + " uses " + facts.ModeText;
        var properties = facts.FixProperties.SetItem(DiagnosticProperties.MailKitLogin, "true");
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SMTP009_CredentialsWithoutTls,
            login.Syntax.GetLocation(),
            Additional(facts),
            properties,
            facts.Endpoint,
            reason));
    }

    /// <summary>
    /// True when the connection runs on every path to the login in the same function: not in a branch, loop, catch
    /// or switch arm that the login is outside of, and neither call inside a lambda or local function the other is
    /// not in (those run when they are called, not where they are written).
    /// </summary>
    private static bool AlwaysPrecedes(IOperation connect, IOperation login)
    {
        var loginAncestors = new HashSet<IOperation>();
        for (var current = login.Parent; current is not null; current = current.Parent)
        {
            loginAncestors.Add(current);
        }

        IOperation? common = null;
        for (var current = connect.Parent; current is not null; current = current.Parent)
        {
            if (loginAncestors.Contains(current))
            {
                common = current;
                break;
            }

            if (current is IConditionalOperation or ISwitchOperation or ISwitchCaseOperation or ISwitchExpressionArmOperation or
                ILoopOperation or ICatchClauseOperation or ICoalesceOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        for (var current = login.Parent; current is not null && current != common; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return common is not null;
    }

    /// <summary>The local, parameter or field a call is made on; null for anything the method cannot name.</summary>
    private static ISymbol? ClientSymbol(IOperation? receiver)
    {
        switch (ValueResolver.SkipImplicitConversions(receiver))
        {
            case IConditionalAccessInstanceOperation conditionalInstance:
                // `client?.Authenticate(...)`: the client is the operand of the nearest `?.`.
                for (var current = conditionalInstance.Parent; current is not null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation conditionalAccess)
                    {
                        return ClientSymbol(conditionalAccess.Operation);
                    }
                }

                return null;
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                return field.Field;
            default:
                return null;
        }
    }

    internal enum Verdict
    {
        Secure,
        WithoutTls,
        PortMismatch,
        Strippable,
        Configuration,
    }

    private enum Mode
    {
        Unknown,
        None,
        Auto,
        SslOnConnect,
        StartTls,
        StartTlsWhenAvailable,
    }

    /// <summary>The ports and Uri scheme of one mail protocol.</summary>
    private sealed class Protocol
    {
        public static readonly Protocol Smtp = new("smtp", 465, 587, 25, 587, 2525);
        public static readonly Protocol Imap = new("imap", 993, 143, 143);
        public static readonly Protocol Pop3 = new("pop", 995, 110, 110);
        public static readonly Protocol Unknown = new(string.Empty, 0, 0, 25, 587, 2525, 143, 110);

        private readonly int[] _plainPorts;

        private Protocol(string scheme, int implicitPort, int startTlsPort, params int[] plainPorts)
        {
            Scheme = scheme;
            ImplicitPort = implicitPort;
            StartTlsPort = startTlsPort;
            _plainPorts = plainPorts;
        }

        public string Scheme { get; }
        public int ImplicitPort { get; }
        public int StartTlsPort { get; }
        public bool IsKnown => ImplicitPort != 0;

        /// <summary>A port where TLS starts with the first byte (any of 465/993/995 when the protocol is unknown).</summary>
        public bool IsImplicitPort(int port) => IsKnown ? port == ImplicitPort : port is 465 or 993 or 995;

        public bool IsPlainPort(int port) => Array.IndexOf(_plainPorts, port) >= 0;

        public string DescribeImplicitPort() => IsKnown ? ImplicitPort.ToString(CultureInfo.InvariantCulture) : "465, 993 or 995";

        public static Protocol? FromScheme(string scheme, out bool secure)
        {
            secure = scheme.EndsWith("s", StringComparison.Ordinal);
            var plain = secure ? scheme.Substring(0, scheme.Length - 1) : scheme;
            return plain switch
            {
                "smtp" => Smtp,
                "imap" => Imap,
                "pop" or "pop3" => Pop3,
                _ => null,
            };
        }
    }

    /// <summary>A constant, on one path of a conditional, that makes the connection opportunistic or clear text.</summary>
    private sealed class ConfigurationLeaf
    {
        public ConfigurationLeaf(SyntaxNode syntax, string reason)
        {
            Syntax = syntax;
            Reason = reason;
        }

        public SyntaxNode Syntax { get; }
        public string Reason { get; }
    }

    /// <summary>What one Connect call proves about its connection, and what to tell and how to fix it.</summary>
    private sealed class ConnectFacts
    {
        public ConnectFacts(IInvocationOperation invocation) => Invocation = invocation;

        public IInvocationOperation Invocation { get; }
        public Verdict Verdict { get; set; }
        public Location Location { get; set; } = Location.None;
        public string Endpoint { get; set; } = string.Empty;

        /// <summary>The host when it is a constant, for messages that name the port separately.</summary>
        public string? Host { get; set; }
        public string ModeText { get; set; } = string.Empty;
        public string PortText { get; set; } = string.Empty;
        public string Reason { get; set; } = string.Empty;
        public SyntaxNode? UriLiteral { get; set; }
        public ImmutableDictionary<string, string?> FixProperties { get; set; } = ImmutableDictionary<string, string?>.Empty;
        public ImmutableDictionary<string, string?> LeafProperties { get; set; } = ImmutableDictionary<string, string?>.Empty;
        public List<ConfigurationLeaf> ConfigurationLeaves { get; } = new();
    }

    /// <summary>Classifies Connect calls. Immutable after construction, so it is shared by concurrent callbacks.</summary>
    private sealed class ConnectClassifier
    {
        private readonly KnownTypes _types;
        private readonly Dictionary<long, Mode> _modes = new();

        public ConnectClassifier(KnownTypes types, AnalyzerSettings settings)
        {
            _types = types;
            Settings = settings;
            foreach (var member in types.SecureSocketOptions!.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field &&
                    Enum.TryParse<Mode>(field.Name, out var mode) && mode != Mode.Unknown)
                {
                    _modes[Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture)] = mode;
                }
            }
        }

        public AnalyzerSettings Settings { get; }

        public static bool IsConnectName(string name) => name is "Connect" or "ConnectAsync";

        /// <summary>
        /// True when the method is MailKit's own (declared by MailKit, or a user override of it) on a mail service.
        /// A user's look-alike method with the same name is not.
        /// </summary>
        public bool IsMailKitMethod(IMethodSymbol method)
        {
            var root = RootDefinition(method);
            var mailKit = _types.IMailService!.ContainingAssembly;
            return SymbolEqualityComparer.Default.Equals(root.ContainingAssembly, mailKit) &&
                (KnownTypes.IsOrInherits(root.ContainingType, _types.IMailService) || KnownTypes.IsOrDerivesFrom(root.ContainingType, _types.MailService));
        }

        /// <summary>
        /// True when code outside MailKit overrides the Connect the call ends up in (the bool and Uri overloads call the
        /// options overload of the same name): the override decides what the arguments mean, not MailKit.
        /// </summary>
        private bool IsOverriddenOutsideMailKit(IInvocationOperation invocation)
        {
            var mailKit = _types.IMailService!.ContainingAssembly;
            var method = invocation.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, mailKit))
            {
                return true;
            }

            for (var type = invocation.Instance?.Type as INamedTypeSymbol;
                 type is not null && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, mailKit);
                 type = type.BaseType)
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol { IsOverride: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static IMethodSymbol RootDefinition(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            while (method.OverriddenMethod is { } overridden)
            {
                method = overridden.OriginalDefinition;
            }

            return method;
        }

        public ConnectFacts? Classify(IInvocationOperation invocation)
        {
            if (IsOverriddenOutsideMailKit(invocation))
            {
                return null;
            }

            var parameters = RootDefinition(invocation.TargetMethod).Parameters;
            IArgumentOperation? host = null, port = null, mode = null, uri = null, stream = null;
            var modeIsFlag = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null || argument.Parameter.Ordinal >= parameters.Length)
                {
                    continue;
                }

                switch (parameters[argument.Parameter.Ordinal].Name)
                {
                    case "host": host = argument; break;
                    case "port": port = argument; break;
                    case "options": mode = argument; break;
                    case "useSsl": mode = argument; modeIsFlag = true; break;
                    case "uri": uri = argument; break;
                    case "stream": stream = argument; break;
                }
            }

            if (stream is not null && IsSslStream(stream.Value))
            {
                // The caller already wrapped the stream in TLS; None is the right mode there.
                return null;
            }

            var protocol = ProtocolOf(invocation.Instance?.Type);
            var tree = invocation.Syntax.SyntaxTree;
            if (uri is not null)
            {
                return ClassifyUri(invocation, uri, protocol, tree);
            }

            if (host is null)
            {
                return null;
            }

            string? hostName = ValueResolver.TryGetString(host.Value, out var h) ? h : null;
            if (Settings.IsPlaintextHost(tree, hostName))
            {
                return null;
            }

            var portOmitted = port is null || port.ArgumentKind == ArgumentKind.DefaultValue;
            int? portValue = portOmitted ? 0 : ValueResolver.TryGetInt32(port!.Value, out var p) ? p : null;
            var facts = new ConnectFacts(invocation);
            var modeWritten = mode is not null && mode.ArgumentKind != ArgumentKind.DefaultValue;
            facts.Location = modeWritten ? mode!.Value.Syntax.GetLocation() : invocation.Syntax.GetLocation();
            facts.FixProperties = FixProperties(invocation, modeWritten ? mode : null, portOmitted ? null : port, portValue, protocol);
            facts.LeafProperties = LeafProperties(portValue, protocol);

            Mode resolved;
            if (modeIsFlag)
            {
                if (!ValueResolver.TryGetBoolean(mode!.Value, out var useSsl))
                {
                    facts.Verdict = Verdict.Configuration;
                    facts.Reason = "useSsl comes from a value the code does not fix, and useSsl: false means STARTTLS only when the server offers it";
                    facts.FixProperties = facts.FixProperties.SetItem(DiagnosticProperties.KeepFlag, "true");
                    return facts;
                }

                resolved = useSsl ? Mode.SslOnConnect : Mode.StartTlsWhenAvailable;
                facts.ModeText = useSsl ? "useSsl: true" : "useSsl: false (STARTTLS when available)";
            }
            else if (!modeWritten)
            {
                resolved = Mode.Auto;
                facts.ModeText = "SecureSocketOptions.Auto (the default)";
            }
            else
            {
                resolved = ResolveMode(mode!.Value);
                if (resolved == Mode.Unknown)
                {
                    CollectConfigurationLeaves(facts, mode.Value, portOmitted, portValue, protocol);
                    return facts.ConfigurationLeaves.Count > 0 ? facts : null;
                }

                facts.ModeText = "SecureSocketOptions." + resolved;
            }

            Decide(facts, resolved, portOmitted, portValue, protocol);
            facts.Endpoint = Endpoint.Describe(hostName, EffectivePort(portValue, resolved, protocol));
            facts.Host = hostName;
            return facts.Verdict == Verdict.Secure ? null : facts;
        }

        private static void Decide(ConnectFacts facts, Mode mode, bool portOmitted, int? port, Protocol protocol)
        {
            if (mode == Mode.None)
            {
                facts.Verdict = Verdict.WithoutTls;
                return;
            }

            if (port is { } constant && constant != 0)
            {
                facts.PortText = constant.ToString(CultureInfo.InvariantCulture);
                if (mode == Mode.SslOnConnect && protocol.IsPlainPort(constant))
                {
                    facts.Verdict = Verdict.PortMismatch;
                    facts.Reason = "a server on port " + facts.PortText + " expects plain text followed by STARTTLS, so the TLS handshake fails; use SecureSocketOptions.StartTls";
                    return;
                }

                if (mode is Mode.StartTls or Mode.StartTlsWhenAvailable && protocol.IsImplicitPort(constant))
                {
                    facts.Verdict = Verdict.PortMismatch;
                    facts.Reason = "a server on port " + facts.PortText + " expects TLS from the first byte, so the connection hangs or fails; use SecureSocketOptions.SslOnConnect";
                    return;
                }
            }

            switch (mode)
            {
                case Mode.StartTlsWhenAvailable:
                    facts.Verdict = Verdict.Strippable;
                    return;
                case Mode.Auto when portOmitted || port == 0:
                    facts.Verdict = Verdict.Strippable;
                    facts.ModeText += " without a port (STARTTLS when available)";
                    return;
                case Mode.Auto when port is { } autoPort:
                    if (!protocol.IsImplicitPort(autoPort))
                    {
                        facts.Verdict = Verdict.Strippable;
                        facts.ModeText += " on port " + autoPort.ToString(CultureInfo.InvariantCulture) + " (STARTTLS when available)";
                    }

                    return;
                case Mode.Auto:
                    facts.Verdict = Verdict.Configuration;
                    facts.Reason = "the port comes from a value the code does not fix, and SecureSocketOptions.Auto uses TLS from the first byte only on port " +
                        protocol.DescribeImplicitPort() + "; on any other port it uses STARTTLS only when the server offers it";
                    return;
            }
        }

        private void CollectConfigurationLeaves(ConnectFacts facts, IOperation value, bool portOmitted, int? port, Protocol protocol)
        {
            var leaves = new List<PossibleValue>();
            ValueResolver.CollectPossibleValues(value, leaves);
            foreach (var leaf in leaves)
            {
                if (!leaf.HasValue || ModeOf(leaf.Value) is not { } mode ||
                    leaf.Source.Syntax.SyntaxTree != facts.Invocation.Syntax.SyntaxTree)
                {
                    continue;
                }

                var opportunistic = mode == Mode.StartTlsWhenAvailable ||
                    (mode == Mode.Auto && (portOmitted || port == 0 || (port is { } known && !protocol.IsImplicitPort(known))));
                if (mode == Mode.None)
                {
                    facts.ConfigurationLeaves.Add(new ConfigurationLeaf(leaf.Source.Syntax, "on one path it is SecureSocketOptions.None, which turns TLS off"));
                }
                else if (opportunistic)
                {
                    facts.ConfigurationLeaves.Add(new ConfigurationLeaf(leaf.Source.Syntax, "on one path it is SecureSocketOptions." + mode + ", which uses STARTTLS only when the server offers it"));
                }
            }
        }

        private ConnectFacts? ClassifyUri(IInvocationOperation invocation, IArgumentOperation argument, Protocol receiverProtocol, SyntaxTree tree)
        {
            if (!TryGetUriText(argument.Value, out var text, out var literal) ||
                !System.Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return null;
            }

            var scheme = uri.Scheme.ToLowerInvariant();
            var protocol = Protocol.FromScheme(scheme, out var secure);
            if (protocol is null || (receiverProtocol.IsKnown && receiverProtocol != protocol))
            {
                // MailKit throws "Unknown URI scheme" for it: not a TLS question.
                return null;
            }

            if (Settings.IsPlaintextHost(tree, uri.Host))
            {
                return null;
            }

            Mode mode;
            string? starttls = null;
            if (secure)
            {
                mode = Mode.SslOnConnect;
            }
            else
            {
                if (!TryReadStartTls(uri.Query, out starttls))
                {
                    // A name given twice: MailKit throws while it parses the query. Not a TLS question.
                    return null;
                }

                mode = starttls?.ToLowerInvariant() switch
                {
                    "always" or "true" or "yes" => Mode.StartTls,
                    "never" or "false" or "no" => Mode.None,
                    _ => Mode.StartTlsWhenAvailable,
                };
            }

            var port = uri.Port < 0 ? 0 : uri.Port;
            var facts = new ConnectFacts(invocation)
            {
                Location = argument.Value.Syntax.GetLocation(),
                ModeText = mode switch
                {
                    Mode.None => "starttls=" + starttls + " in the Uri",
                    Mode.SslOnConnect => "the " + scheme + ":// scheme",
                    _ => "a Uri with the " + scheme + ":// scheme and no starttls=always",
                },
            };
            Decide(facts, mode, port == 0, port, protocol);
            if (facts.Verdict == Verdict.Secure)
            {
                return null;
            }

            if (facts.Verdict == Verdict.PortMismatch)
            {
                facts.ModeText = secure ? "The " + scheme + ":// scheme (TLS from the first byte)" : "The " + scheme + ":// scheme (STARTTLS)";
                facts.Reason = facts.Reason.Replace("SecureSocketOptions.StartTls", "?starttls=always").Replace("SecureSocketOptions.SslOnConnect", "the " + protocol.Scheme + "s:// scheme");
            }

            facts.Endpoint = Endpoint.Describe(uri.Host, EffectivePort(port, mode, protocol));
            facts.Host = uri.Host;
            if (literal is not null && text.IndexOf('#') < 0 && text.StartsWith(scheme + "://", StringComparison.OrdinalIgnoreCase) &&
                (uri.Query.Length == 0 || text.EndsWith(uri.Query, StringComparison.Ordinal)) && IsPlainQuery(uri.Query))
            {
                facts.UriLiteral = literal;
                facts.FixProperties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.Fix, DiagnosticProperties.RewriteMailUri)
                    .Add(DiagnosticProperties.Uri, RewriteUri(text, scheme, protocol, port));
            }

            return facts;
        }

        /// <summary>The Uri text with the mode that fits its port: the TLS scheme on the implicit port, starttls=always elsewhere.</summary>
        private static string RewriteUri(string text, string scheme, Protocol protocol, int port)
        {
            var rest = text.Substring(scheme.Length);
            if (port != 0 && protocol.IsImplicitPort(port))
            {
                return protocol.Scheme + "s" + rest;
            }

            text = protocol.Scheme + rest;
            var queryStart = text.IndexOf('?');
            if (queryStart < 0)
            {
                var pathStart = text.IndexOf('/', text.IndexOf("//", StringComparison.Ordinal) + 2);
                return text + (pathStart < 0 ? "/?starttls=always" : "?starttls=always");
            }

            var parts = text.Substring(queryStart + 1).Split('&');
            var found = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var equals = parts[i].IndexOf('=');
                var name = equals < 0 ? parts[i] : parts[i].Substring(0, equals);
                if (string.Equals(name, "starttls", StringComparison.OrdinalIgnoreCase))
                {
                    parts[i] = name + "=always";
                    found = true;
                }
            }

            var query = string.Join("&", parts);
            if (!found)
            {
                query = query.Length == 0 ? "starttls=always" : query.TrimEnd('&') + "&starttls=always";
            }

            return text.Substring(0, queryStart + 1) + query;
        }

        /// <summary>
        /// Reads the starttls parameter the way MailKit does (UriExtensions.ParsedQuery): a name runs to the next '=',
        /// its value to the next '&amp;'; names are compared as written, ignoring case, and values are unescaped.
        /// False when a name appears twice, which makes MailKit throw.
        /// </summary>
        private static bool TryReadStartTls(string query, out string? starttls)
        {
            starttls = null;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 1;
            while (index < query.Length)
            {
                var start = index;
                while (index < query.Length && query[index] != '=')
                {
                    index++;
                }

                var name = query.Substring(start, index - start);
                string value;
                if (index >= query.Length)
                {
                    value = string.Empty;
                }
                else
                {
                    start = ++index;
                    while (index < query.Length && query[index] != '&')
                    {
                        index++;
                    }

                    value = Uri.UnescapeDataString(query.Substring(start, index - start));
                    index++;
                }

                if (!names.Add(name))
                {
                    return false;
                }

                if (string.Equals(name, "starttls", StringComparison.OrdinalIgnoreCase))
                {
                    starttls = value;
                }
            }

            return true;
        }

        /// <summary>
        /// True when every parameter of the query is name=value, so that splitting it at '&amp;' (as the rewrite does)
        /// reads it the way MailKit does.
        /// </summary>
        private static bool IsPlainQuery(string query)
        {
            if (query.Length <= 1)
            {
                return true;
            }

            var parts = query.Substring(1).Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].IndexOf('=') <= 0 && !(i == parts.Length - 1 && parts[i].Length == 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The constant text of a <c>new Uri("...")</c>, and the literal itself when it is written in place.</summary>
        private bool TryGetUriText(IOperation value, out string text, out SyntaxNode? literal)
        {
            text = string.Empty;
            literal = null;
            value = ValueResolver.SkipImplicitConversions(value)!;
            var direct = true;
            if (value is ILocalReferenceOperation local && ValueResolver.FindSingleWrite(local) is { } written)
            {
                value = ValueResolver.SkipImplicitConversions(written)!;
                direct = false;
            }

            if (value is not IObjectCreationOperation { Arguments.Length: > 0 } creation ||
                !SymbolEqualityComparer.Default.Equals(creation.Type, _types.Uri) ||
                creation.Arguments[0].Parameter?.Type.SpecialType != SpecialType.System_String ||
                !ValueResolver.TryGetString(creation.Arguments[0].Value, out text))
            {
                return false;
            }

            if (direct && ValueResolver.SkipImplicitConversions(creation.Arguments[0].Value) is ILiteralOperation stringLiteral &&
                stringLiteral.Syntax is LiteralExpressionSyntax)
            {
                literal = stringLiteral.Syntax;
            }

            return true;
        }

        private Mode ResolveMode(IOperation value) =>
            ValueResolver.TryGetConstant(value, out var constant) && ModeOf(constant) is { } mode ? mode : Mode.Unknown;

        private Mode? ModeOf(object? constant) => constant switch
        {
            int i when _modes.TryGetValue(i, out var mode) => mode,
            long l when _modes.TryGetValue(l, out var mode) => mode,
            _ => null,
        };

        /// <summary>The port MailKit ends up using, for messages; null when it is not a constant.</summary>
        private static int? EffectivePort(int? port, Mode mode, Protocol protocol)
        {
            if (port is not 0 || !protocol.IsKnown)
            {
                return port is 0 ? null : port;
            }

            return mode == Mode.SslOnConnect ? protocol.ImplicitPort : protocol == Protocol.Smtp ? 25 : protocol.StartTlsPort;
        }

        private static ImmutableDictionary<string, string?> FixProperties(IInvocationOperation invocation, IArgumentOperation? mode, IArgumentOperation? port, int? portValue, Protocol protocol)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax { ArgumentList: var list })
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Fix, DiagnosticProperties.SetSecureSocketOptions);
            if (mode?.Syntax is ArgumentSyntax modeSyntax)
            {
                properties.Add(DiagnosticProperties.ModeArgument, list.Arguments.IndexOf(modeSyntax).ToString(CultureInfo.InvariantCulture));
            }

            if (port?.Syntax is ArgumentSyntax portSyntax)
            {
                properties.Add(DiagnosticProperties.PortArgument, list.Arguments.IndexOf(portSyntax).ToString(CultureInfo.InvariantCulture));
                if (IsSimple(port.Value))
                {
                    properties.Add(DiagnosticProperties.PortIsSimple, "true");
                }
            }

            AddPorts(properties, portValue, protocol);
            return properties.ToImmutable();
        }

        private static ImmutableDictionary<string, string?> LeafProperties(int? portValue, Protocol protocol)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Fix, DiagnosticProperties.ReplaceSecureSocketOptionsValue);
            AddPorts(properties, portValue, protocol);
            return properties.ToImmutable();
        }

        private static void AddPorts(ImmutableDictionary<string, string?>.Builder properties, int? portValue, Protocol protocol)
        {
            if (portValue is { } constant)
            {
                properties.Add(DiagnosticProperties.Port, constant.ToString(CultureInfo.InvariantCulture));
            }

            if (protocol.IsKnown)
            {
                properties.Add(DiagnosticProperties.ImplicitPort, protocol.ImplicitPort.ToString(CultureInfo.InvariantCulture));
                properties.Add(DiagnosticProperties.StartTlsPort, protocol.StartTlsPort.ToString(CultureInfo.InvariantCulture));
            }
        }

        /// <summary>A port expression a fix can read twice: a local, parameter, field or property chain.</summary>
        private static bool IsSimple(IOperation? operation)
        {
            operation = ValueResolver.SkipImplicitConversions(operation);
            return operation switch
            {
                ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
                IFieldReferenceOperation field => field.Instance is null || IsSimple(field.Instance),
                IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Instance is null || IsSimple(property.Instance),
                _ => false,
            };
        }

        private Protocol ProtocolOf(ITypeSymbol? type)
        {
            if (KnownTypes.IsOrInherits(type, _types.MailKitISmtpClient) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitSmtpClient))
            {
                return Protocol.Smtp;
            }

            if (KnownTypes.IsOrInherits(type, _types.MailKitIImapClient) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitImapClient))
            {
                return Protocol.Imap;
            }

            if (KnownTypes.IsOrInherits(type, _types.MailKitIPop3Client) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitPop3Client))
            {
                return Protocol.Pop3;
            }

            return Protocol.Unknown;
        }

        private bool IsSslStream(IOperation value)
        {
            var operation = ValueResolver.SkipImplicitConversions(value);
            if (operation is ILocalReferenceOperation local && ValueResolver.FindSingleWrite(local) is { } written)
            {
                operation = ValueResolver.SkipImplicitConversions(written);
            }

            return KnownTypes.IsOrDerivesFrom(operation?.Type, _types.SslStream);
        }
    }
}
