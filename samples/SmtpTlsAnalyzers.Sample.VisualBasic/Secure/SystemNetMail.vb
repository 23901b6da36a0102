Imports System.Net
Imports System.Net.Mail
Imports System.Threading.Tasks

Namespace Secure

    ''' <summary>The same work as Insecure/SystemNetMail.vb, with TLS required.</summary>
    Public NotInheritable Class SystemNetMail
        Private ReadOnly _user As String = "app"
        Private ReadOnly _password As String = "secret"

        Public Sub SendWithSslOn(message As MailMessage)
            Using client As New SmtpClient("smtp.example.com", 587) With {.Credentials = New NetworkCredential(_user, _password), .EnableSsl = True}
                client.Send(message)
            End Using
        End Sub

        Public Async Function SendWithSslAsync(message As MailMessage) As Task
            Using client As New SmtpClient("smtp.example.com", 587)
                client.EnableSsl = True
                Await client.SendMailAsync(message)
            End Using
        End Function

        ' A local development sink (listed in smtp_tls_analyzers.plaintext_hosts by default) needs no TLS.
        Public Sub SendToLocalSink(message As MailMessage)
            Using client As New SmtpClient("localhost", 1025)
                client.Send(message)
            End Using
        End Sub
    End Class

End Namespace
