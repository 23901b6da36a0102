using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SmtpTlsAnalyzers.Sample.Insecure;

/// <summary>MailKit clients connected the ways that leave the login and the mail readable on the network.</summary>
public sealed class MailKitConnections
{
    private readonly string _user = "app";
    private readonly string _password = "secret";

    // SMTP004: useSsl: false means STARTTLS only when the server offers it; SMTP009: the password follows.
    public void SendOverGmail(MimeMessage message)
    {
        using var client = new SmtpClient();
        client.Connect("smtp.gmail.com", 587, false);
        client.Authenticate(_user, _password);
        client.Send(message);
        client.Disconnect(true);
    }

    // SMTP003: SecureSocketOptions.None never uses TLS; SMTP009: POP3 USER/PASS in clear text.
    public void ReadOverPlainPop3()
    {
        using var pop = new Pop3Client();
        pop.Connect("pop.example.com", 110, SecureSocketOptions.None);
        pop.Authenticate(_user, _password);
        pop.Disconnect(true);
    }

    // SMTP005: STARTTLS on the implicit-TLS port hangs or fails, and SslOnConnect on 587 fails the handshake.
    public async Task ConnectWithTheWrongModeAsync(CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.StartTls, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
        await smtp.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.SslOnConnect, cancellationToken);
    }

    // SMTP004: Auto on a port other than 993 is STARTTLS when available, and so is a plain imap:// Uri.
    public void ReadOverImap()
    {
        using var imap = new ImapClient();
        imap.Connect("imap.example.com", 143);
        imap.Disconnect(true);
        imap.Connect(new Uri("imap://imap.example.com"));
    }

    // SMTP013: TLS depends on configuration (a port from settings with Auto, and None on one path).
    public void SendWithConfiguredSecurity(MailSettings settings)
    {
        using var client = new SmtpClient();
        client.Connect(settings.Host, settings.Port);
        client.Disconnect(true);
        var options = settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        client.Connect(settings.Host, settings.Port, options);
    }
}

/// <summary>What an application reads from its configuration.</summary>
public sealed class MailSettings
{
    public string Host { get; set; } = "smtp.example.com";
    public int Port { get; set; } = 587;
    public bool UseTls { get; set; } = true;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
}
