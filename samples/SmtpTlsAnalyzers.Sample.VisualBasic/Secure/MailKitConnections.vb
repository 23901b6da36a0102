Imports System.Threading
Imports System.Threading.Tasks
Imports MailKit.Net.Imap
Imports MailKit.Net.Pop3
Imports MailKit.Net.Smtp
Imports MailKit.Security
Imports MimeKit

Namespace Secure

    ''' <summary>The same work as Insecure/MailKitConnections.vb, with TLS required.</summary>
    Public NotInheritable Class MailKitConnections
        Private ReadOnly _user As String = "app"
        Private ReadOnly _password As String = "secret"

        ' Required STARTTLS on 587: the connection fails instead of going on in clear text.
        Public Sub SendOverGmail(message As MimeMessage)
            Using client As New SmtpClient()
                client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls)
                client.Authenticate(_user, _password)
                client.Send(message)
                client.Disconnect(True)
            End Using
        End Sub

        ' Implicit TLS on 995.
        Public Sub ReadOverPop3s()
            Using pop As New Pop3Client()
                pop.Connect("pop.example.com", 995, SecureSocketOptions.SslOnConnect)
                pop.Authenticate(_user, _password)
                pop.Disconnect(True)
            End Using
        End Sub

        ' Each mode on the port that expects it.
        Public Async Function ConnectWithTheRightModeAsync(cancellationToken As CancellationToken) As Task
            Using smtp As New SmtpClient()
                Await smtp.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.SslOnConnect, cancellationToken)
            End Using
        End Function

        ' Auto on 993 is implicit TLS.
        Public Sub ReadOverImaps()
            Using imap As New ImapClient()
                imap.Connect("imap.example.com", 993)
            End Using
        End Sub

        ' The configured port picks the mode, and every mode requires TLS.
        Public Sub SendWithConfiguredPort(host As String, port As Integer)
            Using client As New SmtpClient()
                client.Connect(host, port, If(port = 465, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))
            End Using
        End Sub
    End Class

End Namespace
