using System.Threading.Tasks;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using static SmtpTlsAnalyzers.Tests.Rules.MailKitExpect;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.MailKitConnectFixes>;
using VerifyMailKitVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;
using FixSmtp013VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.TlsLeftToConfigurationRule>, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsLeftToConfigurationCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP013: whether a MailKit connection uses TLS depends on configuration.</summary>
public class TlsLeftToConfigurationTests
{
    private const string AutoOnConfiguredPort = "the port comes from a value the code does not fix, and SecureSocketOptions.Auto uses TLS from the first byte only on port {0}; on any other port it uses STARTTLS only when the server offers it";
    private const string ConfiguredFlag = "useSsl comes from a value the code does not fix, and useSsl: false means STARTTLS only when the server offers it";
    private const string NoneOnOnePath = "on one path it is SecureSocketOptions.None, which turns TLS off";

    private const string ConditionalSource = """
        using MailKit.Net.Smtp;
        using MailKit.Security;

        class Config { public bool EnableSsl { get; set; } }

        class Mailer
        {
            void Send(SmtpClient c, Config cfg, string h, int p)
            {
                var o = cfg.EnableSsl ? SecureSocketOptions.StartTls : {|#0:SecureSocketOptions.None|};
                c.Connect(h, p, o);
            }
        }
        """;

    [Fact]
    public async Task ConditionalYieldingNone_ReportsAtTheConstantAndFixes()
    {
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Config { public bool EnableSsl { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, Config cfg, string h, int p)
                {
                    var o = cfg.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTls;
                    c.Connect(h, p, o);
                }
            }
            """;

        await FixAsync(ConditionalSource, new[] { Diagnostic("SMTP013", 0, NoneOnOnePath) }, fixedSource, MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task ReadonlyFieldChosenInTheConstructor_ReportsWhereNoneIsWrittenAndFixes()
    {
        // An email service that maps a setting to its mode once, in the constructor, and connects with the field.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class SmtpEmailService
            {
                private readonly string _host;
                private readonly int _port;
                private readonly SecureSocketOptions _secureSocketOptions;

                public SmtpEmailService(string host, int port, string security)
                {
                    _host = host;
                    _port = port;
                    _secureSocketOptions = security switch
                    {
                        "none" => {|#0:SecureSocketOptions.None|},
                        "ssl" => SecureSocketOptions.SslOnConnect,
                        _ => SecureSocketOptions.StartTls,
                    };
                }

                public void Send(SmtpClient client) => client.Connect(_host, _port, _secureSocketOptions);
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, NoneOnOnePath) },
            source.Replace("{|#0:SecureSocketOptions.None|}", "SecureSocketOptions.StartTls", System.StringComparison.Ordinal),
            MailKitConnectFixes.UseStartTlsKey);
    }

    [Theory]
    [InlineData(MailKitConnectFixes.UsePortAwareModeKey, "rule.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls")]
    [InlineData(MailKitConnectFixes.UseStartTlsKey, "SecureSocketOptions.StartTls")]
    [InlineData(MailKitConnectFixes.UseSslOnConnectKey, "SecureSocketOptions.SslOnConnect")]
    public async Task ConditionalYieldingAutoOnAConfiguredPort_ReportsAtAutoAndFixes(string key, string replacement)
    {
        // The "no SSL" choice is Auto on a port read from settings: TLS from the first byte on 465, opportunistic
        // STARTTLS anywhere else, the same as Connect(host, port) with Auto by default. The constant is in the call's
        // own argument, beside the port, so the first fix chooses by that port and keeps 465 working.
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class RelayRule { public string SmtpServer { get; set; } = ""; public int SmtpPort { get; set; } public bool SmtpUseSSL { get; set; } }

            static class Relay
            {
                public static async Task<SmtpClient> ConnectAsync(RelayRule rule, CancellationToken token)
                {
                    var client = new SmtpClient();
                    await client.ConnectAsync(rule.SmtpServer, rule.SmtpPort, rule.SmtpUseSSL ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|}, token);
                    return client;
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, AutoOnOnePath(465)) },
            source.Replace("{|#0:SecureSocketOptions.Auto|}", replacement, System.StringComparison.Ordinal),
            key);
    }

    [Fact]
    public async Task TwoConstantsInOneArgument_FixAllChoosesByPortForEach()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public bool Plain { get; set; } public bool Ssl { get; set; } public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, Settings s) =>
                    c.Connect("smtp.example.com", s.Port, s.Plain ? {|#0:SecureSocketOptions.None|} : s.Ssl ? SecureSocketOptions.SslOnConnect : {|#1:SecureSocketOptions.Auto|});
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, NoneOnOnePath), Diagnostic("SMTP013", 1, AutoOnOnePath(465)) },
            source
                .Replace("{|#0:SecureSocketOptions.None|}", "(s.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls)", System.StringComparison.Ordinal)
                .Replace("{|#1:SecureSocketOptions.Auto|}", "s.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls", System.StringComparison.Ordinal),
            MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task FallbackOfAConfiguredMode_FixesByThePortInParentheses()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Settings { public SecureSocketOptions? Security { get; set; } public int Port { get; set; } }

            class Reader
            {
                void Open(ImapClient c, Settings settings) => c.Connect("imap.example.com", settings.Port, settings.Security ?? {|#0:SecureSocketOptions.None|});
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, NoneOnOnePath) },
            source.Replace("{|#0:SecureSocketOptions.None|}", "(settings.Port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls)"),
            MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task AutoOnAPortChosenBetweenTwoNumbers_FixChoosesTheModeTheSameWay()
    {
        // StartTls alone would break the 465 path, which Auto handled: the mode follows the port's own condition.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool implicitTls) => c.Connect("smtp.example.com", implicitTls ? 465 : 587, {|#0:SecureSocketOptions.Auto|});
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, string.Format(System.Globalization.CultureInfo.InvariantCulture, AutoOnConfiguredPort, 465)) },
            source.Replace("{|#0:SecureSocketOptions.Auto|}", "implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls", System.StringComparison.Ordinal),
            MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task PortACallInTheCall_NoChoiceByPort()
    {
        // A port read through a call could give another value when read again: only the plain choices are offered.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public bool Ssl { get; set; } public int Port { get; set; } public int GetPort() => Port; }

            class Mailer
            {
                void Send(SmtpClient c, Settings s) => c.Connect("smtp.example.com", s.GetPort(), s.Ssl ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|});
            }
            """;

        await NotOfferedAsync(source, MailKitConnectFixes.UsePortAwareModeKey, Diagnostic("SMTP013", 0, AutoOnOnePath(465)));
    }

    [Theory]
    [InlineData("byte")]
    [InlineData("Port")]
    public async Task PortThatCannotBeComparedWith465_NoChoiceByPort(string portType)
    {
        // A byte never holds 465 (CS0652), and a type with its own conversion compares by its own rules.
        var source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            struct Port { public int Value; public static implicit operator int(Port p) => p.Value; }

            class Settings { public bool Ssl { get; set; } public PORTTYPE Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, Settings s)
                {
                    c.Connect("smtp.example.com", s.Port, s.Ssl ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|});
                    {|#1:c.Connect("smtp.example.com", s.Port)|};
                }
            }
            """.Replace("PORTTYPE", portType, System.StringComparison.Ordinal);

        await NotOfferedAsync(
            source,
            MailKitConnectFixes.UsePortAwareModeKey,
            Diagnostic("SMTP013", 0, AutoOnOnePath(465)),
            Diagnostic("SMTP013", 1, string.Format(System.Globalization.CultureInfo.InvariantCulture, AutoOnConfiguredPort, 465)));
    }

    [Fact]
    public async Task PortHiddenByAPatternVariableAtTheConstant_NoChoiceByPortThere()
    {
        // In the first arm, Port is the pattern variable: a comparison copied there would read it, not the property.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                public int Port { get; set; }
                public object Security { get; set; }

                void Send(SmtpClient c) => c.Connect("smtp.example.com", Port, Security switch
                {
                    int Port when Port > 0 => {|#0:SecureSocketOptions.Auto|},
                    string => {|#1:SecureSocketOptions.Auto|},
                    _ => SecureSocketOptions.SslOnConnect,
                });
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, AutoOnOnePath(465)), Diagnostic("SMTP013", 1, AutoOnOnePath(465)) },
            source.Replace("{|#1:SecureSocketOptions.Auto|}", "Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls", System.StringComparison.Ordinal)
                .Replace("{|#0:SecureSocketOptions.Auto|}", "{|#0:SecureSocketOptions.Auto|}", System.StringComparison.Ordinal),
            MailKitConnectFixes.UsePortAwareModeKey,
            Diagnostic("SMTP013", 0, AutoOnOnePath(465)));
    }

    [Fact]
    public async Task ConstantOutsideTheCall_NoChoiceByPort()
    {
        // The port argument is not at hand where the local is written; StartTls and SslOnConnect are offered there.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public bool Ssl { get; set; } public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, Settings s)
                {
                    var mode = s.Ssl ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|};
                    c.Connect("smtp.example.com", s.Port, mode);
                }
            }
            """;

        await NotOfferedAsync(source, MailKitConnectFixes.UsePortAwareModeKey, Diagnostic("SMTP013", 0, AutoOnOnePath(465)));
    }

    [Fact]
    public async Task AutoChosenOnlyOnTheImplicitPort_NoDiagnostic_OtherPortReported()
    {
        // On the path the condition takes, the port is 465: Auto uses TLS from the first byte there.
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Options { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Connector
            {
                Task Equals465(SmtpClient c, Options o, CancellationToken ct) =>
                    c.ConnectAsync(o.Host, o.Port, o.Port == 465 ? SecureSocketOptions.Auto : SecureSocketOptions.StartTls, ct);

                Task NotEquals465(SmtpClient c, Options o, CancellationToken ct) =>
                    c.ConnectAsync(o.Host, o.Port, 465 != o.Port ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);

                void Switch(SmtpClient c, int port) =>
                    c.Connect("smtp.example.com", port, port switch { 465 => SecureSocketOptions.Auto, _ => SecureSocketOptions.StartTls });

                void AnotherValue(SmtpClient c, Options o, int other) =>
                    c.Connect(o.Host, o.Port, other == 465 ? {|#0:SecureSocketOptions.Auto|} : SecureSocketOptions.StartTls);
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, AutoOnOnePath(465)));
    }

    [Fact]
    public async Task AutoAsTheFallbackOfAConfiguredMode_ReportsAtAuto()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Settings { public SecureSocketOptions? Security { get; set; } public int Port { get; set; } }

            class Reader
            {
                void Open(ImapClient c, Settings settings) => c.Connect("imap.example.com", settings.Port, settings.Security ?? {|#0:SecureSocketOptions.Auto|});
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, AutoOnOnePath(993)));
    }

    [Fact]
    public async Task HelperReturningAutoWithAConfiguredPort_ReportsAtTheReturn()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public bool Ssl { get; set; } public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, Settings s) => c.Connect("smtp.example.com", s.Port, Mode(s.Ssl));

                static SecureSocketOptions Mode(bool ssl)
                {
                    if (ssl)
                    {
                        return SecureSocketOptions.SslOnConnect;
                    }

                    return {|#0:SecureSocketOptions.Auto|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, AutoOnOnePath(465)));
    }

    [Fact]
    public async Task AutoOnOnePath_PortAConstantOrASetting_ReportsAtAuto()
    {
        // One of the port's values is not a constant: on that path Auto depends on what the settings say.
        const string source = """
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Settings { public bool Ssl { get; set; } public bool CustomPort { get; set; } public int Port { get; set; } }

            class Reader
            {
                void Open(Pop3Client c, Settings s)
                {
                    var port = 110;
                    if (s.CustomPort)
                    {
                        port = s.Port;
                    }

                    c.Connect("pop.example.com", port, s.Ssl ? SecureSocketOptions.SslOnConnect : {|#0:SecureSocketOptions.Auto|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, AutoOnOnePath(995)));
    }

    [Fact]
    public async Task ConditionalYieldingAutoOnAConstantPort_ReportsOnlyWhereThePortMakesItOpportunistic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send(SmtpClient c, bool useSsl)
                {
                    c.Connect("smtp.example.com", 465, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.Auto);
                    c.Connect("smtp.example.com", 587, useSsl ? SecureSocketOptions.StartTls : {|#0:SecureSocketOptions.Auto|});
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Diagnostic("SMTP013", 0, "on one path it is SecureSocketOptions.Auto, which uses STARTTLS only when the server offers it"));
    }

    [Fact]
    public async Task ConditionalYieldingNone_SslOnConnectAlternative()
    {
        await FixAsync(
            ConditionalSource,
            new[] { Diagnostic("SMTP013", 0, NoneOnOnePath) },
            ConditionalSource.Replace("{|#0:SecureSocketOptions.None|}", "SecureSocketOptions.SslOnConnect"),
            MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task SwitchArmsAndDefaultArm_ReportEachInsecureConstant()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                void Read(ImapClient imap, string mode)
                {
                    var options = mode switch
                    {
                        "tls" => SecureSocketOptions.SslOnConnect,
                        "opportunistic" => {|#0:SecureSocketOptions.StartTlsWhenAvailable|},
                        _ => {|#1:SecureSocketOptions.None|},
                    };
                    imap.Connect("imap.x.com", 993, options);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            class Reader
            {
                void Read(ImapClient imap, string mode)
                {
                    var options = mode switch
                    {
                        "tls" => SecureSocketOptions.SslOnConnect,
                        "opportunistic" => SecureSocketOptions.SslOnConnect,
                        _ => SecureSocketOptions.SslOnConnect,
                    };
                    imap.Connect("imap.x.com", 993, options);
                }
            }
            """;

        await FixAsync(
            source,
            new[]
            {
                Diagnostic("SMTP013", 0, "on one path it is SecureSocketOptions.StartTlsWhenAvailable, which uses STARTTLS only when the server offers it"),
                Diagnostic("SMTP013", 1, NoneOnOnePath),
            },
            fixedSource,
            MailKitConnectFixes.UseSslOnConnectKey);
    }

    [Fact]
    public async Task ConfiguredHostAndPort_ReportsAndFixesPortAware()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Settings { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Settings settings) => {|#0:client.Connect(settings.Host, settings.Port)|};
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public string Host { get; set; } = ""; public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Settings settings) => client.Connect(settings.Host, settings.Port, settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(source, new[] { Diagnostic("SMTP013", 0, string.Format(AutoOnConfiguredPort, 465)) }, fixedSource, MailKitConnectFixes.UsePortAwareModeKey);
    }

    [Fact]
    public async Task ConfiguredPortWithTokenAsync_ReportsAndAddsNamedOptions()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;

            class Reader
            {
                Task Read(Pop3Client pop, string h, int p, CancellationToken ct) => {|#0:pop.ConnectAsync(h, p, cancellationToken: ct)|};
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            class Reader
            {
                Task Read(Pop3Client pop, string h, int p, CancellationToken ct) => pop.ConnectAsync(h, p, options: SecureSocketOptions.StartTls, cancellationToken: ct);
            }
            """;

        await FixAsync(source, new[] { Diagnostic("SMTP013", 0, string.Format(AutoOnConfiguredPort, 995)) }, fixedSource, MailKitConnectFixes.UseStartTlsKey);
    }

    [Fact]
    public async Task ComputedPort_NoPortAwareFixButStartTls()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                private int _next = 587;

                int NextPort() => _next++;

                void Send(SmtpClient client) => {|#0:client.Connect("smtp.x.com", NextPort())|};
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private int _next = 587;

                int NextPort() => _next++;

                void Send(SmtpClient client) => client.Connect("smtp.x.com", NextPort(), SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(source, new[] { Diagnostic("SMTP013", 0, string.Format(AutoOnConfiguredPort, 465)) }, fixedSource, MailKitConnectFixes.UseStartTlsKey);

        // Reading NextPort() twice could change the result: no port-aware action is offered.
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = MailKitConnectFixes.UsePortAwareModeKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic("SMTP013", 0, string.Format(AutoOnConfiguredPort, 465)));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task ConfiguredUseSslFlag_ReportsAndKeepsTheChoice()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Options { public bool UseSsl { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Options options) => client.Connect("smtp.x.com", 587, useSsl: {|#0:options.UseSsl|});
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Options { public bool UseSsl { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Options options) => client.Connect("smtp.x.com", 587, options: options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
            }
            """;

        await FixAsync(source, new[] { Diagnostic("SMTP013", 0, ConfiguredFlag) }, fixedSource, MailKitConnectFixes.KeepUseSslChoiceKey);
    }

    [Fact]
    public async Task UseSslFalseOnOnePath_SaysSoAndKeepsTheChoice()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Options { public bool UseSsl { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Options options, int port)
                {
                    var useSsl = port == 587 ? false : options.UseSsl;
                    client.Connect("smtp.x.com", port, {|#0:useSsl|});
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Options { public bool UseSsl { get; set; } }

            class Mailer
            {
                void Send(SmtpClient client, Options options, int port)
                {
                    var useSsl = port == 587 ? false : options.UseSsl;
                    client.Connect("smtp.x.com", port, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                }
            }
            """;

        await FixAsync(
            source,
            new[] { Diagnostic("SMTP013", 0, "on one path useSsl is false, which means STARTTLS only when the server offers it") },
            fixedSource,
            MailKitConnectFixes.KeepUseSslChoiceKey);
    }

    [Fact]
    public async Task OptionsFromConfigurationOrSecureConditional_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Settings { public SecureSocketOptions Security { get; set; } public int Port { get; set; } }

            class Mailer
            {
                void Send(SmtpClient c, string h, int p, bool useSsl, Settings settings)
                {
                    c.Connect(h, p, settings.Security);
                    c.Connect(h, p, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    c.Connect(h, p, SecureSocketOptions.StartTls);
                    c.Connect(h, settings.Port, SecureSocketOptions.SslOnConnect);
                    c.Connect(h, 465, useSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.Auto);
                    c.Connect("localhost", p);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FlagChoosingNoneSetByTheConfigurationFile_NotLeftToConfiguration()
    {
        // The project's file sets the flag: SMTP014 judges the value it picks, and there is nothing left to configuration.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using MailKit.Net.Smtp;
                using MailKit.Security;
                using Microsoft.Extensions.Configuration;

                class Mailer
                {
                    void Send(SmtpClient c, IConfiguration configuration)
                    {
                        var o = configuration.GetValue<bool>("Mail:Tls") ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
                        c.Connect("smtp.example.com", 587, o);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """{ "Mail": { "Tls": true } }"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task OneLocalFeedingTwoConnections_ReportsTheConstantOnce()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Run(SmtpClient smtp, ImapClient imap, bool secure, string h, int p)
                {
                    var options = secure ? SecureSocketOptions.StartTls : {|#0:SecureSocketOptions.StartTlsWhenAvailable|};
                    smtp.Connect(h, p, options);
                    imap.Connect(h, p, options);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Diagnostic("SMTP013", 0, "on one path it is SecureSocketOptions.StartTlsWhenAvailable, which uses STARTTLS only when the server offers it"));
    }

    /// <summary>Without MailKit the analyzer registers nothing: look-alike code stays silent (SMTP013).</summary>
    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            class SmtpClient { public void Connect(string host, int port = 0) { } }

            class Mailer
            {
                void Send(SmtpClient c, string host, int port) => c.Connect(host, port);
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.WithoutMailKit();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_PortFromSettings_Reports()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(port As Integer)
                    Using client As New SmtpClient()
                        {|#0:client.Connect("smtp.example.com", port)|}
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(string.Format(AutoOnConfiguredPort, 465)));
    }

    [Fact]
    public async Task VisualBasic_UseSslFalseOnOnePath_SaysSo()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(port As Integer, ssl As Boolean)
                    Dim useSsl = If(port = 587, False, ssl)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", port, {|#0:useSsl|})
                    End Using
                End Sub
            End Class
            """;

        await VerifyMailKitVB.VerifyAnalyzerAsync(source, VerifyMailKitVB.Diagnostic("SMTP013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("on one path useSsl is false, which means STARTTLS only when the server offers it"));
    }

    [Fact]
    public async Task VisualBasic_AutoOnOnePathWithAConfiguredPort_ReportsAndFixesByPortFirst()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(port As Integer, useSsl As Boolean)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", port, If(useSsl, SecureSocketOptions.SslOnConnect, {|#0:SecureSocketOptions.Auto|}))
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp013VB.VerifyCodeFixAsync(
            source,
            FixSmtp013VB.Diagnostic("SMTP013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(AutoOnOnePath(465)),
            source.Replace("{|#0:SecureSocketOptions.Auto|}", "If((port) = 465, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls)"),
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsLeftToConfigurationCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_AutoOnAPortChosenBetweenTwoNumbers_FixChoosesTheModeTheSameWay()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(implicitTls As Boolean)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", If(implicitTls, 465, 587), {|#0:SecureSocketOptions.Auto|})
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp013VB.VerifyCodeFixAsync(
            source,
            FixSmtp013VB.Diagnostic("SMTP013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(string.Format(System.Globalization.CultureInfo.InvariantCulture, AutoOnConfiguredPort, 465)),
            source.Replace("{|#0:SecureSocketOptions.Auto|}", "If(implicitTls, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls)"),
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsLeftToConfigurationCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_PortFromSettings_FixesWithPortAwareMode()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send(port As Integer)
                    Using client As New SmtpClient()
                        {|#0:client.Connect("smtp.example.com", port)|}
                    End Using
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Sub Send(port As Integer)
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", port, If((port) = 465, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp013VB.VerifyCodeFixAsync(
            source,
            FixSmtp013VB.Diagnostic("SMTP013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(string.Format(AutoOnConfiguredPort, 465)),
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.TlsLeftToConfigurationCodeFixProvider.Key);
    }

    #endregion
}
