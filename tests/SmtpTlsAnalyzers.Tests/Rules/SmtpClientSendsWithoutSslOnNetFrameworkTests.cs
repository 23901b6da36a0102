using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules>;
using VerifyFrameworkVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicSystemNetMailRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// SMTP002 on .NET Framework, where SmtpClient takes enableSsl from the mailSettings of App.config or Web.config:
/// reported only when no visible configuration file says anything about the smtp settings.
/// </summary>
public class SmtpClientSendsWithoutSslOnNetFrameworkTests
{
    private const string Code = """
        using System.Net.Mail;

        class Mailer
        {
            void Send(MailMessage message)
            {
                var client = {|#0:new SmtpClient("smtp.example.com", 587)|};
                client.Send(message);
            }
        }
        """;

    private static DiagnosticResult Smtp002 => VerifyCS.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587");

    [Fact]
    public async Task NoConfigFile_Reports()
    {
        await VerifyAsync(files: [], Smtp002);
    }

    [Fact]
    public async Task ConfigWithoutMailSettings_Reports()
    {
        const string config = """
            <configuration>
              <appSettings>
                <add key="smtp.host" value="smtp.example.com" />
              </appSettings>
            </configuration>
            """;

        await VerifyAsync([("/src/App.config", config)], Smtp002);
    }

    [Fact]
    public async Task ConfigSmtpWithoutNetworkElement_Reports()
    {
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="app@example.com" />
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync([("/src/Web.config", config)], Smtp002);
    }

    [Fact]
    public async Task OtherConfigFileNames_Reports()
    {
        await VerifyAsync([("/src/packages.config", Network("enableSsl=\"true\""))], Smtp002);
    }

    [Fact]
    public async Task ConfigEnablesSsl_NoDiagnostic()
    {
        await VerifyAsync([("/src/App.config", Network("host=\"smtp.example.com\" enableSsl=\"true\""))]);
    }

    [Fact]
    public async Task TransformEnablesSsl_NoDiagnostic()
    {
        const string transform = """
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

        await VerifyAsync([("/src/Web.config", "<configuration />"), ("/src/Web.Release.config", transform)]);
    }

    [Fact]
    public async Task ConfigNetworkWithoutSsl_LeftToSmtp011()
    {
        // The configuration decides; SMTP011 reports it in the file, and the code gets no second warning.
        await VerifyAsync([("/src/App.config", Network("host=\"smtp.example.com\""))]);
    }

    [Fact]
    public async Task ConfigPickupDirectory_NoDiagnostic()
    {
        const string config = """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="SpecifiedPickupDirectory">
                    <specifiedPickupDirectory pickupDirectoryLocation="C:\mail" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """;

        await VerifyAsync([("/src/App.config", config)]);
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

        await VerifyAsync([("/src/App.config", config)]);
    }

    [Theory]
    [InlineData("<configuration><system.net>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE configuration [<!ENTITY e \"x\">]><configuration>&e;</configuration>")]
    public async Task UnreadableConfig_NoDiagnostic(string content)
    {
        // What the file says cannot be known, so the default is not proven.
        await VerifyAsync([("/src/App.config", content)]);
    }

    [Fact]
    public async Task EnableSslSetInCode_NoDiagnostic()
    {
        const string code = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = code };
        test.OnNetFramework48();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoopbackHostInCode_NoDiagnostic()
    {
        const string code = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    var client = new SmtpClient("localhost", 25);
                    client.Send(message);
                }
            }
            """;

        var test = new VerifyCS.Test { TestCode = code };
        test.OnNetFramework48();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoConfigFile_FixAddsEnableSsl()
    {
        const string fixedCode = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """;

        var test = new CSharpCodeFixVerifier<SystemNetMailRules, SmtpClientEnableSslFixes>.Test
        {
            TestCode = Code,
            FixedCode = fixedCode,
            CodeActionEquivalenceKey = SmtpClientEnableSslFixes.AddToInitializerKey,
        };
        test.OnNetFramework48();
        test.ExpectedDiagnostics.Add(Smtp002);
        await test.RunAsync(CancellationToken.None);
    }

    private static string Network(string attributes) => $"""
        <configuration>
          <system.net>
            <mailSettings>
              <smtp>
                <network {attributes} />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private static Task VerifyAsync((string Path, string Content)[] files, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = Code };
        test.OnNetFramework48();
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_NoConfigurationFile_Reports()
    {
        var test = new VerifyFrameworkVB.Test
        {
            TestCode = """
                Imports System.Net.Mail

                Public Module Mailer
                    Public Sub Send(message As MailMessage)
                        Using client As {|#0:New SmtpClient("smtp.example.com", 587)|}
                            client.Send(message)
                        End Using
                    End Sub
                End Module
                """,
        };
        test.OnVisualBasicNetFramework48();
        test.ExpectedDiagnostics.Add(VerifyFrameworkVB.Diagnostic("SMTP002").WithLocation(0).WithArguments("smtp.example.com:587"));
        await test.RunAsync(CancellationToken.None);
    }

    #endregion
}
