using System.Net;
using System.Net.Mail;

namespace LegacyConsumer
{
    // .NET Framework 4.8: System.Net.Mail lives in System.dll. See the console consumer for the markers.
    public sealed class LegacyMailer
    {
        public void SslOffWithCredentials(MailMessage message)
        {
            using (var client = new SmtpClient("smtp.example.com", 587))
            {
                client.Credentials = new NetworkCredential("app", "secret"); // expect: SMTP009
                client.EnableSsl = false; // expect: SMTP001
                client.Send(message);
            }
        }

        // Silent: on .NET Framework the constructor reads EnableSsl from the mailSettings of App.config, so the
        // code of a client that never sets EnableSsl gets no warning; the configuration file does (SMTP011).
        public void Defaults(MailMessage message)
        {
            using (var client = new SmtpClient("smtp.example.com", 587))
            {
                client.Send(message);
            }
        }

        public void Secure(MailMessage message)
        {
            using (var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true })
            {
                client.Send(message);
            }
        }
    }
}
