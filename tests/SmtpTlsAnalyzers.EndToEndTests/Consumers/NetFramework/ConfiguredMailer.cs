using System.Configuration;
using System.Net.Mail;

namespace LegacyConsumer
{
    // The TLS switch read from the appSettings of App.config, which turns it off.
    public sealed class ConfiguredMailer
    {
        public void Send(MailMessage message)
        {
            using (var client = new SmtpClient("smtp.example.com", 587))
            {
                client.EnableSsl = bool.Parse(ConfigurationManager.AppSettings["SmtpEnableSsl"]); // expect: SMTP014
                client.Send(message);
            }
        }
    }
}
