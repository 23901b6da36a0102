Imports System.Configuration
Imports System.Net.Mail
Imports System.Threading.Tasks
Imports Microsoft.Extensions.Configuration
Imports Microsoft.Extensions.DependencyInjection
Imports Microsoft.Extensions.Options
Imports MimeKit

Namespace Insecure

    ''' <summary>The "Mail" section of appsettings.json.</summary>
    Public NotInheritable Class MailOptions
        Public Property Host As String = ""
        Public Property Port As Integer
        Public Property UseSsl As Boolean
    End Class

    Public Module MailRegistration
        Public Sub AddMail(services As IServiceCollection, configuration As IConfiguration)
            services.Configure(Of MailOptions)(configuration.GetSection("Mail"))
        End Sub
    End Module

    ''' <summary>TLS settings read from the configuration files, which turn TLS off (SMTP014 points at the value).</summary>
    Public NotInheritable Class ConfiguredMail
        Private ReadOnly _options As MailOptions

        Public Sub New(options As IOptions(Of MailOptions))
            _options = options.Value
        End Sub

        ' SMTP014: the SmtpSsl key of App.config's appSettings is "false", so the mail goes out in clear text.
        Public Sub Send(message As MailMessage)
            Using client As New SmtpClient("smtp.example.com", 587)
                client.EnableSsl = Boolean.Parse(ConfigurationManager.AppSettings("SmtpSsl"))
                client.Send(message)
            End Using
        End Sub

        ' SMTP014: appsettings.json sets Mail:UseSsl to false on port 587, STARTTLS only when the server offers it.
        ' The fix requires STARTTLS in this call: true in the file would start TLS where 587 expects plain text first.
        Public Async Function SendWithMailKitAsync(message As MimeMessage) As Task
            Using client As New MailKit.Net.Smtp.SmtpClient()
                Await client.ConnectAsync(_options.Host, _options.Port, _options.UseSsl)
                Await client.SendAsync(message)
            End Using
        End Function
    End Class

End Namespace
