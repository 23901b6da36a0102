using System.Net.Mail;
using System.Net.Security;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using MailKitSmtpClient = MailKit.Net.Smtp.SmtpClient;

namespace SmtpTlsAnalyzers.Sample.Secure;

/// <summary>The same jobs, with the server's certificate checked, current protocols and a redacted log.</summary>
public sealed class ServerIdentity
{
    private const string PinnedThumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    // Default validation: only a certificate without any SslPolicyErrors is accepted.
    public void SendTrustingEveryone(MimeMessage message)
    {
        using var client = new MailKitSmtpClient();
        client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
        client.Send(message);
        client.Disconnect(true);
    }

    // The global callback is left alone: System.Net.Mail validates the certificate.
    public void SendAfterGlobalTrustAll(SmtpClient smtp, MailMessage mail) => smtp.Send(mail);

    // A server with a private CA: pin its certificate instead of ignoring the errors. Revocation stays checked.
    public ImapClient CreateReader() => new ImapClient
    {
        ServerCertificateValidationCallback = (s, c, ch, e) =>
            e == SslPolicyErrors.None || (e == SslPolicyErrors.RemoteCertificateChainErrors && c?.GetCertHashString() == PinnedThumbprint),
    };

    // SslProtocols.None lets the operating system choose and block insecure protocols.
    public void AllowOldProtocols(IMailService client) => client.SslProtocols = System.Security.Authentication.SslProtocols.None;

    // RedactSecrets is true by default.
    public MailKitSmtpClient CreateLoggedClient() => new MailKitSmtpClient(new ProtocolLogger("smtp.log"));
}
