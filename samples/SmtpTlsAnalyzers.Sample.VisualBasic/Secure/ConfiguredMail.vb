Imports System.Configuration
Imports System.Net.Mail
Imports System.Threading.Tasks
Imports MailKit.Security
Imports Microsoft.Extensions.Configuration
Imports Microsoft.Extensions.DependencyInjection
Imports Microsoft.Extensions.Options
Imports MimeKit

Namespace Secure

    ''' <summary>The "SecureMail" section of appsettings.json.</summary>
    Public NotInheritable Class MailOptions
        Public Property Host As String = ""
        Public Property Port As Integer
        Public Property Security As SecureSocketOptions = SecureSocketOptions.StartTls
    End Class

    Public Module MailRegistration
        Public Sub AddMail(services As IServiceCollection, configuration As IConfiguration)
            services.Configure(Of MailOptions)(configuration.GetSection("SecureMail"))
        End Sub
    End Module

    ''' <summary>The same work as Insecure/ConfiguredMail.vb, with configuration files that require TLS.</summary>
    Public NotInheritable Class ConfiguredMail
        Private ReadOnly _options As MailOptions

        Public Sub New(options As IOptions(Of MailOptions))
            _options = options.Value
        End Sub

        Public Sub Send(message As MailMessage)
            Using client As New SmtpClient("smtp.example.com", 587)
                client.EnableSsl = Boolean.Parse(ConfigurationManager.AppSettings("SecureSmtpSsl"))
                client.Send(message)
            End Using
        End Sub

        Public Async Function SendWithMailKitAsync(message As MimeMessage) As Task
            Using client As New MailKit.Net.Smtp.SmtpClient()
                Await client.ConnectAsync(_options.Host, _options.Port, _options.Security)
                Await client.SendAsync(message)
            End Using
        End Function
    End Class

End Namespace
