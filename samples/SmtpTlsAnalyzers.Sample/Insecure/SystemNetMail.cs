using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.Sample.Insecure;

/// <summary>System.Net.Mail.SmtpClient used the ways that send mail and passwords in clear text.</summary>
public sealed class SystemNetMail
{
    private readonly string _user = "app";
    private readonly string _password = "secret";

    // SMTP001 (EnableSsl = false) and SMTP009 (the password goes out in clear text).
    public void SendWithSslOff(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587)
        {
            Credentials = new NetworkCredential(_user, _password),
            EnableSsl = false,
        };
        client.Send(message);
    }

    // SMTP002: EnableSsl is never set, and it defaults to false.
    public async Task SendWithDefaultsAsync(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587);
        await client.SendMailAsync(message);
    }

    // SMTP005: System.Net.Mail only speaks STARTTLS; on 465 the connection hangs until the timeout.
    public void SendOnImplicitTlsPort(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 465) { EnableSsl = true };
        client.Send(message);
    }
}
