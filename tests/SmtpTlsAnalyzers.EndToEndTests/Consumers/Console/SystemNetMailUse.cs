using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace Consumer;

// Markers: "// expect: ID[, ID] | fixed: text" on the line where each diagnostic starts. "fixed:" is a text the
// code fix (dotnet format) adds to the file. Markers of rules not yet in the README table are dormant.
public sealed class SystemNetMailUse
{
    public void SslOffWithCredentials(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587)
        {
            Credentials = new NetworkCredential("app", "secret"), // expect: SMTP009
            EnableSsl = false, // expect: SMTP001 | fixed: EnableSsl = true
        };
        client.Send(message);
    }

    public void SslOffByAssignment(MailMessage message)
    {
        var client = new SmtpClient();
        client.Host = "smtp.example.com";
        client.Port = 587;
        client.EnableSsl = false; // expect: SMTP001 | fixed: client.EnableSsl = true
        client.Send(message);
    }

    public async Task DefaultsAsync(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587); // expect: SMTP002 | fixed: EnableSsl = true
        await client.SendMailAsync(message);
    }

    public void ImplicitTlsPort(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 465) { EnableSsl = true }; // expect: SMTP005 | fixed: 587
        client.Send(message);
    }

    // Silent: a local sink (a default plaintext host), a secure client, and values the code does not fix.
    public void LocalSink(MailMessage message)
    {
        using var client = new SmtpClient("localhost", 25);
        client.Send(message);
    }

    public void Secure(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587)
        {
            Credentials = new NetworkCredential("app", "secret"),
            EnableSsl = true,
        };
        client.Send(message);
    }

    public void FromConfiguration(SmtpClient client, bool enableSsl, MailMessage message)
    {
        client.EnableSsl = enableSsl;
        client.Send(message);
    }
}
