using System.Linq;
using System.Threading.Tasks;
using SmtpTlsAnalyzers.Model;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>The per-file gate: which texts are bound and walked, and which cost one scan and nothing else.</summary>
public class MailGateTests
{
    [Theory]
    [InlineData("var c = new SmtpClient();")]
    [InlineData("ISmtpClient client;")]
    [InlineData("ImapClient imap;")]
    [InlineData("Pop3Client pop;")]
    [InlineData("client.EnableSsl = x;")]
    [InlineData("c.Connect(h, p, SecureSocketOptions.None);")]
    [InlineData("using MailKit;")]
    [InlineData("IMailService service;")]
    [InlineData("IMailTransport transport;")]
    [InlineData("MailStore store;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = cb;")]
    [InlineData("RemoteCertificateValidationCallback cb;")]
    [InlineData("ServicePointManager.CertificatePolicy = p;")]
    [InlineData("bool Check(object s, object c, object h, SslPolicyErrors e) => true;")]
    [InlineData("client.CheckCertificateRevocation = false;")]
    [InlineData("client.SslProtocols = p;")]
    [InlineData("ServicePointManager.SecurityProtocol = p;")]
    [InlineData("logger.RedactSecrets = false;")]
    [InlineData("c.Connect(new Uri(\"smtp://mail.example.com\"));")]
    [InlineData("c.Connect(new Uri(\"IMAPS://mail.example.com\"));")]
    [InlineData("var u = \"pop3://mail.example.com\";")]
    public void MailOrTlsNames_Pass(string text) => Assert.True(MailGate.Passes(text));

    [Theory]
    [InlineData("")]
    [InlineData("socket.Connect(host, port); session.Authenticate(user); queue.Send(message); var port = Port;")]
    [InlineData("var mail = user.Email; var url = \"https://example.com\"; var ssl = options.UseSsl;")]
    [InlineData("var u = \"http://smtp.example.com\"; // smtpHost, imapServer")]
    [InlineData("var address = new MailAddress(\"a@example.com\");")]
    [InlineData("var a = \"https://example.com\"; var b = \"xsmtp://example.com\"; var c = \"ftp://smtp.example.com\"; var d = \"://\";")]
    public void OrdinaryCode_Fails(string text) => Assert.False(MailGate.Passes(text));

    [Theory]
    [InlineData("var a = \"https://example.com\"; var b = new Uri(\"smtps://mail.example.com\");")]
    [InlineData("://smtp://")]
    [InlineData("var u = \"http://a\" + \"Pop3://b\";")]
    public void MailUriAfterOtherUris_Passes(string text) => Assert.True(MailGate.Passes(text));

    [Fact]
    public void EveryName_IsFoundThroughExactlyOneAnchor() =>
        Assert.Equal(
            MailGate.Names.Order(System.StringComparer.Ordinal),
            MailGate.Anchors.SelectMany(a => a.Names.Select(n => n.Name)).Order(System.StringComparer.Ordinal));

    public static System.Collections.Generic.IEnumerable<object[]> EveryName() => MailGate.Names.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(EveryName))]
    public void EveryName_PassesAnywhere_AfterDecoysOfItsAnchor(string name)
    {
        // Anchors without a name before it (Security, Ssl, Mail, Certificates, HttpClient...) must not stop the scan.
        const string decoys = "using System.Security.Cryptography; var Ssl = 1; MailAddress a; X509Certificate c; HttpClient h; TimeSpan.FromSeconds(1); Redact r; Secrets s; ";
        Assert.False(MailGate.Passes(decoys));
        Assert.True(MailGate.Passes(name));
        Assert.True(MailGate.Passes(decoys + name));
        Assert.True(MailGate.Passes(decoys + name + decoys));
        Assert.True(MailGate.Passes(name + decoys));
        Assert.False(MailGate.Passes(name.ToLowerInvariant()));
        Assert.True(MailGate.Passes(decoys + name.ToLowerInvariant(), ignoreCase: true));
        Assert.False(MailGate.Passes(decoys.ToUpperInvariant() + name.Substring(0, name.Length - 1).ToUpperInvariant(), ignoreCase: true));
        var cut = name.Substring(1);
        Assert.Equal(MailGate.Names.Any(n => cut.Contains(n, System.StringComparison.Ordinal)), MailGate.Passes(cut));
    }

    [Fact]
    public async Task ClientFromAFactoryInAFileThatNamesNoMailType_IsNotExamined()
    {
        // A documented limit of the gate: this file shows no mail code, so it costs one scan and nothing else, even
        // though the connection it makes is strippable STARTTLS. The factory's own file names MailKit.
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Notifier.cs", """
            class Notifier
            {
                private readonly ClientFactory _factory = new();

                void Notify(string user, string password)
                {
                    using var client = _factory.Create();
                    client.Connect("smtp.example.com", 25, false);
                    client.Authenticate(user, password);
                }
            }
            """));
        test.TestState.Sources.Add(("/0/ClientFactory.cs", """
            class ClientFactory
            {
                public MailKit.Net.Smtp.SmtpClient Create() => new();
            }
            """));
        await test.RunAsync();
    }
}
