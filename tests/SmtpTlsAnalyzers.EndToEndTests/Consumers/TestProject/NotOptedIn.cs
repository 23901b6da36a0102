using System.Net.Mail;

namespace TestConsumer;

// A test project is not analyzed unless smtp_tls_analyzers.analyze_test_projects is true: nothing here is reported.
public sealed class NotOptedIn
{
    public void SslOff(MailMessage message)
    {
        using var client = new SmtpClient("smtp.example.com", 587);
        client.EnableSsl = false;
        client.Send(message);
    }
}
