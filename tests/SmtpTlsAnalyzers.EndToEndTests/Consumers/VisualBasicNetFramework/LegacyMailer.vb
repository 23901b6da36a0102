Imports System.Configuration
Imports System.Net
Imports System.Net.Mail

' A .NET Framework 4.8 library: SmtpClient takes its settings from App.config.
Public Class LegacyMailer
    Public Sub Send(message As MailMessage)
        Using client As New SmtpClient()
            client.Send(message)
        End Using
    End Sub

    Public Sub SendReport(message As MailMessage)
        Using client As New SmtpClient("smtp.example.com", 587)
            client.EnableSsl = Boolean.Parse(ConfigurationManager.AppSettings("ReportsSmtpEnableSsl")) ' expect: SMTP014
            client.Send(message)
        End Using
    End Sub

    Public Sub TrustEveryone()
        ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True ' expect: SMTP006
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3 Or SecurityProtocolType.Tls ' expect: SMTP008
    End Sub
End Class
