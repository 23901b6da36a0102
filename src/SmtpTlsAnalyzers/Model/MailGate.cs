using System;

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

    /// <summary>Uri schemes MailKit connects with, matched before "://" regardless of case.</summary>
    private static readonly string[] Schemes = { "smtp", "smtps", "imap", "imaps", "pop", "pops", "pop3", "pop3s" };

    /// <summary>
    /// True when the text names a mail or TLS type or member, or a mail Uri scheme. <paramref name="ignoreCase"/> is
    /// for a language whose identifiers ignore case (Visual Basic: <c>enablessl</c> names EnableSsl).
    /// </summary>
    public static bool Passes(string text, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var name in Names)
        {
            if (text.IndexOf(name, comparison) >= 0)
            {
                return true;
            }
        }

        return NamesMailUri(text);
    }

    private static bool NamesMailUri(string text)
    {
        for (var at = text.IndexOf("://", StringComparison.Ordinal); at >= 0; at = text.IndexOf("://", at + 3, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            var scheme = text.Substring(start, at - start);
            foreach (var candidate in Schemes)
            {
                if (string.Equals(scheme, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
