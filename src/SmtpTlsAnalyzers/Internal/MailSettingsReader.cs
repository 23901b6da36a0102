using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Reads <c>configuration/system.net/mailSettings/smtp</c> from the App.config, Web.config and Web.*.config files a
/// project passes as AdditionalFiles: on .NET Framework every System.Net.Mail.SmtpClient constructor takes its host,
/// port, credentials and enableSsl from there.
/// <para>
/// Reading is safe: no DTD, no entity expansion, no resolver (so no file or network access), a size cap; a file that
/// is malformed, too large or not XML reads as <see cref="MailSettingsFile.Unreadable"/>, never as an exception.
/// </para>
/// </summary>
internal static class MailSettingsReader
{
    /// <summary>Files longer than this (in characters) are not read. Real configuration files are a few kilobytes.</summary>
    public const int MaxFileLength = 4 * 1024 * 1024;

    private const string XdtNamespace = "http://schemas.microsoft.com/XML-Document-Transform";

    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>The attributes of <c>network</c> (SmtpNetworkElement); the runtime spells them exactly so.</summary>
    private static readonly string[] NetworkAttributes =
        { "clientDomain", "defaultCredentials", "enableSsl", "host", "password", "port", "targetName", "userName" };

    private static readonly Regex EncodingDeclaration = new(
        @"\A\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>True for App.config, Web.config and Web.*.config (a transform such as Web.Release.config), in any case.</summary>
    public static bool IsConfigFile(string path)
    {
        // Not Path.GetFileName: on .NET Framework hosts it throws for characters a path may still carry.
        var name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        return name.Equals("App.config", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("Web.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".config", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when, for the runtime the compilation targets, a client that never sets EnableSsl is proven to send in
    /// clear text: always on .NET (which ignores configuration files); on .NET Framework only when no visible
    /// configuration file says anything about the smtp settings (no <c>network</c> element, no pickup delivery,
    /// nothing unreadable), so that the default <c>enableSsl="false"</c> applies. A configuration with a
    /// <c>network</c> element decides the client's TLS, and SMTP011 reports it when it leaves TLS off.
    /// </summary>
    public static bool EnableSslDefaultsToFalse(MailRuntime runtime, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        switch (runtime)
        {
            case MailRuntime.DotNet:
                return true;
            case MailRuntime.NetFramework:
                foreach (var file in options.AdditionalFiles)
                {
                    if (!IsConfigFile(file.Path))
                    {
                        continue;
                    }

                    var settings = Read(file, cancellationToken);
                    if (settings.IsUnreadable || settings.DecidesTls)
                    {
                        return false;
                    }
                }

                return true;
            default:
                // A .NET Standard library may run on either runtime: the code alone proves nothing.
                return false;
        }
    }

    /// <summary>Reads one configuration file.</summary>
    public static MailSettingsFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!TryLoad(file, cancellationToken, out var document, out var text))
        {
            return MailSettingsFile.Unreadable;
        }

        // An empty file says nothing.
        return document is null ? MailSettingsFile.Empty : Parse(document, text!, IsTransformName(file.Path), cancellationToken);
    }

    /// <summary>Web.*.config other than Web.config itself: a file the build applies to Web.config as a transform.</summary>
    private static bool IsTransformName(string path)
    {
        var name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        return name.StartsWith("Web.", StringComparison.OrdinalIgnoreCase) && !name.Equals("Web.config", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Loads a configuration file safely (see the class summary). False when it is malformed, too large or not XML;
    /// true with a null document for an empty file. The document has line information.
    /// </summary>
    public static bool TryLoad(AdditionalText file, CancellationToken cancellationToken, out XDocument? document, out SourceText? text)
    {
        document = null;
        text = null;
        try
        {
            text = file.GetText(cancellationToken);
            if (text is null || text.Length > MaxFileLength)
            {
                return false;
            }

            var content = Decode(text);
            if (content.Trim().Length == 0)
            {
                return true;
            }

            document = Load(XmlReader.Create(new StringReader(content), ReaderSettings));
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static XmlReaderSettings ReaderSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxFileLength,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static XDocument Load(XmlReader reader)
    {
        using (reader)
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
    }

    /// <summary>
    /// The text as the XML declaration says it is encoded. The compiler decodes an additional file as UTF-8 and
    /// falls back to a single-byte code page when that fails; a file declared in another encoding is then turned
    /// back into its bytes and decoded as declared. Only the encodings the process knows are used.
    /// </summary>
    private static string Decode(SourceText text)
    {
        var content = text.ToString();
        if (text.Encoding is not { IsSingleByte: true } used)
        {
            return content;
        }

        var match = EncodingDeclaration.Match(content);
        if (!match.Success)
        {
            return content;
        }

        Encoding declared;
        try
        {
            declared = Encoding.GetEncoding(match.Groups[1].Value);
        }
        catch (ArgumentException)
        {
            return content;
        }
        catch (NotSupportedException)
        {
            return content;
        }

        return declared.CodePage == used.CodePage ? content : declared.GetString(used.GetBytes(content));
    }

    private static MailSettingsFile Parse(XDocument document, SourceText text, bool transformName, CancellationToken cancellationToken)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != "configuration")
        {
            return MailSettingsFile.Empty;
        }

        // A Web.*.config that declares the transform namespace is a transform even when none of its elements
        // transforms anything (a Web.Debug.config whose samples are commented out): its elements only locate, and
        // change nothing. Web.config and App.config are read by the runtime whatever they declare.
        var isTransform = false;
        foreach (var attribute in transformName ? root.Attributes() : Enumerable.Empty<XAttribute>())
        {
            if (attribute.IsNamespaceDeclaration && attribute.Value == XdtNamespace)
            {
                isTransform = true;
            }
        }

        foreach (var element in isTransform ? Enumerable.Empty<XElement>() : root.DescendantsAndSelf())
        {
            if (element.Attribute(XName.Get("Transform", XdtNamespace)) is not null || element.Attribute(XName.Get("Locator", XdtNamespace)) is not null)
            {
                isTransform = true;
                break;
            }
        }

        var smtps = ImmutableArray.CreateBuilder<SmtpSettings>();
        var unknowable = false;
        foreach (var systemNet in SystemNetSections(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsRemoved(systemNet, isTransform))
            {
                continue;
            }

            if (HasAttribute(systemNet, "configSource"))
            {
                unknowable = true;
                continue;
            }

            foreach (var mailSettings in Children(systemNet, "mailSettings"))
            {
                if (IsRemoved(mailSettings, isTransform))
                {
                    continue;
                }

                if (HasAttribute(mailSettings, "configSource"))
                {
                    unknowable = true;
                    continue;
                }

                foreach (var smtp in Children(mailSettings, "smtp"))
                {
                    if (IsRemoved(smtp, isTransform))
                    {
                        continue;
                    }

                    if (HasAttribute(smtp, "configSource"))
                    {
                        unknowable = true;
                        continue;
                    }

                    smtps.Add(ReadSmtp(smtp, isTransform, text));
                }
            }
        }

        return new MailSettingsFile(isUnreadable: false, unknowable, isTransform, smtps.ToImmutable());
    }

    private static SmtpSettings ReadSmtp(XElement smtp, bool isTransform, SourceText text)
    {
        // deliveryMethod: Network (the default), SpecifiedPickupDirectory or PickupDirectoryFromIis.
        var delivery = Attribute(smtp, "deliveryMethod")?.Value.Trim();
        var isNetworkDelivery = delivery is null || delivery.Equals("Network", StringComparison.OrdinalIgnoreCase);

        NetworkSettings? network = null;
        foreach (var element in Children(smtp, "network"))
        {
            // In a transform, an element without a transform of its own (or a Replace/Insert around it) only
            // locates; its attributes change nothing in the base file.
            if (!IsRemoved(element, isTransform) && (!isTransform || IsWrittenByTransform(element)))
            {
                network = ReadNetwork(element, isTransform, text);
                break;
            }
        }

        return new SmtpSettings(isNetworkDelivery, network);
    }

    private static NetworkSettings ReadNetwork(XElement network, bool isTransform, SourceText text)
    {
        var enableSsl = Attribute(network, "enableSsl");
        if (isTransform && !SetsAttribute(network, "enableSsl"))
        {
            // SetAttributes(host, port) leaves the base file's enableSsl as it is, whatever this element says.
            enableSsl = null;
        }

        var port = Attribute(network, "port")?.Value.Trim();
        var userName = Attribute(network, "userName")?.Value;
        var password = Attribute(network, "password")?.Value;
        var defaultCredentials = Attribute(network, "defaultCredentials")?.Value.Trim();

        return new NetworkSettings(
            host: Attribute(network, "host")?.Value.Trim(),
            port: int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null,
            enableSsl: enableSsl?.Value,
            // In a transform that only sets attributes, a missing attribute keeps the value of the base file.
            isWholeElement: !isTransform || ReplacesWholeElement(network),
            hasPassword: !string.IsNullOrEmpty(userName) || !string.IsNullOrEmpty(password),
            usesDefaultCredentials: string.Equals(defaultCredentials, "true", StringComparison.OrdinalIgnoreCase),
            isRefusedByRuntime: HasMisspelledAttribute(network),
            elementLocation: LocationOf(network, network.Name.LocalName.Length, text),
            enableSslLocation: enableSsl is null ? null : LocationOf(enableSsl, enableSsl.Name.LocalName.Length, text));
    }

    /// <summary>
    /// True for <c>EnableSSL="true"</c> and the like: configuration attribute names are case-sensitive, and the
    /// runtime refuses an unrecognized attribute, so no client is ever created from such an element.
    /// </summary>
    private static bool HasMisspelledAttribute(XElement network)
    {
        foreach (var attribute in network.Attributes())
        {
            var name = attribute.Name;
            if (name.NamespaceName.Length != 0)
            {
                continue;
            }

            foreach (var known in NetworkAttributes)
            {
                if (!name.LocalName.Equals(known, StringComparison.Ordinal) && name.LocalName.Equals(known, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<XElement> SystemNetSections(XElement configuration)
    {
        foreach (var child in configuration.Elements())
        {
            if (child.Name.LocalName == "system.net")
            {
                yield return child;
            }
            else if (child.Name.LocalName == "location")
            {
                foreach (var systemNet in Children(child, "system.net"))
                {
                    yield return systemNet;
                }
            }
        }
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                yield return child;
            }
        }
    }

    private static XAttribute? Attribute(XElement element, string name) => element.Attribute(XName.Get(name, string.Empty));

    private static bool HasAttribute(XElement element, string name) => Attribute(element, name) is not null;

    private static string? TransformVerb(XElement element)
    {
        var value = element.Attribute(XName.Get("Transform", XdtNamespace))?.Value.Trim();
        if (value is null)
        {
            return null;
        }

        var parenthesis = value.IndexOf('(');
        return parenthesis < 0 ? value : value.Substring(0, parenthesis).Trim();
    }

    /// <summary>True when a transform removes the element (or one of its parents) from the base file.</summary>
    private static bool IsRemoved(XElement element, bool isTransform)
    {
        if (!isTransform)
        {
            return false;
        }

        for (var current = element; current is not null; current = current.Parent)
        {
            var verb = TransformVerb(current);
            if (verb is "Remove" or "RemoveAll")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a transform writes the element: whole (Replace, Insert...) or some of its attributes (SetAttributes).</summary>
    private static bool IsWrittenByTransform(XElement element) =>
        ReplacesWholeElement(element) || TransformVerb(element) == "SetAttributes";

    /// <summary>
    /// True when the transform writes <paramref name="name"/> of the element: it writes the element whole, or its
    /// SetAttributes has no list or lists the attribute.
    /// </summary>
    private static bool SetsAttribute(XElement element, string name)
    {
        if (ReplacesWholeElement(element))
        {
            return true;
        }

        var value = element.Attribute(XName.Get("Transform", XdtNamespace))?.Value;
        var open = value?.IndexOf('(') ?? -1;
        var close = value?.LastIndexOf(')') ?? -1;
        if (value is null || open < 0 || close < open)
        {
            return true;
        }

        foreach (var listed in value.Substring(open + 1, close - open - 1).Split(','))
        {
            if (listed.Trim() == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a transform writes the element whole (Replace, Insert...), so a missing attribute means its default.</summary>
    private static bool ReplacesWholeElement(XElement element)
    {
        for (var current = element; current is not null; current = current.Parent)
        {
            var verb = TransformVerb(current);
            if (verb is "Replace" or "Insert" or "InsertIfMissing" or "InsertBefore" or "InsertAfter")
            {
                return true;
            }
        }

        return false;
    }

    private static ConfigLocation LocationOf(IXmlLineInfo node, int length, SourceText text)
    {
        if (!node.HasLineInfo())
        {
            return new ConfigLocation(default, default);
        }

        var start = new LinePosition(node.LineNumber - 1, Math.Max(0, node.LinePosition - 1));
        var end = new LinePosition(start.Line, start.Character + length);
        var span = default(TextSpan);
        if (start.Line < text.Lines.Count)
        {
            var line = text.Lines[start.Line];
            var from = Math.Min(line.Start + start.Character, line.End);
            span = TextSpan.FromBounds(from, Math.Min(from + length, line.End));
        }

        return new ConfigLocation(span, new LinePositionSpan(start, end));
    }
}

/// <summary>The mail settings of one configuration file.</summary>
internal sealed class MailSettingsFile
{
    public static readonly MailSettingsFile Unreadable = new(isUnreadable: true, hasExternalSettings: false, isTransform: false, ImmutableArray<SmtpSettings>.Empty);
    public static readonly MailSettingsFile Empty = new(isUnreadable: false, hasExternalSettings: false, isTransform: false, ImmutableArray<SmtpSettings>.Empty);

    public MailSettingsFile(bool isUnreadable, bool hasExternalSettings, bool isTransform, ImmutableArray<SmtpSettings> smtp)
    {
        IsUnreadable = isUnreadable;
        HasExternalSettings = hasExternalSettings;
        IsTransform = isTransform;
        Smtp = smtp;
    }

    /// <summary>Malformed, too large, or not XML: nothing is known.</summary>
    public bool IsUnreadable { get; }

    /// <summary>A configSource moves the mail settings to another file, which the analyzers do not see.</summary>
    public bool HasExternalSettings { get; }

    /// <summary>The file is a config transform (it uses xdt:Transform or xdt:Locator).</summary>
    public bool IsTransform { get; }

    public ImmutableArray<SmtpSettings> Smtp { get; }

    /// <summary>True when the file sets what a client's TLS will be: a network element, a pickup delivery, or settings kept elsewhere.</summary>
    public bool DecidesTls
    {
        get
        {
            if (HasExternalSettings)
            {
                return true;
            }

            foreach (var smtp in Smtp)
            {
                if (!smtp.IsNetworkDelivery || smtp.Network is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>One <c>&lt;smtp&gt;</c> element.</summary>
internal sealed class SmtpSettings
{
    public SmtpSettings(bool isNetworkDelivery, NetworkSettings? network)
    {
        IsNetworkDelivery = isNetworkDelivery;
        Network = network;
    }

    /// <summary>False for a pickup directory, which never opens a connection (or a delivery method the runtime rejects).</summary>
    public bool IsNetworkDelivery { get; }

    public NetworkSettings? Network { get; }
}

/// <summary>One <c>&lt;network&gt;</c> element.</summary>
internal sealed class NetworkSettings
{
    public NetworkSettings(
        string? host,
        int? port,
        string? enableSsl,
        bool isWholeElement,
        bool hasPassword,
        bool usesDefaultCredentials,
        bool isRefusedByRuntime,
        ConfigLocation elementLocation,
        ConfigLocation? enableSslLocation)
    {
        Host = host;
        Port = port;
        EnableSsl = enableSsl;
        IsWholeElement = isWholeElement;
        HasPassword = hasPassword;
        UsesDefaultCredentials = usesDefaultCredentials;
        IsRefusedByRuntime = isRefusedByRuntime;
        ElementLocation = elementLocation;
        EnableSslLocation = enableSslLocation;
    }

    public string? Host { get; }
    public int? Port { get; }

    /// <summary>The raw value of enableSsl, or null when the attribute is absent.</summary>
    public string? EnableSsl { get; }

    /// <summary>False in a transform that only sets attributes: an absent attribute keeps the base file's value.</summary>
    public bool IsWholeElement { get; }

    /// <summary>userName or password is set: the login goes over the connection.</summary>
    public bool HasPassword { get; }

    /// <summary>defaultCredentials="true": the process's Windows credentials log in.</summary>
    public bool UsesDefaultCredentials { get; }

    /// <summary>An attribute name in the wrong case (<c>EnableSSL</c>): the runtime refuses the whole section.</summary>
    public bool IsRefusedByRuntime { get; }

    public ConfigLocation ElementLocation { get; }
    public ConfigLocation? EnableSslLocation { get; }

    /// <summary>
    /// True when the element proves plaintext: enableSsl is "false" (any case), or absent from an element that is
    /// written whole (its default is false). An unparseable value or a misspelled attribute fails at run time and
    /// proves nothing.
    /// </summary>
    public bool LeavesSslOff =>
        !IsRefusedByRuntime &&
        (EnableSsl is null ? IsWholeElement : EnableSsl.Trim().Equals("false", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Where a node is in a configuration file.</summary>
internal readonly struct ConfigLocation
{
    public ConfigLocation(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    public TextSpan Span { get; }
    public LinePositionSpan LineSpan { get; }

    public Location ToLocation(string path) => Location.Create(path, Span, LineSpan);
}
