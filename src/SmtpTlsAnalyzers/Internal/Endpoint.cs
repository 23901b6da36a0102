using System.Globalization;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>Names a server in a message: host and port when they are constants, something neutral otherwise.</summary>
internal static class Endpoint
{
    public static string Describe(string? host, int? port)
    {
        var hasHost = !string.IsNullOrWhiteSpace(host);
        if (hasHost && port is { } p)
        {
            return (host!.Contains(":") ? "[" + host + "]" : host) + ":" + p.ToString(CultureInfo.InvariantCulture);
        }

        if (hasHost)
        {
            return host!;
        }

        return port is { } portOnly ? "port " + portOnly.ToString(CultureInfo.InvariantCulture) : "the server";
    }
}
