using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmtpTlsAnalyzers.Sample.Insecure;

namespace SmtpTlsAnalyzers.Sample.Secure;

/// <summary>The same work as Insecure/MailKitConnections.cs, with TLS required.</summary>
public sealed class MailKitConnections
{
    private readonly string _user = "app";
    private readonly string _password = "secret";

    // Required STARTTLS on 587: the connection fails instead of going on in clear text.
    public void SendOverGmail(MimeMessage message)
    {
        using var client = new SmtpClient();
        client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
        client.Authenticate(_user, _password);
        client.Send(message);
        client.Disconnect(true);
    }

    // Implicit TLS on 995.
    public void ReadOverPop3s()
    {
        using var pop = new Pop3Client();
        pop.Connect("pop.example.com", 995, SecureSocketOptions.SslOnConnect);
        pop.Authenticate(_user, _password);
        pop.Disconnect(true);
    }

    // Each mode on the port that expects it.
    public async Task ConnectWithTheRightModeAsync(CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.SslOnConnect, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
        await smtp.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls, cancellationToken);
    }

    // Auto on 993 is implicit TLS; imaps:// too.
    public void ReadOverImaps()
    {
        using var imap = new ImapClient();
        imap.Connect("imap.example.com", 993);
        imap.Disconnect(true);
        imap.Connect(new Uri("imaps://imap.example.com"));
    }

    // The configured port picks the mode, and every mode requires TLS; or the configuration names the mode itself.
    public void SendWithConfiguredSecurity(MailSettings settings)
    {
        using var client = new SmtpClient();
        client.Connect(settings.Host, settings.Port, settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
        client.Disconnect(true);
        client.Connect(settings.Host, settings.Port, settings.Security);
    }

    // A local development sink (listed in smtp_tls_analyzers.plaintext_hosts by default) needs no TLS.
    public void SendToLocalSink(MimeMessage message)
    {
        using var client = new SmtpClient();
        client.Connect("localhost", 1025, SecureSocketOptions.None);
        client.Send(message);
    }
}
