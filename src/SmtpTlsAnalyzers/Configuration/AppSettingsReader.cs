using System;
using System.Collections.Generic;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// Reads <c>&lt;appSettings&gt;&lt;add key="..." value="..."/&gt;</c> of App.config and Web.config, which
/// <c>ConfigurationManager.AppSettings["key"]</c> hands out as strings (keys compared ignoring case). Loading is
/// <see cref="MailSettingsReader.TryLoad"/>'s safe loading. Transforms (Web.Release.config) are not read: what they
/// change depends on the build. A section moved to another file (<c>configSource</c>, or <c>file</c>, whose values
/// override) makes the file unreadable: the analyzers do not see that file.
/// </summary>
internal static class AppSettingsReader
{
    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>True for App.config and Web.config, in any case.</summary>
    public static bool IsAppSettingsFile(string path)
    {
        var name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        return name.Equals("App.config", StringComparison.OrdinalIgnoreCase) || name.Equals("Web.config", StringComparison.OrdinalIgnoreCase);
    }

    public static ConfigurationFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!MailSettingsReader.TryLoad(file, cancellationToken, out var document, out var text) ||
            document?.Root is not { } root || root.Name.LocalName != "configuration" || text is null)
        {
            return ConfigurationFile.Unreadable(file.Path);
        }

        var values = new Dictionary<string, ConfigurationValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in AppSettingsSections(root))
        {

            if (section.Attribute("configSource") is not null || section.Attribute("file") is not null)
            {
                return ConfigurationFile.Unreadable(file.Path);
            }

            foreach (var element in section.Elements())
            {
                var key = element.Attribute("key")?.Value;
                switch (element.Name.LocalName)
                {
                    case "clear":
                        values.Clear();
                        break;
                    case "remove" when key is not null:
                        values.Remove(key);
                        break;
                    case "add" when key is not null && element.Attribute("value") is { } value:
                        var span = ValueSpan(value, text) ?? default;
                        values[key] = new ConfigurationValue(file.Path, key, value.Value, ConfigurationValueKind.XmlAttribute, span, text.Lines.GetLinePositionSpan(span), text.ToString(span));

                        break;
                }
            }
        }

        return new ConfigurationFile(file.Path, values);
    }

    /// <summary>
    /// The <c>&lt;appSettings&gt;</c> sections of the application, in the order of the file: at the root, or in a
    /// <c>&lt;location&gt;</c> whose path is the application itself (<c>path="."</c>, empty or absent, as Web.config
    /// writes <c>inheritInChildApplications="false"</c>). A location of another path configures that folder only.
    /// </summary>
    private static IEnumerable<XElement> AppSettingsSections(XElement configuration)
    {
        foreach (var child in configuration.Elements())
        {
            if (child.Name.LocalName == "appSettings")
            {
                yield return child;
            }
            else if (child.Name.LocalName == "location" && child.Attribute("path")?.Value.Trim() is null or "" or ".")
            {
                foreach (var section in child.Elements())
                {
                    if (section.Name.LocalName == "appSettings")
                    {
                        yield return section;
                    }
                }
            }
        }
    }

    /// <summary>The text between the quotes of an attribute's value, found from the attribute name's position.</summary>
    private static TextSpan? ValueSpan(XAttribute attribute, SourceText text)
    {
        IXmlLineInfo info = attribute;
        if (!info.HasLineInfo() || info.LineNumber - 1 >= text.Lines.Count)
        {
            return null;
        }

        var position = text.Lines[info.LineNumber - 1].Start + info.LinePosition - 1 + attribute.Name.LocalName.Length;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length || text[position] != '=')
        {
            return null;
        }

        position++;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length || (text[position] != '"' && text[position] != '\''))
        {
            return null;
        }

        var quote = text[position];
        var start = position + 1;
        var end = start;
        while (end < text.Length && text[end] != quote)
        {
            end++;
        }

        return end < text.Length ? TextSpan.FromBounds(start, end) : null;
    }
}
