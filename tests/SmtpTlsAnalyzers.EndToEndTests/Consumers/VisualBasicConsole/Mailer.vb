Imports System.Net
Imports System.Net.Mail
Imports System.Net.Security
Imports System.Security.Authentication
Imports System.Threading.Tasks
Imports MailKit
Imports MailKit.Security
Imports MailKitSmtpClient = MailKit.Net.Smtp.SmtpClient

' Visual Basic shapes of the insecure mail code; each marked line starts the diagnostics it lists.
Public Module Mailer
    Private Const UseSsl As Boolean = False

    Public Sub SendWithSslOff(message As MailMessage, cred As NetworkCredential)
        Using client As New SmtpClient("smtp.example.com", 587)
            client.Credentials = cred ' expect: SMTP009
            client.enablessl = UseSsl ' expect: SMTP001
            client.Send(message)
        End Using
    End Sub

    Public Sub SendWithDefaults(message As MailMessage)
        Using client As New SmtpClient("smtp.example.com", 587) ' expect: SMTP002
            client.Send(message)
        End Using
    End Sub

    Public Sub SendOnImplicitTlsPort(message As MailMessage)
        Using client As New SmtpClient("smtp.example.com", 465) With {.EnableSsl = True} ' expect: SMTP005
            client.Send(message)
        End Using
    End Sub

    Public Async Function SendOverMailKitAsync(user As String, password As String) As Task
        Using client As New MailKitSmtpClient()
            client.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True ' expect: SMTP006
            client.CheckCertificateRevocation = False ' expect: SMTP007
            client.SslProtocols = SslProtocols.Tls Or SslProtocols.Tls11 ' expect: SMTP008
            Await client.ConnectAsync("smtp.example.com", 587, False) ' expect: SMTP004
            Await client.AuthenticateAsync(user, password) ' expect: SMTP009
            client.Connect("smtp.example.com", 25, SecureSocketOptions.None) ' expect: SMTP003
        End Using
    End Function

    Public Sub ConnectConfigured(host As String, port As Integer)
        Using client As New MailKitSmtpClient(New ProtocolLogger("smtp.log") With {.RedactSecrets = False}) ' expect: SMTP012
            client.Connect(host, port) ' expect: SMTP013
        End Using
    End Sub

    ' The Visual Basic compiler prints the source lines under a diagnostic; a printed "error:" must not fail the build.
    Public Sub TrustEverythingAndLog(client As MailKitSmtpClient)
        client.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) ' expect: SMTP006
                                                         Console.WriteLine("TLS error: " & errors.ToString())
                                                         Return True
                                                     End Function
    End Sub

    Public Sub TrustNameMismatch()
        ServicePointManager.ServerCertificateValidationCallback = AddressOf Validate ' expect: SMTP010
    End Sub

    Private Function Validate(sender As Object, certificate As System.Security.Cryptography.X509Certificates.X509Certificate, chain As System.Security.Cryptography.X509Certificates.X509Chain, errors As SslPolicyErrors) As Boolean
        Select Case errors
            Case SslPolicyErrors.None, SslPolicyErrors.RemoteCertificateNameMismatch
                Return True
            Case Else
                Return False
        End Select
    End Function
End Module
