using System;
using System.Globalization;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// The one place that knows the mail ports: for SMTP, IMAP and POP3, the port where TLS starts with the first byte
/// (465, 993, 995), the port for STARTTLS (587, 143, 110), the ports that expect plain text first, and the Uri scheme.
/// </summary>
internal sealed class MailProtocol
{
    public static readonly MailProtocol Smtp = new("smtp", 465, 587, 25, 587, 2525);
    public static readonly MailProtocol Imap = new("imap", 993, 143, 143);
    public static readonly MailProtocol Pop3 = new("pop", 995, 110, 110);

    /// <summary>A MailKit client whose protocol the code does not show (an <c>IMailService</c>).</summary>
    public static readonly MailProtocol Unknown = new(string.Empty, 0, 0, 25, 587, 2525, 143, 110);

    private readonly int[] _plainPorts;

    private MailProtocol(string scheme, int implicitPort, int startTlsPort, params int[] plainPorts)
    {
        Scheme = scheme;
        ImplicitPort = implicitPort;
        StartTlsPort = startTlsPort;
        _plainPorts = plainPorts;
    }

    public string Scheme { get; }

    /// <summary>The port where TLS starts with the first byte; 0 when the protocol is unknown.</summary>
    public int ImplicitPort { get; }

    /// <summary>The port for plain text followed by STARTTLS; 0 when the protocol is unknown.</summary>
    public int StartTlsPort { get; }

    public bool IsKnown => ImplicitPort != 0;

    /// <summary>A port where TLS starts with the first byte (any of 465/993/995 when the protocol is unknown).</summary>
    public bool IsImplicitPort(int port) => IsKnown ? port == ImplicitPort : IsAnyImplicitPort(port);

    /// <summary>A port that expects plain text followed by STARTTLS.</summary>
    public bool IsPlainPort(int port) => Array.IndexOf(_plainPorts, port) >= 0;

    public string DescribeImplicitPort() => IsKnown ? ImplicitPort.ToString(CultureInfo.InvariantCulture) : "465, 993 or 995";

    /// <summary>The port MailKit picks when the code gives none (0): the implicit port for TLS from the first byte, else 25 for SMTP, else the STARTTLS port.</summary>
    public int? DefaultPort(bool tlsFromFirstByte)
    {
        if (!IsKnown)
        {
            return null;
        }

        return tlsFromFirstByte ? ImplicitPort : this == Smtp ? 25 : StartTlsPort;
    }

    /// <summary>465, 993 or 995: the ports of TLS from the first byte.</summary>
    public static bool IsAnyImplicitPort(int port) => port is 465 or 993 or 995;

    /// <summary>The protocol of a mail Uri scheme (smtp, smtps, imap, imaps, pop, pops, pop3, pop3s); null for any other.</summary>
    public static MailProtocol? FromScheme(string scheme, out bool secure)
    {
        secure = scheme.EndsWith("s", StringComparison.Ordinal);
        var plain = secure ? scheme.Substring(0, scheme.Length - 1) : scheme;
        return plain switch
        {
            "smtp" => Smtp,
            "imap" => Imap,
            "pop" or "pop3" => Pop3,
            _ => null,
        };
    }
}
