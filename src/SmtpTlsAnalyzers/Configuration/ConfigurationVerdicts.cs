using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// SMTP014's detection: a TLS input of a mail connection read from configuration, and a configuration layer of the
/// project that sets it to a value that turns TLS off or makes it opportunistic. Stateless: it takes the input and
/// the compilation's <see cref="ConfigurationContext"/>, so any analyzer that finds mail connections can call it.
/// </summary>
internal static class ConfigurationVerdicts
{
    /// <summary>The fix replaces the token at AdditionalLocations[0] (in the configuration file) by <see cref="Replacement"/>.</summary>
    public const string ReplaceConfigurationValue = "ReplaceConfigurationValue";

    /// <summary>The new token: <c>true</c>, <c>"StartTls"</c>, <c>"SslOnConnect"</c>...</summary>
    public const string Replacement = "Replacement";

    /// <summary>The token the file had when the diagnostic was made; the fix does nothing when it changed since.</summary>
    public const string Original = "Original";

    /// <summary>
    /// The fix edits the code, not the file: the reported location is the useSsl argument of a MailKit Connect call,
    /// which becomes <c>flag ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls</c>, so that the
    /// configured false requires STARTTLS instead of using it when offered. For useSsl off an implicit-TLS port, where
    /// true in the file would start TLS on a port that expects plain text first.
    /// </summary>
    public const string RequireTlsInCode = "RequireTlsInCode";

    private static readonly string[] HostKeys = { "Host", "Server", "SmtpHost", "SmtpServer", "HostName" };
    private static readonly string[] PortKeys = { "Port", "SmtpPort" };

    private enum Verdict
    {
        Secure,
        ClearText,
        Strippable,
    }

    /// <summary>Reports SMTP014 for each configuration layer that leaves the connection without real TLS.</summary>
    public static void Analyze(TlsInput input, ConfigurationContext context, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (Evaluate(input, context, cancellationToken) is { } evaluation)
        {
            Report(input, evaluation, SendsCredentials(input.Site, context.Types), inference: null, context.Types.SecureSocketOptions, report);
        }
    }

    private static void Report(TlsInput input, Evaluation evaluation, bool sendsCredentials, string? inference, INamedTypeSymbol? modeType, Action<Diagnostic> report)
    {
        var groups = new Dictionary<(string Path, int Start), List<LayerResult>>();
        var order = new List<(string, int)>();
        foreach (var result in evaluation.Layers)
        {
            if (result.Verdict is not (Verdict.ClearText or Verdict.Strippable) || result.IsPlaintextHost)
            {
                continue;
            }

            var key = (result.Deciding.Path, result.Deciding.Span.Start);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<LayerResult>();
                order.Add(key);
            }

            list.Add(result);
        }

        foreach (var key in order)
        {
            var results = groups[key];
            var first = results[0];
            report(Diagnostic.Create(
                Descriptors.SMTP014_ConfigurationTurnsTlsOff,
                evaluation.Location,
                new[] { first.Deciding.ToLocation() },
                FixProperties(input, evaluation, results, modeType),
                DescribeWhere(first.Deciding, results),
                first.Deciding.Key,
                DescribeValue(first, evaluation, input.Kind == TlsInputKind.SecureSocketOptions ? modeType : null),
                first.Endpoint is { } endpoint ? " for " + endpoint : string.Empty,
                inference + Consequence(results, input, sendsCredentials)));
        }
    }

    /// <summary>
    /// True when configuration files decide the TLS mode of this input: it is read from configuration and every
    /// readable layer sets it (securely or not). SMTP013, which says TLS depends on configuration, is then redundant.
    /// </summary>
    public static bool DecidesTls(TlsInput input, ConfigurationContext context, CancellationToken cancellationToken)
    {
        return Evaluate(input, context, cancellationToken) is { Layers.Count: > 0, HasUndecidedLayer: false };
    }

    /// <summary>
    /// Mail code in a library, configuration in the host: at a call of the host that binds a section to an options
    /// class of a referenced assembly, reports the configured values of the class's TLS inputs, inferred from the
    /// property (a SecureSocketOptions, or a bool EnableSsl or UseSsl of a class whose assembly references MailKit or
    /// System.Net.Mail). The message says what was inferred: the host's compilation cannot see the library's code.
    /// </summary>
    public static void AnalyzeLibraryBinding(IInvocationOperation invocation, ConfigurationContext context, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!context.HasConfigurationFiles ||
            OptionsBindingIndex.Classify(invocation, context) is not { Section: { } section, IsNamed: false } binding ||
            binding.Type.ContainingAssembly is not { } library ||
            SymbolEqualityComparer.Default.Equals(library, context.Compilation.Assembly))
        {
            return;
        }

        var mailReference = MailReference(library);
        IPropertySymbol? portProperty = null, hostProperty = null;
        var inputs = new List<(IPropertySymbol Property, TlsInputKind Kind)>();
        foreach (var member in binding.Type.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod: not null } property)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(property.Type, context.Types.SecureSocketOptions))
            {
                inputs.Add((property, TlsInputKind.SecureSocketOptions));
            }
            else if (property.Type.SpecialType == SpecialType.System_Boolean && mailReference is not null && property.Name is "EnableSsl" or "UseSsl")
            {
                inputs.Add((property, property.Name == "EnableSsl" ? TlsInputKind.EnableSsl : TlsInputKind.UseSsl));
            }
            else if (property.Type.SpecialType == SpecialType.System_Int32 && property.Name is "Port" or "SmtpPort")
            {
                portProperty = property;
            }
            else if (property.Type.SpecialType == SpecialType.System_String && Array.IndexOf(HostKeys, property.Name) >= 0)
            {
                hostProperty = property;
            }
        }

        var keyName = context.Symbols.ConfigurationKeyNameAttribute;
        ConfiguredRead? Read(IPropertySymbol? property) => property is null
            ? null
            : new ConfiguredRead(ConfigurationSource.Json, ConfigurationTracer.Combine(section, OptionsPath.KeyName(property, keyName)), ValueReading.Binder);

        var bindings = inputs.Count > 0 ? context.GetBindings(cancellationToken) : null;
        foreach (var (property, kind) in inputs)
        {
            if (bindings!.IsSetInCode(property))
            {
                continue;
            }

            var input = new TlsInput(kind, invocation, value: null, port: null, portOmitted: false, host: null, implicitPort: 0);
            var evaluation = Evaluate(input, context, ConfigurationSource.Json, Read(property), Read(portProperty), null, null, Read(hostProperty), invocation.Syntax.GetLocation(), cancellationToken);
            var inference = "if the mail code of " + library.Name + " uses " + binding.Type.Name + "." + property.Name + " as its TLS setting (inferred from " +
                (kind == TlsInputKind.SecureSocketOptions ? "its type" : "its name and type, in an assembly that references " + mailReference) + "), ";
            Report(input, evaluation, sendsCredentials: false, inference, context.Types.SecureSocketOptions, report);
        }
    }

    /// <summary>MailKit, MailKitLite or System.Net.Mail when the assembly references one of them.</summary>
    private static string? MailReference(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name is "MailKit" or "MailKitLite" or "System.Net.Mail")
                {
                    return reference.Name;
                }
            }
        }

        return null;
    }

    private static Evaluation? Evaluate(TlsInput input, ConfigurationContext context, CancellationToken cancellationToken)
    {
        if (!context.HasConfigurationFiles)
        {
            return null;
        }

        ConfiguredRead? mode = null;
        ModeChoice? choice = null;
        string? constantMode = null;
        bool? constantFlag = null;
        switch (input.Kind)
        {
            case TlsInputKind.EnableSsl:
                mode = ConfigurationTracer.Trace(input.Value, context, cancellationToken);
                break;
            case TlsInputKind.UseSsl:
                if (ValueResolver.TryGetBoolean(input.Value, out var flag))
                {
                    constantFlag = flag;
                }
                else
                {
                    mode = ConfigurationTracer.Trace(input.Value, context, cancellationToken);
                }

                break;
            case TlsInputKind.SecureSocketOptions:
                constantMode = ConstantModeName(input.Value, context.Types);
                if (constantMode is null)
                {
                    choice = ModeChoice.Of(input.Value, context, cancellationToken);
                    mode = choice?.Flag ?? ConfigurationTracer.Trace(input.Value, context, cancellationToken);
                }

                break;
            case TlsInputKind.DefaultMode:
                constantMode = "Auto";
                break;
        }

        if (constantFlag is not null || (constantMode is not null && constantMode != "Auto"))
        {
            // A mode the code fixes is the other rules' business; the port does not change it.
            return null;
        }

        int? constantPort = input.PortOmitted ? 0 : ValueResolver.TryGetInt32(input.Port, out var p) ? p : null;
        if (choice is not null && choice.GivesNoRealTls(input, constantPort))
        {
            return null;
        }

        var port = constantPort is null && input.Port is not null ? ConfigurationTracer.Trace(input.Port, context, cancellationToken) : null;
        if (mode is null && (constantMode != "Auto" || port is null))
        {
            return null;
        }

        var source = mode?.Source ?? port!.Source;
        if (port is not null && port.Source != source)
        {
            port = null;
        }

        string? constantHost = ValueResolver.TryGetString(input.Host, out var h) ? h : null;
        var host = constantHost is null && input.Host is not null ? ConfigurationTracer.Trace(input.Host, context, cancellationToken) : null;
        if (host is not null && host.Source != source)
        {
            host = null;
        }

        var reportAt = mode is not null ? input.Value! : input.Port!;
        return Evaluate(input, context, source, mode, port, constantPort, constantHost, host, reportAt.Syntax.GetLocation(), cancellationToken, choice);
    }

    private static Evaluation Evaluate(
        TlsInput input,
        ConfigurationContext context,
        ConfigurationSource source,
        ConfiguredRead? mode,
        ConfiguredRead? port,
        int? constantPort,
        string? constantHost,
        ConfiguredRead? host,
        Location location,
        CancellationToken cancellationToken,
        ModeChoice? choice = null)
    {
        var evaluation = new Evaluation(mode, port, location) { Choice = choice };
        foreach (var layer in context.GetLayers(cancellationToken).For(source))
        {
            if (!layer.IsReadable)
            {
                // Nothing is reported from a file that cannot be read, and TLS is unknown in its layer.
                evaluation.HasUndecidedLayer = true;
                continue;
            }

            if (Judge(input, context, layer, mode, port, constantPort, constantHost, host, choice) is { } result)
            {
                evaluation.Layers.Add(result);
            }
            else
            {
                evaluation.HasUndecidedLayer = true;
            }
        }

        return evaluation;
    }

    /// <summary>What one layer makes of the connection; null when it does not decide it (a key it does not set, a value the code fails on).</summary>
    private static LayerResult? Judge(
        TlsInput input,
        ConfigurationContext context,
        ConfigurationLayer layer,
        ConfiguredRead? mode,
        ConfiguredRead? port,
        int? constantPort,
        string? constantHost,
        ConfiguredRead? host,
        ModeChoice? choice)
    {
        ConfigurationValue? modeValue = null;
        string? modeName = "Auto";
        if (mode is not null)
        {
            if (!layer.TryGetValue(mode.Key, out modeValue))
            {
                return null;
            }

            modeName = input.Kind switch
            {
                TlsInputKind.EnableSsl or TlsInputKind.UseSsl => mode.ReadBoolean(modeValue) switch
                {
                    true => "true",
                    false => "false",
                    null => null,
                },
                _ when choice is not null => mode.ReadBoolean(modeValue) is { } chosen ? choice.Mode(chosen) : null,
                _ => context.Types.SecureSocketOptions is { } enumType ? mode.ReadEnum(modeValue, enumType)?.Name : null,
            };
        }

        var section = (mode ?? port)!.Section;
        ConfigurationValue? portValue = null;
        var portNumber = constantPort;
        if (port is not null && layer.TryGetValue(port.Key, out portValue))
        {
            portNumber = ConfiguredRead.ReadInt32(portValue);
        }

        // Port 0 is a placeholder for the default port: there is no port to name.
        var messagePort = portNumber ?? SiblingPort(layer, section);
        if (messagePort is 0)
        {
            messagePort = null;
        }

        // The host the code connects to: a constant, a configured key, or else the host key of the same section.
        var hostName = constantHost;
        if (hostName is null)
        {
            hostName = host is not null
                ? (layer.TryGetValue(host.Key, out var hostValue) ? hostValue.Value : null)
                : Sibling(layer, section, HostKeys)?.Value;
        }

        Verdict verdict;
        var modeText = string.Empty;
        switch (input.Kind, modeName)
        {
            case (_, null):
                return null;
            case (TlsInputKind.EnableSsl, "false"):
                verdict = Verdict.ClearText;
                break;
            case (TlsInputKind.UseSsl, "false"):
                verdict = Verdict.Strippable;
                modeText = "useSsl: false";
                break;
            case (TlsInputKind.EnableSsl or TlsInputKind.UseSsl, _):
                verdict = Verdict.Secure;
                break;
            case (_, "None"):
                verdict = Verdict.ClearText;
                break;
            case (_, "StartTlsWhenAvailable"):
                verdict = Verdict.Strippable;
                modeText = "SecureSocketOptions.StartTlsWhenAvailable";
                break;
            case (_, "Auto"):
                if (portNumber is not { } known)
                {
                    return null;
                }

                verdict = known != 0 && input.IsImplicitPort(known) ? Verdict.Secure : Verdict.Strippable;
                modeText = known == 0 ? "SecureSocketOptions.Auto on the default port" : "SecureSocketOptions.Auto on port " + known.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                verdict = Verdict.Secure;
                break;
        }

        var deciding = modeValue ?? portValue;
        if (deciding is null)
        {
            // Auto on a configured port the layer does not set.
            return null;
        }

        var plaintext = hostName is not null && context.Settings.IsPlaintextHost(input.Site.Syntax.SyntaxTree, hostName);
        // A configured port that decides is the value the message names already: the endpoint adds the host only.
        var endpointPort = ReferenceEquals(deciding, portValue) ? null : messagePort;
        var endpoint = string.IsNullOrWhiteSpace(hostName) && endpointPort is null ? null : Endpoint.Describe(hostName, endpointPort);
        return new LayerResult(layer, verdict, deciding, endpoint, plaintext)
        {
            ModeText = modeText,
            Port = portNumber,
        };
    }

    private static int? SiblingPort(ConfigurationLayer layer, string section) =>
        Sibling(layer, section, PortKeys) is { } value ? ConfiguredRead.ReadInt32(value) : null;

    private static ConfigurationValue? Sibling(ConfigurationLayer layer, string section, string[] names)
    {
        foreach (var name in names)
        {
            if (layer.TryGetValue(ConfigurationTracer.Combine(section, name), out var value) && !string.IsNullOrWhiteSpace(value.Value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? ConstantModeName(IOperation? value, KnownTypes types)
    {
        if (types.SecureSocketOptions is null || !ValueResolver.TryGetConstant(value, out var constant) || constant is null)
        {
            return null;
        }

        foreach (var member in types.SecureSocketOptions.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
            {
                return field.Name;
            }
        }

        return null;
    }

    private static string DescribeWhere(ConfigurationValue deciding, List<LayerResult> results)
    {
        var file = FileName(deciding.Path);
        var environments = new List<string>();
        foreach (var result in results)
        {
            if (result.Layer.Environment is null || result.Layer.Override?.Path == deciding.Path)
            {
                // The base layer, or the environment file that sets the value itself: the file name says it all.
                return file;
            }

            environments.Add(result.Layer.Environment);
        }

        return file + " in the " + string.Join(" and ", environments) + (environments.Count > 1 ? " environments" : " environment");
    }

    private static string DescribeValue(LayerResult result, Evaluation evaluation, INamedTypeSymbol? enumType)
    {
        var token = result.Deciding.Kind == ConfigurationValueKind.XmlAttribute ? "\"" + result.Deciding.Token + "\"" : result.Deciding.Token;
        if (evaluation.Mode is { Reading: ValueReading.Equality } equality && ReferenceEquals(result.Deciding, result.ModeValue(evaluation)) &&
            equality.ReadBoolean(result.Deciding) != equality.WithReading(ValueReading.Parse).ReadBoolean(result.Deciding))
        {
            // Only worth saying when the comparison reads the value otherwise than the binder would (JSON true is "True").
            token += " (the code compares it with \"" + equality.Comparand + "\", so it reads " + (equality.ReadBoolean(result.Deciding) == true ? "true" : "false") + ")";
        }
        else if (evaluation.Mode is { BoundAs: { } bound } converted && enumType is not null && !SymbolEqualityComparer.Default.Equals(bound, enumType) &&
            ReferenceEquals(result.Deciding, result.ModeValue(evaluation)) &&
            converted.ReadBoundMember(result.Deciding) is { } member && converted.ReadEnum(result.Deciding, enumType) is { } target &&
            member.Name != target.Name)
        {
            // The project's own enum, converted by number to a member of another name: the name in the file is not
            // MailKit's. An enum that mirrors MailKit's (Umbraco's) needs no word.
            var boundName = bound.Name == enumType.Name ? bound.ToDisplayString() : bound.Name;
            token += " (" + boundName + "." + member.Name + ", which the code converts to " + enumType.Name + "." + target.Name + ")";
        }
        else if (evaluation.Mode is { OnFailure: { } fallback } parsed && ReferenceEquals(result.Deciding, result.ModeValue(evaluation)) &&
            parsed.FallsBack(result.Deciding, enumType))
        {
            // TryParse returns false and leaves its default; the code goes on with that, or with its own fallback.
            var used = fallback is bool flag ? (flag ? "true" : "false")
                : enumType is not null && fallback is long number ? enumType.Name + "." + (ConfiguredRead.MemberOf(enumType, number)?.Name ?? number.ToString(CultureInfo.InvariantCulture))
                : null;
            if (used is not null)
            {
                token += " (which TryParse cannot read, so the code uses " + used + ")";
            }
        }

        return token;
    }

    /// <summary>What the value does, said once for the layers that share it (the first one's mode).</summary>
    private static string Consequence(List<LayerResult> results, TlsInput input, bool sendsCredentials)
    {
        var result = results[0];
        if (result.Verdict == Verdict.ClearText)
        {
            return sendsCredentials ? "the login and the mail cross the network in clear text" : "the mail crosses the network in clear text";
        }

        if (results.TrueForAll(each => IsOnImplicitPort(input, each) && each.Port == result.Port))
        {
            // useSsl: false or StartTlsWhenAvailable on 465, 993 or 995: the client waits for a greeting in clear text
            // while the server waits for the TLS handshake. Nothing is stripped; nothing connects.
            return result.ModeText + " cannot work on port " + result.Port!.Value.ToString(CultureInfo.InvariantCulture) +
                ", where the server expects TLS from the first byte: the connection hangs or fails";
        }

        return result.ModeText + " uses STARTTLS only when the server offers it, and anyone on the path can remove that offer" +
            (sendsCredentials ? " and read the login" : string.Empty);
    }

    /// <summary>
    /// The fix of one diagnostic, which speaks for every layer whose deciding value it shares: a replacement of the
    /// value in the file when all those layers agree on it, or, for a useSsl flag none of whose layers is on an
    /// implicit-TLS port, the edit of the Connect call that requires STARTTLS.
    /// </summary>
    private static ImmutableDictionary<string, string?> FixProperties(TlsInput input, Evaluation evaluation, List<LayerResult> results, INamedTypeSymbol? modeType)
    {
        var first = results[0];
        var deciding = first.Deciding;
        if (evaluation.Mode is not { } mode || !ReferenceEquals(deciding, first.ModeValue(evaluation)))
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        if (input.Kind == TlsInputKind.UseSsl && results.TrueForAll(result => !IsOnImplicitPort(input, result)))
        {
            return IsConnectArgument(input)
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, RequireTlsInCode)
                : ImmutableDictionary<string, string?>.Empty;
        }

        string? replacement = null;
        foreach (var result in results)
        {
            var each = evaluation.Choice is { } choice ? choice.SecureFlag(input, mode, result) : SecureValue(input, mode, result, modeType);
            if (each is null || (replacement is not null && each != replacement))
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            replacement = each;
        }

        if (replacement is null || deciding.Span.IsEmpty)
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var quoted = deciding.Kind switch
        {
            ConfigurationValueKind.XmlAttribute => replacement,
            // JSON true reads as "True": a string comparison needs the very string.
            ConfigurationValueKind.True or ConfigurationValueKind.False when mode.Reading != ValueReading.Equality => replacement,
            _ => "\"" + replacement + "\"",
        };

        return ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Fix, ReplaceConfigurationValue)
            .Add(Replacement, quoted)
            .Add(Original, deciding.Token);
    }

    /// <summary>The secure value of the configured setting in one layer; null when the file cannot make it secure.</summary>
    private static string? SecureValue(TlsInput input, ConfiguredRead mode, LayerResult result, INamedTypeSymbol? modeType)
    {
        switch (input.Kind)
        {
            case TlsInputKind.EnableSsl:
            case TlsInputKind.UseSsl when IsOnImplicitPort(input, result):
                return mode.Reading == ValueReading.Equality
                    ? (mode.Negated ? null : mode.Comparand)
                    : mode.Negated ? "false" : "true";
            case TlsInputKind.SecureSocketOptions when result.Port is not null:
                var secure = IsOnImplicitPort(input, result) ? "SslOnConnect" : "StartTls";
                return mode.BoundAs is { } bound && !SymbolEqualityComparer.Default.Equals(bound, modeType) ? SameValueIn(bound, modeType, secure) : secure;
            default:
                return null;
        }
    }

    /// <summary>
    /// The name, in the project's own enum, of the member whose number is that of MailKit's
    /// <paramref name="mailKitName"/>; null when it has none.
    /// </summary>
    private static string? SameValueIn(INamedTypeSymbol own, INamedTypeSymbol? mailKit, string mailKitName)
    {
        foreach (var member in mailKit?.GetMembers(mailKitName) ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant })
            {
                return ConfiguredRead.MemberOf(own, ConfiguredRead.AsInt64(constant))?.Name;
            }
        }

        return null;
    }

    private static bool IsOnImplicitPort(TlsInput input, LayerResult result) =>
        result.Port is { } port && port != 0 && input.IsImplicitPort(port);

    /// <summary>True when the value (the reported location) is an argument written in the Connect call.</summary>
    private static bool IsConnectArgument(TlsInput input) =>
        input.Site is IInvocationOperation &&
        input.Value is { Parent: IArgumentOperation { ArgumentKind: ArgumentKind.Explicit } argument } &&
        argument.Parent == input.Site;

    /// <summary>True when the code around the connection logs in: MailKit's Authenticate, or credentials on a System.Net.Mail client.</summary>
    private static bool SendsCredentials(IOperation site, KnownTypes types)
    {
        var logsIn = false;
        foreach (var operation in OperationWalk.DescendantsOf(ValueResolver.GetRoot(site)))
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Authenticate" or "AuthenticateAsync" } login
                    when IsMailKit(login.TargetMethod.ContainingType, types):
                    logsIn = true;
                    break;
                case IPropertyReferenceOperation read when LoginGuard.IsGuard(read) && IsMailKit(read.Property.ContainingType, types):
                    // `if (!client.IsSecure) throw ...`: the code stops a login without TLS (as SMTP009 trusts it to).
                    return false;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Credentials" } credentials }
                    when KnownTypes.IsOrDerivesFrom(credentials.Property.ContainingType, types.SystemNetMailSmtpClient):
                    return true;
            }
        }

        return logsIn;

        static bool IsMailKit(INamedTypeSymbol? type, KnownTypes types) =>
            KnownTypes.IsOrInherits(type, types.IMailService) || KnownTypes.IsOrDerivesFrom(type, types.MailService);
    }

    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    /// <summary>
    /// A SecureSocketOptions picked by a configured flag between two constants: <c>o.UseSsl ? SslOnConnect : None</c>,
    /// directly or through a local written once. The flag's configured value decides which one the connection gets.
    /// </summary>
    private sealed class ModeChoice
    {
        private ModeChoice(ConfiguredRead flag, string whenTrue, string whenFalse)
        {
            Flag = flag;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public ConfiguredRead Flag { get; }

        public string WhenTrue { get; }

        public string WhenFalse { get; }

        public string Mode(bool flag) => flag ? WhenTrue : WhenFalse;

        public static ModeChoice? Of(IOperation? value, ConfigurationContext context, CancellationToken cancellationToken)
        {
            value = ValueResolver.SkipImplicitConversions(value);
            if (value is ILocalReferenceOperation local)
            {
                value = ValueResolver.SkipImplicitConversions(ValueResolver.FindSingleWrite(local, cancellationToken));
            }

            if (value is not IConditionalOperation { WhenFalse: { } whenFalse } conditional ||
                ConstantModeName(conditional.WhenTrue, context.Types) is not { } trueMode ||
                ConstantModeName(whenFalse, context.Types) is not { } falseMode)
            {
                return null;
            }

            var condition = ValueResolver.SkipImplicitConversions(conditional.Condition);
            var negated = false;
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
            {
                negated = !negated;
                condition = ValueResolver.SkipImplicitConversions(not.Operand);
            }

            return ConfigurationTracer.Trace(condition, context, cancellationToken) is { } flag
                ? new ModeChoice(flag, negated ? falseMode : trueMode, negated ? trueMode : falseMode)
                : null;
        }

        /// <summary>
        /// True when neither constant gives real TLS on the connection's constant or omitted port: the code proves that
        /// whatever the file says (SMTP003, SMTP004), so the flag is not this rule's business.
        /// </summary>
        public bool GivesNoRealTls(TlsInput input, int? constantPort) =>
            RealTls(WhenTrue, input, constantPort) == false && RealTls(WhenFalse, input, constantPort) == false;

        /// <summary>
        /// The configured flag's value that picks a mode with real TLS on the layer's port (TLS on connect, required
        /// STARTTLS, or Auto on an implicit-TLS port); null when neither does, or the flag is not read as a plain bool.
        /// </summary>
        public string? SecureFlag(TlsInput input, ConfiguredRead flag, LayerResult result)
        {
            if (flag.Reading is not (ValueReading.Binder or ValueReading.Parse))
            {
                return null;
            }

            // The configured text that makes the code see the flag that picks real TLS (the opposite when it negates it).
            return RealTls(WhenTrue, input, result.Port) == true ? (flag.Negated ? "false" : "true")
                : RealTls(WhenFalse, input, result.Port) == true ? (flag.Negated ? "true" : "false")
                : null;
        }

        /// <summary>
        /// Whether a mode gives real TLS on the port (0: the protocol's default, null: unknown): TLS on connect and
        /// required STARTTLS always, Auto on an implicit-TLS port only; null for Auto on an unknown port.
        /// </summary>
        private static bool? RealTls(string mode, TlsInput input, int? port) => mode switch
        {
            "SslOnConnect" or "StartTls" => true,
            "Auto" => port is { } known ? known != 0 && input.IsImplicitPort(known) : null,
            _ => false,
        };
    }

    private sealed class Evaluation
    {
        public Evaluation(ConfiguredRead? mode, ConfiguredRead? port, Location location)
        {
            Mode = mode;
            Port = port;
            Location = location;
        }

        public ConfiguredRead? Mode { get; }

        /// <summary>When the configured value is a flag that picks one of two constant modes: those modes.</summary>
        public ModeChoice? Choice { get; set; }

        public ConfiguredRead? Port { get; }

        public Location Location { get; }

        /// <summary>The layers that decide the connection's TLS, securely or not.</summary>
        public List<LayerResult> Layers { get; } = new();

        /// <summary>A readable layer leaves the input unset (or set to a value the code fails on): there, TLS is unknown.</summary>
        public bool HasUndecidedLayer { get; set; }
    }

    private sealed class LayerResult
    {
        public LayerResult(ConfigurationLayer layer, Verdict verdict, ConfigurationValue deciding, string? endpoint, bool isPlaintextHost)
        {
            Layer = layer;
            Verdict = verdict;
            Deciding = deciding;
            Endpoint = endpoint;
            IsPlaintextHost = isPlaintextHost;
        }

        public ConfigurationLayer Layer { get; }

        public Verdict Verdict { get; }

        /// <summary>The configured value that makes the verdict: the mode, or the port of an Auto connection.</summary>
        public ConfigurationValue Deciding { get; }

        public string? Endpoint { get; }

        public bool IsPlaintextHost { get; }

        public string ModeText { get; set; } = string.Empty;

        /// <summary>The port the connection uses in this layer, when known (0 for the protocol's default).</summary>
        public int? Port { get; set; }

        public ConfigurationValue? ModeValue(Evaluation evaluation) =>
            evaluation.Mode is { } mode && Layer.TryGetValue(mode.Key, out var value) ? value : null;
    }
}
