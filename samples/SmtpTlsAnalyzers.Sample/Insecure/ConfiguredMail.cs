using System.Net.Mail;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmtpTlsAnalyzers.Sample.Insecure;

/// <summary>The "Mail" section of appsettings.json.</summary>
public sealed class MailOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public bool EnableSsl { get; set; }
    public bool UseSsl { get; set; }
}

public static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
}

/// <summary>TLS settings read from appsettings.json, where they turn TLS off (SMTP014 points at the file).</summary>
public sealed class ConfiguredMail(IOptions<MailOptions> options)
{
    public void Send(MailMessage message)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        client.Send(message);
    }

    public async Task SendWithMailKitAsync(MimeKit.MimeMessage message)
    {
        var settings = options.Value;
        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseSsl);
        await client.SendAsync(message);
    }
}
