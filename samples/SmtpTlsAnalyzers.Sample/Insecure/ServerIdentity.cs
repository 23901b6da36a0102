using System.Net;
using System.Net.Mail;
using System.Net.Security;
using System.Security.Authentication;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using MailKitSmtpClient = MailKit.Net.Smtp.SmtpClient;

namespace SmtpTlsAnalyzers.Sample.Insecure;

/// <summary>TLS that never checks who the server is, or lets old protocols and passwords through.</summary>
public sealed class ServerIdentity
{
    // SMTP006: MailKit's FAQ workaround accepts every certificate, so anyone in the middle can pose as the server.
    public void SendTrustingEveryone(MimeMessage message)
    {
        using var client = new MailKitSmtpClient();
        client.ServerCertificateValidationCallback = (s, c, h, e) => true;
        client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
        client.Send(message);
        client.Disconnect(true);
    }

    // SMTP006: a process-wide accept-all callback also turns off validation for System.Net.Mail.
    public void SendAfterGlobalTrustAll(SmtpClient smtp, MailMessage mail)
    {
        ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true;
        smtp.Send(mail);
    }

    // SMTP010: a name mismatch is accepted without looking at the certificate.
    // SMTP007: revoked certificates are accepted.
    public ImapClient CreateReader() => new ImapClient
    {
        ServerCertificateValidationCallback = (s, c, ch, e) =>
            e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch,
        CheckCertificateRevocation = false,
    };

    // SMTP008: TLS 1.0 and 1.1 are deprecated (RFC 8996), for MailKit and for System.Net.Mail.
    public void AllowOldProtocols(IMailService client)
    {
#pragma warning disable SYSLIB0039 // The sample shows the obsolete values on purpose.
        client.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
#pragma warning restore SYSLIB0039
    }

    // SMTP012: the AUTH PLAIN/LOGIN credentials end up in the log file.
    public MailKitSmtpClient CreateLoggedClient() =>
        new MailKitSmtpClient(new ProtocolLogger("smtp.log") { RedactSecrets = false });
}
