Imports System.Threading
Imports System.Threading.Tasks
Imports MailKit.Net.Imap
Imports MailKit.Net.Pop3
Imports MailKit.Net.Smtp
Imports MailKit.Security
Imports MimeKit

Namespace Insecure

    ''' <summary>MailKit clients connected the ways that leave the login and the mail readable on the network.</summary>
    Public NotInheritable Class MailKitConnections
        Private ReadOnly _user As String = "app"
        Private ReadOnly _password As String = "secret"

        ' SMTP004: useSsl False means STARTTLS only when the server offers it; SMTP009: the password follows.
        Public Sub SendOverGmail(message As MimeMessage)
            Using client As New SmtpClient()
                client.Connect("smtp.gmail.com", 587, False)
                client.Authenticate(_user, _password)
                client.Send(message)
                client.Disconnect(True)
            End Using
        End Sub

        ' SMTP003: SecureSocketOptions.None never uses TLS; SMTP009: POP3 USER/PASS in clear text.
        Public Sub ReadOverPlainPop3()
            Using pop As New Pop3Client()
                pop.Connect("pop.example.com", 110, SecureSocketOptions.None)
                pop.Authenticate(_user, _password)
                pop.Disconnect(True)
            End Using
        End Sub

        ' SMTP005: STARTTLS on the implicit-TLS port hangs or fails.
        Public Async Function ConnectWithTheWrongModeAsync(cancellationToken As CancellationToken) As Task
            Using smtp As New SmtpClient()
                Await smtp.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.StartTls, cancellationToken)
            End Using
        End Function

        ' SMTP004: Auto on a port other than 993 is STARTTLS when available.
        Public Sub ReadOverImap()
            Using imap As New ImapClient()
                imap.Connect("imap.example.com", 143)
            End Using
        End Sub

        ' SMTP013: TLS depends on configuration (a port from settings with Auto).
        Public Sub SendWithConfiguredPort(host As String, port As Integer)
            Using client As New SmtpClient()
                client.Connect(host, port)
            End Using
        End Sub
    End Class

End Namespace
