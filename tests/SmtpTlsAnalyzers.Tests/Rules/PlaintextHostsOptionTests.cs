using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.SmtpTlsAnalyzer>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// <c>smtp_tls_analyzers.plaintext_hosts</c>: a list replaces the defaults (localhost, 127.0.0.1, ::1); a list that
/// starts with <c>+</c> is added to them. Each case runs the package's analyzer (every rule) over one connection per host,
/// through each way the rules read a host: a System.Net.Mail client, a MailKit Connect with a host, a MailKit Uri,
/// a TLS setting of a MailKit client (the client's connections), a MailKit connection whose TLS depends on
/// configuration, and App.config.
/// </summary>
public class PlaintextHostsOptionTests
{
    private static readonly string[] Hosts = { "localhost", "127.0.0.1", "mailpit", "mailhog", "smtp.example.com" };

    /// <summary>A statement per host; <c>[[</c> and <c>]]</c> enclose what the rule reports when the host is not exempt.</summary>
    private static readonly Dictionary<string, (string Id, string Statements)> Shapes = new()
    {
        ["SystemNetMail"] = ("SMTP001", """
            var client = new System.Net.Mail.SmtpClient("{host}") { [[EnableSsl = false]] };
            client.Send(new System.Net.Mail.MailMessage());
            """),
        ["MailKitConnect"] = ("SMTP003", """
            using var client = new MailKit.Net.Smtp.SmtpClient();
            client.Connect("{host}", 25, [[MailKit.Security.SecureSocketOptions.None]]);
            """),
        ["MailKitUri"] = ("SMTP004", """
            using var client = new MailKit.Net.Smtp.SmtpClient();
            client.Connect([[new System.Uri("smtp://{host}:587")]]);
            """),
        ["MailKitTlsSetting"] = ("SMTP007", """
            using var client = new MailKit.Net.Smtp.SmtpClient();
            [[client.CheckCertificateRevocation = false]];
            client.Connect("{host}", 465, MailKit.Security.SecureSocketOptions.SslOnConnect);
            """),
        ["MailKitConfiguredPort"] = ("SMTP013", """
            using var client = new MailKit.Net.Smtp.SmtpClient();
            var port = System.Environment.ProcessorCount;
            [[client.Connect("{host}", port)]];
            """),
    };

    /// <summary>The option's value (null: not set) and the hosts it exempts.</summary>
    public static TheoryData<string, string?, string[]> Cases()
    {
        var values = new (string? Value, string[] Exempt)[]
        {
            (null, new[] { "localhost", "127.0.0.1" }),
            // A list replaces the defaults: localhost reports again.
            ("mailpit, mailhog", new[] { "mailpit", "mailhog" }),
            ("localhost", new[] { "localhost" }),
            // A leading '+' adds to the defaults, with or without a space, whatever the separators.
            ("+ mailpit, mailhog", new[] { "localhost", "127.0.0.1", "mailpit", "mailhog" }),
            ("+mailpit", new[] { "localhost", "127.0.0.1", "mailpit" }),
            ("  +  mailhog,mailpit", new[] { "localhost", "127.0.0.1", "mailpit", "mailhog" }),
            ("+", new[] { "localhost", "127.0.0.1" }),
        };
        var data = new TheoryData<string, string?, string[]>();
        foreach (var shape in Shapes.Keys)
        {
            foreach (var (value, exempt) in values)
            {
                data.Add(shape, value, exempt);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Option_ExemptsExactlyTheListedHosts(string shape, string? value, string[] exempt)
    {
        var (id, statements) = Shapes[shape];
        var methods = Hosts.Select((host, i) =>
        {
            var body = statements.Replace("{host}", host, System.StringComparison.Ordinal)
                .Replace("[[", exempt.Contains(host) ? "" : $"{{|#{i}:", System.StringComparison.Ordinal)
                .Replace("]]", exempt.Contains(host) ? "" : "|}", System.StringComparison.Ordinal);
            return $"    void Connect{i}()\n    {{\n{Indent(body, 8)}\n    }}";
        });
        var test = new Verify.Test { TestCode = "class Mailer\n{\n" + string.Join("\n\n", methods) + "\n}\n" };
        if (value is not null)
        {
            test.WithEditorConfig(AnalyzerSettings.PlaintextHostsKey + " = " + value);
        }

        for (var i = 0; i < Hosts.Length; i++)
        {
            if (!exempt.Contains(Hosts[i]))
            {
                test.ExpectedDiagnostics.Add(Reported(id).WithLocation(i));
            }
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Option_IsReadForEachFile()
    {
        // One type per file, the same connection in each; only the dev folder's section lists mailpit.
        static string Mailer(string name, string connect) => $$"""
            class {{name}}
            {
                void Connect()
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("mailpit", 25, {{connect}});
                }
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/src/dev/DevMailer.cs", Mailer("DevMailer", "MailKit.Security.SecureSocketOptions.None")));
        test.TestState.Sources.Add(("/src/app/AppMailer.cs", Mailer("AppMailer", "{|#0:MailKit.Security.SecureSocketOptions.None|}")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[/src/dev/*.cs]\n{AnalyzerSettings.PlaintextHostsKey} = mailpit\n"));
        test.ExpectedDiagnostics.Add(Reported("SMTP003").WithLocation(0));

        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(null, "localhost", false)]
    [InlineData(null, "mailpit", true)]
    [InlineData("mailpit", "localhost", true)]
    [InlineData("mailpit", "mailpit", false)]
    [InlineData("+ mailpit", "localhost", false)]
    [InlineData("+ mailpit", "mailpit", false)]
    [InlineData("+ mailpit", "smtp.example.com", true)]
    public async Task AppConfig_FollowsTheSameForms(string? value, string host, bool reported)
    {
        const string code = """
            class Mailer
            {
                void Send(System.Net.Mail.MailMessage message)
                {
                    using (var client = new System.Net.Mail.SmtpClient())
                    {
                        client.Send(message);
                    }
                }
            }
            """;
        var network = reported ? "{|#0:network|}" : "network";
        var config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <{network} host="{host}" port="25" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        var test = new Verify.Test { TestCode = code };
        test.OnNetFramework48();
        test.TestState.AdditionalFiles.Add(("/src/App.config", config));
        if (value is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.config]\n{AnalyzerSettings.PlaintextHostsKey} = {value}\n"));
        }

        if (reported)
        {
            test.ExpectedDiagnostics.Add(Reported("SMTP011").WithLocation(0));
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// A diagnostic of the rule at its default severity. Where it is and which rule matter here; the message and
    /// the related locations are each rule's own tests' business.
    /// </summary>
    private static DiagnosticResult Reported(string id) =>
        new DiagnosticResult(id, Verify.FindDescriptor(id).DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Replace("\r", "", System.StringComparison.Ordinal).Split('\n').Select(l => new string(' ', spaces) + l));
}
