Imports System.Net
Imports System.Net.Mail
Imports System.Net.Security
Imports System.Security.Authentication
Imports System.Security.Cryptography.X509Certificates
Imports MailKit
Imports MailKit.Net.Imap
Imports MailKit.Security
Imports MimeKit
Imports MailKitSmtpClient = MailKit.Net.Smtp.SmtpClient

Namespace Insecure

    ''' <summary>TLS that never checks who the server is, or lets old protocols and passwords through.</summary>
    Public NotInheritable Class ServerIdentity

        ' SMTP006: the accept-all workaround, so anyone in the middle can pose as the server.
        Public Sub SendTrustingEveryone(message As MimeMessage)
            Using client As New MailKitSmtpClient()
                client.ServerCertificateValidationCallback = AddressOf AcceptAll
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
                client.Send(message)
            End Using
        End Sub

        ' SMTP006: a process-wide accept-all callback also turns off validation for System.Net.Mail.
        Public Sub SendAfterGlobalTrustAll(smtp As SmtpClient, mail As MailMessage)
            ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True
            smtp.Send(mail)
        End Sub

        ' SMTP010: a name mismatch is accepted without looking at the certificate. SMTP007: revoked certificates pass.
        Public Function CreateReader() As ImapClient
            Return New ImapClient With {
                .ServerCertificateValidationCallback = AddressOf ToleratesNameMismatch,
                .CheckCertificateRevocation = False
            }
        End Function

        ' SMTP008: TLS 1.0 and 1.1 are deprecated (RFC 8996), for MailKit and for System.Net.Mail.
        Public Sub AllowOldProtocols(client As IMailService)
            client.SslProtocols = SslProtocols.Tls Or SslProtocols.Tls11 Or SslProtocols.Tls12
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls Or SecurityProtocolType.Tls11
        End Sub

        ' SMTP012: the AUTH PLAIN/LOGIN credentials end up in the log file.
        Public Function CreateLoggedClient() As MailKitSmtpClient
            Return New MailKitSmtpClient(New ProtocolLogger("smtp.log") With {.RedactSecrets = False})
        End Function

        Private Shared Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
            Return True
        End Function

        Private Shared Function ToleratesNameMismatch(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
            Select Case errors
                Case SslPolicyErrors.None, SslPolicyErrors.RemoteCertificateNameMismatch
                    Return True
                Case Else
                    Return False
            End Select
        End Function
    End Class

End Namespace
