using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// A MailKit Uri whose text is built from text and values, <c>new Uri($"smtp://{host}:{port}")</c> or the same with
/// <c>+</c> or <c>&amp;</c>. Read only in the shapes whose values cannot carry a query: text for the host right after
/// the scheme, a number for the port, and no <c>?</c> or <c>#</c> in the text. Such a Uri has no starttls parameter,
/// so its scheme alone picks the TLS mode, as MailKit reads it.
/// </summary>
internal readonly struct MailKitUriTemplate
{
    private MailKitUriTemplate(string scheme, string? host, int? port, SyntaxNode text, bool endsWithSlash)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Text = text;
        EndsWithSlash = endsWithSlash;
    }

    /// <summary>The scheme, lower case.</summary>
    public string Scheme { get; }

    /// <summary>The host when the text names it; null when a value does.</summary>
    public string? Host { get; }

    /// <summary>The port written in the text, 0 when the Uri has none, null when a value gives it.</summary>
    public int? Port { get; }

    /// <summary>The Uri's text as written: the interpolated string or the concatenation.</summary>
    public SyntaxNode Text { get; }

    /// <summary>Whether the text ends with the slash a query may follow.</summary>
    public bool EndsWithSlash { get; }

    /// <summary>Reads the argument of <c>new Uri(...)</c> as a template; false for any other shape.</summary>
    public static bool TryRead(IOperation value, INamedTypeSymbol? uriType, out MailKitUriTemplate template)
    {
        template = default;
        value = ValueResolver.SkipImplicitConversions(value)!;
        if (uriType is null || value is not IObjectCreationOperation { Arguments.Length: 1 } creation ||
            !SymbolEqualityComparer.Default.Equals(creation.Type, uriType) ||
            creation.Arguments[0].Parameter?.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var text = ValueResolver.SkipImplicitConversions(creation.Arguments[0].Value)!;
        var parts = new List<Part>();
        if (!Flatten(text, parts, depth: 0) ||
            parts.Count < 2 || parts[0].Text is not { } prefix)
        {
            return false;
        }

        if (!TryMatch(prefix, parts, out var scheme, out var host, out var port))
        {
            return false;
        }

        template = new MailKitUriTemplate(scheme, host, port, text.Syntax, parts[parts.Count - 1].Text?.EndsWith("/", StringComparison.Ordinal) == true);
        return true;
    }

    /// <summary>
    /// The whole text of a Uri built from parts the code proves (<c>$"smtp://{host}:{Port}"</c> with a constant port and
    /// a host written once); false when any part is not known or the text has a query or fragment mark.
    /// </summary>
    public static bool TryGetProvenText(IOperation text, out string value)
    {
        value = string.Empty;
        var parts = new List<Part>();
        if (!Flatten(ValueResolver.SkipImplicitConversions(text)!, parts, depth: 0) || parts.Count != 1 || parts[0].Text is not { } whole)
        {
            return false;
        }

        value = whole;
        return true;
    }

    private static bool TryMatch(string prefix, List<Part> parts, out string scheme, out string? host, out int? port)
    {
        scheme = string.Empty;
        host = null;
        port = null;
        var separator = prefix.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || !IsScheme(prefix, separator))
        {
            return false;
        }

        scheme = prefix.Substring(0, separator).ToLowerInvariant();
        var authority = prefix.Substring(separator + 3);
        var index = 1;
        if (authority.Length == 0)
        {
            // scheme://{host}...
            if (!IsHostValue(parts[index]))
            {
                return false;
            }

            index++;
        }
        else
        {
            // scheme://host:{port}: the text must end with the port's colon, and a value follow.
            if (!authority.EndsWith(":", StringComparison.Ordinal) || !IsHostText(authority.Substring(0, authority.Length - 1)))
            {
                return false;
            }

            host = authority.Substring(0, authority.Length - 1);
            if (!IsPortValue(parts[index]))
            {
                return false;
            }

            return IsEnd(parts, index + 1);
        }

        if (IsEnd(parts, index))
        {
            port = 0;
            return true;
        }

        if (TextOf(parts[index]) is not { } afterHost || !afterHost.StartsWith(":", StringComparison.Ordinal))
        {
            return false;
        }

        if (afterHost.Length == 1)
        {
            // scheme://{host}:{port}
            if (index + 1 >= parts.Count || !IsPortValue(parts[index + 1]))
            {
                return false;
            }

            return IsEnd(parts, index + 2);
        }

        // scheme://{host}:587
        var digits = afterHost.Substring(1).TrimEnd('/');
        if (afterHost.Length - 1 - digits.Length > 1 || index + 1 != parts.Count ||
            !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var written) || written > 65535)
        {
            return false;
        }

        port = written;
        return true;
    }

    /// <summary>Nothing follows, or only a closing slash.</summary>
    private static bool IsEnd(List<Part> parts, int index) =>
        index == parts.Count || (index == parts.Count - 1 && TextOf(parts[index]) == "/");

    private static bool IsScheme(string text, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostText(string host)
    {
        foreach (var c in host)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return host.Length > 0;
    }

    /// <summary>A value of text, standing for the host.</summary>
    private static bool IsHostValue(Part part) => part.Value?.Type?.SpecialType == SpecialType.System_String;

    /// <summary>A value of an integral type, standing for the port: no text, so no query, can come from it.</summary>
    private static bool IsPortValue(Part part) => part.Value is { } value && IsIntegral(value);

    private static bool IsIntegral(IOperation value) =>
        value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or
            SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_Byte;

    private static string? TextOf(Part part) => part.Text;

    /// <summary>
    /// The parts of an interpolated string or a concatenation of texts, in order: adjacent constant texts joined into
    /// one text part, every other value as itself. False when a text holds a query or fragment mark, or a value has an
    /// alignment.
    /// </summary>
    private static bool Flatten(IOperation operation, List<Part> parts, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text when text.Text.ConstantValue is { HasValue: true, Value: string s }:
                            if (!AddText(s, parts))
                            {
                                return false;
                            }

                            break;
                        case IInterpolationOperation { Alignment: null } hole:
                            if (!Flatten(ValueResolver.SkipImplicitConversions(hole.Expression)!, parts, depth + 1))
                            {
                                return false;
                            }

                            break;
                        default:
                            return false;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Concatenate, OperatorMethod: null, ConstantValue.HasValue: false } binary
                when binary.Type?.SpecialType == SpecialType.System_String:
                return Flatten(ValueResolver.SkipImplicitConversions(binary.LeftOperand)!, parts, depth + 1) &&
                    Flatten(ValueResolver.SkipImplicitConversions(binary.RightOperand)!, parts, depth + 1);
            default:
                // A value the code proves (a constant, a local written once) is text like the rest: a host that may be
                // exempt, a port that may not fit the scheme.
                if (ValueResolver.TryGetString(operation, out var constant) && constant is not null)
                {
                    return AddText(constant, parts);
                }

                if (IsIntegral(operation) && ValueResolver.TryGetInt32(operation, out var number))
                {
                    return AddText(number.ToString(CultureInfo.InvariantCulture), parts);
                }

                parts.Add(new Part(null, operation));
                return true;
        }
    }

    private static bool AddText(string text, List<Part> parts)
    {
        if (text.IndexOf('?') >= 0 || text.IndexOf('#') >= 0)
        {
            return false;
        }

        if (parts.Count > 0 && parts[parts.Count - 1].Text is { } previous)
        {
            parts[parts.Count - 1] = new Part(previous + text, null);
        }
        else
        {
            parts.Add(new Part(text, null));
        }

        return true;
    }

    /// <summary>A constant text, or a value.</summary>
    private readonly struct Part
    {
        public Part(string? text, IOperation? value)
        {
            Text = text;
            Value = value;
        }

        public string? Text { get; }

        public IOperation? Value { get; }
    }
}
