using System.Net.Mail;

namespace TestConsumer.OptedIn;

// The consumer's .editorconfig opts this folder in (smtp_tls_analyzers.analyze_test_projects = true).
public sealed class OptedIn
{
    public void SslOff(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587);
        client.EnableSsl = false; // expect: SMTP001
        client.Send(message);
    }
}
