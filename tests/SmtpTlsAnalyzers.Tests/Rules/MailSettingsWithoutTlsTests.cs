using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.RuleAnalyzer<SmtpTlsAnalyzers.Rules.MailSettingsWithoutTlsRule>,
    SmtpTlsAnalyzers.CodeFixes.Rules.MailSettingsWithoutTlsCodeFixProvider>;
using VerifyMailSettingsVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicRuleAnalyzer<SmtpTlsAnalyzers.Rules.MailSettingsWithoutTlsRule>>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP011: the mailSettings of App.config, Web.config or a Web.*.config transform send without TLS.</summary>
public class MailSettingsWithoutTlsTests
{
    private const string Code = """
        using System.Net.Mail;

        class Mailer
        {
            void Send(MailMessage message)
            {
                using (var client = new SmtpClient())
                {
                    client.Send(message);
                }
            }
        }
        """;

    private const string Missing = "enableSsl is not set, and it defaults to false";
    private const string MailIsSent = "the mail is sent";

    [Fact]
    public async Task EnableSslMissing_ReportsAndFixes()
    {
        const string config = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="app@example.com">
                    <{|#0:network|} host="smtp.example.com" port="587" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        const string fixedConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="app@example.com">
                    <network enableSsl="true" host="smtp.example.com" port="587" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyFixAsync(
            "/src/App.config",
            config,
            fixedConfig,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com:587", Missing, MailIsSent));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData(" false ")]
    public async Task EnableSslFalse_ReportsAndFixes(string value)
    {
        var config = $"""
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" {"{|#0:enableSsl|}"}="{value}" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        const string fixedConfig = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyFixAsync(
            "/src/App.config",
            config,
            fixedConfig,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", $"enableSsl=\"{value}\"", MailIsSent));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData(" TRUE")]
    public async Task EnableSslTrue_NoDiagnostic(string value)
    {
        await VerifyAsync("/src/App.config", Network($"host=\"smtp.example.com\" enableSsl=\"{value}\" userName=\"app\" password=\"secret\""));
    }

    [Fact]
    public async Task EnableSslNotABoolean_NoDiagnostic()
    {
        // The runtime refuses the file; nothing is sent.
        await VerifyAsync("/src/App.config", Network("host=\"smtp.example.com\" enableSsl=\"yes\""));
    }

    [Fact]
    public async Task AttributeNameInWrongCase_NoDiagnostic()
    {
        // Configuration attribute names are case-sensitive: the runtime refuses EnableSSL ("Unrecognized attribute"),
        // so no client is created from this element, and adding enableSsl="true" beside it would not help.
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" EnableSSL="true" userName="app" password="secret" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Fact]
    public async Task Password_MessageSaysPasswordIsSent()
    {
        await VerifyAsync(
            "/src/Web.config",
            Network("{|#0:enableSsl|}=\"false\" host=\"smtp.example.com\" port=\"25\" userName=\"app\" password=\"secret\""),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com:25", "enableSsl=\"false\"", "the password and the mail are sent"));
    }

    [Fact]
    public async Task UserNameOnly_MessageSaysPasswordIsSent()
    {
        await VerifyAsync(
            "/src/App.config",
            Network("host=\"smtp.example.com\" userName=\"app\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, "the password and the mail are sent"));
    }

    [Fact]
    public async Task DefaultCredentials_MessageSaysWindowsLoginIsSent()
    {
        await VerifyAsync(
            "/src/App.config",
            Network("host=\"relay.corp.example\" defaultCredentials=\"True\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("relay.corp.example", Missing, "the Windows authentication exchange of the process and the mail are sent"));
    }

    [Fact]
    public async Task NoHost_NamesTheServer()
    {
        await VerifyAsync(
            "/src/App.config",
            Network("port=\"587\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("port 587", Missing, MailIsSent));
    }

    [Theory]
    [InlineData("SpecifiedPickupDirectory")]
    [InlineData("PickupDirectoryFromIis")]
    public async Task PickupDirectory_NoDiagnostic(string deliveryMethod)
    {
        var config = $"""
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="{deliveryMethod}">
                    <specifiedPickupDirectory pickupDirectoryLocation="C:\mail" />
                    <network host="smtp.example.com" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Fact]
    public async Task NetworkDeliveryNamed_Reports()
    {
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network">
                    <{|#0:network|} host="smtp.example.com" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config, VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task LoopbackHost_NoDiagnostic(string host)
    {
        await VerifyAsync("/src/App.config", Network($"host=\"{host}\" port=\"25\""));
    }

    [Fact]
    public async Task PlaintextHostFromCodeSection_NoDiagnostic()
    {
        var test = CreateTest("/src/App.config", Network("host=\"mailhog\" port=\"1025\""));
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = mailhog");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PlaintextHostFromConfigSection_NoDiagnostic()
    {
        var test = CreateTest("/src/App.config", Network("host=\"mailhog\" port=\"1025\""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.config]\nsmtp_tls_analyzers.plaintext_hosts = mailhog\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PlaintextHostsListsAnotherHost_Reports()
    {
        var test = CreateTest(
            "/src/App.config",
            Network("host=\"smtp.example.com\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent));
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = mailhog");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TransformSettingEnableSslFalse_ReportsAndFixes()
    {
        const string config = """
            <?xml version="1.0"?>
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network {|#0:enableSsl|}="false" xdt:Transform="SetAttributes" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        const string fixedConfig = """
            <?xml version="1.0"?>
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network enableSsl="true" xdt:Transform="SetAttributes" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyFixAsync(
            "/src/Web.Release.config",
            config,
            fixedConfig,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("the server", "enableSsl=\"false\"", MailIsSent));
    }

    [Fact]
    public async Task TransformSettingOtherAttributes_NoDiagnostic()
    {
        // SetAttributes keeps what the base Web.config says about enableSsl; the base file is judged on its own.
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" xdt:Transform="SetAttributes(host)" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.Release.config", config);
    }

    [Fact]
    public async Task TransformFileWhoseTransformsAreAllCommentedOut_NoDiagnostic()
    {
        // A Web.Debug.config as the template leaves it, with the samples commented out: it declares the transform
        // namespace, so its elements only locate; the build changes nothing with them and the runtime never reads it.
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <!--
              <connectionStrings>
                <add name="MyDB" connectionString="..." xdt:Transform="SetAttributes" xdt:Locator="Match(name)"/>
              </connectionStrings>
              -->
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" port="587" userName="user" password="secret" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.Debug.config", config);
    }

    [Theory]
    [InlineData("/src/Web.config")]
    [InlineData("/src/App.config")]
    public async Task BaseFileDeclaringTheTransformNamespace_IsStillRead(string path)
    {
        // The runtime reads Web.config and App.config whatever namespaces they declare.
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <{|#0:network|} host="smtp.example.com" port="587" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync(path, config, VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com:587", Missing, MailIsSent));
    }

    [Fact]
    public async Task TransformReplacingSmtpWithoutEnableSsl_Reports()
    {
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp xdt:Transform="Replace">
                    <{|#0:network|} host="smtp.example.com" userName="app" password="secret" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync(
            "/src/web.production.CONFIG",
            config,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, "the password and the mail are sent"));
    }

    [Fact]
    public async Task TransformRemovingNetwork_NoDiagnostic()
    {
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network enableSsl="false" xdt:Transform="Remove" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.Debug.config", config);
    }

    [Fact]
    public async Task TransformElementWithoutTransform_NoDiagnostic()
    {
        // Without xdt:Transform of its own (or a Replace around it) the element only locates: its enableSsl="false"
        // is never written into Web.config.
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <appSettings>
                <add key="mode" value="release" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />
              </appSettings>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" enableSsl="false" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.Release.config", config);
    }

    [Fact]
    public async Task TransformSetAttributesNotListingEnableSsl_NoDiagnostic()
    {
        // SetAttributes(host) writes the host only; the enableSsl="false" beside it is not applied.
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" enableSsl="false" xdt:Transform="SetAttributes(host)" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.Release.config", config);
    }

    [Fact]
    public async Task TransformSetAttributesListingEnableSsl_Reports()
    {
        const string config = """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" {|#0:enableSsl|}="false" xdt:Transform="SetAttributes(host, enableSsl)" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync(
            "/src/Web.Release.config",
            config,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", "enableSsl=\"false\"", MailIsSent));
    }

    [Fact]
    public async Task Port465_FixAlsoUsesPort587()
    {
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <{|#0:network|} host="smtp.example.com" port="465" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        const string fixedConfig = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network enableSsl="true" host="smtp.example.com" port="587" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyFixAsync(
            "/src/App.config",
            config,
            fixedConfig,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com:465", Missing, MailIsSent));
    }

    [Fact]
    public async Task TwoLocations_ReportsAndFixesBoth()
    {
        const string config = """
            <configuration>
              <location path="admin">
                <system.net>
                  <mailSettings>
                    <smtp>
                      <{|#0:network|} host="smtp.example.com" />
                    </smtp>
                  </mailSettings>
                </system.net>
              </location>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" {|#1:enableSsl|}='false'/>
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        const string fixedConfig = """
            <configuration>
              <location path="admin">
                <system.net>
                  <mailSettings>
                    <smtp>
                      <network enableSsl="true" host="smtp.example.com" />
                    </smtp>
                  </mailSettings>
                </system.net>
              </location>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="smtp.example.com" enableSsl='true'/>
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyFixAsync(
            "/src/Web.config",
            config,
            fixedConfig,
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent),
            VerifyCS.Diagnostic("SMTP011").WithLocation(1).WithArguments("smtp.example.com", "enableSsl=\"false\"", MailIsSent));
    }

    [Fact]
    public async Task OldConfigurationNamespace_Reports()
    {
        const string config = """
            <configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0">
              <system.net>
                <mailSettings>
                  <smtp>
                    <{|#0:network|} host="smtp.example.com" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/Web.config", config, VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent));
    }

    [Theory]
    [InlineData("/src/packages.config")]
    [InlineData("/src/nlog.config")]
    [InlineData("/src/App.config.bak")]
    [InlineData("/src/MyApp.exe.config")]
    public async Task OtherFileNames_NoDiagnostic(string path)
    {
        await VerifyAsync(path, Network("host=\"smtp.example.com\""));
    }

    [Fact]
    public async Task ConfigSource_NoDiagnostic()
    {
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp configSource="mail.config" />
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("this is not xml")]
    [InlineData("{ \"system.net\": { \"mailSettings\": {} } }")]
    [InlineData("<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\">")]
    [InlineData("<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\" enableSsl=\"false\"/></smtp></mailSettings></system.net></configuration><configuration/>")]
    public async Task EmptyMalformedOrNotXml_NoDiagnostic(string content)
    {
        await VerifyAsync("/src/App.config", content);
    }

    [Fact]
    public async Task DtdWithEntities_NoDiagnostic()
    {
        const string config = """
            <?xml version="1.0"?>
            <!DOCTYPE configuration [
              <!ENTITY host "smtp.example.com">
            ]>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="&host;" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Fact]
    public async Task BillionLaughs_NoDiagnostic()
    {
        const string config = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="&lol9;" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Fact]
    public async Task ExternalEntity_NoDiagnostic()
    {
        const string config = """
            <?xml version="1.0"?>
            <!DOCTYPE configuration [
              <!ENTITY host SYSTEM "http://attacker.example/host.txt">
            ]>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="&host;" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync("/src/App.config", config);
    }

    [Fact]
    public async Task HugeFile_NoDiagnostic()
    {
        var padding = new string(' ', 4 * 1024 * 1024);
        await VerifyAsync("/src/App.config", Network("host=\"smtp.example.com\"").Replace("<configuration>", "<configuration>" + padding));
    }

    [Fact]
    public async Task DotNet_NoDiagnostic()
    {
        // .NET never reads mailSettings; SMTP002 looks at the code there.
        var test = new VerifyCS.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/src/App.config", Network("host=\"smtp.example.com\"")));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutSystemNetMail_NoDiagnostic()
    {
        var test = new VerifyCS.Test { TestCode = "class C { }" };
        test.OnNetFramework48();
        test.ReferenceAssemblies = TestReferences.NetFramework48.WithAssemblies(ImmutableArray.Create("mscorlib"));
        test.TestState.AdditionalFiles.Add(("/src/App.config", Network("host=\"smtp.example.com\"")));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TestProject_NoDiagnostic()
    {
        var test = CreateTest("/src/App.config", Network("host=\"smtp.example.com\""));
        test.WithGlobalConfig("build_property.IsTestProject = true");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TestProjectOptedIn_Reports()
    {
        var test = CreateTest(
            "/src/App.config",
            Network("host=\"smtp.example.com\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent));
        test.WithGlobalConfig("build_property.IsTestProject = true\nsmtp_tls_analyzers.analyze_test_projects = true");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FileDeclaringAnotherEncoding_CompilerCouldNotDecode_ReportsWithoutNamingTheHost()
    {
        // The compiler decodes additional files as UTF-8; the Greek bytes of this ISO-8859-7 file become U+FFFD in
        // its text. The analyzer reads only that text (never the file), so the setting is reported and the host,
        // which it cannot read, is not named.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string greekHost = "smtp.\u03c0\u03b1\u03c1\u03ac\u03b4\u03b5\u03b9\u03b3\u03bc\u03b1.gr";
        const string template = """
            <?xml version="1.0" encoding="iso-8859-7"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="HOST" {|#0:enableSsl|}="false" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        var folder = Directory.CreateTempSubdirectory("smtp011-");
        try
        {
            var path = Path.Combine(folder.FullName, "App.config");
            var bytes = Encoding.GetEncoding("iso-8859-7").GetBytes(template.Replace("{|#0:", string.Empty).Replace("|}", string.Empty).Replace("HOST", greekHost));
            File.WriteAllBytes(path, bytes);
            var asTheCompilerSeesIt = template.Replace("HOST", Encoding.UTF8.GetString(Encoding.GetEncoding("iso-8859-7").GetBytes(greekHost)));
            Assert.Contains('\uFFFD', asTheCompilerSeesIt);

            await VerifyAsync(
                path,
                asTheCompilerSeesIt,
                VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("the server", "enableSsl=\"false\"", MailIsSent));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task FileDecodedWithSingleByteFallback_ReadAsDeclared()
    {
        // On Windows the compiler falls back to the ANSI code page (1252) when UTF-8 fails: the bytes survive and
        // are decoded again as the declaration says.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string cyrillicHost = "\u043f\u043e\u0447\u0442\u0430.example";
        var config = $"""
            <?xml version="1.0" encoding="windows-1251"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp>
                    <network host="{cyrillicHost}" {"{|#0:enableSsl|}"}="false" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;
        var ansi = Encoding.GetEncoding(1252);
        var asTheCompilerSeesIt = ansi.GetString(Encoding.GetEncoding(1251).GetBytes(config));

        var test = new VerifyCS.Test { TestCode = Code };
        test.OnNetFramework48();
        test.TestState.AdditionalFiles.Add(("/src/App.config", SourceText.From(asTheCompilerSeesIt, ansi)));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments(cyrillicHost, "enableSsl=\"false\"", MailIsSent));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TestProjectOptedInForCode_Reports()
    {
        var test = CreateTest(
            "/src/App.config",
            Network("host=\"smtp.example.com\"", "{|#0:network|}"),
            VerifyCS.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com", Missing, MailIsSent));
        test.WithGlobalConfig("build_property.IsTestProject = true");
        test.WithEditorConfig("smtp_tls_analyzers.analyze_test_projects = true");
        await test.RunAsync(CancellationToken.None);
    }

    private static string Network(string attributes, string element = "network") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.net>
            <mailSettings>
              <smtp>
                <{element} {attributes} />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private static VerifyCS.Test CreateTest(string path, string content, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = Code };
        test.OnNetFramework48();
        test.TestState.AdditionalFiles.Add((path, content));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static Task VerifyAsync(string path, string content, params DiagnosticResult[] expected) =>
        CreateTest(path, content, expected).RunAsync(CancellationToken.None);

    /// <summary>Checks the diagnostics with the markup, then the code fix on the configuration file.</summary>
    private static async Task VerifyFixAsync(string path, string content, string fixedContent, params DiagnosticResult[] expected)
    {
        await VerifyAsync(path, content, expected);
        await AdditionalFileCodeFixVerifier<RuleAnalyzer<MailSettingsWithoutTlsRule>, MailSettingsWithoutTlsCodeFixProvider>.VerifyAsync(
            TestReferences.NetFramework48,
            Code,
            path,
            content,
            fixedContent,
            MailSettingsWithoutTlsCodeFixProvider.EnableSslKey);
    }

    #region Visual Basic

    private const string VisualBasicCode = """
        Imports System.Net.Mail

        Public Class Mailer
            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient()
                    client.Send(message)
                End Using
            End Sub
        End Class
        """;

    [Fact]
    public async Task VisualBasic_WebConfigWithoutEnableSsl_Reports()
    {
        var test = new VerifyMailSettingsVB.Test { TestCode = VisualBasicCode };
        test.OnVisualBasicNetFramework48();
        test.TestState.AdditionalFiles.Add(("/src/Web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="app@example.com">
                    <{|#0:network|} host="smtp.example.com" port="587" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyMailSettingsVB.Diagnostic("SMTP011").WithLocation(0).WithArguments("smtp.example.com:587", Missing, MailIsSent));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VisualBasic_AppConfigWithEnableSsl_NoDiagnostic()
    {
        var test = new VerifyMailSettingsVB.Test { TestCode = VisualBasicCode };
        test.OnVisualBasicNetFramework48();
        test.TestState.AdditionalFiles.Add(("/src/App.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="app@example.com">
                    <network host="smtp.example.com" port="587" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """));
        await test.RunAsync(CancellationToken.None);
    }

    #endregion
}
