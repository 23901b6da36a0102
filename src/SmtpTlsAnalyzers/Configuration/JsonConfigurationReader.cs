using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>
/// Reads an appsettings*.json file the way Microsoft.Extensions.Configuration's JSON provider does, into
/// colon-separated keys that compare ignoring case (<c>Smtp:EnableSsl</c>, arrays as indexes: <c>Servers:0:Host</c>),
/// with the exact place of every value. A reader of its own: System.Text.Json is not guaranteed in every host that
/// loads analyzers.
/// <para>
/// Like the provider it accepts comments and trailing commas, a byte order mark, and requires an object at the top.
/// Everything the provider would refuse (invalid JSON, a key given twice, nesting deeper than 64, text that was not
/// UTF-8) reads as <see cref="ConfigurationFile.IsReadable"/> false, never as an exception; so do files over
/// <see cref="MaxFileLength"/> characters, which no real configuration file reaches.
/// </para>
/// </summary>
internal static class JsonConfigurationReader
{
    /// <summary>Files longer than this (in characters) are not read.</summary>
    public const int MaxFileLength = 4 * 1024 * 1024;

    /// <summary>System.Text.Json's default maximum depth, which the provider keeps.</summary>
    public const int MaxDepth = 64;

    public static ConfigurationFile Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null || text.Length > MaxFileLength || text.Encoding is { IsSingleByte: true })
        {
            // A single-byte encoding means the compiler could not read the bytes as UTF-8; neither can the provider.
            return ConfigurationFile.Unreadable(path);
        }

        var content = text.ToString();
        if (content.IndexOf('\uFFFD') >= 0)
        {
            return ConfigurationFile.Unreadable(path);
        }

        var parser = new Parser(path, content, text, cancellationToken);
        return parser.TryParse(out var values) ? new ConfigurationFile(path, values) : ConfigurationFile.Unreadable(path);
    }

    private sealed class Parser
    {
        private readonly string _path;
        private readonly string _text;
        private readonly SourceText _source;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, ConfigurationValue> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _segments = new();
        private int _position;

        public Parser(string path, string text, SourceText source, CancellationToken cancellationToken)
        {
            _path = path;
            _text = text;
            _source = source;
            _cancellationToken = cancellationToken;
        }

        public bool TryParse(out Dictionary<string, ConfigurationValue> values)
        {
            values = _values;
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _position = 1;
            }

            if (!SkipTrivia() || _position >= _text.Length || _text[_position] != '{')
            {
                return false;
            }

            if (!ParseValue(0))
            {
                return false;
            }

            return SkipTrivia() && _position == _text.Length;
        }

        private bool ParseValue(int depth)
        {
            if (depth > MaxDepth || _position >= _text.Length)
            {
                return false;
            }

            switch (_text[_position])
            {
                case '{':
                    return ParseObject(depth + 1);
                case '[':
                    return ParseArray(depth + 1);
                case '"':
                    var start = _position;
                    return ParseString(out var value) && Add(value, ConfigurationValueKind.String, start);
                case 't':
                    return ParseLiteral("true", "True", ConfigurationValueKind.True);
                case 'f':
                    return ParseLiteral("false", "False", ConfigurationValueKind.False);
                case 'n':
                    return ParseLiteral("null", null, ConfigurationValueKind.Null);
                default:
                    return ParseNumber();
            }
        }

        private bool ParseObject(int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var start = _position;
            _position++;
            var empty = true;
            while (true)
            {
                if (!SkipTrivia() || _position >= _text.Length)
                {
                    return false;
                }

                if (_text[_position] == '}')
                {
                    _position++;
                    return !empty || AddEmpty(start);
                }

                if (_text[_position] != '"' || !ParseString(out var name) || !SkipTrivia() ||
                    _position >= _text.Length || _text[_position] != ':')
                {
                    return false;
                }

                _position++;
                if (!SkipTrivia())
                {
                    return false;
                }

                _segments.Add(name);
                var ok = ParseValue(depth);
                _segments.RemoveAt(_segments.Count - 1);
                if (!ok || !SkipTrivia() || _position >= _text.Length)
                {
                    return false;
                }

                empty = false;
                if (_text[_position] == ',')
                {
                    // A trailing comma before '}' is allowed, as the provider allows it.
                    _position++;
                }
                else if (_text[_position] != '}')
                {
                    return false;
                }
            }
        }

        private bool ParseArray(int depth)
        {
            var start = _position;
            _position++;
            var index = 0;
            while (true)
            {
                if (!SkipTrivia() || _position >= _text.Length)
                {
                    return false;
                }

                if (_text[_position] == ']')
                {
                    _position++;
                    return index > 0 || AddEmpty(start);
                }

                _segments.Add(index.ToString(CultureInfo.InvariantCulture));
                var ok = ParseValue(depth);
                _segments.RemoveAt(_segments.Count - 1);
                if (!ok || !SkipTrivia() || _position >= _text.Length)
                {
                    return false;
                }

                index++;
                if (_text[_position] == ',')
                {
                    _position++;
                }
                else if (_text[_position] != ']')
                {
                    return false;
                }
            }
        }

        private bool ParseString(out string value)
        {
            value = string.Empty;
            _position++;
            StringBuilder? builder = null;
            var runStart = _position;
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c == '"')
                {
                    value = builder is null
                        ? _text.Substring(runStart, _position - runStart)
                        : builder.Append(_text, runStart, _position - runStart).ToString();
                    _position++;
                    return true;
                }

                if (c < ' ')
                {
                    // Control characters must be escaped in JSON strings.
                    return false;
                }

                if (c != '\\')
                {
                    _position++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _position - runStart);
                if (_position + 1 >= _text.Length)
                {
                    return false;
                }

                var escaped = _text[_position + 1];
                _position += 2;
                switch (escaped)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length ||
                            !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            return false;
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        return false;
                }

                runStart = _position;
            }

            return false;
        }

        private bool ParseLiteral(string literal, string? value, ConfigurationValueKind kind)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                return false;
            }

            var start = _position;
            _position += literal.Length;
            return Add(value, kind, start);
        }

        private bool ParseNumber()
        {
            var start = _position;
            if (_position < _text.Length && _text[_position] == '-')
            {
                _position++;
            }

            if (!SkipDigits(required: true))
            {
                return false;
            }

            if (_text[start] == '-' ? _text[start + 1] == '0' && _position - start > 2 : _text[start] == '0' && _position - start > 1)
            {
                // JSON has no leading zeros.
                return false;
            }

            if (_position < _text.Length && _text[_position] == '.')
            {
                _position++;
                if (!SkipDigits(required: true))
                {
                    return false;
                }
            }

            if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
            {
                _position++;
                if (_position < _text.Length && (_text[_position] == '+' || _text[_position] == '-'))
                {
                    _position++;
                }

                if (!SkipDigits(required: true))
                {
                    return false;
                }
            }

            return Add(_text.Substring(start, _position - start), ConfigurationValueKind.Number, start);
        }

        private bool SkipDigits(bool required)
        {
            var start = _position;
            while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
            {
                _position++;
            }

            return !required || _position > start;
        }

        /// <summary>Skips whitespace and comments; false for a comment that never ends.</summary>
        private bool SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    _position += 2;
                    while (_position < _text.Length && _text[_position] != '\n' && _text[_position] != '\r')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    _position = end + 2;
                }
                else
                {
                    return true;
                }
            }

            return true;
        }

        /// <summary>
        /// An empty object or array is a key with a null value, as the provider makes it; the provider sets it without
        /// looking for an earlier value of the key.
        /// </summary>
        private bool AddEmpty(int start) => _segments.Count == 0 || Add(null, ConfigurationValueKind.Null, start, overwrite: true);

        private bool Add(string? value, ConfigurationValueKind kind, int start, bool overwrite = false)
        {
            var key = string.Join(":", _segments);
            if (!overwrite && _values.ContainsKey(key))
            {
                // The provider throws for a value given twice for one key (in any case).
                return false;
            }

            var span = TextSpan.FromBounds(start, _position);
            _values[key] = new ConfigurationValue(_path, key, value, kind, span, _source.Lines.GetLinePositionSpan(span), _text.Substring(start, _position - start));
            return true;
        }
    }
}
