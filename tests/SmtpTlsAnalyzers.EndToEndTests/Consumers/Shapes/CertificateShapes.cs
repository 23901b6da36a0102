using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Shapes;

// Certificate validation, revocation, protocol versions and the protocol log, in MailKit and in the process-wide
// ServicePointManager that System.Net.Mail reads: statements, initializers, `+=` and `|=` side by side.
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete on .NET 9+, yet System.Net.Mail still reads it.
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are obsolete: that is the point of these lines.
public sealed class CertificateShapes
{
    public void AcceptEverything(ImapClient imap)
    {
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        smtp.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true; // expect: SMTP006
        imap.ServerCertificateValidationCallback = delegate { return true; }; // expect: SMTP006
        ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true; // expect: SMTP006
        using var initialized = new MailKit.Net.Smtp.SmtpClient { ServerCertificateValidationCallback = (s, c, h, e) => true }; // expect: SMTP006
    }

    public void ToleratePolicyErrors(ImapClient imap)
    {
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        smtp.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch; // expect: SMTP010
        imap.ServerCertificateValidationCallback = (s, c, h, e) => (e & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None; // expect: SMTP010
        ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors != SslPolicyErrors.RemoteCertificateNotAvailable; // expect: SMTP010
    }

    public void RevocationOff(ImapClient imap)
    {
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        smtp.CheckCertificateRevocation = false; // expect: SMTP007
        using var initialized = new MailKit.Net.Smtp.SmtpClient { CheckCertificateRevocation = false }; // expect: SMTP007
        ServicePointManager.CheckCertificateRevocationList = false; // expect: SMTP007
    }

    public void ObsoleteProtocols(ImapClient imap)
    {
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        smtp.SslProtocols = SslProtocols.Tls; // expect: SMTP008
        imap.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12; // expect: SMTP008
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls; // expect: SMTP008
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11; // expect: SMTP008
    }

    public void SecretsInLog()
    {
        using var logger = new ProtocolLogger("smtp.log");
        logger.RedactSecrets = false; // expect: SMTP012
        using var initialized = new ProtocolLogger("imap.log") { RedactSecrets = false }; // expect: SMTP012
    }
}
