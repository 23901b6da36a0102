using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>What kind of token a configuration value was written as.</summary>
internal enum ConfigurationValueKind
{
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>The value attribute of an appSettings <c>add</c> element.</summary>
    XmlAttribute,
}

/// <summary>The keys and values of one configuration file, keys compared ignoring case.</summary>
internal sealed class ConfigurationFile
{
    private static readonly Dictionary<string, ConfigurationValue> NoValues = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, ConfigurationValue> _values;

    public ConfigurationFile(string path, Dictionary<string, ConfigurationValue> values)
    {
        Path = path;
        _values = values;
        IsReadable = true;
    }

    private ConfigurationFile(string path)
    {
        Path = path;
        _values = NoValues;
    }

    public string Path { get; }

    /// <summary>False for a file the runtime could not load either (or that is too large): it decides nothing.</summary>
    public bool IsReadable { get; }

    public IReadOnlyDictionary<string, ConfigurationValue> Values => _values;

    public static ConfigurationFile Unreadable(string path) => new(path);

    public bool TryGetValue(string key, out ConfigurationValue value) => _values.TryGetValue(key, out value!);
}

/// <summary>One configuration value and where it is written.</summary>
internal sealed class ConfigurationValue
{
    public ConfigurationValue(string path, string key, string? value, ConfigurationValueKind kind, TextSpan span, LinePositionSpan lineSpan, string token)
    {
        Path = path;
        Key = key;
        Value = value;
        Kind = kind;
        Span = span;
        LineSpan = lineSpan;
        Token = token;
    }

    public string Path { get; }

    /// <summary>The full key, as the file spells it (<c>Smtp:EnableSsl</c>).</summary>
    public string Key { get; }

    /// <summary>The string the configuration hands out: <c>False</c> for JSON <c>false</c>, null for JSON null.</summary>
    public string? Value { get; }

    public ConfigurationValueKind Kind { get; }

    /// <summary>The value's token in the file: a JSON string with its quotes, or the text of an XML attribute value.</summary>
    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    /// <summary>The token's text as written, for messages and for a fix to check the file did not change.</summary>
    public string Token { get; }

    public Location ToLocation() => Location.Create(Path, Span, LineSpan);
}
