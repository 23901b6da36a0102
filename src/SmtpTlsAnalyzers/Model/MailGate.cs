using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// The first look at a file, before any binding: can its text hold anything a rule reports? A file passes when it
/// names a mail or TLS type or member that ordinary code does not name. Ordinary words such as Connect, Send or Port
/// do not count. The analyzer asks once per file.
/// </summary>
/// <remarks>
/// Which names each rule needs:
/// System.Net.Mail rules (SMTP001, SMTP002, SMTP005, SMTP009): the client is created or declared (<c>SmtpClient</c>)
/// or its TLS switch is written (<c>EnableSsl</c>).
/// MailKit rules (SMTP003, SMTP004, SMTP005, SMTP009, SMTP013): the client type (<c>SmtpClient</c>, <c>ImapClient</c>,
/// <c>Pop3Client</c>, their interfaces, <c>MailService</c>, <c>MailTransport</c>, <c>MailStore</c>), the mode
/// (<c>SecureSocketOptions</c>), a <c>MailKit</c> namespace, or a mail Uri scheme (<c>smtp://</c>, <c>imaps://</c>...).
/// A client obtained from a factory and connected with a bool or no mode, in a file that names none of these, is not
/// examined: the file shows no mail code, and reading every Connect call of every file is what the gate avoids.
/// Certificate rules (SMTP006, SMTP010): <c>CertificateValidationCallback</c> (the MailKit and ServicePointManager
/// property and the delegate type), <c>CertificatePolicy</c>, <c>SslPolicyErrors</c> (a validation method or a stored
/// lambda). SMTP007: <c>CheckCertificateRevocation</c>. SMTP008: <c>SslProtocols</c>, <c>SecurityProtocol</c>.
/// SMTP012: <c>RedactSecrets</c>. SMTP011 reads configuration files, not code.
/// </remarks>
internal static class MailGate
{
    /// <summary>Names matched as the libraries spell them: case-sensitively in C#, ignoring case in Visual Basic.</summary>
    internal static readonly string[] Names =
    {
        "SmtpClient",
        "ImapClient",
        "Pop3Client",
        "EnableSsl",
        "SecureSocketOptions",
        "MailKit",
        "MailService",
        "MailTransport",
        "MailStore",
        "CertificateValidationCallback",
        "CertificatePolicy",
        "SslPolicyErrors",
        "CheckCertificateRevocation",
        "SslProtocols",
        "SecurityProtocol",
        "RedactSecrets",
    };

    /// <summary>
    /// The text is scanned once per anchor, not once per name: each name contains one of these, and an occurrence of
    /// the anchor is checked against the names that hold it at that offset. Six scans (with the Uri one) instead of
    /// seventeen; an anchor that ordinary code also contains (HttpClient, FromSeconds) costs a comparison per hit.
    /// </summary>
    private static readonly string[] AnchorTexts = { "Client", "Ssl", "Sec", "Mail", "Certificate" };

    /// <summary>Each anchor with the names that contain it and where; every name belongs to the first anchor it contains.</summary>
    internal static readonly ImmutableArray<(string Anchor, ImmutableArray<(string Name, int Offset)> Names)> Anchors = CreateAnchors();

    /// <summary>Uri schemes MailKit connects with, matched before "://" regardless of case.</summary>
    private static readonly string[] Schemes = { "smtp", "smtps", "imap", "imaps", "pop", "pops", "pop3", "pop3s" };

    private const string SchemeSeparator = "://";

    /// <summary>
    /// True when the text names a mail or TLS type or member, or a mail Uri scheme. <paramref name="ignoreCase"/> is
    /// for a language whose identifiers ignore case (Visual Basic: <c>enablessl</c> names EnableSsl).
    /// </summary>
    /// <remarks>
    /// One runtime search per anchor: each is vectorised and reads the text at memory speed. A single multi-string
    /// search for every name (<c>SearchValues&lt;string&gt;</c>, .NET 9 and later) was measured three to four times slower on
    /// ordinary code (docs/performance.md), where near matches of its short prefixes are frequent.
    /// </remarks>
    [MethodImpl(HotPath.Optimized)]
    public static bool Passes(string text, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (anchor, names) in Anchors)
        {
            for (var at = text.IndexOf(anchor, comparison); at >= 0; at = text.IndexOf(anchor, at + 1, comparison))
            {
                foreach (var (name, offset) in names)
                {
                    var start = at - offset;
                    if (start >= 0 && start + name.Length <= text.Length && string.Compare(text, start, name, 0, name.Length, comparison) == 0)
                    {
                        return true;
                    }
                }
            }
        }

        return NamesMailUri(text);
    }

    private static ImmutableArray<(string, ImmutableArray<(string, int)>)> CreateAnchors()
    {
        var anchors = ImmutableArray.CreateBuilder<(string, ImmutableArray<(string, int)>)>();
        foreach (var anchor in AnchorTexts)
        {
            var names = ImmutableArray.CreateBuilder<(string, int)>();
            foreach (var name in Names)
            {
                var offset = name.IndexOf(anchor, StringComparison.Ordinal);
                if (offset >= 0 && Array.FindIndex(AnchorTexts, a => name.IndexOf(a, StringComparison.Ordinal) >= 0) == Array.IndexOf(AnchorTexts, anchor))
                {
                    names.Add((name, offset));
                }
            }

            anchors.Add((anchor, names.ToImmutable()));
        }

        return anchors.ToImmutable();
    }

    private static bool NamesMailUri(string text)
    {
        for (var at = text.IndexOf(SchemeSeparator, StringComparison.Ordinal); at >= 0; at = text.IndexOf(SchemeSeparator, at + SchemeSeparator.Length, StringComparison.Ordinal))
        {
            if (IsMailScheme(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the letters and digits right before the separator at <paramref name="separator"/> are a mail scheme.</summary>
    private static bool IsMailScheme(string text, int separator)
    {
        var start = separator;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            start--;
        }

        foreach (var candidate in Schemes)
        {
            if (separator - start == candidate.Length && string.Compare(text, start, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
