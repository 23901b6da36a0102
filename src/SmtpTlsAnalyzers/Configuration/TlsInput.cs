using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>Which TLS input of a mail connection a value feeds.</summary>
internal enum TlsInputKind
{
    /// <summary>System.Net.Mail.SmtpClient.EnableSsl: false is clear text.</summary>
    EnableSsl,

    /// <summary>The useSsl flag of MailKit's Connect: false is STARTTLS when available.</summary>
    UseSsl,

    /// <summary>The SecureSocketOptions argument of MailKit's Connect.</summary>
    SecureSocketOptions,

    /// <summary>A MailKit Connect without a mode argument: Auto, decided by the port.</summary>
    DefaultMode,
}

/// <summary>
/// One TLS input of a mail connection, as the code that makes the connection hands it over: the value (null for
/// <see cref="TlsInputKind.DefaultMode"/>), and the port and host operations of the same connection when it has them.
/// </summary>
internal sealed class TlsInput
{
    public TlsInput(TlsInputKind kind, IOperation site, IOperation? value, IOperation? port, bool portOmitted, IOperation? host, int implicitPort)
    {
        Kind = kind;
        Site = site;
        Value = value;
        Port = port;
        PortOmitted = portOmitted;
        Host = host;
        ImplicitPort = implicitPort;
    }

    public TlsInputKind Kind { get; }

    /// <summary>The assignment or Connect call that makes the connection.</summary>
    public IOperation Site { get; }

    public IOperation? Value { get; }

    public IOperation? Port { get; }

    /// <summary>True when Connect is called without a port (0: the protocol's default).</summary>
    public bool PortOmitted { get; }

    public IOperation? Host { get; }

    /// <summary>The implicit-TLS port of the client's protocol (465, 993, 995); 0 when the protocol is unknown.</summary>
    public int ImplicitPort { get; }

    public bool IsImplicitPort(int port) => ImplicitPort != 0 ? port == ImplicitPort : port is 465 or 993 or 995;
}
