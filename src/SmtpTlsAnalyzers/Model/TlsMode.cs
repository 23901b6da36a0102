namespace SmtpTlsAnalyzers.Model;

/// <summary>The TLS modes of a MailKit connection, named after <c>MailKit.Security.SecureSocketOptions</c>.</summary>
internal enum TlsMode
{
    Unknown,
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
}

/// <summary>The one wording of TLS modes in messages.</summary>
internal static class TlsModeText
{
    public static string Option(TlsMode mode) => mode switch
    {
        TlsMode.None => "SecureSocketOptions.None",
        TlsMode.Auto => "SecureSocketOptions.Auto",
        TlsMode.SslOnConnect => "SecureSocketOptions.SslOnConnect",
        TlsMode.StartTls => "SecureSocketOptions.StartTls",
        TlsMode.StartTlsWhenAvailable => "SecureSocketOptions.StartTlsWhenAvailable",
        _ => "SecureSocketOptions.Unknown",
    };

    public static string UseSsl(bool useSsl) => useSsl ? "useSsl: true" : "useSsl: false (STARTTLS when available)";

    public const string AutoByDefault = "SecureSocketOptions.Auto (the default)";

    public const string WhenAvailable = " (STARTTLS when available)";

    /// <summary>
    /// Auto on a port the endpoint already names: says why it is opportunistic there rather than name the port again.
    /// </summary>
    public static string AutoOnOtherPort(string modeText, string implicitPorts)
    {
        var why = "STARTTLS when available on any port but " + implicitPorts;
        return modeText == AutoByDefault ? "SecureSocketOptions.Auto (the default; " + why + ")" : modeText + " (" + why + ")";
    }

    /// <summary>Why a mode fails on a port, and what to use instead.</summary>
    public static string PortMismatchReason(string port, bool tlsFromFirstByte, string useInstead) => tlsFromFirstByte
        ? "a server on port " + port + " expects plain text followed by STARTTLS, so the TLS handshake fails; use " + useInstead
        : "a server on port " + port + " expects TLS from the first byte, so the connection hangs or fails; use " + useInstead;
}
