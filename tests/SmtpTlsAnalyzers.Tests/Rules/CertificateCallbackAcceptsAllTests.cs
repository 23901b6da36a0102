using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpTlsAnalyzers.CodeFixes.Edits;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SmtpTlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SmtpTlsAnalyzers.Tests.Verifiers.CertificateCallbackRules,
    SmtpTlsAnalyzers.CodeFixes.Edits.CertificateValidationCallbackFixes>;
using VerifyCallbackVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCertificateCallbackRules>;
using FixSmtp006VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCertificateCallbackRules, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider>;
using VisualBasicCallbackFixes = SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits.CertificateValidationCallbackFixes;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP006: a certificate validation callback accepts every certificate.</summary>
public class CertificateCallbackAcceptsAllTests
{
    private const string MailKitTarget = "The callback assigned to ServerCertificateValidationCallback";
    private const string GlobalTarget = "The callback assigned to ServicePointManager.ServerCertificateValidationCallback";

    /// <summary>The callback's declaration rides along as an additional location for the fix; it is not checked here.</summary>
    private const string MailServer = "the mail server and read the login";

    private static DiagnosticResult Smtp006(int location, string target = MailKitTarget, string flag = "", string impersonated = MailServer) =>
        VerifyCS.Diagnostic("SMTP006").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(location).WithArguments(target, flag, impersonated);

    private static Task VerifyFixAsync(string source, string fixedSource, string key, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyCodeFixAsync(source, expected, fixedSource, key);

    [Theory]
    [InlineData("TIMEOUT\n\nCALLBACK\nCONNECT", "TIMEOUT\n\nCONNECT")]
    [InlineData("TIMEOUT\n\nCALLBACK\n\nCONNECT", "TIMEOUT\n\nCONNECT")]
    [InlineData("TIMEOUT\nCALLBACK\n\nCONNECT", "TIMEOUT\n\nCONNECT")]
    [InlineData("TIMEOUT\nCONNECT\n\nCALLBACK", "TIMEOUT\nCONNECT")]
    [InlineData("TIMEOUT\n\n// Self-signed in development.\nCALLBACK\nCONNECT", "TIMEOUT\n\nCONNECT")]
    [InlineData("TIMEOUT\n\n#if !RELEASE\nCALLBACK\n#endif\nCONNECT", "TIMEOUT\n\n#if !RELEASE\n#endif\nCONNECT")]
    [InlineData("TIMEOUT\n#if NETFRAMEWORK\nSystem.Net.ServicePointManager.Expect100Continue = false;\n#endif\nCALLBACK\nCONNECT", "TIMEOUT\n#if NETFRAMEWORK\nSystem.Net.ServicePointManager.Expect100Continue = false;\n#endif\nCONNECT")]
    [InlineData("TIMEOUT\n#if NETFRAMEWORK\nSystem.Net.ServicePointManager.Expect100Continue = false;\n#else\nCALLBACK\n#endif\nCONNECT", "TIMEOUT\n#if NETFRAMEWORK\nSystem.Net.ServicePointManager.Expect100Continue = false;\n#else\n#endif\nCONNECT")]
    public async Task RemovedStatement_BlankLinesKeepTheParagraphsApart(string lines, string fixedLines)
    {
        static string Body(string layout) => layout
            .Replace("TIMEOUT", "client.Timeout = 1000;", StringComparison.Ordinal)
            .Replace("CALLBACK", "{|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};", StringComparison.Ordinal)
            .Replace("CONNECT", "client.Connect(\"smtp.example.com\", 587, MailKit.Security.SecureSocketOptions.StartTls);", StringComparison.Ordinal)
            .Replace("\n", "\n        ", StringComparison.Ordinal)
            .Replace("        \n", "\n", StringComparison.Ordinal)
            .Replace("        #", "#", StringComparison.Ordinal);
        static string Source(string body) => "using MailKit.Net.Smtp;\n\nclass Mailer\n{\n    void Send(SmtpClient client)\n    {\n        " + body + "\n    }\n}\n";

        await VerifyFixAsync(Source(Body(lines)), Source(Body(fixedLines)), CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Theory]
    [InlineData("{\n#if !RELEASE\nCALLBACK,\n#endif\nTIMEOUT\n}", "{\n#if !RELEASE\n#endif\nTIMEOUT\n}")]
    [InlineData("{\nTIMEOUT,\n#if !RELEASE\nCALLBACK\n#endif\n}", "{\nTIMEOUT,\n#if !RELEASE\n#endif\n}")]
    [InlineData("{\nTIMEOUT,\n#if !RELEASE\nCALLBACK\n#else\nServerCertificateValidationCallback = null\n#endif\n}", "{\nTIMEOUT,\n#if !RELEASE\n#else\nServerCertificateValidationCallback = null\n#endif\n}")]
    [InlineData("{\nTIMEOUT,\n#if NETFRAMEWORK\nCheckCertificateRevocation = true,\n#else\nCALLBACK,\n#endif\n}", "{\nTIMEOUT,\n#if NETFRAMEWORK\nCheckCertificateRevocation = true,\n#else\n#endif\n}")]
    public async Task RemovedInitializerMember_DirectivesAboveItStay(string lines, string fixedLines)
    {
        // The member's leading trivia holds the #if (and the code it leaves out): it stays, so the #endif still has one.
        static string Initializer(string layout) => layout
            .Replace("TIMEOUT", "Timeout = 1000", StringComparison.Ordinal)
            .Replace("CALLBACK", "{|#0:ServerCertificateValidationCallback = (s, c, h, e) => true|}", StringComparison.Ordinal)
            .Replace("\n", "\n            ", StringComparison.Ordinal)
            .Replace("            #", "#", StringComparison.Ordinal)
            .Replace("            }", "        }", StringComparison.Ordinal);
        static string Source(string initializer) =>
            "using MailKit.Net.Smtp;\n\nclass Mailer\n{\n    void Send()\n    {\n        using var client = new SmtpClient\n        " + initializer +
            ";\n        client.Connect(\"smtp.example.com\", 587, MailKit.Security.SecureSocketOptions.StartTls);\n    }\n}\n";

        await VerifyFixAsync(Source(Initializer(lines)), Source(Initializer(fixedLines)), CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task StatementWithADirectiveInside_NotRemoved()
    {
        // Under RELEASE the statement assigns null: removing it would change what that build does.
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback =
            #if !RELEASE
                        (s, c, h, e) => true|};
            #else
                        null;
            #endif
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFixAsync(source, source, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));

        // The if that would go with the statement holds the directive: without DEBUG it guards the next statement.
        const string guarded = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, bool insecure)
                {
                    if (insecure)
            #if !RELEASE
                        {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
            #endif
                    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFixAsync(guarded, guarded, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task ExpressionLambda_ReportsAndRemoves()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task ExpressionLambda_AcceptOnlyValid_AddsUsing()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    client.Connect("smtp.example.com", 587);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0));
    }

    [Fact]
    public async Task HasFlagNone_IsAlwaysTrue_ReportsAndAcceptsOnlyValid()
    {
        // Every value has the flag None (no bits): these callbacks read the errors and still accept every certificate.
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, ImapClientStub other)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => e.HasFlag(SslPolicyErrors.None)|};
                    {|#1:other.Client.ServerCertificateValidationCallback = (s, c, h, e) =>
                    {
                        if ((e & SslPolicyErrors.None) == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        return false;
                    }|};
                }
            }

            class ImapClientStub
            {
                public MailKit.Net.Imap.ImapClient Client { get; } = new();
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(SmtpClient client, ImapClientStub other)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    other.Client.ServerCertificateValidationCallback = (s, c, h, e) =>
                    {
                        if ((e & SslPolicyErrors.None) == SslPolicyErrors.None)
                        {
                            return e == SslPolicyErrors.None;
                        }

                        return e == SslPolicyErrors.None;
                    };
                }
            }

            class ImapClientStub
            {
                public MailKit.Net.Imap.ImapClient Client { get; } = new();
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0), Smtp006(1));
    }

    [Fact]
    public async Task VisualBasic_HasFlagNone_Reports()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Security

            Module Startup
                Sub Configure()
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) errors.HasFlag(SslPolicyErrors.None)|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp006(0, GlobalTarget));
    }

    [Fact]
    public async Task TypedBlockLambdaOnImapClient_Reports()
    {
        const string source = """
            #nullable enable
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Imap;

            class Reader
            {
                void Read(ImapClient imap)
                {
                    {|#0:imap.ServerCertificateValidationCallback = (object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => { return true; }|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task InitializerOfFactory_ReportsAndRemovesMember()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Factory
            {
                SmtpClient GetClient() => new SmtpClient
                {
                    Timeout = 10000,
                    {|#0:ServerCertificateValidationCallback = (s, c, h, e) => true|},
                };
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Factory
            {
                SmtpClient GetClient() => new SmtpClient
                {
                    Timeout = 10000,
                };
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task InitializerLastMemberWithoutComma_KeepsTheCommentOfTheMemberBefore()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Factory
            {
                SmtpClient GetClient() => new SmtpClient
                {
                    Timeout = 10000, // ten seconds
                    {|#0:ServerCertificateValidationCallback = (s, c, h, e) => true|} // self-signed in test
                };
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Factory
            {
                SmtpClient GetClient() => new SmtpClient
                {
                    Timeout = 10000 // ten seconds
                };
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task ConditionalCompoundAssignment_ReportsAndRemovesTheIf()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool disableChecks)
                {
                    if (disableChecks) {|#0:client.ServerCertificateValidationCallback += (a, b, c, d) => true|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool disableChecks)
                {
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task ConditionalAssignmentInBraces_RemovesTheIfUnlessItHasACommentOrDirective()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool skipValidation)
                {
                    if (skipValidation)
                    {
                        // self-signed in staging
                        {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    }

                    if (skipValidation)
                    {
                        {|#1:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                        // keep until the staging certificate is replaced
                    }

                    if (skipValidation) // staging only
                    {
                        {|#2:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    }

                    if (skipValidation)
                    {
            #if DEBUG
                        System.Console.WriteLine("skipping validation");
            #endif
                        {|#3:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    }

                    client.Connect("smtp.example.com", 587);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client, bool skipValidation)
                {
                    if (skipValidation)
                    {
                        // keep until the staging certificate is replaced
                    }

                    if (skipValidation) // staging only
                    {
                    }

                    if (skipValidation)
                    {
            #if DEBUG
                        System.Console.WriteLine("skipping validation");
            #endif
                    }

                    client.Connect("smtp.example.com", 587);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0), Smtp006(1), Smtp006(2), Smtp006(3));
    }

    [Fact]
    public async Task ConditionWithCall_KeepsTheIfWithEmptyBlock()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                bool IsDevelopment() => true;

                void Configure(SmtpClient client)
                {
                    if (IsDevelopment()) {|#0:client.ServerCertificateValidationCallback = (a, b, c, d) => true|};
                    else client.Timeout = 1000;
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                bool IsDevelopment() => true;

                void Configure(SmtpClient client)
                {
                    if (IsDevelopment()) { }
                    else client.Timeout = 1000;
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task SubclassOverrideSettingItsOwnCallback_Reports()
    {
        const string source = """
            using System.Threading;
            using MailKit.Security;
            using MailKit.Net.Smtp;

            class TrustingSmtpClient : SmtpClient
            {
                public override void Connect(string host, int port = 0, SecureSocketOptions options = SecureSocketOptions.Auto, CancellationToken cancellationToken = default)
                {
                    {|#0:ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    base.Connect(host, port, options, cancellationToken);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task MethodGroupToVirtualMethod_ReportsAndRestrictsMethod()
    {
        const string source = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = OnValidateServerCertificate|};
                }

                protected virtual bool OnValidateServerCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
                {
                    return true;
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = OnValidateServerCertificate;
                }

                protected virtual bool OnValidateServerCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
                {
                    return sslPolicyErrors == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0));
    }

    [Fact]
    public async Task ValidatorThatLogsThenReturnsTrue_Reports()
    {
        const string source = """
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Pop3;

            static class Validators
            {
                public static bool LogAndAccept(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    if (errors != SslPolicyErrors.None)
                    {
                        Console.WriteLine("Certificate problem: " + errors);
                    }

                    return true;
                }
            }

            class Reader
            {
                void Read(Pop3Client pop)
                {
                    {|#0:pop.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(Validators.LogAndAccept)|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task GlobalAnonymousMethodBeforeSend_ReportsAndResetsToNull()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class Mailer
            {
                void Send(SmtpClient smtp, MailMessage mail)
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = delegate (object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return true; }|};
                    smtp.Send(mail);
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Mail;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class Mailer
            {
                void Send(SmtpClient smtp, MailMessage mail)
                {
                    ServicePointManager.ServerCertificateValidationCallback = null;
                    smtp.Send(mail);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0, GlobalTarget));
    }

    [Fact]
    public async Task GlobalAnonymousMethod_AcceptOnlyValid()
    {
        const string source = """
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class Mailer
            {
                void Configure()
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = delegate (object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return true; }|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class Mailer
            {
                void Configure()
                {
                    ServicePointManager.ServerCertificateValidationCallback = delegate (object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return e == SslPolicyErrors.None; };
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0, GlobalTarget));
    }

    [Fact]
    public async Task GlobalCompoundAssignmentInHelper_ReportsAndAssignsNull()
    {
        const string source = """
            using System.Net;

            static class TlsHelper
            {
                public static void TrustEveryone()
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;

            static class TlsHelper
            {
                public static void TrustEveryone()
                {
                    ServicePointManager.ServerCertificateValidationCallback = null;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyFixAsync(
            source,
            fixedSource,
            CertificateValidationCallbackFixes.UseDefaultValidationKey,
            Smtp006(0, "The callback added to ServicePointManager.ServerCertificateValidationCallback"));
    }

    /// <summary>ICertificatePolicy exists on .NET Framework only.</summary>
    [Fact]
    public async Task CertificatePolicyReturningTrue_ReportsAndRestricts()
    {
        const string source = """
            using System.Net;
            using System.Security.Cryptography.X509Certificates;

            class TrustAllPolicy : ICertificatePolicy
            {
                public bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem) => true;
            }

            class Startup
            {
                void Configure()
                {
                                {|#0:ServicePointManager.CertificatePolicy = new TrustAllPolicy()|};
                            }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Security.Cryptography.X509Certificates;

            class TrustAllPolicy : ICertificatePolicy
            {
                public bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem) => problem == 0;
            }

            class Startup
            {
                void Configure()
                {
                                ServicePointManager.CertificatePolicy = new TrustAllPolicy();
                            }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        foreach (var (key, expected) in new[]
        {
            (CertificateValidationCallbackFixes.AcceptOnlyValidKey, fixedSource),
            (CertificateValidationCallbackFixes.UseDefaultValidationKey, source.Replace("{|#0:", string.Empty).Replace("new TrustAllPolicy()|}", "null")),
        })
        {
            var test = new VerifyCS.Test { TestCode = source, FixedCode = expected, CodeActionEquivalenceKey = key };
            test.OnNetFramework48();
            test.ExpectedDiagnostics.Add(Smtp006(0, "The certificate policy TrustAllPolicy"));
            await test.RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task CertificatePolicyOverridingAbstractBase_Reports()
    {
        // The runtime calls the override, not the abstract method that implements the interface.
        const string source = """
            using System.Net;
            using System.Security.Cryptography.X509Certificates;

            abstract class PolicyBase : ICertificatePolicy
            {
                public abstract bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem);
            }

            class TrustAllPolicy : PolicyBase
            {
                public override bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem) => true;
            }

            class StrictPolicy : PolicyBase
            {
                public override bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem) => problem == 0;
            }

            class Startup
            {
                void Configure(bool strict)
                {
                    {|#0:ServicePointManager.CertificatePolicy = new TrustAllPolicy()|};
                    ServicePointManager.CertificatePolicy = new StrictPolicy();
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.OnNetFramework48();
        test.ExpectedDiagnostics.Add(Smtp006(0, "The certificate policy TrustAllPolicy"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExtensionOnIMailServiceWithUsingStatic_Reports()
    {
        const string source = """
            using MailKit;
            using static System.Security.Authentication.SslProtocols;

            static class MailServiceExtensions
            {
                public static IMailService Secure(this IMailService m)
                {
                    m.SslProtocols = Tls12 | Tls13;
                    {|#0:m.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    return m;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task ParameterlessAnonymousMethod_ReportsWithoutResultFix()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = delegate { return true; }|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0));
    }

    [Fact]
    public async Task LocalFunction_ReportsAndRestricts()
    {
        const string source = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = Accept|};

                    static bool Accept(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => true;
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = Accept;

                    static bool Accept(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => e == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0));
    }

    [Fact]
    public async Task ReadOnlyFieldAndLocal_Report()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private static readonly RemoteCertificateValidationCallback TrustAll = (s, c, h, e) => true;

                void Configure(SmtpClient first, SmtpClient second)
                {
                    {|#0:first.ServerCertificateValidationCallback = TrustAll|};
                    RemoteCertificateValidationCallback callback = (s, c, h, e) => e == SslPolicyErrors.None || true;
                    {|#1:second.ServerCertificateValidationCallback = callback|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0), Smtp006(1));
    }

    [Fact]
    public async Task DiscardsReturningFlag_ReportsAndNamesErrors()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Account
            {
                public bool TrustAll { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient client, Account account)
                {
                    {|#0:client.ServerCertificateValidationCallback = (_, _, _, _) => account.TrustAll|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Account
            {
                public bool TrustAll { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient client, Account account)
                {
                    client.ServerCertificateValidationCallback = (_, _, _, sslPolicyErrors) => sslPolicyErrors == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyFixAsync(
            source,
            fixedSource,
            CertificateValidationCallbackFixes.AcceptOnlyValidKey,
            Smtp006(0, MailKitTarget, " when account.TrustAll is true"));
    }

    [Fact]
    public async Task AcceptOnSettingElseReject_ReportsLikeReturningTheSetting()
    {
        // Without reading the errors, accepting on a setting and rejecting otherwise is `=> account.TrustAll`: mail
        // works only with the setting on, and then every certificate passes.
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Account
            {
                public bool TrustAll { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient client, SmtpClient other, Account account, bool strict)
                {
                    {|#0:client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (account.TrustAll)
                        {
                            return true;
                        }

                        return false;
                    }|};

                    {|#1:other.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (strict) throw new AuthenticationException("strict");
                        return true;
                    }|};
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Security;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            class Account
            {
                public bool TrustAll { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient client, SmtpClient other, Account account, bool strict)
                {
                    client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (account.TrustAll)
                        {
                            return errors == SslPolicyErrors.None;
                        }

                        return errors == SslPolicyErrors.None;
                    };

                    other.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (strict) throw new AuthenticationException("strict");
                        return errors == SslPolicyErrors.None;
                    };
                }
            }
            """;

        await VerifyFixAsync(
            source,
            fixedSource,
            CertificateValidationCallbackFixes.AcceptOnlyValidKey,
            Smtp006(0, MailKitTarget, " when account.TrustAll is true"),
            Smtp006(1, MailKitTarget, " when strict is false"));
    }

    [Fact]
    public async Task AcceptOnAPinnedCertificateElseReject_NoDiagnostic()
    {
        // The condition reads the server's certificate (through a captured stream, not the parameter): pinning.
        const string source = """
            using System.Collections.Generic;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private static readonly HashSet<string> Pins = new HashSet<string>();

                void Configure(SmtpClient client, SslStream stream)
                {
                    client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (Pins.Contains(stream.RemoteCertificate.GetCertHashString()))
                        {
                            return true;
                        }

                        return false;
                    };
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VisualBasic_AcceptOnSettingElseReject_ReportsLikeReturningTheSetting()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Public Shared TrustAll As Boolean

                Sub Configure(client As SmtpClient)
                    {|#0:client.ServerCertificateValidationCallback = Function(sender, certificate, chain, errors)|}
                                                                  If TrustAll Then Return True
                                                                  Return False
                                                              End Function
                End Sub
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp006(0, MailKitTarget, " when TrustAll is true"));
    }

    [Fact]
    public async Task CallbackChosenAmongSeveral_MessageSaysOnOnePath()
    {
        // A factory or switch whose other results validate (or leave the default validation): the message says the
        // assigned callback accepts everything on one path only. Every path accepting everything says it plainly.
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient a, SmtpClient b, string mode)
                {
                    {|#0:a.ServerCertificateValidationCallback = Pick(mode)|};
                    {|#1:b.ServerCertificateValidationCallback = mode == "dev" ? (s, c, h, e) => true : delegate { return true; }|};
                }

                private static RemoteCertificateValidationCallback Pick(string mode) => mode switch
                {
                    "pinned" => (s, c, h, e) => e == SslPolicyErrors.None,
                    "off" => (s, c, h, e) => true,
                    _ => null,
                };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0, flag: " on one path"), Smtp006(1));
    }

    [Fact]
    public async Task VisualBasic_CallbackChosenAmongSeveral_MessageSaysOnOnePath()
    {
        const string source = """
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(a As SmtpClient, lenient As Boolean)
                    {|#0:a.ServerCertificateValidationCallback = If(lenient, New RemoteCertificateValidationCallback(Function(s, c, h, e) True), Nothing)|}
                End Sub
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(
            source,
            VerifyCallbackVB.Diagnostic("SMTP006").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(0)
                .WithArguments(MailKitTarget, " on one path", MailServer));
    }

    [Fact]
    public async Task ConditionalAndCoalesceWithAcceptAllBranch_ReportAndRestrictThatBranch()
    {
        // Roslyn's simplifier does not shorten names inside a lambda of a target-typed conditional: the fix stays
        // fully qualified there, and compiles.
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second, bool ignoreCertificateErrors, RemoteCertificateValidationCallback custom)
                {
                    {|#0:first.ServerCertificateValidationCallback = ignoreCertificateErrors ? (s, c, h, e) => true : null|};
                    {|#1:second.ServerCertificateValidationCallback = custom ?? ((s, c, h, e) => true)|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second, bool ignoreCertificateErrors, RemoteCertificateValidationCallback custom)
                {
                    first.ServerCertificateValidationCallback = ignoreCertificateErrors ? (s, c, h, e) => e == global::System.Net.Security.SslPolicyErrors.None : null;
                    second.ServerCertificateValidationCallback = custom ?? ((s, c, h, e) => e == SslPolicyErrors.None);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0, flag: " on one path"), Smtp006(1, flag: " on one path"));
    }

    [Fact]
    public async Task HttpsProxyClient_ReportsThatTheProxyCanBeImpersonated()
    {
        // The mail connection inside the tunnel keeps its own TLS; what is exposed is the proxy and its login.
        const string source = """
            using MailKit.Net.Proxy;

            class Proxy
            {
                HttpsProxyClient Create() => new HttpsProxyClient("proxy.example.com", 443)
                {
                    {|#0:ServerCertificateValidationCallback = (s, c, h, e) => true|}
                };

                private System.Net.Security.RemoteCertificateValidationCallback _trustAll = {|#1:(s, c, h, e) => true|};

                HttpsProxyClient CreateWithStored() => new HttpsProxyClient("proxy.example.com", 443)
                {
                    ServerCertificateValidationCallback = _trustAll
                };
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Smtp006(0, impersonated: "the proxy and read the proxy login"),
            Smtp006(1, "The callback stored in _trustAll", impersonated: "the proxy and read the proxy login"));
    }

    [Fact]
    public async Task MethodInAnotherFile_ReportsWithoutResultFix()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using MailKit.Net.Smtp;

                    class Mailer
                    {
                        void Configure(SmtpClient client)
                        {
                            {|#0:client.ServerCertificateValidationCallback = Validation.AcceptAll|};
                        }
                    }
                    """,
                    """
                    using System.Net.Security;
                    using System.Security.Cryptography.X509Certificates;

                    static class Validation
                    {
                        public static bool AcceptAll(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e)
                        {
                            return true;
                        }
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using MailKit.Net.Smtp;

                    class Mailer
                    {
                        void Configure(SmtpClient client)
                        {
                        }
                    }
                    """,
                    """
                    using System.Net.Security;
                    using System.Security.Cryptography.X509Certificates;

                    static class Validation
                    {
                        public static bool AcceptAll(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e)
                        {
                            return true;
                        }
                    }
                    """,
                },
            },
            CodeActionEquivalenceKey = CertificateValidationCallbackFixes.UseDefaultValidationKey,
        };
        test.ExpectedDiagnostics.Add(Smtp006(0));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoCallbacksInOneFile_FixAllRemovesBoth()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient smtp, ImapClient imap)
                {
                    {|#0:smtp.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|#1:imap.ServerCertificateValidationCallback = (s, c, h, e) => { return true; }|};
                    smtp.Connect("smtp.example.com", 465, true);
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient smtp, ImapClient imap)
                {
                    smtp.Connect("smtp.example.com", 465, true);
                }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey, Smtp006(0), Smtp006(1));
    }

    [Fact]
    public async Task TwoCallbacksInOneFile_FixAllRestrictsBoth()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient smtp)
                {
                    {|#0:smtp.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    {|#1:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => { return true; }|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient smtp)
                {
                    smtp.ServerCertificateValidationCallback = (s, c, h, e) => e == SslPolicyErrors.None;
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => { return e == SslPolicyErrors.None; };
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyFixAsync(source, fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey, Smtp006(0), Smtp006(1, GlobalTarget));
    }

    [Fact]
    public async Task MailKitSampleValidator_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = MySslCertificateValidationCallback;
                }

                static bool MySslCertificateValidationCallback(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
                {
                    if (sslPolicyErrors == SslPolicyErrors.None)
                        return true;

                    if ((sslPolicyErrors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                    {
                        if (chain != null && chain.ChainStatus != null)
                        {
                            foreach (var status in chain.ChainStatus)
                                Console.WriteLine(status.StatusInformation);
                        }
                    }

                    Console.WriteLine("The certificate for {0} was not valid: {1}", sender, sslPolicyErrors);
                    return false;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ThumbprintPinWithSaveAndRestore_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            class Mailer
            {
                const string Thumbprint = "A1B2C3";

                void Send(SmtpClient smtp, MailMessage mail)
                {
                    var previous = ServicePointManager.ServerCertificateValidationCallback;
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => c != null && c.GetCertHashString() == Thumbprint;
                    try
                    {
                        smtp.Send(mail);
                    }
                    finally
                    {
                        ServicePointManager.ServerCertificateValidationCallback = previous;
                    }
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task InvisibleOrUnknownCallbacks_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            interface IValidationService
            {
                bool ShouldBypass(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e);
            }

            class Mailer
            {
                private readonly IValidationService _validationService;

                Mailer(IValidationService validationService) => _validationService = validationService;

                void Configure(SmtpClient a, SmtpClient b, SmtpClient c, SmtpClient d, RemoteCertificateValidationCallback callback)
                {
                    a.ServerCertificateValidationCallback = _validationService.ShouldBypass;
                    b.ServerCertificateValidationCallback = callback ?? DefaultValidation;
                    c.ServerCertificateValidationCallback = callback;
                    d.ServerCertificateValidationCallback = (s, cert, chain, errors) => errors == SslPolicyErrors.None;
                    Func<int, bool> f = x => true;
                }

                static bool DefaultValidation(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => e == SslPolicyErrors.None;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ValidOrDevelopmentFlag_NoDiagnostic()
    {
        // A deliberate choice: the callback checks the errors and only a flag the code cannot know (usually off in
        // production) widens it. Unlike `(_, _, _, _) => flag`, the flag alone does not replace the check.
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                public static bool IsDevelopment;

                void Configure(SmtpClient a, SmtpClient b, SmtpClient c)
                {
                    a.ServerCertificateValidationCallback = (s, cert, ch, e) => e == SslPolicyErrors.None || IsDevelopment;
                    b.ServerCertificateValidationCallback = (s, cert, ch, e) => IsDevelopment || e == SslPolicyErrors.None;
                    c.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                    {
                        if (e == SslPolicyErrors.None)
                            return true;
                        return IsDevelopment;
                    };
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DelegatingValidators_NoDiagnostic()
    {
        // Another validator, chain.Build or a recursive method: what they accept is not visible here.
        const string source = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                static bool Strict(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => e == SslPolicyErrors.None;

                static bool Delegating(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => Strict(s, c, ch, e);

                static bool Recursive(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => Recursive(s, c, ch, e);

                void Configure(SmtpClient a, SmtpClient b, SmtpClient c)
                {
                    a.ServerCertificateValidationCallback = Delegating;
                    b.ServerCertificateValidationCallback = (s, cert, chain, e) => chain.Build(new X509Certificate2(cert));
                    c.ServerCertificateValidationCallback = Recursive;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task GenericPinningMethod_NoDiagnostic()
    {
        const string source = """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Pins<T>
            {
                public static bool Check(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => c?.GetCertHashString() == typeof(T).Name;
            }

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = Pins<Mailer>.Check;
                    client.ServerCertificateValidationCallback = Pin<Mailer>;
                }

                static bool Pin<T>(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => c?.Subject == typeof(T).Name;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PinReadInNestedLambda_NoDiagnostic()
    {
        const string source = """
            using System.Linq;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private static readonly string[] Pins = { "A1B2", "C3D4" };

                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, c, ch, e) => Pins.Any(pin => pin == c?.GetCertHashString());
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ThrowsOnErrorsThroughAHelperThatDoesNotReturn_NoDiagnostic_OtherHelperReported()
    {
        const string source = """
            using System.Diagnostics.CodeAnalysis;
            using System.Net.Security;
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            static class CertificateErrors
            {
                [DoesNotReturn]
                public static void Throw(SslPolicyErrors e) => throw new AuthenticationException(e.ToString());

                public static void Log(SslPolicyErrors e) => System.Console.WriteLine(e);
            }

            class Mailer
            {
                void Configure(SmtpClient client, SmtpClient other)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) =>
                    {
                        if (e != SslPolicyErrors.None) CertificateErrors.Throw(e);
                        return true;
                    };

                    {|#0:other.ServerCertificateValidationCallback = (s, c, h, e) =>
                    {
                        if (e != SslPolicyErrors.None) CertificateErrors.Log(e);
                        return true;
                    }|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task ErrorsOnlyLoggedBeforeReturningASetting_Reports()
    {
        // Logging the errors decides nothing: the setting alone decides, as in `(_, _, _, _) => account.TrustAll`.
        const string source = """
            using System;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Account
            {
                public bool TrustAll { get; set; }
            }

            class Mailer
            {
                void Configure(SmtpClient client, SmtpClient other, Account account)
                {
                    {|#0:client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        Console.WriteLine($"Server certificate for {sender}: {errors}");
                        return account.TrustAll;
                    }|};

                    other.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        var ok = errors == SslPolicyErrors.None;
                        Console.WriteLine(ok);
                        return ok || account.TrustAll;
                    };

                    // Calls that are not logging may decide: through an out argument, or state read afterwards.
                    client.ServerCertificateValidationCallback = (s, c, ch, errors) => { Policy.Evaluate(errors, out var ok); return ok; };
                    other.ServerCertificateValidationCallback = (s, c, ch, errors) => { Validator.Record(errors); return Validator.Ok; };
                }
            }

            static class Policy
            {
                public static void Evaluate(SslPolicyErrors errors, out bool ok) => ok = errors == SslPolicyErrors.None;
            }

            static class Validator
            {
                public static bool Ok { get; private set; }

                public static void Record(SslPolicyErrors errors) => Ok = errors == SslPolicyErrors.None;
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0, MailKitTarget, " when account.TrustAll is true"));
    }

    [Fact]
    public async Task ThrowsOnErrors_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) =>
                    {
                        if (e != SslPolicyErrors.None)
                        {
                            throw new InvalidOperationException(e.ToString());
                        }

                        return true;
                    };
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SameNamedPropertyOnOtherType_NoDiagnostic()
    {
        const string source = """
            using System.Net.Security;

            class HttpsConnectionAdapterOptions
            {
                public RemoteCertificateValidationCallback ServerCertificateValidationCallback { get; set; }
            }

            class Startup
            {
                void Configure(HttpsConnectionAdapterOptions kestrel)
                {
                    kestrel.ServerCertificateValidationCallback = (s, c, h, e) => true;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HttpAndSslStreamCallbacks_NoDiagnostic()
    {
        // HttpClient and SslStream take their own callbacks; none of them reaches a mail client.
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Net.Sockets;

            class Clients
            {
                void Configure(NetworkStream stream)
                {
                    var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, h, e) => true };
                    var sockets = new SocketsHttpHandler();
                    sockets.SslOptions.RemoteCertificateValidationCallback = (s, c, h, e) => true;
                    var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, h, e) => true };
                    var ssl = new SslStream(stream, false, (s, c, h, e) => true);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostOfSameClient_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class DevMailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    client.Connect("localhost", 25);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlaintextHostInAUri_NoDiagnostic_OtherHostReported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            class DevMailer
            {
                async Task SendAsync()
                {
                    using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
                    await client.ConnectAsync(new Uri("smtps://localhost:1465"));
                }

                void SendV6()
                {
                    using var client = new SmtpClient();
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    client.Connect(new Uri("smtps://[::1]:1465"));
                }

                void SendRemote()
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect(new Uri("smtps://smtp.example.com"));
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task PlaintextHostThroughNamedArgumentsOfConnectAsync_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class DevMailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                async Task SendAsync()
                {
                    _client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    await _client.ConnectAsync(port: 1025, options: SecureSocketOptions.None, host: "127.0.0.1");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RemoteHostThroughConnectAsync_Reports()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private readonly SmtpClient _client = new SmtpClient();

                async Task SendAsync()
                {
                    {|#0:_client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    await _client.ConnectAsync(port: 465, options: SecureSocketOptions.SslOnConnect, host: "smtp.example.com");
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task ConfiguredPlaintextHost_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using MailKit.Net.Smtp;

                class DevMailer
                {
                    void Send()
                    {
                        var client = new SmtpClient { ServerCertificateValidationCallback = (s, c, h, e) => true };
                        client.Connect("mailhog", 1025);
                    }
                }
                """,
        };
        test.WithEditorConfig("smtp_tls_analyzers.plaintext_hosts = mailhog");

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OtherHostBesidePlaintextHost_Reports()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Send(string host)
                {
                    using var client = new SmtpClient();
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                    client.Connect("localhost", 25);
                    client.Disconnect(true);
                    client.Connect(host, 587);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task GeneratedCode_Reports()
    {
        const string source = """
            // <auto-generated/>
            using MailKit.Net.Smtp;

            class GeneratedMailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp006(0));
    }

    [Fact]
    public async Task TestProject_NoDiagnosticUnlessOptedIn()
    {
        const string source = """
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client) => {|#0:client.ServerCertificateValidationCallback = (s, c, h, e) => true|};
            }
            """;

        var silent = new VerifyCS.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("|};", ";") };
        silent.WithGlobalConfig("build_property.IsTestProject = true");
        await silent.RunAsync(CancellationToken.None);

        var optedIn = new VerifyCS.Test { TestCode = source };
        optedIn.WithGlobalConfig("build_property.IsTestProject = true\nsmtp_tls_analyzers.analyze_test_projects = true");
        optedIn.ExpectedDiagnostics.Add(Smtp006(0));
        await optedIn.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutMailKit_GlobalCallbackStillReported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => {|#0:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }

                class MailSender
                {
                    public System.Net.Mail.SmtpClient Client { get; set; }
                }
                """,
        };
        test.WithoutMailKit();
        test.ExpectedDiagnostics.Add(Smtp006(0, GlobalTarget));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GlobalCallbackInProjectThatSendsNoMail_NoDiagnostic()
    {
        // Every .NET project can use System.Net.Mail, and MailKit's clients ignore ServicePointManager on .NET: the
        // process-wide callback here only affects HTTP.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            class Startup
            {
                void Configure()
                {
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
                    var request = WebRequest.CreateHttp("https://internal.example.com/");
                }
            }
            """);
    }

    private const string GlobalAcceptAllInStartup = """
        using System.Net;

        class Startup
        {
            void Configure() => {|#0:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
        }
        """;

    private const string SecureMailer = """
        class Mailer
        {
            void Send(MailMessage message)
            {
                using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                client.Send(message);
            }
        }
        """;

    /// <summary>The client in another file than the setting, its namespace imported there or for the whole project.</summary>
    [Theory]
    [InlineData("using System.Net.Mail;", null)]
    [InlineData(null, "global using System.Net.Mail;")]
    public async Task GlobalCallbackWithSystemNetMailClientInAnotherFile_Reports(string? mailerUsing, string? globalUsings)
    {
        var test = new VerifyCS.Test();
        if (globalUsings is not null)
        {
            test.TestState.Sources.Add(("/GlobalUsings.cs", globalUsings));
        }

        test.TestState.Sources.Add(("/Startup.cs", GlobalAcceptAllInStartup));
        test.TestState.Sources.Add(("/Mailer.cs", (mailerUsing is null ? string.Empty : mailerUsing + "\n\n") + SecureMailer));
        test.ExpectedDiagnostics.Add(Smtp006(0, GlobalTarget));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GlobalCallbackWithOnlyOtherClassesNamedSmtpClient_NoDiagnostic()
    {
        // MailKit's SmtpClient and a project's own class of that name do not read ServicePointManager on .NET.
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/Startup.cs", """
            using System.Net;

            class Startup
            {
                void Configure() => ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
            }
            """));
        test.TestState.Sources.Add(("/Mailer.cs", """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                }
            }

            namespace Legacy
            {
                class SmtpClient { }

                class Sender
                {
                    SmtpClient Client { get; } = new SmtpClient();
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GlobalCallbackWithMailKitOnNetFramework_Reports()
    {
        // MailKit built for .NET Framework falls back to the process-wide callback when a client sets none.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => {|#0:ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true|};
                }
                """,
        };
        test.OnNetFramework48();
        test.TestState.AdditionalReferences.Add(TestReferences.MailKitNetFramework48());
        test.ExpectedDiagnostics.Add(Smtp006(0, GlobalTarget));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VisualBasic_GlobalCallbackWithClientNamedInAnotherCase_Reports()
    {
        var test = new VerifyCallbackVB.Test();
        test.TestState.Sources.Add(("/Startup.vb", """
            Imports System.Net

            Class Startup
                Sub Configure()
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Function(s, c, h, e) True|}
                End Sub
            End Class
            """));
        test.TestState.Sources.Add(("/Mailer.vb", """
            Imports System.Net.Mail

            Class Mailer
                Private ReadOnly _client As New smtpclient("smtp.example.com", 587) With {.EnableSsl = True}
            End Class
            """));
        test.ExpectedDiagnostics.Add(VisualBasicSmtp006(0, GlobalTarget));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CertificatePolicyWithOnlyMailKitOnNetFramework_NoDiagnostic()
    {
        // MailKit falls back to the global callback there, never to the certificate policy.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;
                using System.Security.Cryptography.X509Certificates;

                class TrustAllPolicy : ICertificatePolicy
                {
                    public bool CheckValidationResult(ServicePoint sp, X509Certificate cert, WebRequest request, int problem) => true;
                }

                class Startup
                {
                    void Configure() => ServicePointManager.CertificatePolicy = new TrustAllPolicy();
                }
                """,
        };
        test.OnNetFramework48();
        test.TestState.AdditionalReferences.Add(TestReferences.MailKitNetFramework48());
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VisualBasic_FunctionReturningByItsOwnName_Reports()
    {
        await VerifyCallbackVB.VerifyAnalyzerAsync("""
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf TrustAll|}
                    End Using
                End Sub

                Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    TrustAll = True
                End Function
            End Class
            """, VisualBasicSmtp006(0));
    }

    [Fact]
    public async Task VisualBasic_FunctionNameWrittenTrueOnOnePathOnly_EndsFalseOnTheOthers()
    {
        // Falling off the end returns the function's variable: False unless a write on the way set it.
        await VerifyCallbackVB.VerifyAnalyzerAsync("""
            Imports System.Net
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    ServicePointManager.ServerCertificateValidationCallback = AddressOf OnlyValid
                    Using client As New SmtpClient()
                        client.ServerCertificateValidationCallback = AddressOf OnlyValidLogged
                    End Using
                End Sub

                Private Function OnlyValid(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.None Then OnlyValid = True
                End Function

                Private Function OnlyValidLogged(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.None Then
                        OnlyValidLogged = True
                    Else
                        System.Console.WriteLine(errors)
                    End If
                End Function
            End Class
            """);
    }

    [Fact]
    public async Task VisualBasic_FunctionNameWrittenTrueLast_Reports()
    {
        // The last write that runs on every path is the value returned; the writes before it never are.
        await VerifyCallbackVB.VerifyAnalyzerAsync("""
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf TrustAll|}
                    End Using
                    Using client As New SmtpClient()
                        {|#1:client.ServerCertificateValidationCallback = AddressOf TrustAllInBranches|}
                    End Using
                End Sub

                Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    TrustAll = False
                    TrustAll = False
                    TrustAll = True
                End Function

                Private Function TrustAllInBranches(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    TrustAllInBranches = False
                    If certificate.Subject <> "CN=mail" Then
                        TrustAllInBranches = True
                    Else
                        TrustAllInBranches = True
                    End If
                End Function
            End Class
            """, VisualBasicSmtp006(0), VisualBasicSmtp006(1));
    }

    [Fact]
    public async Task VisualBasic_FactoryReturningTheCallbackByItsOwnName_Reports()
    {
        await VerifyCallbackVB.VerifyAnalyzerAsync("""
            Imports System.Net
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates

            Class Mailer
                Sub Send()
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Callback()|}
                    Dim client As New System.Net.Mail.SmtpClient("smtp.example.com", 587) With {.EnableSsl = True}
                    client.Send("a@example.com", "b@example.com", "s", "b")
                End Sub

                Private Function Callback() As RemoteCertificateValidationCallback
                    Callback = Nothing
                    Callback = AddressOf TrustAll
                End Function

                Private Function TrustAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Return True
                End Function
            End Class
            """, VisualBasicSmtp006(0, GlobalTarget));
    }

    [Fact]
    public async Task VisualBasic_EveryBranchReturnsTrue_ReportsAndExitFunctionInAnotherFileDoesNot()
    {
        var test = new VerifyCallbackVB.Test();
        test.TestState.Sources.Add(("/Mailer.vb", """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf LogsAndTrusts|}
                    End Using
                    Using other As New SmtpClient()
                        other.ServerCertificateValidationCallback = AddressOf Checks.Validate
                    End Using
                End Sub

                Private Function LogsAndTrusts(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.None Then
                        Return True
                    Else
                        System.Console.WriteLine(errors)
                        Return True
                    End If
                End Function
            End Class
            """));
        test.TestState.Sources.Add(("/Checks.vb", """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates

            Module Checks
                Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors <> SslPolicyErrors.None Then Exit Function
                    Return True
                End Function
            End Module
            """));
        test.ExpectedDiagnostics.Add(VisualBasicSmtp006(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VisualBasic_GlobalCallbackInProjectThatSendsNoMail_NoDiagnostic()
    {
        await VerifyCallbackVB.VerifyAnalyzerAsync("""
            Imports System.Net

            Class Startup
                Sub Configure()
                    ServicePointManager.ServerCertificateValidationCallback = Function(s, c, h, e) True
                End Sub
            End Class
            """);
    }

    [Fact]
    public async Task WithoutMailTypes_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Net;

                class Startup
                {
                    void Configure() => ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                }
                """,
        };
        test.WithoutMailTypes();

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AcceptAllStoredInMutableOrConstructorWrittenField_ReportsWhereWritten()
    {
        const string source = """
            using System.Net;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private RemoteCertificateValidationCallback _mutable = {|#0:(s, c, h, e) => true|};
                private static RemoteCertificateValidationCallback Global = {|#1:delegate { return true; }|};
                private readonly RemoteCertificateValidationCallback _fromConstructor;

                Mailer(bool lenient) => _fromConstructor = lenient ? {|#2:(s, c, h, e) => true|} : (s, c, h, e) => e == SslPolicyErrors.None;

                void Configure(SmtpClient a, SmtpClient b)
                {
                    a.ServerCertificateValidationCallback = _mutable;
                    b.ServerCertificateValidationCallback = _fromConstructor;
                    ServicePointManager.ServerCertificateValidationCallback = Global;
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Smtp006(0, "The callback stored in _mutable"),
            Smtp006(1, "The callback stored in Global"),
            Smtp006(2, "The callback stored in _fromConstructor"));
    }

    [Fact]
    public async Task VisualBasic_AcceptAllStoredInMutableOrConstructorWrittenField_ReportsWhereWritten()
    {
        const string source = """
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Private _mutable As RemoteCertificateValidationCallback = {|#0:Function(s, c, h, e) True|}
                Private ReadOnly _fromConstructor As RemoteCertificateValidationCallback

                Sub New(lenient As Boolean)
                    If lenient Then
                        _fromConstructor = {|#1:Function(s, c, h, e) True|}
                    Else
                        _fromConstructor = Function(s, c, h, e) e = SslPolicyErrors.None
                    End If
                End Sub

                Sub Configure(a As SmtpClient, b As SmtpClient)
                    a.ServerCertificateValidationCallback = _mutable
                    b.ServerCertificateValidationCallback = _fromConstructor
                End Sub
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(
            source,
            VisualBasicSmtp006(0, "The callback stored in _mutable"),
            VisualBasicSmtp006(1, "The callback stored in _fromConstructor"));
    }

    [Fact]
    public async Task StoredInFieldThatNoMailCodeReads_OrValidating_NoDiagnostic()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                private RemoteCertificateValidationCallback _strict = (s, c, h, e) => e == SslPolicyErrors.None;
                private RemoteCertificateValidationCallback _lenient = (s, c, h, e) => true;

                void Configure(SmtpClient client, HttpClientHandler handler)
                {
                    client.ServerCertificateValidationCallback = _strict;
                    handler.ServerCertificateCustomValidationCallback = (m, c, h, e) => _lenient(m, c, h, e);
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    #region Visual Basic

    private static DiagnosticResult VisualBasicSmtp006(int location, string target = MailKitTarget, string flag = "") =>
        VerifyCallbackVB.Diagnostic("SMTP006").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(location).WithArguments(target, flag, MailServer);

    [Fact]
    public async Task VisualBasic_SingleLineLambda_Reports()
    {
        const string source = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp006(0, GlobalTarget));
    }

    [Fact]
    public async Task VisualBasic_AddressOfMethodAndDelegateCreation_Reports()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf AcceptAll|}
                    End Using

                    Using other As New SmtpClient()
                        {|#1:other.ServerCertificateValidationCallback = New RemoteCertificateValidationCallback(AddressOf AcceptAll)|}
                    End Using
                End Sub

                Private Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Return True
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp006(0), VisualBasicSmtp006(1));
    }

    [Fact]
    public async Task VisualBasic_MultiLineLambdaStoredInLocal_Reports()
    {
        const string source = """
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Dim callback As RemoteCertificateValidationCallback =
                        Function(sender, cert, chain, errors)
                            Return True
                        End Function
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = callback|}
                    End Using
                End Sub
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp006(0));
    }

    [Fact]
    public async Task VisualBasic_ChecksErrors_NoDiagnostic()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Security

            Module Startup
                Sub Configure()
                    ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) errors = SslPolicyErrors.None
                End Sub
            End Module
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("client.Timeout = 1000\n\n            ")]
    [InlineData("client.Timeout = 1000\n#If NETFRAMEWORK Then\n            Legacy()\n#End If\n            ")]
    public async Task VisualBasic_MailKitSingleLineLambda_FixRemovesTheStatement(string before)
    {
        // A blank line above the removed statement stays above the next one; so do directives and the code they
        // leave out of this compilation.
        var source = $$"""
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {{before}}{|#0:client.ServerCertificateValidationCallback = Function(s, c, ch, e) True|}
                        client.Connect("smtp.example.com", 587)
                    End Using
                End Sub
            End Class
            """;
        var fixedSource = $$"""
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {{before}}client.Connect("smtp.example.com", 587)
                    End Using
                End Sub
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, VisualBasicSmtp006(0), fixedSource, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_GlobalCallback_FixAssignsNothing()
    {
        const string source = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True|} ' self-signed in test
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    ServicePointManager.ServerCertificateValidationCallback = Nothing ' self-signed in test
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, VisualBasicSmtp006(0, GlobalTarget), fixedSource, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_SingleLineLambdas_FixAllAcceptOnlyValidAddsImportsOnce()
    {
        const string source = """
            Imports System.Net
            Imports MailKit.Net.Smtp

            Module Startup
                Sub Configure(client As SmtpClient)
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) True|}
                    {|#1:client.ServerCertificateValidationCallback = Function(s, c, ch, e) True|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Module Startup
                Sub Configure(client As SmtpClient)
                    ServicePointManager.ServerCertificateValidationCallback = Function(sender, cert, chain, errors) errors = SslPolicyErrors.None
                    client.ServerCertificateValidationCallback = Function(s, c, ch, e) e = SslPolicyErrors.None
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, new[] { VisualBasicSmtp006(0, GlobalTarget), VisualBasicSmtp006(1) }, fixedSource, VisualBasicCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task VisualBasic_MultiLineLambdaAndAddressOfMethod_AcceptOnlyValidRewritesEveryReturn()
    {
        const string source = """
            Imports System.Diagnostics
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Imap
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(smtp As SmtpClient, imap As ImapClient)
                    {|#0:smtp.ServerCertificateValidationCallback = Function(s, c, ch, e)|}
                                                                    Trace.WriteLine(e)
                                                                    Return True
                                                                End Function
                    {|#1:imap.ServerCertificateValidationCallback = AddressOf AcceptAll|}
                End Sub

                Private Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, [error] As SslPolicyErrors) As Boolean
                    If [error] = SslPolicyErrors.None Then
                        Return True
                    End If
                    Trace.WriteLine([error])
                    Return True
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports System.Diagnostics
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Imap
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(smtp As SmtpClient, imap As ImapClient)
                    smtp.ServerCertificateValidationCallback = Function(s, c, ch, e)
                                                                    Trace.WriteLine(e)
                                                                    Return e = SslPolicyErrors.None
                                                                End Function
                    imap.ServerCertificateValidationCallback = AddressOf AcceptAll
                End Sub

                Private Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, [error] As SslPolicyErrors) As Boolean
                    If [error] = SslPolicyErrors.None Then
                        Return [error] = SslPolicyErrors.None
                    End If
                    Trace.WriteLine([error])
                    Return [error] = SslPolicyErrors.None
                End Function
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, new[] { VisualBasicSmtp006(0), VisualBasicSmtp006(1) }, fixedSource, VisualBasicCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task VisualBasic_WithInitializerMembers_FixAllRemovesThem()
    {
        const string source = """
            Imports MailKit.Net.Imap
            Imports MailKit.Net.Smtp

            Class Factory
                Function CreateSmtp() As SmtpClient
                    Return New SmtpClient With {
                        .Timeout = 10000, ' ten seconds
                        {|#0:.ServerCertificateValidationCallback = Function(s, c, ch, e) True|}
                    }
                End Function

                Function CreateImap() As ImapClient
                    Return New ImapClient With {{|#1:.ServerCertificateValidationCallback = Function(s, c, ch, e) True|}}
                End Function

                Function CreateOther() As SmtpClient
                    Dim other As New SmtpClient() With {{|#2:.ServerCertificateValidationCallback = Function(s, c, ch, e) True|}, .Timeout = 5000}
                    Return other
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Imap
            Imports MailKit.Net.Smtp

            Class Factory
                Function CreateSmtp() As SmtpClient
                    Return New SmtpClient With {
                        .Timeout = 10000 ' ten seconds
                    }
                End Function

                Function CreateImap() As ImapClient
                    Return New ImapClient
                End Function

                Function CreateOther() As SmtpClient
                    Dim other As New SmtpClient() With {.Timeout = 5000}
                    Return other
                End Function
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(
            source,
            new[] { VisualBasicSmtp006(0), VisualBasicSmtp006(1), VisualBasicSmtp006(2) },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_SingleLineIf_FixRemovesTheIf()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, disableChecks As Boolean)
                    If disableChecks Then {|#0:client.ServerCertificateValidationCallback = Function(a, b, c, d) True|}
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, disableChecks As Boolean)
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, VisualBasicSmtp006(0), fixedSource, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
    }

    [Fact]
    public async Task VisualBasic_IfBlockWithTheAssignmentAlone_FixRemovesTheBlock()
    {
        const string source = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, disableChecks As Boolean)
                    If disableChecks Then
                        ' self-signed in staging
                        {|#0:client.ServerCertificateValidationCallback = Function(a, b, c, d) True|}
                    End If
                    If disableChecks Then ' staging only
                        {|#1:client.ServerCertificateValidationCallback = Function(a, b, c, d) True|}
                    End If
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class
            """;
        const string fixedSource = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, disableChecks As Boolean)
                    If disableChecks Then ' staging only
                    End If
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, new[] { VisualBasicSmtp006(0), VisualBasicSmtp006(1) }, fixedSource, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
    }

    /// <summary>
    /// A single-line If with an Else, or a statement sharing its line, cannot lose the statement and still compile;
    /// with the callback in another file there is nothing else to fix either.
    /// </summary>
    [Fact]
    public async Task VisualBasic_StatementThatCannotBeRemovedAndCallbackInAnotherFile_OffersNoFix()
    {
        const string mailer = """
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient, disableChecks As Boolean)
                    If disableChecks Then {|#0:client.ServerCertificateValidationCallback = AddressOf Validation.AcceptAll|} Else client.Timeout = 1000
                    client.Timeout = 2000 : {|#1:client.ServerCertificateValidationCallback = AddressOf Validation.AcceptAll|}
                End Sub
            End Class
            """;
        const string validation = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates

            Module Validation
                Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Return True
                End Function
            End Module
            """;

        foreach (var optionStrict in new[] { Microsoft.CodeAnalysis.VisualBasic.OptionStrict.On, Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off })
        {
            var test = new FixSmtp006VB.Test { OptionStrict = optionStrict };
            test.TestState.Sources.Add(mailer);
            test.TestState.Sources.Add(validation);
            test.FixedState.Sources.Add(mailer);
            test.FixedState.Sources.Add(validation);
            test.ExpectedDiagnostics.Add(VisualBasicSmtp006(0));
            test.ExpectedDiagnostics.Add(VisualBasicSmtp006(1));
            await test.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// <c>AcceptAll = True</c> then <c>Exit Function</c> returns True without a Return statement: rewriting the
    /// Returns would leave that path accepting everything, so only the removal is offered.
    /// </summary>
    [Fact]
    public async Task VisualBasic_ResultAssignedToFunctionName_OffersOnlyTheRemoval()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                    {|#0:client.ServerCertificateValidationCallback = AddressOf AcceptAll|}
                End Sub

                Private Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    AcceptAll = True
                    If errors = SslPolicyErrors.None Then Exit Function
                    Return True
                End Function
            End Class
            """;
        const string removed = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                End Sub

                Private Function AcceptAll(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    AcceptAll = True
                    If errors = SslPolicyErrors.None Then Exit Function
                    Return True
                End Function
            End Class
            """;

        await FixSmtp006VB.VerifyCodeFixAsync(source, VisualBasicSmtp006(0), removed, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key);
        await FixSmtp006VB.VerifyCodeFixAsync(source, VisualBasicSmtp006(0), source, VisualBasicCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task VisualBasic_CertificatePolicyOnNetFramework_FixesResetAndRestrict()
    {
        const string source = """
            Imports System.Net
            Imports System.Security.Cryptography.X509Certificates

            Class TrustAllPolicy
                Implements ICertificatePolicy

                Public Function CheckValidationResult(sp As ServicePoint, cert As X509Certificate, request As WebRequest, problem As Integer) As Boolean Implements ICertificatePolicy.CheckValidationResult
                    Return True
                End Function
            End Class

            Module Startup
                Sub Configure()
                    {|#0:ServicePointManager.CertificatePolicy = New TrustAllPolicy()|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        var restricted = source.Replace("{|#0:", string.Empty).Replace("New TrustAllPolicy()|}", "New TrustAllPolicy()").Replace("        Return True", "        Return problem = 0");
        var reset = source.Replace("{|#0:", string.Empty).Replace("New TrustAllPolicy()|}", "Nothing");

        foreach (var (key, expected) in new[]
        {
            (VisualBasicCallbackFixes.AcceptOnlyValidKey, restricted),
            (SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackAcceptsAllCodeFixProvider.Key, reset),
        })
        {
            foreach (var optionStrict in new[] { Microsoft.CodeAnalysis.VisualBasic.OptionStrict.On, Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off })
            {
                var test = new FixSmtp006VB.Test { TestCode = source, FixedCode = expected, CodeActionEquivalenceKey = key, OptionStrict = optionStrict };
                test.OnVisualBasicNetFramework48();
                test.ExpectedDiagnostics.Add(VisualBasicSmtp006(0, "The certificate policy TrustAllPolicy"));
                await test.RunAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Under Option Strict Off an untyped lambda stored in a local has Object parameters; the comparison stays late bound and compiles.</summary>
    [Fact]
    public async Task VisualBasic_OptionStrictOffUntypedLambdaInLocal_AcceptOnlyValidCompiles()
    {
        const string source = """
            Imports System.Net

            Module Startup
                Sub Configure()
                    Dim trustAll = Function(sender, cert, chain, errors) True
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = trustAll|}
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Security

            Module Startup
                Sub Configure()
                    Dim trustAll = Function(sender, cert, chain, errors) errors = SslPolicyErrors.None
                    ServicePointManager.ServerCertificateValidationCallback = trustAll
                End Sub
            End Module

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        var test = new FixSmtp006VB.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = VisualBasicCallbackFixes.AcceptOnlyValidKey,
            OptionStrict = Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off,
        };
        test.ExpectedDiagnostics.Add(VisualBasicSmtp006(0, GlobalTarget));
        await test.RunAsync(CancellationToken.None);
    }

    #endregion
}
