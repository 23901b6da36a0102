using System.Net.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shapes;

/// <summary>The "Mail" section of appsettings.json, which turns TLS off (SMTP014).</summary>
public sealed class MailOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public bool EnableSsl { get; set; }
    public bool UseSsl { get; set; }
    public SecureSocketOptions Security { get; set; }
}

public static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
}

// SMTP014 in shapes whose fixes edit appsettings.json (EnableSsl, the SecureSocketOptions value) and one whose fix
// edits the code (useSsl: false on 587): one Fix All makes both kinds of edit.
public sealed class ConfiguredShapes(IOptions<MailOptions> options)
{
    public void SystemNetMail(MailMessage message)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl }; // expect: SMTP014
        client.Send(message);
    }

    public void MailKitFlag()
    {
        var settings = options.Value;
        using var client = new MailKit.Net.Smtp.SmtpClient();
        client.Connect(settings.Host, settings.Port, settings.UseSsl); // expect: SMTP014
    }

    public void MailKitOptions()
    {
        var settings = options.Value;
        using var client = new MailKit.Net.Smtp.SmtpClient();
        client.Connect(settings.Host, settings.Port, settings.Security); // expect: SMTP014
    }
}
