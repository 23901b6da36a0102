using System;
using System.Collections.Generic;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// Reads and rewrites the text of a MailKit connection Uri (<c>smtp://host:587/?starttls=always</c>) the way MailKit
/// reads it: the scheme picks the protocol and TLS from the first byte (<c>smtps</c>, <c>imaps</c>, <c>pops</c>), the
/// <c>starttls</c> query parameter picks STARTTLS.
/// </summary>
internal static class MailKitUri
{
    /// <summary>The host MailKit connects to: an IPv6 address without its brackets, as plaintext_hosts lists it (<c>::1</c>).</summary>
    public static string HostOf(Uri uri) => uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;

    /// <summary>The Uri text with the mode that fits its port: the TLS scheme on the implicit port, starttls=always elsewhere.</summary>
    public static string RewriteUri(string text, string scheme, MailProtocol protocol, int port)
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
    public static bool TryReadStartTls(string query, out string? starttls)
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
    public static bool IsPlainQuery(string query)
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

}
