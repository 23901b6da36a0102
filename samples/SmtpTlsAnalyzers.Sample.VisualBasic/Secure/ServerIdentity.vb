Imports System.Net.Mail
Imports System.Net.Security
Imports MailKit
Imports MailKit.Net.Imap
Imports MailKit.Security
Imports MimeKit
Imports MailKitSmtpClient = MailKit.Net.Smtp.SmtpClient

Namespace Secure

    ''' <summary>The same jobs, with the server's certificate checked, current protocols and a redacted log.</summary>
    Public NotInheritable Class ServerIdentity
        Private Const PinnedThumbprint As String = "0123456789ABCDEF0123456789ABCDEF01234567"

        ' Default validation: only a certificate without any SslPolicyErrors is accepted.
        Public Sub SendTrustingEveryone(message As MimeMessage)
            Using client As New MailKitSmtpClient()
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect)
                client.Send(message)
            End Using
        End Sub

        ' The global callback is left alone: System.Net.Mail validates the certificate.
        Public Sub SendAfterGlobalTrustAll(smtp As SmtpClient, mail As MailMessage)
            smtp.Send(mail)
        End Sub

        ' A server with a private CA: pin its certificate instead of ignoring the errors. Revocation stays checked.
        Public Function CreateReader() As ImapClient
            Return New ImapClient With {
                .ServerCertificateValidationCallback =
                    Function(sender, certificate, chain, errors)
                        Return errors = SslPolicyErrors.None OrElse
                            (errors = SslPolicyErrors.RemoteCertificateChainErrors AndAlso certificate IsNot Nothing AndAlso certificate.GetCertHashString() = PinnedThumbprint)
                    End Function
            }
        End Function

        ' SslProtocols.None lets the operating system choose and block insecure protocols.
        Public Sub AllowOldProtocols(client As IMailService)
            client.SslProtocols = System.Security.Authentication.SslProtocols.None
        End Sub

        ' RedactSecrets is true by default.
        Public Function CreateLoggedClient() As MailKitSmtpClient
            Return New MailKitSmtpClient(New ProtocolLogger("smtp.log"))
        End Function
    End Class

End Namespace
