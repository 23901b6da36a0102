using System;
using System.Net;
using System.Net.Mail;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace Shapes;

// Every rule that `dotnet format` can fix, in several shapes and both libraries side by side: one run per rule id
// must fix all of them. One shape per line, marked like the Console consumer. The connection rules are here, the
// certificate, protocol and log rules in CertificateShapes.cs, the configured TLS settings in ConfiguredShapes.cs.
public sealed class MixedShapes
{
    private const int ImplicitPort = 465;

    public void SystemNetMail(MailMessage message, string user, string password)
    {
        var plain = new SmtpClient("smtp.example.com", 587);
        plain.Credentials = new NetworkCredential(user, password); // expect: SMTP009
        plain.EnableSsl = false; // expect: SMTP001
        plain.Send(message);

        using var initialized = new SmtpClient("smtp.example.com", 587) { EnableSsl = false }; // expect: SMTP001
        initialized.Send(message);

        var unset = new SmtpClient("smtp.example.com", 587); // expect: SMTP002
        unset.Send(message);

        using var implicitTls = new SmtpClient("smtp.example.com", 465) { EnableSsl = true }; // expect: SMTP005
        implicitTls.Send(message);
    }

    public void MailKitUris(ImapClient imap, Pop3Client pop, MailKit.Net.Smtp.SmtpClient smtp)
    {
        smtp.Connect(new Uri("smtp://smtp.example.com:587/?starttls=never")); // expect: SMTP003
        imap.Connect(new Uri("imap://imap.example.com:143")); // expect: SMTP004
        pop.Connect(new Uri("pop://pop.example.com:110")); // expect: SMTP004
    }

    public void MailKitModes(ImapClient imap, MailKit.Net.Smtp.SmtpClient smtp, bool legacy, string user, string password)
    {
        imap.Connect("imap.example.com", 143, SecureSocketOptions.None); // expect: SMTP003
        smtp.Connect("smtp.example.com", 587, SecureSocketOptions.SslOnConnect); // expect: SMTP005
        smtp.Connect("smtp.example.com", ImplicitPort, SecureSocketOptions.StartTls); // expect: SMTP005
        var mode = legacy ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls; // expect: SMTP013
        imap.Connect("imap.example.com", 143, mode);
        var relayOptions = SecureSocketOptions.None;
        smtp.Connect("relay.example.com", 25, relayOptions); // expect: SMTP003

        using var login = new MailKit.Net.Smtp.SmtpClient();
        login.Connect("smtp.gmail.com", 587, false); // expect: SMTP004
        login.Authenticate(user, password); // expect: SMTP009
    }
}
