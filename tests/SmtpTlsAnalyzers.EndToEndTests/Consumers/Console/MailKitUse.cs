using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Consumer;

// MailKit: one insecure shape per method, each on one line. See SystemNetMailUse.cs for the markers.
public sealed class MailKitUse
{
    public void WithoutTls()
    {
        using var client = new SmtpClient();
        client.Connect("smtp.example.com", 25, SecureSocketOptions.None); // expect: SMTP003
    }

    public void OpportunisticStartTls()
    {
        using var client = new SmtpClient();
        client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTlsWhenAvailable); // expect: SMTP004
    }

    public void AcceptsEveryCertificate()
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true; // expect: SMTP006
    }

    public void ToleratesNameMismatch()
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None || errors == System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch; // expect: SMTP010
    }

    public void LoginAfterStrippableStartTls(string user, string password)
    {
        using var client = new SmtpClient();
        client.Connect("smtp.example.com", 587, false); // expect: SMTP004
        client.Authenticate(user, password); // expect: SMTP009
    }

    public void RevocationOff()
    {
        using var client = new SmtpClient();
        client.CheckCertificateRevocation = false; // expect: SMTP007
    }

    public void ObsoleteProtocol()
    {
        using var client = new SmtpClient();
#pragma warning disable SYSLIB0039 // TLS 1.0 is obsolete: that is the point of this line.
        client.SslProtocols = SslProtocols.Tls; // expect: SMTP008
#pragma warning restore SYSLIB0039
    }

    public void SecretsInLog()
    {
        using var logger = new ProtocolLogger("smtp.log");
        logger.RedactSecrets = false; // expect: SMTP012
    }

    public void LeftToConfiguration(int port)
    {
        using var client = new SmtpClient();
        client.Connect("smtp.example.com", port); // expect: SMTP013
    }

    // Silent: TLS required on the port that expects it.
    public async Task SecureAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.SslOnConnect, cancellationToken);
        await client.AuthenticateAsync("app", "secret", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
