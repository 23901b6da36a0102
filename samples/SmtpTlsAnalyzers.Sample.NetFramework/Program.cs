using System.Net.Mail;

namespace SmtpTlsAnalyzers.Sample.NetFramework;

/// <summary>
/// Sends a report with the server, login and TLS setting of App.config: every SmtpClient constructor reads them on
/// .NET Framework, so the code has nothing to fix and SMTP011 points at App.config. The fix adds enableSsl="true" to
/// its network element.
/// </summary>
internal static class Program
{
    private static void Main()
    {
        using (var client = new SmtpClient())
        using (var message = new MailMessage("reports@example.com", "team@example.com", "Daily report", "All good."))
        {
            client.Send(message);
        }
    }
}
