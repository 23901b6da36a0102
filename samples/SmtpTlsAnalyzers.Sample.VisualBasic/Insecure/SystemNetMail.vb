Imports System.Net
Imports System.Net.Mail
Imports System.Threading.Tasks

Namespace Insecure

    ''' <summary>System.Net.Mail.SmtpClient used the ways that send mail and passwords in clear text.</summary>
    Public NotInheritable Class SystemNetMail
        Private ReadOnly _user As String = "app"
        Private ReadOnly _password As String = "secret"

        ' SMTP001 (EnableSsl = False) and SMTP009 (the password goes out in clear text).
        Public Sub SendWithSslOff(message As MailMessage)
            Using client As New SmtpClient("smtp.example.com", 587) With {.Credentials = New NetworkCredential(_user, _password), .EnableSsl = False}
                client.Send(message)
            End Using
        End Sub

        ' SMTP002: EnableSsl is never set, and neither App.config nor the code turns it on.
        Public Async Function SendWithDefaultsAsync(message As MailMessage) As Task
            Using client As New SmtpClient("smtp.example.com", 587)
                Await client.SendMailAsync(message)
            End Using
        End Function

        ' SMTP005: System.Net.Mail only speaks STARTTLS; on 465 the connection hangs until the timeout.
        Public Sub SendOnImplicitTlsPort(message As MailMessage)
            Using client As New SmtpClient("smtp.example.com", 465) With {.EnableSsl = True}
                client.Send(message)
            End Using
        End Sub
    End Class

End Namespace
