using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Model;

internal enum ConnectionVerdict
{
    Secure,
    WithoutTls,
    PortMismatch,
    Strippable,
    Configuration,
}


/// <summary>A constant, on one path of a conditional, that makes the connection opportunistic or clear text.</summary>
internal sealed class ConfigurationLeaf
{
    public ConfigurationLeaf(SyntaxNode syntax, string reason, bool inModeArgument)
    {
        Syntax = syntax;
        Reason = reason;
        InModeArgument = inModeArgument;
    }

    public SyntaxNode Syntax { get; }
    public string Reason { get; }

    /// <summary>True when the constant is written in the Connect call's mode argument, beside the port argument.</summary>
    public bool InModeArgument { get; }
}

/// <summary>What one Connect call proves about its connection, and what to tell and how to fix it.</summary>
internal sealed class MailKitConnection
{
    public MailKitConnection(IInvocationOperation invocation) => Invocation = invocation;

    private ImmutableArray<Location> _additionalLocations;
    private Location? _location;
    private ImmutableDictionary<string, string?>? _fixProperties;
    private ImmutableDictionary<string, string?>? _leafProperties;
    private ImmutableDictionary<string, string?>? _leafInCallProperties;

    public IInvocationOperation Invocation { get; }
    public ConnectionVerdict Verdict { get; set; }

    /// <summary>Where the diagnostics of the connection are reported: its mode argument, or the call when no mode is written.</summary>
    public SyntaxNode? ReportedNode { get; set; }

    public Location Location => _location ??= ReportedNode is { } node ? LanguageSyntax.Of(node)?.ReportLocation(node) ?? node.GetLocation() : Location.None;
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The host when it is a constant, for messages that name the port separately.</summary>
    public string? Host { get; set; }
    public string ModeText { get; set; } = string.Empty;
    public string PortText { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public SyntaxNode? UriLiteral { get; set; }

    /// <summary>The Connect call, and the Uri literal a fix rewrites when there is one (several rules report one connection).</summary>
    public ImmutableArray<Location> AdditionalLocations => _additionalLocations.IsDefault
        ? _additionalLocations = UriLiteral is { } literal
            ? ImmutableArray.Create(Invocation.Syntax.GetLocation(), literal.GetLocation())
            : ImmutableArray.Create(Invocation.Syntax.GetLocation())
        : _additionalLocations;

    /// <summary>What the code fix reads; built when a rule first reports the connection, not for every Connect call.</summary>
    public ImmutableDictionary<string, string?> FixProperties => _fixProperties ??= FixPropertiesFactory?.Invoke() ?? ImmutableDictionary<string, string?>.Empty;

    public Func<ImmutableDictionary<string, string?>>? FixPropertiesFactory { get; set; }

    /// <summary>What the code fix of a configuration leaf reads; built when a leaf is reported.</summary>
    public ImmutableDictionary<string, string?> LeafProperties => _leafProperties ??= LeafPropertiesFactory?.Invoke() ?? ImmutableDictionary<string, string?>.Empty;

    public Func<ImmutableDictionary<string, string?>>? LeafPropertiesFactory { get; set; }

    /// <summary>
    /// What the code fix of a leaf written in the call's mode argument reads: also where the port argument is, when
    /// it can be read there again, for a choice by port.
    /// </summary>
    public ImmutableDictionary<string, string?> LeafInCallProperties => _leafInCallProperties ??= LeafInCallPropertiesFactory?.Invoke() ?? LeafProperties;

    public Func<ImmutableDictionary<string, string?>>? LeafInCallPropertiesFactory { get; set; }

    /// <summary>The fix properties of <paramref name="leaf"/>.</summary>
    public ImmutableDictionary<string, string?> PropertiesOf(ConfigurationLeaf leaf) => leaf.InModeArgument ? LeafInCallProperties : LeafProperties;
    public List<ConfigurationLeaf> ConfigurationLeaves { get; } = new();
}

/// <summary>
/// Classifies Connect calls. Immutable after construction but for a thread-safe cache of which methods are MailKit's,
/// so it is shared by concurrent callbacks.
/// </summary>
internal sealed class MailKitConnectionClassifier
{
    private readonly KnownTypes _types;
    private readonly LanguageSyntax _syntax;
    private readonly Dictionary<long, TlsMode> _modes = new();

    // The same few Connect and Authenticate overloads are called all over a project: each is decided once.
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _isMailKitMethod = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, bool> _decideIsMailKitMethod;

    // A method's parameters and a receiver's protocol are the same at every call; asking the symbols builds new
    // arrays of parameters and interfaces each time.
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<string>> _parameterNames = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, ImmutableArray<string>> _decideParameterNames = DecideParameterNames;
    private readonly ConcurrentDictionary<ITypeSymbol, MailProtocol> _protocols = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, MailProtocol> _decideProtocol;

    // Parsing a Uri is costly (an unknown scheme such as smtp is looked up under a lock): a text written in several
    // places is parsed once. System.Uri is immutable.
    private readonly ConcurrentDictionary<string, Uri?> _uris = new(StringComparer.Ordinal);
    private static readonly Func<string, Uri?> ParseAbsoluteUri = text => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    public MailKitConnectionClassifier(KnownTypes types, AnalyzerSettings settings, LanguageSyntax syntax)
    {
        _types = types;
        _syntax = syntax;
        Settings = settings;
        _decideIsMailKitMethod = DecideIsMailKitMethod;
        _decideProtocol = DecideProtocol;
        foreach (var member in types.SecureSocketOptions!.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field &&
                Enum.TryParse<TlsMode>(field.Name, out var mode) && mode != TlsMode.Unknown)
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
    public bool IsMailKitMethod(IMethodSymbol method) => _isMailKitMethod.GetOrAdd(method, _decideIsMailKitMethod);

    private bool DecideIsMailKitMethod(IMethodSymbol method)
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

    [MethodImpl(HotPath.Optimized)]
    public MailKitConnection? Classify(IInvocationOperation invocation)
    {
        if (IsOverriddenOutsideMailKit(invocation))
        {
            return null;
        }

        var parameters = _parameterNames.GetOrAdd(invocation.TargetMethod, _decideParameterNames);
        IArgumentOperation? host = null, port = null, mode = null, uri = null, stream = null;
        var modeIsFlag = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || argument.Parameter.Ordinal >= parameters.Length)
            {
                continue;
            }

            switch (parameters[argument.Parameter.Ordinal])
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
        int? portValue = portOmitted ? 0 : ValueResolver.TryGetInt32OnEveryPath(port!.Value, tree, out var p) ? p : null;
        var facts = new MailKitConnection(invocation);
        var modeWritten = mode is not null && mode.ArgumentKind != ArgumentKind.DefaultValue;
        facts.ReportedNode = modeWritten ? mode!.Value.Syntax : invocation.Syntax;
        var fixMode = modeWritten ? mode : null;
        var fixPort = portOmitted ? null : port;
        facts.FixPropertiesFactory = () => FixProperties(invocation, fixMode, fixPort, portValue, protocol);
        facts.LeafPropertiesFactory = () => LeafProperties(portValue, protocol);
        facts.LeafInCallPropertiesFactory = () => LeafInCallProperties(facts.LeafProperties, invocation, fixPort, portValue);

        TlsMode resolved;
        if (modeIsFlag)
        {
            var everyPath = string.Empty;
            if (!ValueResolver.TryGetBoolean(mode!.Value, out var useSsl))
            {
                var (onEveryPath, falseOnOnePath) = FlagPaths(mode.Value, invocation.Syntax.SyntaxTree);
                if (onEveryPath is not { } same)
                {
                    facts.Verdict = ConnectionVerdict.Configuration;
                    facts.Reason = falseOnOnePath
                        ? "on one path useSsl is false, which means STARTTLS only when the server offers it"
                        : "useSsl comes from a value the code does not fix, and useSsl: false means STARTTLS only when the server offers it";
                    facts.FixPropertiesFactory = () => FixProperties(invocation, fixMode, fixPort, portValue, protocol).SetItem(DiagnosticProperties.KeepFlag, "true");
                    return facts;
                }

                // Every path gives the same constant (a helper's returns, a local written on several paths).
                useSsl = same;
                everyPath = " on every path";
            }

            resolved = useSsl ? TlsMode.SslOnConnect : TlsMode.StartTlsWhenAvailable;
            facts.ModeText = TlsModeText.UseSsl(useSsl) + everyPath;
        }
        else if (!modeWritten)
        {
            resolved = TlsMode.Auto;
            facts.ModeText = TlsModeText.AutoByDefault;
        }
        else
        {
            resolved = ResolveMode(mode!.Value);
            if (resolved == TlsMode.Unknown)
            {
                if (CollectConfigurationLeaves(facts, mode.Value, portOmitted ? null : port!.Value, portValue, protocol) is { } everyPath)
                {
                    // No path gives real TLS: the code proves what SMTP003 or SMTP004 report, whatever is chosen.
                    facts.ConfigurationLeaves.Clear();
                    facts.Verdict = everyPath.AllNone ? ConnectionVerdict.WithoutTls : ConnectionVerdict.Strippable;
                    facts.ModeText = everyPath.ModeText;
                    facts.Endpoint = Endpoint.Describe(hostName, EffectivePort(portValue, TlsMode.None, protocol));
                    facts.Host = hostName;
                    return facts;
                }

                return facts.ConfigurationLeaves.Count > 0 ? facts : null;
            }

            facts.ModeText = TlsModeText.Option(resolved);
        }

        Decide(facts, resolved, portOmitted, portValue, protocol);
        facts.Endpoint = Endpoint.Describe(hostName, EffectivePort(portValue, resolved, protocol));
        facts.Host = hostName;
        return facts.Verdict == ConnectionVerdict.Secure ? null : facts;
    }

    private static void Decide(MailKitConnection facts, TlsMode mode, bool portOmitted, int? port, MailProtocol protocol)
    {
        if (mode == TlsMode.None)
        {
            facts.Verdict = ConnectionVerdict.WithoutTls;
            return;
        }

        if (port is { } constant && constant != 0)
        {
            facts.PortText = constant.ToString(CultureInfo.InvariantCulture);
            if (mode == TlsMode.SslOnConnect && protocol.IsPlainPort(constant))
            {
                facts.Verdict = ConnectionVerdict.PortMismatch;
                facts.Reason = TlsModeText.PortMismatchReason(facts.PortText, tlsFromFirstByte: true, TlsModeText.Option(TlsMode.StartTls));
                return;
            }

            if (mode is TlsMode.StartTls or TlsMode.StartTlsWhenAvailable && protocol.IsImplicitPort(constant))
            {
                facts.Verdict = ConnectionVerdict.PortMismatch;
                facts.Reason = TlsModeText.PortMismatchReason(facts.PortText, tlsFromFirstByte: false, TlsModeText.Option(TlsMode.SslOnConnect));
                return;
            }
        }

        switch (mode)
        {
            case TlsMode.StartTlsWhenAvailable:
                facts.Verdict = ConnectionVerdict.Strippable;
                return;
            case TlsMode.Auto when portOmitted || port == 0:
                facts.Verdict = ConnectionVerdict.Strippable;
                facts.ModeText += " on the default port (STARTTLS when available)";
                return;
            case TlsMode.Auto when port is { } autoPort:
                if (!protocol.IsImplicitPort(autoPort))
                {
                    facts.Verdict = ConnectionVerdict.Strippable;
                    facts.ModeText = TlsModeText.AutoOnOtherPort(facts.ModeText, protocol.DescribeImplicitPort());
                }

                return;
            case TlsMode.Auto:
                facts.Verdict = ConnectionVerdict.Configuration;
                facts.Reason = "the port comes from a value the code does not fix, and SecureSocketOptions.Auto uses TLS from the first byte only on port " +
                    protocol.DescribeImplicitPort() + "; on any other port it uses STARTTLS only when the server offers it";
                return;
        }
    }

    /// <summary>
    /// The useSsl value's paths: the constant every path gives, when each is one and all are the same, and whether one
    /// of them is the constant false. Only constants written in the connection's file count.
    /// </summary>
    private static (bool? OnEveryPath, bool FalseOnOnePath) FlagPaths(IOperation value, SyntaxTree tree)
    {
        var leaves = new List<PossibleValue>();
        ValueResolver.CollectPossibleValues(value, leaves);
        bool? same = null;
        var allSame = leaves.Count > 0;
        var falseOnOnePath = false;
        foreach (var leaf in leaves)
        {
            if (leaf is not { HasValue: true, Value: bool flag } || leaf.Source.Syntax.SyntaxTree != tree)
            {
                allSame = false;
                continue;
            }

            falseOnOnePath |= !flag;
            allSame &= same is null || same == flag;
            same = flag;
        }

        return (allSame ? same : null, falseOnOnePath);
    }

    /// <summary>
    /// Adds a leaf for each constant mode, on one path of the value, that turns TLS off or makes it opportunistic, or
    /// that is Auto with a port the code does not fix. Returns what every path uses when each of them turns TLS off or
    /// makes it opportunistic (no path gives real TLS); null otherwise.
    /// </summary>
    private (bool AllNone, string ModeText)? CollectConfigurationLeaves(MailKitConnection facts, IOperation value, IOperation? portOperation, int? port, MailProtocol protocol)
    {
        var portOmitted = portOperation is null;
        bool? portIsConfigured = null;
        var modeSpan = value.Syntax.Span;
        bool InModeArgument(PossibleValue leaf) => modeSpan.Contains(leaf.Source.Syntax.Span);
        var leaves = new List<PossibleValue>();
        ValueResolver.CollectPossibleValues(value, leaves);
        var everyPathInsecure = leaves.Count > 0;
        var allNone = true;
        var modeTexts = new List<string>();
        foreach (var leaf in leaves)
        {
            if (!leaf.HasValue || ModeOf(leaf.Value) is not { } mode ||
                leaf.Source.Syntax.SyntaxTree != facts.Invocation.Syntax.SyntaxTree)
            {
                everyPathInsecure = false;
                continue;
            }

            var opportunistic = mode == TlsMode.StartTlsWhenAvailable ||
                (mode == TlsMode.Auto && (portOmitted || port == 0 || (port is { } known && !protocol.IsImplicitPort(known))));
            if (mode == TlsMode.None)
            {
                facts.ConfigurationLeaves.Add(new ConfigurationLeaf(leaf.Source.Syntax, "on one path it is SecureSocketOptions.None, which turns TLS off", InModeArgument(leaf)));
            }
            else if (opportunistic)
            {
                facts.ConfigurationLeaves.Add(new ConfigurationLeaf(leaf.Source.Syntax, "on one path it is SecureSocketOptions." + mode + ", which uses STARTTLS only when the server offers it", InModeArgument(leaf)));
                allNone = false;
            }
            else
            {
                if (mode == TlsMode.Auto && port is null && (portIsConfigured ??= IsConfigured(portOperation!)) &&
                    !IsChosenOnImplicitPort(leaf.Source, value, portOperation!, protocol))
                {
                    // Auto with a port the code does not fix, as when written in the call: TLS depends on the port.
                    facts.ConfigurationLeaves.Add(new ConfigurationLeaf(leaf.Source.Syntax, "on one path it is SecureSocketOptions.Auto, which uses TLS from the first byte only on port " +
                        protocol.DescribeImplicitPort() + ", and the port comes from a value the code does not fix; on any other port Auto uses STARTTLS only when the server offers it", InModeArgument(leaf)));
                }

                everyPathInsecure = false;
                continue;
            }

            var text = mode != TlsMode.Auto ? TlsModeText.Option(mode)
                : portOmitted || port == 0 ? TlsModeText.Option(mode) + " on the default port"
                : TlsModeText.Option(mode) + " on port " + port!.Value.ToString(CultureInfo.InvariantCulture);
            if (!modeTexts.Contains(text))
            {
                modeTexts.Add(text);
            }
        }

        if (!everyPathInsecure && leaves.Exists(leaf => ValueResolver.IsForEachElement(leaf.Source)))
        {
            // A loop that tries each mode of a list until one connects: which one is used depends on the server, not
            // on configuration, and a list with a mode that requires TLS is not proven insecure.
            facts.ConfigurationLeaves.Clear();
        }

        return everyPathInsecure ? (allNone, string.Join(" or ", modeTexts) + " on every path") : null;
    }

    /// <summary>
    /// True when the leaf is taken only where the port is the implicit TLS port: the branch of <c>port == 465 ? ... :</c>
    /// (or <c>port != 465 ? ... : ...</c>'s other one), or the <c>465 =&gt;</c> arm of a switch on the port, within the
    /// mode argument, the port read the same way as the call reads it.
    /// </summary>
    private static bool IsChosenOnImplicitPort(IOperation leaf, IOperation modeValue, IOperation port, MailProtocol protocol)
    {
        if (!protocol.IsKnown)
        {
            return false;
        }

        for (IOperation child = leaf, parent = leaf.Parent!; parent is not null && child != modeValue; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue || child == conditional.WhenFalse:
                    if (conditional.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test &&
                        (test.OperatorKind == BinaryOperatorKind.Equals) == (child == conditional.WhenTrue) &&
                        (IsImplicitPortTest(test.LeftOperand, test.RightOperand, port, protocol) || IsImplicitPortTest(test.RightOperand, test.LeftOperand, port, protocol)))
                    {
                        return true;
                    }

                    break;
                case ISwitchExpressionArmOperation { Guard: null, Pattern: IConstantPatternOperation constant, Parent: ISwitchExpressionOperation switchExpression } arm
                    when child == arm.Value && ValueResolver.IsSameRead(switchExpression.Value, port) &&
                         ValueResolver.TryGetInt32(constant.Value, out var armPort) && armPort == protocol.ImplicitPort:
                    return true;
            }
        }

        return false;
    }

    private static bool IsImplicitPortTest(IOperation constant, IOperation read, IOperation port, MailProtocol protocol) =>
        ValueResolver.TryGetInt32(constant, out var value) && value == protocol.ImplicitPort && ValueResolver.IsSameRead(read, port);

    /// <summary>
    /// True when the port can be a value the code does not fix. A port that is one of several constants (a local
    /// written on several paths, a tuple element) is not: which of them goes with which mode is not followed.
    /// </summary>
    private static bool IsConfigured(IOperation port)
    {
        var values = new List<PossibleValue>();
        ValueResolver.CollectPossibleValues(port, values);
        foreach (var value in values)
        {
            if (!value.HasValue)
            {
                return true;
            }
        }

        return values.Count == 0;
    }

    [MethodImpl(HotPath.Optimized)]
    private MailKitConnection? ClassifyUri(IInvocationOperation invocation, IArgumentOperation argument, MailProtocol receiverProtocol, SyntaxTree tree)
    {
        if (!TryGetUriText(argument.Value, out var text, out var literal) ||
            ParseUri(text) is not { } uri)
        {
            return MailKitUriTemplate.TryRead(argument.Value, _types.Uri, out var template)
                ? ClassifyUriTemplate(invocation, argument, template, receiverProtocol, tree)
                : null;
        }

        var scheme = uri.Scheme.ToLowerInvariant();
        var protocol = MailProtocol.FromScheme(scheme, out var secure);
        if (protocol is null || (receiverProtocol.IsKnown && receiverProtocol != protocol))
        {
            // MailKit throws "Unknown URI scheme" for it: not a TLS question.
            return null;
        }

        var host = MailKitUri.HostOf(uri);
        if (Settings.IsPlaintextHost(tree, host))
        {
            return null;
        }

        TlsMode mode;
        string? starttls = null;
        if (secure)
        {
            mode = TlsMode.SslOnConnect;
        }
        else
        {
            if (!MailKitUri.TryReadStartTls(uri.Query, out starttls))
            {
                // A name given twice: MailKit throws while it parses the query. Not a TLS question.
                return null;
            }

            mode = starttls?.ToLowerInvariant() switch
            {
                "always" or "true" or "yes" => TlsMode.StartTls,
                "never" or "false" or "no" => TlsMode.None,
                _ => TlsMode.StartTlsWhenAvailable,
            };
        }

        var port = uri.Port < 0 ? 0 : uri.Port;
        var facts = new MailKitConnection(invocation)
        {
            ReportedNode = argument.Value.Syntax,
            ModeText = mode switch
            {
                TlsMode.None => "starttls=" + starttls + " in the Uri",
                TlsMode.SslOnConnect => "the " + scheme + ":// scheme",
                _ => "a Uri with the " + scheme + ":// scheme and no starttls=always",
            },
        };
        if (!DecideUri(facts, mode, port, protocol, scheme, secure))
        {
            return null;
        }

        facts.Endpoint = Endpoint.Describe(host, EffectivePort(port, mode, protocol));
        facts.Host = host;
        if (literal is not null && text.IndexOf('#') < 0 && text.StartsWith(scheme + "://", StringComparison.OrdinalIgnoreCase) &&
            (uri.Query.Length == 0 || text.EndsWith(uri.Query, StringComparison.Ordinal)) && MailKitUri.IsPlainQuery(uri.Query))
        {
            facts.UriLiteral = literal;
            facts.FixPropertiesFactory = () => ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Fix, DiagnosticProperties.RewriteMailUri)
                .Add(DiagnosticProperties.Uri, MailKitUri.RewriteUri(text, scheme, protocol, port));
        }

        return facts;
    }

    /// <summary>
    /// A Uri built from text and values (<c>new Uri($"smtp://{host}:{port}")</c>): its scheme decides, as it has no
    /// starttls parameter. Where STARTTLS can be stripped, the fix appends starttls=always to the text; a scheme that
    /// does not fit the port is left to be changed by hand.
    /// </summary>
    private MailKitConnection? ClassifyUriTemplate(IInvocationOperation invocation, IArgumentOperation argument, MailKitUriTemplate template, MailProtocol receiverProtocol, SyntaxTree tree)
    {
        var protocol = MailProtocol.FromScheme(template.Scheme, out var secure);
        if (protocol is null || (receiverProtocol.IsKnown && receiverProtocol != protocol) ||
            (template.Host is { } host && Settings.IsPlaintextHost(tree, host)))
        {
            return null;
        }

        var mode = secure ? TlsMode.SslOnConnect : TlsMode.StartTlsWhenAvailable;
        var facts = new MailKitConnection(invocation)
        {
            ReportedNode = argument.Value.Syntax,
            ModeText = secure ? "the " + template.Scheme + ":// scheme" : "a Uri with the " + template.Scheme + ":// scheme and no starttls=always",
        };
        if (!DecideUri(facts, mode, template.Port, protocol, template.Scheme, secure))
        {
            return null;
        }

        facts.Endpoint = Endpoint.Describe(template.Host, template.Port is { } port ? EffectivePort(port, mode, protocol) : null);
        facts.Host = template.Host;
        if (facts.Verdict == ConnectionVerdict.Strippable)
        {
            facts.UriLiteral = template.Text;
            var suffix = template.EndsWithSlash ? "?starttls=always" : "/?starttls=always";
            facts.FixPropertiesFactory = () => ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Fix, DiagnosticProperties.AppendToMailUri)
                .Add(DiagnosticProperties.Uri, suffix);
        }

        return facts;
    }

    /// <summary>Decides a Uri's connection (port 0: none in the Uri; null: not a constant); false when it is secure.</summary>
    private static bool DecideUri(MailKitConnection facts, TlsMode mode, int? port, MailProtocol protocol, string scheme, bool secure)
    {
        Decide(facts, mode, port == 0, port, protocol);
        if (facts.Verdict == ConnectionVerdict.Secure)
        {
            return false;
        }

        if (facts.Verdict == ConnectionVerdict.PortMismatch)
        {
            facts.ModeText = secure ? "The " + scheme + ":// scheme (TLS from the first byte)" : "The " + scheme + ":// scheme (STARTTLS)";
            facts.Reason = facts.Reason.Replace("SecureSocketOptions.StartTls", "?starttls=always").Replace("SecureSocketOptions.SslOnConnect", "the " + protocol.Scheme + "s:// scheme");
        }

        return true;
    }

    private Uri? ParseUri(string text) => _uris.GetOrAdd(text, ParseAbsoluteUri);

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
            !(ValueResolver.TryGetString(creation.Arguments[0].Value, out text) || MailKitUriTemplate.TryGetProvenText(creation.Arguments[0].Value, out text)))
        {
            return false;
        }

        if (direct && ValueResolver.SkipImplicitConversions(creation.Arguments[0].Value) is ILiteralOperation stringLiteral &&
            _syntax.IsLiteral(stringLiteral.Syntax))
        {
            literal = stringLiteral.Syntax;
        }

        return true;
    }

    private TlsMode ResolveMode(IOperation value) =>
        ValueResolver.TryGetConstant(value, out var constant) && ModeOf(constant) is { } mode ? mode : TlsMode.Unknown;

    private TlsMode? ModeOf(object? constant) => constant switch
    {
        int i when _modes.TryGetValue(i, out var mode) => mode,
        long l when _modes.TryGetValue(l, out var mode) => mode,
        _ => null,
    };

    /// <summary>The port MailKit ends up using, for messages; null when it is not a constant.</summary>
    private static int? EffectivePort(int? port, TlsMode mode, MailProtocol protocol) =>
        port is 0 ? protocol.DefaultPort(mode == TlsMode.SslOnConnect) : port;

    [MethodImpl(HotPath.Optimized)]
    private ImmutableDictionary<string, string?> FixProperties(IInvocationOperation invocation, IArgumentOperation? mode, IArgumentOperation? port, int? portValue, MailProtocol protocol)
    {
        if (!_syntax.HasArgumentList(invocation.Syntax))
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Fix, DiagnosticProperties.SetSecureSocketOptions);
        if (mode is not null && _syntax.ArgumentIndex(invocation.Syntax, mode.Syntax) is var modeIndex && modeIndex >= 0)
        {
            properties.Add(DiagnosticProperties.ModeArgument, modeIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (port is not null && _syntax.ArgumentIndex(invocation.Syntax, port.Syntax) is var portIndex && portIndex >= 0)
        {
            properties.Add(DiagnosticProperties.PortArgument, portIndex.ToString(CultureInfo.InvariantCulture));
            if (IsComparablePort(port.Value))
            {
                properties.Add(DiagnosticProperties.PortIsSimple, "true");
            }
        }

        AddPorts(properties, portValue, protocol);
        return properties.ToImmutable();
    }

    /// <summary>
    /// A leaf in the call's own mode argument is evaluated right after the port argument, in the same scope: a port
    /// the code does not fix can be read again there, and the fix can choose by it (SslOnConnect on 465).
    /// </summary>
    private ImmutableDictionary<string, string?> LeafInCallProperties(ImmutableDictionary<string, string?> leafProperties, IInvocationOperation invocation, IArgumentOperation? port, int? portValue)
    {
        if (port is null || portValue is not null || !IsComparablePort(port.Value) || !_syntax.HasArgumentList(invocation.Syntax) ||
            _syntax.ArgumentIndex(invocation.Syntax, port.Syntax) is not (>= 0 and var index))
        {
            return leafProperties;
        }

        return leafProperties
            .SetItem(DiagnosticProperties.PortArgument, index.ToString(CultureInfo.InvariantCulture))
            .SetItem(DiagnosticProperties.PortIsSimple, "true");
    }

    private static ImmutableDictionary<string, string?> LeafProperties(int? portValue, MailProtocol protocol)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Fix, DiagnosticProperties.ReplaceSecureSocketOptionsValue);
        AddPorts(properties, portValue, protocol);
        return properties.ToImmutable();
    }

    private static void AddPorts(ImmutableDictionary<string, string?>.Builder properties, int? portValue, MailProtocol protocol)
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

    /// <summary>
    /// A port a fix can compare with 465 where the call reads it: a local, parameter, field or property chain (read
    /// twice without another value), or a choice between two constants by one (<see cref="IsChoiceOfConstants"/>), of a
    /// built-in integer type that holds 465 (a byte would not, and a type with its own conversion or a Visual Basic
    /// String would compare otherwise than the call converts it).
    /// </summary>
    private static bool IsComparablePort(IOperation port) =>
        (IsSimple(port) || IsChoiceOfConstants(port)) &&
        ValueResolver.SkipImplicitConversions(port)?.Type is { } type &&
        type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int64 or SpecialType.System_UInt32;

    /// <summary>
    /// A port chosen between two constants by a condition the fix can read again (<c>implicitTls ? 465 : 587</c>):
    /// the fix chooses the mode by the same condition.
    /// </summary>
    private static bool IsChoiceOfConstants(IOperation port) =>
        ValueResolver.SkipImplicitConversions(port) is IConditionalOperation { WhenFalse: { } whenFalse } choice &&
        IsSimple(choice.Condition) && choice.WhenTrue.ConstantValue.HasValue && whenFalse.ConstantValue.HasValue;

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

    /// <summary>The names of the parameters of the overload MailKit declares (an override may rename them), by ordinal.</summary>
    private static ImmutableArray<string> DecideParameterNames(IMethodSymbol method)
    {
        var parameters = RootDefinition(method).Parameters;
        var names = ImmutableArray.CreateBuilder<string>(parameters.Length);
        foreach (var parameter in parameters)
        {
            names.Add(parameter.Name);
        }

        return names.MoveToImmutable();
    }

    private MailProtocol ProtocolOf(ITypeSymbol? type) => type is null ? MailProtocol.Unknown : _protocols.GetOrAdd(type, _decideProtocol);

    private MailProtocol DecideProtocol(ITypeSymbol type)
    {
        if (KnownTypes.IsOrInherits(type, _types.MailKitISmtpClient) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitSmtpClient))
        {
            return MailProtocol.Smtp;
        }

        if (KnownTypes.IsOrInherits(type, _types.MailKitIImapClient) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitImapClient))
        {
            return MailProtocol.Imap;
        }

        if (KnownTypes.IsOrInherits(type, _types.MailKitIPop3Client) || KnownTypes.IsOrDerivesFrom(type, _types.MailKitPop3Client))
        {
            return MailProtocol.Pop3;
        }

        return MailProtocol.Unknown;
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
