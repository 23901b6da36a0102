using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.Sample.Secure;

/// <summary>The same work as Insecure/SystemNetMail.cs, with TLS required.</summary>
public sealed class SystemNetMail
{
    private readonly string _user = "app";
    private readonly string _password = "secret";

    public void SendWithSslOn(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587)
        {
            Credentials = new NetworkCredential(_user, _password),
            EnableSsl = true,
        };
        client.Send(message);
    }

    public async Task SendWithSslAsync(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
        await client.SendMailAsync(message);
    }

    // A local development sink (listed in smtp_tls_analyzers.plaintext_hosts by default) needs no TLS.
    public void SendToLocalSink(MailMessage message)
    {
        using var client = new SmtpClient("localhost", 1025);
        client.Send(message);
    }

    // A pickup directory never touches the network; EnableSsl = true would even throw there.
    public void WriteToPickupDirectory(MailMessage message)
    {
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = "/tmp/mail",
        };
        client.Send(message);
    }
}
