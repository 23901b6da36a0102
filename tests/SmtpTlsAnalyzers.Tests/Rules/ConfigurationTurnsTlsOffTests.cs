using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP014: a configuration file turns TLS off for a mail connection whose TLS input the code reads from configuration.</summary>
public class ConfigurationTurnsTlsOffTests
{
    private const string Json = "/app/appsettings.json";
    private const string ClearText = "the mail crosses the network in clear text";
    private const string LoginInClearText = "the login and the mail cross the network in clear text";
    private const string Strippable = " uses STARTTLS only when the server offers it, and anyone on the path can remove that offer";

    private const string Usings = """
        using System;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        """;

    private const string SmtpOptions = """

        public class SmtpOptions
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool EnableSsl { get; set; }
            public bool UseSsl { get; set; }
            public MailKit.Security.SecureSocketOptions Security { get; set; }
        }
        """;

    private const string InsecureJson = """
        {
          "Smtp": { "Host": "smtp.163.com", "Port": 25, "User": "u", "Password": "p", "EnableSsl": {|#1:false|} }
        }
        """;

    private const string Register = """

        public static class Startup
        {
            public static void Register(IServiceCollection services, IConfiguration configuration) =>
                services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        }
        """;

    internal static DiagnosticResult Expected(string where, string key, string value, string endpoint, string consequence, int at = 0, int value_ = 1) =>
        new DiagnosticResult(Descriptors.SMTP014_ConfigurationTurnsTlsOff)
            .WithLocation(at)
            .WithLocation(value_)
            .WithArguments(where, key, value, endpoint.Length == 0 ? string.Empty : " for " + endpoint, consequence);

    internal static Task VerifyAsync(string code, (string Path, string Content)[] files, params DiagnosticResult[] expected) =>
        RunAsync(new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code }, files, expected);

    private static Task VerifyVisualBasicAsync(string code, (string Path, string Content)[] files, params DiagnosticResult[] expected) =>
        RunAsync(new VisualBasicAnalyzerVerifier<VisualBasicRuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code }, files, expected);

    private static Task RunAsync(AnalyzerTest<DefaultVerifier> test, (string Path, string Content)[] files, DiagnosticResult[] expected)
    {
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Content));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string code, string json, params DiagnosticResult[] expected) =>
        VerifyAsync(code, new[] { (Json, json) }, expected);

    // ---- Options classes ----

    /// <summary>A sender that copies its options to a field and sets EnableSsl from them.</summary>
    private const string SenderCopyingOptions = Usings + SmtpOptions + Register + """

        public class EmailSender
        {
            private readonly SmtpOptions _options;
            public EmailSender(IOptions<SmtpOptions> options) => _options = options.Value;

            public void Send(MailMessage message)
            {
                using var client = new SmtpClient(_options.Host, _options.Port);
                client.EnableSsl = {|#0:_options.EnableSsl|};
                client.Send(message);
            }
        }
        """;

    [Fact]
    public async Task OptionsValueCopiedToField_EnableSslFalse_Reports()
    {
        await VerifyAsync(SenderCopyingOptions, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    /// <summary>
    /// The index of options bindings reads the files that name a binding method. Whether one does is kept with the
    /// gate's scan of the file, so an IDE's next compilation, holding the same tree for a file not edited, reads none.
    /// </summary>
    [Fact]
    public async Task BindingIndex_DoesNotReadAnUneditedFileAgain()
    {
        var code = SenderCopyingOptions.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal);
        var text = new CountingText("public class Orders { public int Count(int port) => port; }");
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit).AddRange(ConfigurationReferences.All);
        var sender = CSharpSyntaxTree.ParseText(code, path: "/app/EmailSender.cs");
        var first = CSharpCompilation.Create("Index", new[] { CSharpSyntaxTree.ParseText(text, path: "/app/Orders.cs"), sender }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var json = InsecureJson.Replace("{|#1:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(Json, json)));

        text.Reads = 0;
        Assert.Single(await AnalyzeAsync(first, options), d => d.Id == "SMTP014");
        Assert.True(text.Reads >= 2, $"the gate and the index each read the file once ({text.Reads} reads)");

        text.Reads = 0;
        var second = first.ReplaceSyntaxTree(sender, CSharpSyntaxTree.ParseText(code + "\n", path: "/app/EmailSender.cs"));
        Assert.Single(await AnalyzeAsync(second, options), d => d.Id == "SMTP014");
        Assert.Equal(0, text.Reads);

        static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzer()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task OptionsValueInline_WithCredentials_SaysTheLoginGoesInClearText()
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender
            {
                private readonly IOptions<SmtpOptions> _options;
                public EmailSender(IOptions<SmtpOptions> options) => _options = options;

                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(_options.Value.Host, _options.Value.Port)
                    {
                        Credentials = new System.Net.NetworkCredential("u", "p"),
                        EnableSsl = {|#0:_options.Value.EnableSsl|},
                    };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", LoginInClearText));
    }

    [Theory]
    [InlineData("IOptionsMonitor<SmtpOptions>", "CurrentValue")]
    [InlineData("IOptionsSnapshot<SmtpOptions>", "Value")]
    public async Task OptionsMonitorAndSnapshot_Report(string type, string accessor)
    {
        var code = Usings + SmtpOptions + Register + $$"""

            public class EmailSender
            {
                private readonly {{type}} _options;
                public EmailSender({{type}} options) => _options = options;

                public void Send(MailMessage message)
                {
                    var settings = _options.{{accessor}};
                    using var client = new SmtpClient(settings.Host);
                    client.EnableSsl = {|#0:settings.EnableSsl|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    [Theory]
    [InlineData("services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(\"Smtp\"));")]
    [InlineData("services.AddOptions<SmtpOptions>().BindConfiguration(\"Smtp\");")]
    [InlineData("services.AddOptions<SmtpOptions>().BindConfiguration(Section);")]
    [InlineData("services.AddOptions<SmtpOptions>().BindConfiguration(nameof(Smtp));")]
    [InlineData("services.Configure<SmtpOptions>(configuration.GetSection(Section));")]
    [InlineData("services.Configure<SmtpOptions>(configuration.GetRequiredSection(\"Smtp\"));")]
    [InlineData("services.AddSingleton(configuration.GetSection(\"Smtp\").Get<SmtpOptions>()!);")]
    [InlineData("var o = new SmtpOptions(); configuration.GetSection(\"Smtp\").Bind(o); services.AddSingleton(o);")]
    [InlineData("var o = new SmtpOptions(); configuration.Bind(\"Smtp\", o); services.AddSingleton(o);")]
    [InlineData("var section = configuration.GetSection(\"Smtp\"); services.Configure<SmtpOptions>(section);")]
    public async Task BindingShapes_OptionsParameter_Report(string binding)
    {
        var code = Usings + SmtpOptions + $$"""

            public class Smtp { }

            public static class Startup
            {
                private const string Section = "Smtp";

                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    {{binding}}
                }
            }

            public class EmailSender
            {
                public void Send(SmtpOptions options, MailMessage message)
                {
                    using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = {|#0:options.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    [Fact]
    public async Task BindingInTopLevelStatements_IsFound()
    {
        const string program = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var builder = new Builder();
            builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));

            sealed class Builder
            {
                public IServiceCollection Services { get; } = null!;
                public IConfigurationManager Configuration { get; } = null!;
            }
            """;
        const string mailer = Usings + SmtpOptions + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = {|#0:options.Value.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;

        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test();
        test.TestState.Sources.Add(("/app/Program.cs", program));
        test.TestState.Sources.Add(("/app/EmailSender.cs", mailer));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalFiles.Add((Json, InsecureJson));
        test.ExpectedDiagnostics.Add(Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("configuration.GetSection(\"Smtp\").Get<SmtpOptions>()!")]
    [InlineData("configuration.GetSection(\"Smtp\").Get<SmtpOptions>() ?? new SmtpOptions()")]
    [InlineData("configuration.GetSection(\"Smtp\").Get<SmtpOptions>() ?? throw new InvalidOperationException()")]
    [InlineData("configuration?.GetSection(\"Smtp\").Get<SmtpOptions>() ?? new()")]
    public async Task GetInTheSameMethod_Reports(string get)
    {
        var code = Usings + SmtpOptions + $$"""

            public class EmailSender
            {
                public void Send(IConfiguration? configuration, MailMessage message)
                {
                    var options = {{get}};
                    using var client = new SmtpClient(options.Host, options.Port);
                    client.EnableSsl = {|#0:options.EnableSsl|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    [Fact]
    public async Task LocalBoundInTheSameMethod_Reports()
    {
        const string code = Usings + SmtpOptions + """

            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    var options = new SmtpOptions();
                    configuration.Bind("Smtp", options);
                    using var client = new SmtpClient(options.Host);
                    client.EnableSsl = {|#0:options.EnableSsl|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    [Fact]
    public async Task HostFromAServerKeyOfTheSameSection_IsUsedForThePlaintextCheck()
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options, SmtpClient client)
            {
                public void Send(MailMessage message)
                {
                    client.EnableSsl = options.Value.EnableSsl;
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "Server": "localhost", "EnableSsl": false } }""");
    }

    [Fact]
    public async Task ListedPlaintextHostFromEditorConfig_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalFiles.Add((Json, """{ "Smtp": { "Host": "relay.internal", "EnableSsl": false } }"""));
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = relay.internal");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RecordOptions_ConfigurationKeyNameAndNestedClass_Report()
    {
        const string code = Usings + """

            public record MailOptions
            {
                public ServerOptions Outgoing { get; init; } = new();
            }

            public record ServerOptions
            {
                public string Host { get; init; } = "";
                [ConfigurationKeyName("ssl")]
                public bool EnableSsl { get; init; }
            }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<MailOptions>(configuration.GetSection("Mail"));
            }

            public class EmailSender(IOptions<MailOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Outgoing.Host);
                    client.EnableSsl = {|#0:options.Value.Outgoing.EnableSsl|};
                    client.Send(message);
                }
            }
            """;
        const string json = """
            {
              "Mail": {
                "Outgoing": {
                  "Host": "mail.example.com",
                  "SSL": {|#1:"False"|}
                }
              }
            }
            """;

        await VerifyAsync(code, json, Expected("appsettings.json", "Mail:Outgoing:SSL", "\"False\"", "mail.example.com", ClearText));
    }

    [Fact]
    public async Task NestedOptionsClassHandedOutAlone_FindsItsSection()
    {
        const string code = Usings + """

            public class MailOptions { public ServerOptions Smtp { get; set; } = new(); }
            public class ServerOptions { public string Host { get; set; } = ""; public bool EnableSsl { get; set; } }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<MailOptions>(configuration.GetSection("Mail"));
            }

            public class EmailSender
            {
                private readonly ServerOptions _server;
                public EmailSender(IOptions<MailOptions> options) => _server = options.Value.Smtp;

                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(_server.Host) { EnableSsl = {|#0:_server.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;
        const string json = """{ "Mail": { "Smtp": { "Host": "mail.example.com", "EnableSsl": {|#1:false|} } } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Mail:Smtp:EnableSsl", "false", "mail.example.com", ClearText));
    }

    /// <summary>One server class bound twice in one options class: a primary relay and a fallback.</summary>
    private const string PrimaryAndFallback = Usings + """

        public class MailOptions
        {
            public ServerOptions Primary { get; set; } = new();
            public ServerOptions Fallback { get; set; } = new();
        }

        public class ServerOptions { public string Host { get; set; } = ""; public int Port { get; set; } public bool EnableSsl { get; set; } }

        public static class Startup
        {
            public static void Register(IServiceCollection services, IConfiguration configuration) =>
                services.Configure<MailOptions>(configuration.GetSection("Mail"));
        }

        """;

    [Theory]
    [InlineData("false", "true", false)]
    [InlineData("true", "false", true)]
    public async Task LocalCopyOfANestedObject_ReadsItsOwnSection(string primary, string fallback, bool reported)
    {
        // The binder fills each property from its own child section: the copy of Fallback is Mail:Fallback, whatever
        // Primary, of the same class, says.
        var code = PrimaryAndFallback + $$"""
            public class EmailSender(IOptions<MailOptions> mail)
            {
                public void SendFallback(MailMessage message)
                {
                    var server = mail.Value.Fallback;
                    using var client = new SmtpClient(server.Host, server.Port) { EnableSsl = {|#0:server.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;
        var json = $$"""
            { "Mail": {
                "Primary": { "Host": "relay.example.com", "Port": 25, "EnableSsl": {{primary}} },
                "Fallback": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": {|#1:{{fallback}}|} } } }
            """;

        await VerifyAsync(
            code,
            json,
            reported ? new[] { Expected("appsettings.json", "Mail:Fallback:EnableSsl", "false", "smtp.example.com:587", ClearText) } : System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task ObjectOfAClassBoundInTwoPlaces_IsNotGivenEitherSection()
    {
        // A parameter of the server class may hold Primary or Fallback; a field of a class also bound on its own may
        // hold that instance or a nested one. Neither is attributed to a section. IOptions<T> of the class bound on its
        // own is that section.
        var code = PrimaryAndFallback + """
            public static class Relay
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<ServerOptions>(configuration.GetSection("Relay"));
            }

            public class EmailSender(IOptions<MailOptions> mail, IOptions<ServerOptions> relay)
            {
                private readonly ServerOptions _server = mail.Value.Fallback;

                public void SendFallback(MailMessage message) => Send(mail.Value.Fallback, message);

                private static void Send(ServerOptions server, MailMessage message)
                {
                    using var client = new SmtpClient(server.Host, server.Port) { EnableSsl = server.EnableSsl };
                    client.Send(message);
                }

                public void SendThroughField(MailMessage message)
                {
                    using var client = new SmtpClient(_server.Host, _server.Port) { EnableSsl = _server.EnableSsl };
                    client.Send(message);
                }

                public void SendThroughRelay(MailMessage message)
                {
                    using var client = new SmtpClient(relay.Value.Host, relay.Value.Port) { EnableSsl = {|#0:relay.Value.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;
        const string json = """
            { "Relay": { "Host": "relay.example.com", "Port": 25, "EnableSsl": {|#1:false|} },
              "Mail": {
                "Primary": { "Host": "a.example.com", "Port": 25, "EnableSsl": false },
                "Fallback": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } } }
            """;

        await VerifyAsync(code, json, Expected("appsettings.json", "Relay:EnableSsl", "false", "relay.example.com:25", ClearText));
    }

    // ---- IConfiguration reads ----

    [Theory]
    [InlineData("bool.Parse(configuration[\"Smtp:EnableSsl\"]!)")]
    [InlineData("Convert.ToBoolean(configuration[\"Smtp:EnableSsl\"])")]
    [InlineData("configuration.GetValue<bool>(\"Smtp:EnableSsl\")")]
    [InlineData("configuration.GetValue<bool>(\"Smtp:EnableSsl\", true)")]
    [InlineData("configuration.GetSection(\"Smtp\").GetValue<bool>(\"EnableSsl\")")]
    [InlineData("bool.Parse(configuration.GetSection(\"Smtp\")[\"EnableSsl\"]!)")]
    [InlineData("bool.Parse(configuration.GetSection(\"Smtp:EnableSsl\").Value!)")]
    [InlineData("configuration.GetSection(\"Smtp:EnableSsl\").Get<bool>()")]
    [InlineData("configuration[\"smtp:enablessl\"] == \"True\"")]
    [InlineData("string.Equals(configuration[\"Smtp:EnableSsl\"], \"true\", StringComparison.OrdinalIgnoreCase)")]
    public async Task ConfigurationReads_Report(string read)
    {
        var code = Usings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:{{read}}|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task NoHostOrPortAnywhere_MessageNamesNoServer()
    {
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(IConfiguration configuration, SmtpClient client, MailMessage message)
                {
                    client.EnableSsl = {|#0:configuration.GetValue<bool>("Smtp:EnableSsl")|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "EnableSsl": {|#1:false|} } }""", Expected("appsettings.json", "Smtp:EnableSsl", "false", string.Empty, ClearText));
    }

    [Fact]
    public async Task PlaceholderPortZeroBesideTheSetting_IsNotNamed()
    {
        // Port 0 stands for the default port: the message names the host, not "port 0".
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient(configuration["Smtp:Host"]);
                    client.EnableSsl = {|#0:configuration.GetValue<bool>("Smtp:EnableSsl")|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "Host": "mail.example.com", "Port": 0, "EnableSsl": {|#1:false|} } }""",
            Expected("appsettings.json", "Smtp:EnableSsl", "false", "mail.example.com", ClearText));
    }

    [Fact]
    public async Task ConfigurationBuiltInPlace_IsTheRoot()
    {
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(IConfigurationBuilder builder, MailMessage message)
                {
                    var configuration = builder.Build();
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:configuration.GetSection("Smtp").GetValue<bool>("EnableSsl")|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task TryParseIntoALocal_Reports()
    {
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    var section = configuration.GetSection("Smtp");
                    bool.TryParse(section["EnableSsl"], out var ssl);
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:ssl|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl) && ssl")]
    [InlineData("bool.TryParse(configuration[\"Smtp:EnableSsl\"], out bool ssl) ? ssl : false")]
    [InlineData("bool.TryParse(configuration[\"Smtp:EnableSsl\"].Trim(), out var ssl) ? ssl : true")]
    [InlineData("bool.Parse(configuration[\"Smtp:EnableSsl\"]!.ToString())")]
    [InlineData("Convert.ToBoolean(configuration[\"Smtp:EnableSsl\"]!.ToString().Trim())")]
    public async Task ParsedInline_TryParseOrTrimmedText_Reports(string value)
    {
        // The parsed value when the text parses: the configured false.
        var code = Usings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:{{value}}|};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl);", "ssl", true)]
    [InlineData("", "bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl) && ssl", true)]
    [InlineData("", "bool.TryParse(configuration[\"Smtp:EnableSsl\"], out bool ssl) ? ssl : false", true)]
    [InlineData("", "bool.TryParse(configuration[\"Smtp:EnableSsl\"], out bool ssl) ? ssl : true", false)]
    [InlineData("", "bool.Parse(configuration[\"Smtp:EnableSsl\"]!)", false)]
    [InlineData("if (!bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl)) throw new InvalidOperationException();", "ssl", false)]
    public async Task TextTryParseCannotRead_TheCodesFallbackDecides(string parse, string value, bool reported)
    {
        // TryParse does not throw: it returns false and leaves the flag false, and the code goes on with that or with
        // its own fallback. Parse throws, and the application fails instead, as does code that checks TryParse's answer.
        var code = Usings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    {{parse}}
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {{(reported ? "{|#0:" + value + "|}" : value)}};
                    client.Send(message);
                }
            }
            """;
        var json = "{ \"Smtp\": { \"EnableSsl\": " + (reported ? "{|#1:\"1\"|}" : "\"1\"") + " } }";

        await VerifyAsync(
            code,
            json,
            reported
                ? new[] { Expected("appsettings.json", "Smtp:EnableSsl", "\"1\" (which TryParse cannot read, so the code uses false)", "smtp.example.com:587", ClearText) }
                : System.Array.Empty<DiagnosticResult>());
    }

    [Theory]
    [InlineData("!configuration.GetValue<bool>(\"Smtp:DisableTls\")", "\"DisableTls\": {|#1:true|}", "Smtp:DisableTls", "true", true)]
    [InlineData("!configuration.GetValue<bool>(\"Smtp:DisableTls\")", "\"DisableTls\": false", "", "", false)]
    [InlineData("!string.Equals(configuration[\"Smtp:EnableSsl\"], \"false\", StringComparison.OrdinalIgnoreCase)", "\"EnableSsl\": {|#1:false|}", "Smtp:EnableSsl", "false", true)]
    [InlineData("!string.Equals(configuration[\"Smtp:EnableSsl\"], \"false\", StringComparison.OrdinalIgnoreCase)", "\"EnableSsl\": \"yes\"", "", "", false)]
    [InlineData("!bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl) || ssl", "\"EnableSsl\": {|#1:false|}", "Smtp:EnableSsl", "false", true)]
    [InlineData("!bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var ssl) || ssl", "\"EnableSsl\": \"1\"", "", "", false)]
    public async Task NegatedReads_SecureByDefaultSpellings(string read, string setting, string key, string value, bool reported)
    {
        // TLS on unless the file turns it off: the negation is read with the value.
        var code = Usings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {{(reported ? "{|#0:" + read + "|}" : read)}};
                    client.Send(message);
                }
            }
            """;
        var json = "{ \"Smtp\": { " + setting + " } }";

        await VerifyAsync(
            code,
            json,
            reported ? new[] { Expected("appsettings.json", key, value, "smtp.example.com:587", ClearText) } : System.Array.Empty<DiagnosticResult>());
    }

    [Theory]
    [InlineData("bool.TryParse(configuration[\"Smtp:Other\"], out var other) && ssl")]
    [InlineData("bool.TryParse(configuration[\"Smtp:EnableSsl\"], out var other) ? ssl : false")]
    public async Task ParsedInlineIntoAnotherLocal_OrTrimmedAndCompared_NoDiagnostic(string value)
    {
        // The flag read is not the one parsed: the configured value does not reach it.
        var code = Usings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message, bool ssl)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {{value}};
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson);
    }

    [Fact]
    public async Task ComparedWithLowerCaseTrue_JsonTrueReadsFalse_Reports()
    {
        // The JSON provider hands out JSON true as "True": an ordinal comparison with "true" is false.
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:configuration["Smtp:EnableSsl"] == "true"|};
                    client.Send(message);
                }
            }
            """;
        const string json = """{ "Smtp": { "EnableSsl": {|#1:true|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:EnableSsl", "true (the code compares it with \"true\", so it reads false)", "smtp.example.com:587", ClearText));
    }

    // ---- Silent cases ----

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    [InlineData("\"TRUE\"")]
    public async Task SecureValue_NoDiagnostic(string value)
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"EnableSsl\": " + value + " } }");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PlaintextHostInTheSameSection_NoDiagnostic(string host)
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host, options.Value.Port) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, "{ \"Smtp\": { \"Host\": \"" + host + "\", \"Port\": 1025, \"EnableSsl\": false } }");
    }

    [Fact]
    public async Task HostGivenThroughTheHostProperty_IsTheConnectionsHost()
    {
        // Host written in the initializer or to the local, as the constructor would give it: a plaintext host keeps the
        // rule silent, another is named, and the section's other host key is not taken for it.
        const string code = Usings + """

            public class SmtpOptions
            {
                public string Host { get; set; } = "";
                public string RelayHost { get; set; } = "";
                public int Port { get; set; }
                public bool EnableSsl { get; set; }
            }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
            }

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void SendToTheDevelopmentServer(MailMessage message)
                {
                    using var client = new SmtpClient { Host = "localhost", Port = 25, EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }

                public void SendToTheConfiguredHost(MailMessage message)
                {
                    using var client = new SmtpClient();
                    client.EnableSsl = options.Value.EnableSsl;
                    client.Host = options.Value.Host;
                    client.Port = options.Value.Port;
                    client.Send(message);
                }

                public void SendToTheRelay(MailMessage message)
                {
                    using var client = new SmtpClient();
                    client.Host = options.Value.RelayHost;
                    client.Port = 587;
                    client.EnableSsl = {|#0:options.Value.EnableSsl|};
                    client.Send(message);
                }
            }
            """;
        const string json = """{ "Smtp": { "Host": "localhost", "RelayHost": "relay.example.com", "Port": 25, "EnableSsl": {|#1:false|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:EnableSsl", "false", "relay.example.com:587", ClearText));
    }

    [Fact]
    public async Task HostGivenAfterAnInitializerOrInOneBranch()
    {
        // Written to the local after an initializer that sets EnableSsl: the host. Written in one branch only: not the
        // host of every path, so the section's Host key stands for the connection.
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void SendToTheDevelopmentServer(MailMessage message)
                {
                    using var client = new SmtpClient { EnableSsl = options.Value.EnableSsl };
                    client.Host = "localhost";
                    client.Send(message);
                }

                public void SendDependingOnTheEnvironment(MailMessage message, bool development)
                {
                    var client = new SmtpClient();
                    if (development)
                    {
                        client.Host = "localhost";
                    }
                    else
                    {
                        UseRelay(client);
                    }

                    client.EnableSsl = {|#0:options.Value.EnableSsl|};
                    client.Send(message);
                }

                private static void UseRelay(SmtpClient client) => client.Host = "relay.example.com";
            }
            """;
        const string json = """{ "Smtp": { "Host": "relay.example.com", "EnableSsl": {|#1:false|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:EnableSsl", "false", "relay.example.com", ClearText));
    }

    [Fact]
    public async Task HostGivenInATryBody_IsTheHost()
    {
        // A try, lock or using body runs whenever the block around it does: the localhost there is the host.
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    var client = new SmtpClient();
                    client.EnableSsl = options.Value.EnableSsl;
                    try
                    {
                        client.Host = "localhost";
                        client.Send(message);
                    }
                    finally
                    {
                        client.Dispose();
                    }
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "Host": "relay.example.com", "EnableSsl": false } }""");
    }

    [Fact]
    public async Task ConditionalAccessAfterASection_IsNotReadFromTheRoot()
    {
        // `mail?.GetSection("Smtp")` is Mail:Smtp, not the root's Smtp.
        const string code = Usings + SmtpOptions + """

            public class EmailSender
            {
                public void Send(IConfiguration configuration, MailMessage message)
                {
                    IConfiguration mail = configuration.GetSection("Mail");
                    var o = mail?.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
                    using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl };
                    client.Send(message);
                }
            }
            """;
        const string json = """
            { "Smtp": { "Host": "old.example.com", "Port": 25, "EnableSsl": false },
              "Mail": { "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } } }
            """;

        await VerifyAsync(code, json);
    }

    [Fact]
    public async Task NoConfigurationFile_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, System.Array.Empty<(string, string)>());
        await VerifyAsync(code, new[] { ("/app/settings.json", "{ \"Smtp\": { \"EnableSsl\": false } }") });
    }

    [Fact]
    public async Task KeyNotFound_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "Host": "smtp.example.com" }, "Other": { "EnableSsl": false } }""");
    }

    [Fact]
    public async Task SectionBoundToAnotherType_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + """

            public class QueueOptions { public bool EnableSsl { get; set; } }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<QueueOptions>(configuration.GetSection("Smtp"));
            }

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson.Replace("{|#1:false|}", "false"));
    }

    [Fact]
    public async Task NonMailOptionsClassWithEnableSsl_NoDiagnostic()
    {
        const string code = Usings + """

            public class RabbitMqOptions { public string HostName { get; set; } = ""; public bool EnableSsl { get; set; } }

            public class SslOption { public bool Enabled { get; set; } }
            public class ConnectionFactory { public string HostName { get; set; } = ""; public SslOption Ssl { get; } = new(); }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<RabbitMqOptions>(configuration.GetSection("RabbitMq"));
            }

            public class Bus(IOptions<RabbitMqOptions> options)
            {
                public ConnectionFactory Create() => new ConnectionFactory
                {
                    HostName = options.Value.HostName,
                    Ssl = { Enabled = options.Value.EnableSsl },
                };
            }
            """;

        await VerifyAsync(code, """{ "RabbitMq": { "HostName": "rabbit.example.com", "EnableSsl": false } }""");
    }

    [Fact]
    public async Task ConstantInCode_IsNotThisRule()
    {
        const string code = Usings + """
            public class EmailSender
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com") { EnableSsl = false };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson.Replace("{|#1:false|}", "false"));
    }

    [Fact]
    public async Task NamedOptions_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + """

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<SmtpOptions>("backup", configuration.GetSection("Smtp"));
            }

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson.Replace("{|#1:false|}", "false"));
    }

    [Theory]
    [InlineData("services.Configure<SmtpOptions>(o => o.EnableSsl = true);", false)]
    [InlineData("services.PostConfigure<SmtpOptions>(o => { o.EnableSsl = !o.EnableSsl; });", false)]
    [InlineData("services.AddOptions<SmtpOptions>().Configure(o => o.EnableSsl = true);", false)]
    [InlineData("services.PostConfigure<SmtpOptions>(Require);", false)]
    [InlineData("services.PostConfigure<SmtpOptions>(o => o.Host = o.Host.Trim());", true)]
    public async Task OptionsWrittenByCode_OnlyTheWrittenPropertyIsUnknown(string configure, bool reports)
    {
        var code = Usings + SmtpOptions + $$"""

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
                    {{configure}}
                }

                private static void Require(SmtpOptions options) => options.EnableSsl = true;
            }

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host, options.Value.Port) { EnableSsl = {|#0:options.Value.EnableSsl|} };
                    client.Send(message);
                }
            }
            """;

        if (reports)
        {
            await VerifyAsync(code, InsecureJson, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
        }
        else
        {
            await VerifyAsync(code.Replace("{|#0:", string.Empty).Replace("EnableSsl|}", "EnableSsl"), InsecureJson.Replace("{|#1:false|}", "false"));
        }
    }

    [Fact]
    public async Task TypeBoundToTwoSections_NoDiagnostic()
    {
        const string code = Usings + SmtpOptions + """

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
                    services.Configure<SmtpOptions>(configuration.GetSection("Backup"));
                }
            }

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient(options.Value.Host) { EnableSsl = options.Value.EnableSsl };
                    client.Send(message);
                }
            }
            """;

        await VerifyAsync(code, InsecureJson.Replace("{|#1:false|}", "false"));
    }

    // ---- MailKit ----

    private const string MailKitUsings = """
        using System;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Net.Imap;
        using MailKit.Security;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        """;

    [Theory]
    [InlineData("", " and read the login")]
    // Guarded: stripping STARTTLS now fails the connection instead of exposing the login, and the message says so.
    [InlineData("if (!client.IsSecure) throw new System.InvalidOperationException(\"TLS required\");", "")]
    public async Task MailKitUseSslFalse_ReportsStrippableStartTls(string guard, string login)
    {
        var code = MailKitUsings + SmtpOptions + Register + $$"""

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public async Task SendAsync()
                {
                    var o = options.Value;
                    using var client = new SmtpClient();
                    await client.ConnectAsync(o.Host, o.Port, {|#0:o.UseSsl|});
                    {{guard}}
                    await client.AuthenticateAsync("user", "password");
                }
            }
            """;
        const string json = """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "UseSsl": {|#1:false|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:UseSsl", "false", "smtp.example.com:587", "useSsl: false" + Strippable + login));
    }

    [Theory]
    [InlineData("o.UseSsl", "\"UseSsl\": {|#1:false|}", "Smtp:UseSsl", "false", "useSsl: false")]
    [InlineData("o.Security", "\"Security\": {|#1:\"StartTlsWhenAvailable\"|}", "Smtp:Security", "\"StartTlsWhenAvailable\"", "SecureSocketOptions.StartTlsWhenAvailable")]
    [InlineData("o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable", "\"UseSsl\": {|#1:false|}", "Smtp:UseSsl", "false", "SecureSocketOptions.StartTlsWhenAvailable")]
    public async Task MailKitStartTlsWhenAvailableOnTheImplicitTlsPort_SaysItCannotConnect(string mode, string setting, string key, string value, string modeText)
    {
        // On 465 the server waits for the TLS handshake while the client waits for a greeting in clear text: nothing
        // is stripped, nothing connects, and the message says that.
        var code = MailKitUsings + SmtpOptions + Register + $$"""

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public async Task SendAsync()
                {
                    var o = options.Value;
                    using var client = new SmtpClient();
                    await client.ConnectAsync(o.Host, o.Port, {|#0:{{mode}}|});
                    await client.AuthenticateAsync("user", "password");
                }
            }
            """;
        var json = "{ \"Smtp\": { \"Host\": \"smtp.gmail.com\", \"Port\": 465, " + setting + " } }";

        await VerifyAsync(
            code,
            json,
            Expected("appsettings.json", key, value, "smtp.gmail.com:465", modeText + " cannot work on port 465, where the server expects TLS from the first byte: the connection hangs or fails"));
    }

    [Fact]
    public async Task UseSslFalseOn465InOneEnvironmentAndOn587InAnother_SaysItCanBeStripped()
    {
        // One value, two ports: on 587 the offer can be stripped, so the message does not say it cannot connect.
        var code = MailKitUsings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public async Task SendAsync()
                {
                    var o = options.Value;
                    using var client = new SmtpClient();
                    await client.ConnectAsync(o.Host, o.Port, {|#0:o.UseSsl|});
                }
            }
            """;
        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalFiles.Add((Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 465, "UseSsl": {|#1:false|} } }"""));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.Development.json", """{ "Smtp": { "Port": 587 } }"""));
        test.ExpectedDiagnostics.Add(Expected("appsettings.json", "Smtp:UseSsl", "false", "smtp.example.com:465", "useSsl: false" + Strippable));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("\"None\"", "none")]
    [InlineData("\"none\"", "none")]
    [InlineData("0", "none")]
    [InlineData("\"StartTlsWhenAvailable\"", "strippable")]
    [InlineData("4", "strippable")]
    public async Task MailKitOptionsProperty_BinderValues_Report(string value, string kind)
    {
        const string code = MailKitUsings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect(options.Value.Host, options.Value.Port, {|#0:options.Value.Security|});
                }
            }
            """;
        var json = "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"Port\": 587, \"Security\": {|#1:" + value + "|} } }";

        await VerifyAsync(code, json, Expected(
            "appsettings.json",
            "Smtp:Security",
            value,
            "smtp.example.com:587",
            kind == "none" ? ClearText : "SecureSocketOptions.StartTlsWhenAvailable" + Strippable));
    }

    [Theory]
    [InlineData("Enum.Parse<SecureSocketOptions>(configuration[\"Smtp:Security\"]!)")]
    [InlineData("(SecureSocketOptions)Enum.Parse(typeof(SecureSocketOptions), configuration[\"Smtp:Security\"]!)")]
    [InlineData("Enum.Parse<SecureSocketOptions>(configuration.GetSection(\"Smtp\")[\"Security\"]!, ignoreCase: true)")]
    [InlineData("configuration.GetValue<SecureSocketOptions>(\"Smtp:Security\")")]
    public async Task MailKitEnumParse_Reports(string read)
    {
        var code = MailKitUsings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, {|#0:{{read}}|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Security": {|#1:"None"|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Security", "\"None\"", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("Enum.TryParse<SecureSocketOptions>(configuration[\"Smtp:Security\"], out var mode);", "mode")]
    [InlineData("Enum.TryParse(typeof(SecureSocketOptions), configuration[\"Smtp:Security\"], out object? mode);", "(SecureSocketOptions)mode!")]
    [InlineData("Enum.TryParse(configuration[\"Smtp:Security\"], ignoreCase: true, out SecureSocketOptions mode);", "mode")]
    public async Task MailKitEnumTryParse_Reports(string parse, string use)
    {
        var code = MailKitUsings + $$"""
            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    {{parse}}
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, {|#0:{{use}}|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Security": {|#1:"StartTlsWhenAvailable"|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Security", "\"StartTlsWhenAvailable\"", "smtp.example.com:587", "SecureSocketOptions.StartTlsWhenAvailable" + Strippable));
    }

    [Theory]
    [InlineData("Enum.TryParse<SecureSocketOptions>(configuration[\"Smtp:Security\"], out var mode);", "mode", true)]
    [InlineData("", "Enum.TryParse(configuration[\"Smtp:Security\"], true, out SecureSocketOptions mode) ? mode : SecureSocketOptions.StartTls", false)]
    [InlineData("Enum.TryParse(typeof(SecureSocketOptions), configuration[\"Smtp:Security\"], out object? mode);", "(SecureSocketOptions)mode!", false)]
    [InlineData("if (!Enum.TryParse<SecureSocketOptions>(configuration[\"Smtp:Security\"], out var mode)) return;", "mode", false)]
    [InlineData("Enum.TryParse<Security>(configuration[\"Smtp:Security\"], out var own);", "(SecureSocketOptions)(int)own", false)]
    public async Task MailKitEnumTryParseCannotRead_TheDefaultIsNone(string parse, string use, bool reported)
    {
        // "TLS" is no member: the generic TryParse leaves default(SecureSocketOptions), None; a fallback the code gives
        // decides instead; the untyped TryParse leaves null, which the cast cannot unbox; code that checks the answer
        // does not connect; the project's own enum has a member TLS (3, MailKit's StartTls).
        var code = MailKitUsings + $$"""
            public enum Security { Plain = 0, TLS = 3 }

            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    {{parse}}
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, {{(reported ? "{|#0:" + use + "|}" : use)}});
                }
            }
            """;
        var json = "{ \"Smtp\": { \"Security\": " + (reported ? "{|#1:\"TLS\"|}" : "\"TLS\"") + " } }";

        await VerifyAsync(
            code,
            json,
            reported
                ? new[] { Expected("appsettings.json", "Smtp:Security", "\"TLS\" (which TryParse cannot read, so the code uses SecureSocketOptions.None)", "smtp.example.com:587", ClearText) }
                : System.Array.Empty<DiagnosticResult>());
    }

    [Theory]
    [InlineData("StartTls", true)]
    [InlineData("None", false)]
    public async Task ProjectsOwnEnumConvertedByNumber_IsReadByItsValue(string configured, bool reported)
    {
        // The binder reads the name into the project's enum; the cast converts its number, not its name: the project's
        // StartTls is 0, MailKit's None, and its None is 2, MailKit's SslOnConnect.
        var code = MailKitUsings + $$"""
            public enum MailSecurity { StartTls = 0, SslOnConnect = 1, None = 2 }

            public class MailOptions { public string Host { get; set; } = ""; public int Port { get; set; } public MailSecurity Security { get; set; } }

            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    var o = configuration.GetSection("Smtp").Get<MailOptions>()!;
                    using var client = new SmtpClient();
                    client.Connect(o.Host, o.Port, {{(reported ? "{|#0:(SecureSocketOptions)(int)o.Security|}" : "(SecureSocketOptions)(int)o.Security")}});
                }
            }
            """;
        var json = "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"Port\": 587, \"Security\": " + (reported ? "{|#1:\"" + configured + "\"|}" : "\"" + configured + "\"") + " } }";

        await VerifyAsync(
            code,
            json,
            reported
                ? new[] { Expected("appsettings.json", "Smtp:Security", "\"StartTls\" (MailSecurity.StartTls, which the code converts to SecureSocketOptions.None)", "smtp.example.com:587", ClearText) }
                : System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task ProjectsOwnEnumMirroringMailKits_MessageNamesTheValueAlone()
    {
        // Umbraco's own SecureSocketOptions numbers its modes as MailKit does: the conversion changes nothing to say.
        var code = MailKitUsings + """
            namespace Cms
            {
                public enum SecureSocketOptions { None = 0, Auto = 1, SslOnConnect = 2, StartTls = 3, StartTlsWhenAvailable = 4 }

                public class SmtpSettings { public string Host { get; set; } = ""; public SecureSocketOptions Security { get; set; } }
            }

            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    var o = configuration.GetSection("Smtp").Get<Cms.SmtpSettings>()!;
                    using var client = new SmtpClient();
                    client.Connect(o.Host, 587, {|#0:(SecureSocketOptions)(int)o.Security|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Host": "smtp.example.com", "Security": {|#1:"None"|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Security", "\"None\"", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("Max")]
    [InlineData("18446744073709551615")]
    public async Task ProjectsOwnUnsignedEnumBeyondLongsRange_IsReadWithoutFailing(string configured)
    {
        // No MailKit mode has that number: nothing is proven, and nothing overflows.
        var code = MailKitUsings + """
            public enum MailSecurity : ulong { None = 0, Max = ulong.MaxValue }

            public class MailOptions { public string Host { get; set; } = ""; public MailSecurity Security { get; set; } }

            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    var o = configuration.GetSection("Smtp").Get<MailOptions>()!;
                    using var client = new SmtpClient();
                    client.Connect(o.Host, 587, (SecureSocketOptions)(int)o.Security);
                }
            }
            """;

        await VerifyAsync(code, "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"Security\": \"" + configured + "\" } }");
    }

    [Fact]
    public async Task MailKitEnumParseIsCaseSensitive_WrongCaseThrows_NoDiagnostic()
    {
        const string code = MailKitUsings + """
            public class EmailSender
            {
                public void Send(IConfiguration configuration)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, Enum.Parse<SecureSocketOptions>(configuration["Smtp:Security"]!));
                }
            }
            """;

        await VerifyAsync(code, """{ "Smtp": { "Security": "none" } }""");
    }

    [Fact]
    public async Task MailKitAutoOnConfiguredPort_ReportsAtThePort()
    {
        const string code = MailKitUsings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public async Task SendAsync()
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(options.Value.Host, {|#0:options.Value.Port|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Host": "smtp.example.com", "Port": {|#1:25|} } }""";

        // The port is the value the message names: the endpoint adds the host only.
        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Port", "25", "smtp.example.com", "SecureSocketOptions.Auto on port 25" + Strippable));
    }

    [Fact]
    public async Task MailKitAutoOnConfiguredPortWithoutHost_NamesThePortOnce()
    {
        const string code = MailKitUsings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public async Task SendAsync()
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(options.Value.Host, {|#0:options.Value.Port|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Host": "", "Port": {|#1:587|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Port", "587", string.Empty, "SecureSocketOptions.Auto on port 587" + Strippable));
    }

    [Fact]
    public async Task MailKitConfiguredAutoOnConstantPort_Reports()
    {
        const string code = MailKitUsings + SmtpOptions + Register + """

            public class Reader(IOptions<SmtpOptions> options)
            {
                public void Read()
                {
                    using var client = new ImapClient();
                    client.Connect("imap.example.com", 143, {|#0:options.Value.Security|});
                }
            }
            """;
        const string json = """{ "Smtp": { "Security": {|#1:"Auto"|} } }""";

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:Security", "\"Auto\"", "imap.example.com:143", "SecureSocketOptions.Auto on port 143" + Strippable));
    }

    [Theory]
    [InlineData("o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None", "false", "587", "none")]
    [InlineData("!o.UseSsl ? SecureSocketOptions.Auto : SecureSocketOptions.StartTls", "false", "587", "auto")]
    [InlineData("o.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable", "false", "587", "when available")]
    public async Task MailKitModeChosenByConfiguredFlag_Reports(string choice, string value, string port, string kind)
    {
        var code = MailKitUsings + SmtpOptions + Register + $$"""

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send()
                {
                    var o = options.Value;
                    var mode = {{choice}};
                    using var client = new SmtpClient();
                    client.Connect(o.Host, o.Port, {|#0:mode|});
                    client.Authenticate("user", "password");
                }
            }
            """;
        var key = choice.Contains("EnableSsl", StringComparison.Ordinal) ? "EnableSsl" : "UseSsl";
        var json = "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"Port\": " + port + ", \"" + key + "\": {|#1:" + value + "|} } }";

        await VerifyAsync(code, json, Expected(
            "appsettings.json",
            "Smtp:" + key,
            value,
            "smtp.example.com:" + port,
            kind switch
            {
                "none" => LoginInClearText,
                "auto" => "SecureSocketOptions.Auto on port " + port + Strippable + " and read the login",
                _ => "SecureSocketOptions.StartTlsWhenAvailable" + Strippable + " and read the login",
            }));
    }

    [Fact]
    public async Task MailKitFlagBetweenModesWithoutRealTls_LeftToTheCodeRules()
    {
        // None or Auto on 587: no value of the flag gives real TLS, which SMTP004 reports from the code alone.
        const string code = MailKitUsings + SmtpOptions + Register + """

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send()
                {
                    var o = options.Value;
                    using var client = new SmtpClient();
                    client.Connect(o.Host, 587, o.UseSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None);
                }
            }
            """;

        await VerifyAsync(code, "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"UseSsl\": false } }");
    }

    [Theory]
    [InlineData("o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None", "true", "465")]
    [InlineData("o.UseSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto", "false", "465")]
    [InlineData("o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None", "\"yes\"", "465")]
    public async Task MailKitModeChosenByConfiguredFlag_SecureOrUnreadable_NoDiagnostic(string choice, string value, string port)
    {
        var code = MailKitUsings + SmtpOptions + Register + $$"""

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send()
                {
                    var o = options.Value;
                    using var client = new SmtpClient();
                    client.Connect(o.Host, o.Port, {{choice}});
                }
            }
            """;

        await VerifyAsync(code, "{ \"Smtp\": { \"Host\": \"smtp.example.com\", \"Port\": " + port + ", \"UseSsl\": " + value + " } }");
    }

    [Theory]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port, options.Value.Security);", "\"Security\": \"SslOnConnect\", \"Port\": 465")]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port, options.Value.Security);", "\"Security\": \"StartTls\", \"Port\": 587")]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port, options.Value.Security);", "\"Security\": \"Auto\", \"Port\": 465")]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port);", "\"Port\": 465")]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port, options.Value.UseSsl);", "\"UseSsl\": true, \"Port\": 465")]
    [InlineData("client.Connect(options.Value.Host, 587, SecureSocketOptions.None);", "\"Port\": 25")]
    [InlineData("client.Connect(options.Value.Host, options.Value.Port, options.Value.Security);", "\"Security\": \"None\", \"Host\": \"localhost\"")]
    public async Task MailKitSecureOrNotDecidedByConfiguration_NoDiagnostic(string connect, string settings)
    {
        var code = MailKitUsings + SmtpOptions + Register + $$"""

            public class EmailSender(IOptions<SmtpOptions> options)
            {
                public void Send()
                {
                    using var client = new SmtpClient();
                    {{connect}}
                }
            }
            """;

        var host = settings.Contains("Host", StringComparison.Ordinal) ? string.Empty : "\"Host\": \"smtp.example.com\", ";
        await VerifyAsync(code, "{ \"Smtp\": { " + host + settings + " } }");
    }

    // ---- Environments ----

    private const string EnvironmentCode = Usings + SmtpOptions + Register + """

        public class EmailSender(IOptions<SmtpOptions> options)
        {
            public void Send(MailMessage message)
            {
                using var client = new SmtpClient(options.Value.Host, options.Value.Port) { EnableSsl = {|#0:options.Value.EnableSsl|} };
                client.Send(message);
            }
        }
        """;

    [Fact]
    public async Task DevelopmentPointsAtLocalSink_OnlyTheBaseIsReported()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": {|#1:false|} } }"""),
                ("/app/appsettings.Development.json", """{ "Smtp": { "Host": "localhost", "Port": 1025 } }"""),
            },
            Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task DevelopmentLocalSinkWithSslOff_SecureBase_NoDiagnostic()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } }"""),
                ("/app/appsettings.Development.json", """{ "Smtp": { "Host": "localhost", "Port": 1025, "EnableSsl": false } }"""),
            });
    }

    [Fact]
    public async Task ProductionOverridesWithFalse_ReportsTheProductionFile()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } }"""),
                ("/app/appsettings.Production.json", """{ "smtp": { "enablessl": {|#1:false|} } }"""),
            },
            Expected("appsettings.Production.json", "smtp:enablessl", "false", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task BaseLocalhostProductionRealHost_ReportsTheBaseValueForProduction()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "localhost", "Port": 25, "EnableSsl": {|#1:false|} } }"""),
                ("/app/appsettings.Production.json", """{ "Smtp": { "Host": "smtp.example.com" } }"""),
                ("/app/appsettings.Staging.json", """{ "Smtp": { "Host": "smtp.staging.example.com", "EnableSsl": true } }"""),
            },
            Expected("appsettings.json in the Production environment", "Smtp:EnableSsl", "false", "smtp.example.com:25", ClearText));
    }

    [Fact]
    public async Task BaseAndStagingBothInsecure_OneDiagnosticPerFile()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": {|#1:false|} } }"""),
                ("/app/appsettings.Staging.json", """{ "Smtp": { "EnableSsl": {|#2:"false"|} } }"""),
                ("/app/appsettings.Production.json", """{ "Smtp": { "Port": 2525 } }"""),
            },
            Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText),
            Expected("appsettings.Staging.json", "Smtp:EnableSsl", "\"false\"", "smtp.example.com:587", ClearText, value_: 2));
    }

    [Fact]
    public async Task UnreadableEnvironmentFile_DecidesNothingForItsLayer()
    {
        await VerifyAsync(
            EnvironmentCode,
            new[]
            {
                (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } }"""),
                ("/app/appsettings.Production.json", """{ "Smtp": { "EnableSsl": false """),
            });
    }

    // ---- Files that are hard to read ----

    private const string HostileCode = Usings + """
        public class EmailSender
        {
            public void Send(IConfiguration configuration, MailMessage message)
            {
                using var client = new SmtpClient("smtp.example.com", 587);
                client.EnableSsl = configuration.GetValue<bool>("Smtp:EnableSsl");
                client.Send(message);
            }
        }
        """;

    [Fact]
    public async Task CommentsAndTrailingCommas_AreRead_WithTheValuesPosition()
    {
        var code = HostileCode.Replace("configuration.GetValue<bool>(\"Smtp:EnableSsl\")", "{|#0:configuration.GetValue<bool>(\"Smtp:EnableSsl\")|}");
        const string json = """
            /* Mail */
            {
              // the relay
              "Smtp": {
                "EnableSsl": /* for now */ {|#1:false|},
              },
            }
            """;

        await VerifyAsync(code, json, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("{ \"Smtp\": { \"EnableSsl\": false }")]
    [InlineData("{ \"Smtp\": { \"EnableSsl\": false }, \"smtp\": { \"enablessl\": true } }")]
    [InlineData("[ { \"Smtp\": { \"EnableSsl\": false } } ]")]
    [InlineData("<configuration />")]
    [InlineData("")]
    public async Task InvalidJson_NoDiagnosticNoException(string json) =>
        await VerifyAsync(HostileCode, json);

    [Fact]
    public async Task HugeDeepAndNonUtf8Files_NoDiagnosticNoException()
    {
        var huge = "{ \"Smtp\": { \"EnableSsl\": false }, \"Big\": \"" + new string('x', 10 * 1024 * 1024) + "\" }";
        var deep = "{ \"Smtp\": { \"EnableSsl\": false }, \"a\": " + string.Concat(System.Linq.Enumerable.Repeat("[", 100_000)) + " }";
        var latin1 = System.Text.Encoding.Latin1.GetBytes("{ \"Smtp\": { \"Host\": \"caf\u00e9\", \"EnableSsl\": false } }");

        foreach (var content in new[] { huge, deep })
        {
            await VerifyAsync(HostileCode, content);
        }

        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = HostileCode };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalFiles.Add((Json, Microsoft.CodeAnalysis.Text.SourceText.From(latin1, latin1.Length, System.Text.Encoding.Latin1)));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- appSettings of App.config and Web.config ----

    private const string AppSettingsCode = """
        using System.Configuration;
        using System.Net.Mail;

        public class LegacyMailer
        {
            public void Send(MailMessage message)
            {
                using var client = new SmtpClient(ConfigurationManager.AppSettings["SmtpHost"]);
                client.EnableSsl = {|#0:bool.Parse(ConfigurationManager.AppSettings["SmtpSsl"]!)|};
                client.Send(message);
            }
        }
        """;

    [Fact]
    public async Task AppSettingsFalse_Reports()
    {
        const string config = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="SmtpHost" value="smtp.example.com" />
                <add key="smtpssl" value="{|#1:false|}" />
              </appSettings>
            </configuration>
            """;

        await VerifyAsync(AppSettingsCode, new[] { ("/app/App.config", config) }, Expected("App.config", "smtpssl", "\"false\"", "smtp.example.com", ClearText));
    }

    [Theory]
    [InlineData("<location path=\".\" inheritInChildApplications=\"false\">", true)]
    [InlineData("<location inheritInChildApplications=\"false\">", true)]
    [InlineData("<location path=\"admin\">", false)]
    public async Task AppSettingsInALocation_ReadWhenTheLocationIsTheApplication(string location, bool reported)
    {
        // A location of the application's own path configures the application; another path, that folder only.
        var config = $$"""
            <configuration>
              <appSettings>
                <add key="SmtpHost" value="smtp.example.com" />
              </appSettings>
              {{location}}
                <appSettings>
                  <add key="SmtpSsl" value="{{(reported ? "{|#1:false|}" : "false")}}" />
                </appSettings>
              </location>
            </configuration>
            """;
        var code = reported ? AppSettingsCode : AppSettingsCode.Replace("{|#0:", string.Empty).Replace("!)|}", "!)");

        await VerifyAsync(
            code,
            new[] { ("/app/Web.config", config) },
            reported ? new[] { Expected("Web.config", "SmtpSsl", "\"false\"", "smtp.example.com", ClearText) } : System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task AppSettingsOnNetFramework_ThroughALocalAndGet_Reports()
    {
        const string code = """
            using System.Configuration;
            using System.Net.Mail;

            public class LegacyMailer
            {
                public void Send(MailMessage message)
                {
                    var settings = ConfigurationManager.AppSettings;
                    var client = new SmtpClient("smtp.example.com", 25);
                    client.EnableSsl = {|#0:settings.Get("SmtpSsl") == "True"|};
                    client.Send(message);
                }
            }
            """;
        const string config = """
            <configuration>
              <appSettings>
                <add key="SmtpSsl" value="true" />
                <remove key="SmtpSsl" />
                <add key="SmtpSsl" value="{|#1:true|}" />
              </appSettings>
            </configuration>
            """;

        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code };
        test.OnNetFramework48();
        test.TestState.AdditionalFiles.Add(("/app/Web.config", config));
        test.ExpectedDiagnostics.Add(Expected("Web.config", "SmtpSsl", "\"true\" (the code compares it with \"True\", so it reads false)", "smtp.example.com:25", ClearText));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WebConfigurationManagerAppSettings_Reports()
    {
        const string code = """
            using System.Net.Mail;
            using System.Web.Configuration;

            public class WebMailer
            {
                public void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = {|#0:System.Convert.ToBoolean(WebConfigurationManager.AppSettings["SmtpSsl"])|};
                    client.Send(message);
                }
            }
            """;

        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = code };
        test.OnNetFramework48();
        test.ReferenceAssemblies = TestReferences.NetFramework48.AddAssemblies(System.Collections.Immutable.ImmutableArray.Create("System.Web"));
        test.TestState.AdditionalFiles.Add(("/app/Web.config", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"{|#1:False|}\" /></appSettings></configuration>"));
        test.ExpectedDiagnostics.Add(Expected("Web.config", "SmtpSsl", "\"False\"", "smtp.example.com:587", ClearText));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("<add key=\"SmtpSsl\" value=\"True\" />")]
    [InlineData("<add key=\"SmtpSsl\" value=\"false\" /><clear />")]
    [InlineData("<add key=\"SmtpSsl\" value=\"false\" /><remove key=\"SMTPSSL\" />")]
    [InlineData("<add key=\"SmtpSsl\" value=\"no\" />")]
    public async Task AppSettingsSecureMissingOrUnparsable_NoDiagnostic(string entries)
    {
        var config = "<configuration><appSettings><add key=\"SmtpHost\" value=\"smtp.example.com\" />" + entries + "</appSettings></configuration>";
        await VerifyAsync(AppSettingsCode.Replace("{|#0:", string.Empty).Replace("!)|}", "!)"), new[] { ("/app/App.config", config) });
    }

    [Theory]
    [InlineData("<appSettings file=\"secrets.config\"><add key=\"SmtpSsl\" value=\"false\" /></appSettings>")]
    [InlineData("<appSettings configSource=\"app.secrets.config\" />")]
    [InlineData("<appSettings><add key=\"SmtpSsl\" value=\"false\" /></appSettings><!DOCTYPE x>")]
    public async Task AppSettingsElsewhereOrUnreadable_NoDiagnostic(string section)
    {
        var config = "<configuration>" + section + "</configuration>";
        var code = AppSettingsCode.Replace("{|#0:", string.Empty).Replace("!)|}", "!)");
        await VerifyAsync(code, new[] { ("/app/App.config", config), ("/app/Web.Release.config", "<configuration><appSettings><add key=\"SmtpSsl\" value=\"false\" /></appSettings></configuration>") });
    }

    // ---- Mail code in a library, configuration in the host ----

    private static async Task<Microsoft.CodeAnalysis.MetadataReference> LibraryAsync(string source)
    {
        var references = (await TestReferences.Net80.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "MailLibrary",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static async Task VerifyHostAsync(string library, string host, string json, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<RuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = host };
        test.TestState.AdditionalReferences.AddRange(ConfigurationReferences.All);
        test.TestState.AdditionalReferences.Add(await LibraryAsync(library));
        test.TestState.AdditionalFiles.Add((Json, json));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private const string SystemNetMailLibrary = """
        namespace MailLibrary;

        public class SmtpSettings
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool EnableSsl { get; set; }
        }

        public class Sender
        {
            public void Send(SmtpSettings settings, System.Net.Mail.MailMessage message)
            {
                using var client = new System.Net.Mail.SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
                client.Send(message);
            }
        }
        """;

    private const string HostCode = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
            public static void Register(IServiceCollection services, IConfiguration configuration)
            {
                {|#0:services.Configure<MailLibrary.SmtpSettings>(configuration.GetSection("Smtp"))|};
            }
        }
        """;

    [Fact]
    public async Task LibraryOptionsBoundInTheHost_EnableSslOfAMailAssembly_ReportsAtTheBinding()
    {
        await VerifyHostAsync(
            SystemNetMailLibrary,
            HostCode,
            """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": {|#1:false|} } }""",
            Expected(
                "appsettings.json",
                "Smtp:EnableSsl",
                "false",
                "smtp.example.com:587",
                "if the mail code of MailLibrary uses SmtpSettings.EnableSsl as its TLS setting (inferred from its name and type, in an assembly that references System.Net.Mail), " + ClearText));
    }

    [Fact]
    public async Task LibraryOptionsBoundInTheHost_SecureSocketOptionsProperty_Reports()
    {
        const string library = """
            namespace MailLibrary;

            public class SmtpSettings
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public MailKit.Security.SecureSocketOptions Security { get; set; }
            }
            """;

        await VerifyHostAsync(
            library,
            HostCode.Replace("services.Configure<MailLibrary.SmtpSettings>(configuration.GetSection(\"Smtp\"))", "services.AddOptions<MailLibrary.SmtpSettings>().BindConfiguration(\"Smtp\")"),
            """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "Security": {|#1:"StartTlsWhenAvailable"|} } }""",
            Expected(
                "appsettings.json",
                "Smtp:Security",
                "\"StartTlsWhenAvailable\"",
                "smtp.example.com:587",
                "if the mail code of MailLibrary uses SmtpSettings.Security as its TLS setting (inferred from its type), SecureSocketOptions.StartTlsWhenAvailable" + Strippable));
    }

    [Theory]
    [InlineData("""{ "Smtp": { "Host": "smtp.example.com", "EnableSsl": true } }""")]
    [InlineData("""{ "Smtp": { "Host": "localhost", "EnableSsl": false } }""")]
    [InlineData("""{ "Other": { "EnableSsl": false } }""")]
    public async Task LibraryOptionsBoundInTheHost_SecureLocalOrUnset_NoDiagnostic(string json) =>
        await VerifyHostAsync(SystemNetMailLibrary, HostCode.Replace("{|#0:", string.Empty).Replace("))|}", "))"), json);

    [Fact]
    public async Task LibraryOptionsWrittenByTheHostsCode_NoDiagnostic()
    {
        var host = HostCode.Replace("{|#0:", string.Empty).Replace("))|};", "));\n        services.PostConfigure<MailLibrary.SmtpSettings>(o => o.EnableSsl = true);");
        await VerifyHostAsync(SystemNetMailLibrary, host, """{ "Smtp": { "Host": "smtp.example.com", "EnableSsl": false } }""");
    }

    [Fact]
    public async Task LibraryOptionsOfAnAssemblyWithoutMail_NoDiagnostic()
    {
        const string library = """
            namespace MailLibrary;

            public class SmtpSettings { public string HostName { get; set; } = ""; public bool EnableSsl { get; set; } }
            """;

        await VerifyHostAsync(library, HostCode.Replace("{|#0:", string.Empty).Replace("))|}", "))"), """{ "Smtp": { "HostName": "rabbit.example.com", "EnableSsl": false } }""");
    }

    // ---- Visual Basic ----

    private const string VisualBasicAppSettingsCode = """
        Imports System.Configuration
        Imports System.Net.Mail

        Public Class LegacyMailer
            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient(ConfigurationManager.AppSettings("SmtpHost"), 587)
                    client.EnableSsl = {|#0:READ|}
                    client.Send(message)
                End Using
            End Sub
        End Class
        """;

    private static (string Path, string Content) VisualBasicAppConfig(string value) => ("/app/App.config", $$"""
        <configuration>
          <appSettings>
            <add key="SmtpHost" value="smtp.example.com" />
            <add key="SmtpSsl" value="{|#1:{{value}}|}" />
          </appSettings>
        </configuration>
        """);

    [Theory]
    [InlineData("Boolean.Parse(ConfigurationManager.AppSettings(\"SmtpSsl\"))")]
    [InlineData("CBool(ConfigurationManager.AppSettings(\"SmtpSsl\"))")]
    [InlineData("System.Convert.ToBoolean(ConfigurationManager.AppSettings.Get(\"smtpssl\"))")]
    public async Task VisualBasic_AppSettingsFalse_Reports(string read)
    {
        await VerifyVisualBasicAsync(
            VisualBasicAppSettingsCode.Replace("READ", read, StringComparison.Ordinal),
            new[] { VisualBasicAppConfig("false") },
            Expected("App.config", "SmtpSsl", "\"false\"", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("Boolean.TryParse(ConfigurationManager.AppSettings(\"SmtpSsl\"), ssl) AndAlso ssl")]
    [InlineData("If(Boolean.TryParse(ConfigurationManager.AppSettings(\"SmtpSsl\").Trim(), ssl), ssl, False)")]
    [InlineData("Boolean.Parse(ConfigurationManager.AppSettings(\"SmtpSsl\").ToString())")]
    public async Task VisualBasic_ParsedInline_Reports(string read)
    {
        var code = VisualBasicAppSettingsCode
            .Replace("Using client As New", "Dim ssl As Boolean\n        Using client As New", StringComparison.Ordinal)
            .Replace("READ", read, StringComparison.Ordinal);
        await VerifyVisualBasicAsync(code, new[] { VisualBasicAppConfig("false") }, Expected("App.config", "SmtpSsl", "\"false\"", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task VisualBasic_TryParseIntoALocal_Reports()
    {
        // Visual Basic passes the local ByRef: the parameter is Ref there, where C# sees out.
        const string code = """
            Imports System.Configuration
            Imports System.Net.Mail

            Public Class LegacyMailer
                Public Sub Send(message As MailMessage)
                    Dim ssl As Boolean
                    Boolean.TryParse(ConfigurationManager.AppSettings("SmtpSsl"), ssl)
                    Using client As New SmtpClient(ConfigurationManager.AppSettings("SmtpHost"), 587)
                        client.EnableSsl = {|#0:ssl|}
                        client.Send(message)
                    End Using
                End Sub
            End Class
            """;

        await VerifyVisualBasicAsync(code, new[] { VisualBasicAppConfig("false") }, Expected("App.config", "SmtpSsl", "\"false\"", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task VisualBasic_ModeChosenByAConfiguredFlag_Reports()
    {
        const string code = """
            Imports System.Configuration
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Public Class Mailer
                Public Sub Send()
                    Using client As New SmtpClient()
                        client.Connect("smtp.example.com", 587, {|#0:If(Boolean.Parse(ConfigurationManager.AppSettings("SmtpSsl")), SecureSocketOptions.StartTls, SecureSocketOptions.None)|})
                    End Using
                End Sub
            End Class
            """;

        await VerifyVisualBasicAsync(code, new[] { VisualBasicAppConfig("false") }, Expected("App.config", "SmtpSsl", "\"false\"", "smtp.example.com:587", ClearText));
    }

    [Theory]
    [InlineData("CBool(ConfigurationManager.AppSettings(\"SmtpSsl\"))", "0", true)]
    [InlineData("ConfigurationManager.AppSettings(\"SmtpSsl\")", "0", true)]
    [InlineData("CBool(ConfigurationManager.AppSettings(\"SmtpSsl\"))", "1", false)]
    [InlineData("Boolean.Parse(ConfigurationManager.AppSettings(\"SmtpSsl\"))", "0", false)]
    public async Task VisualBasic_AppSettingsNumber_ReadAsVisualBasicConvertsIt(string read, string value, bool reports)
    {
        // CBool and Option Strict Off's implicit conversion read a number (0 is False); Boolean.Parse throws on it.
        var test = new VisualBasicAnalyzerVerifier<VisualBasicRuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test
        {
            TestCode = VisualBasicAppSettingsCode.Replace("READ", read, StringComparison.Ordinal),
            OptionStrict = Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off,
        };
        var config = VisualBasicAppConfig(value);
        await RunAsync(
            test,
            new[] { reports ? config : (config.Path, config.Content.Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)) },
            reports ? new[] { Expected("App.config", "SmtpSsl", "\"0\"", "smtp.example.com:587", ClearText) } : Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task VisualBasic_AppSettingsComparedWithOtherCase_Reports()
    {
        await VerifyVisualBasicAsync(
            VisualBasicAppSettingsCode.Replace("READ", "ConfigurationManager.AppSettings(\"SmtpSsl\") = \"True\"", StringComparison.Ordinal),
            new[] { VisualBasicAppConfig("true") },
            Expected("App.config", "SmtpSsl", "\"true\" (the code compares it with \"True\", so it reads false)", "smtp.example.com:587", ClearText));
    }

    [Fact]
    public async Task VisualBasic_AppSettingsComparedUnderOptionCompareText_NoDiagnostic()
    {
        var code = "Option Compare Text\n" + VisualBasicAppSettingsCode.Replace("{|#0:READ|}", "ConfigurationManager.AppSettings(\"SmtpSsl\") = \"True\"", StringComparison.Ordinal);
        await VerifyVisualBasicAsync(code, new[] { VisualBasicAppConfig("true") });
    }

    [Theory]
    [InlineData("<add key=\"SmtpSsl\" value=\"True\" />")]
    [InlineData("<add key=\"SmtpSsl\" value=\"false\" /><remove key=\"SMTPSSL\" />")]
    [InlineData("<add key=\"SmtpHost\" value=\"localhost\" /><add key=\"SmtpSsl\" value=\"false\" />")]
    public async Task VisualBasic_AppSettingsSecureMissingOrLocal_NoDiagnostic(string entries)
    {
        var config = "<configuration><appSettings><add key=\"SmtpHost\" value=\"smtp.example.com\" />" + entries + "</appSettings></configuration>";
        await VerifyVisualBasicAsync(
            VisualBasicAppSettingsCode.Replace("{|#0:READ|}", "Boolean.Parse(ConfigurationManager.AppSettings(\"SmtpSsl\"))", StringComparison.Ordinal),
            new[] { ("/app/App.config", config) });
    }

    [Theory]
    [InlineData("configuration.GetValue(Of Boolean)(\"Smtp:EnableSsl\")")]
    [InlineData("Boolean.Parse(configuration(\"Smtp:EnableSsl\"))")]
    [InlineData("CBool(configuration.GetSection(\"Smtp\")(\"EnableSsl\"))")]
    [InlineData("configuration.GetSection(\"smtp\").GetValue(Of Boolean)(\"enablessl\")")]
    public async Task VisualBasic_ConfigurationReads_Report(string read)
    {
        var code = $$"""
            Imports System.Net.Mail
            Imports Microsoft.Extensions.Configuration

            Public Class EmailSender
                Public Sub Send(configuration As IConfiguration, message As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", 587)
                        client.EnableSsl = {|#0:{{read}}|}
                        client.Send(message)
                    End Using
                End Sub
            End Class
            """;

        await VerifyVisualBasicAsync(code, new[] { (Json, InsecureJson) }, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.example.com:587", ClearText));
    }

    private const string VisualBasicOptionsCode = """
        Imports System.Net.Mail
        Imports Microsoft.Extensions.Configuration
        Imports Microsoft.Extensions.DependencyInjection
        Imports Microsoft.Extensions.Options

        Public Class SmtpOptions
            Public Property Host As String = ""
            Public Property Port As Integer
            Public Property EnableSsl As Boolean
        End Class

        Public Module Startup
            Public Sub Register(services As IServiceCollection, configuration As IConfiguration)
                BINDING
            End Sub
        End Module

        Public Class EmailSender
            Private ReadOnly _options As SmtpOptions

            Public Sub New(options As IOptions(Of SmtpOptions))
                _options = options.Value
            End Sub

            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient(_options.Host, _options.Port) With {.EnableSsl = {|#0:_options.EnableSsl|}}
                    client.Send(message)
                End Using
            End Sub
        End Class
        """;

    [Theory]
    [InlineData("services.Configure(Of SmtpOptions)(configuration.GetSection(\"Smtp\"))")]
    [InlineData("services.AddOptions(Of SmtpOptions)().BindConfiguration(\"Smtp\")")]
    [InlineData("services.AddOptions(Of SmtpOptions)().Bind(configuration.GetSection(NameOf(Smtp)))")]
    public async Task VisualBasic_OptionsBoundToAppSettingsJson_Reports(string binding)
    {
        var code = VisualBasicOptionsCode.Replace("BINDING", binding, StringComparison.Ordinal) + "\n\nPublic Class Smtp\nEnd Class\n";
        await VerifyVisualBasicAsync(code, new[] { (Json, InsecureJson) }, Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText));
    }

    [Theory]
    [InlineData("services.Configure(Of SmtpOptions)(configuration.GetSection(\"Smtp\"))", """{ "Smtp": { "Host": "smtp.example.com", "EnableSsl": true } }""")]
    [InlineData("services.Configure(Of SmtpOptions)(configuration.GetSection(\"Smtp\"))", """{ "Smtp": { "Host": "localhost", "EnableSsl": false } }""")]
    [InlineData("services.Configure(Of SmtpOptions)(configuration.GetSection(\"Other\"))", """{ "Smtp": { "Host": "smtp.example.com", "EnableSsl": false } }""")]
    [InlineData("services.Configure(Of SmtpOptions)(\"named\", configuration.GetSection(\"Smtp\"))", """{ "Smtp": { "Host": "smtp.example.com", "EnableSsl": false } }""")]
    public async Task VisualBasic_OptionsSecureLocalUnboundOrNamed_NoDiagnostic(string binding, string json)
    {
        var code = VisualBasicOptionsCode.Replace("BINDING", binding, StringComparison.Ordinal).Replace("{|#0:_options.EnableSsl|}", "_options.EnableSsl", StringComparison.Ordinal);
        await VerifyVisualBasicAsync(code, new[] { (Json, json) });
    }

    [Fact]
    public async Task VisualBasic_MySettingsValue_NoDiagnostic()
    {
        // A value the project's own settings class keeps (My.Settings) is not read from appsettings or appSettings.
        const string code = """
            Imports System.Net.Mail

            Public Class Settings
                Public Shared ReadOnly Property EnableSsl As Boolean
                    Get
                        Return False
                    End Get
                End Property
            End Class

            Public Class Mailer
                Public Sub Send(message As MailMessage)
                    Using client As New SmtpClient("smtp.example.com", 587)
                        client.EnableSsl = Settings.EnableSsl
                        client.Send(message)
                    End Using
                End Sub
            End Class
            """;

        await VerifyVisualBasicAsync(code, new[] { (Json, InsecureJson.Replace("{|#1:false|}", "false", StringComparison.Ordinal)), ("/app/App.config", "<configuration><appSettings><add key=\"EnableSsl\" value=\"false\" /></appSettings></configuration>") });
    }

    [Fact]
    public async Task VisualBasic_MailKitUseSslFalse_Reports()
    {
        const string code = """
            Imports System.Threading.Tasks
            Imports MailKit.Net.Smtp
            Imports Microsoft.Extensions.Configuration

            Public Class EmailSender
                Public Async Function SendAsync(configuration As IConfiguration) As Task
                    Using client As New SmtpClient()
                        Await client.ConnectAsync("smtp.example.com", 587, {|#0:configuration.GetValue(Of Boolean)("Mail:UseSsl")|})
                    End Using
                End Function
            End Class
            """;

        await VerifyVisualBasicAsync(
            code,
            new[] { (Json, """{ "Mail": { "UseSsl": {|#1:false|} } }""") },
            Expected("appsettings.json", "Mail:UseSsl", "false", "smtp.example.com:587", "useSsl: false" + Strippable));
    }

    [Fact]
    public async Task VisualBasic_BindingInAnotherFileInLowerCase_IsFound()
    {
        const string startup = """
            Imports Microsoft.Extensions.Configuration
            Imports Microsoft.Extensions.DependencyInjection

            Public Module Program
                Public Sub Main(services As IServiceCollection, configuration As IConfiguration)
                    services.configure(of SmtpOptions)(configuration.getsection("Smtp"))
                End Sub
            End Module
            """;
        var mailer = VisualBasicOptionsCode.Replace("BINDING", string.Empty, StringComparison.Ordinal);

        var test = new VisualBasicAnalyzerVerifier<VisualBasicRuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test();
        test.TestState.Sources.Add(("/0/Mailer.vb", mailer));
        test.TestState.Sources.Add(("/0/Startup.vb", startup));
        await RunAsync(test, new[] { (Json, InsecureJson) }, new[] { Expected("appsettings.json", "Smtp:EnableSsl", "false", "smtp.163.com:25", ClearText) });
    }

    [Fact]
    public async Task VisualBasic_LibraryOptionsBoundInTheHost_ReportsAtTheBinding()
    {
        const string host = """
            Imports Microsoft.Extensions.Configuration
            Imports Microsoft.Extensions.DependencyInjection

            Public Module Program
                Public Sub Register(services As IServiceCollection, configuration As IConfiguration)
                    {|#0:services.AddOptions(Of MailLibrary.SmtpSettings)().Bind(configuration.GetSection("Smtp"))|}
                End Sub
            End Module
            """;

        var test = new VisualBasicAnalyzerVerifier<VisualBasicRuleAnalyzer<ConfigurationTurnsTlsOffRule>>.Test { TestCode = host };
        test.TestState.AdditionalReferences.Add(await LibraryAsync(SystemNetMailLibrary));
        await RunAsync(
            test,
            new[] { (Json, """{ "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": {|#1:false|} } }""") },
            new[]
            {
                Expected(
                    "appsettings.json",
                    "Smtp:EnableSsl",
                    "false",
                    "smtp.example.com:587",
                    "if the mail code of MailLibrary uses SmtpSettings.EnableSsl as its TLS setting (inferred from its name and type, in an assembly that references System.Net.Mail), " + ClearText),
            });
    }
}
