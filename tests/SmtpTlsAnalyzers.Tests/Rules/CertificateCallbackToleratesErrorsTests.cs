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
using FixSmtp010VB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCodeFixVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicCertificateCallbackRules, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackToleratesErrorsCodeFixProvider>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>SMTP010: a certificate callback tolerates a name mismatch or chain errors without reading the certificate.</summary>
public class CertificateCallbackToleratesErrorsTests
{
    private const string MailKitTarget = "The callback assigned to ServerCertificateValidationCallback";

    private static DiagnosticResult Smtp010(int location, string errors, string target = MailKitTarget) =>
        VerifyCS.Diagnostic("SMTP010").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(location).WithArguments(target, errors);

    [Fact]
    public async Task NoneOrNameMismatch_ReportsAndRestricts()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using static System.Net.Security.SslPolicyErrors;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, c, ch, e) => e == None || e == RemoteCertificateNameMismatch|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using static System.Net.Security.SslPolicyErrors;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, c, ch, e) => e == None;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "a name mismatch"), fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task NoneOrNameMismatch_UseDefaultRemoves()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch|};
                    client.Timeout = 5000;
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.Timeout = 5000;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "a name mismatch"), fixedSource, CertificateValidationCallbackFixes.UseDefaultValidationKey);
    }

    [Fact]
    public async Task ToleranceBesideALoggingGuardOrASettingWrittenFirst_Reports()
    {
        // An if that only logs falls through to the same return either way; `setting || e == NameMismatch` is true
        // for a name mismatch whatever the setting holds. A call on the left might throw, which would reject.
        const string source = """
            using System;
            using System.Net.Security;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            class Options { public bool DisableCertificateValidation { get; set; } public bool Verbose { get; set; } }

            class Reader
            {
                private readonly Options _o = new Options();

                void Guarded(ImapClient imap)
                {
                    {|#0:imap.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (errors != SslPolicyErrors.None && _o.Verbose)
                            Console.WriteLine($"Certificate problem: {errors}");
                        return errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors;
                    }|};
                }

                void SettingFirst(SmtpClient client)
                {
                    {|#1:client.ServerCertificateValidationCallback = (s, c, ch, e) =>
                        _o.DisableCertificateValidation
                        || e == SslPolicyErrors.None
                        || e == SslPolicyErrors.RemoteCertificateNameMismatch|};
                }

                void CallFirst(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, c, ch, e) =>
                        Check(e) || e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch;
                }

                void GuardThatWritesALocal(ImapClient imap)
                {
                    imap.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        var tolerated = SslPolicyErrors.None;
                        if (_o.Verbose) tolerated = SslPolicyErrors.RemoteCertificateChainErrors;
                        return errors == SslPolicyErrors.None || errors == tolerated;
                    };
                }

                void GuardThatMayThrow(ImapClient imap)
                {
                    // Not a logging call: with the setting on, the guard may reject the certificate.
                    imap.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        if (errors == SslPolicyErrors.None) return true;
                        if (_o.Verbose) ThrowIfInvalid(errors);
                        return errors == SslPolicyErrors.RemoteCertificateNameMismatch;
                    };
                }

                static void ThrowIfInvalid(SslPolicyErrors e)
                {
                    if (e != SslPolicyErrors.None) throw new InvalidOperationException();
                }

                static bool Check(SslPolicyErrors e) => e == SslPolicyErrors.None ? true : throw new InvalidOperationException();
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp010(0, "chain errors"), Smtp010(1, "a name mismatch"));
    }

    [Fact]
    public async Task MaskClearingChainErrors_Reports()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Imap;

            class Reader
            {
                void Configure(ImapClient imap)
                {
                    {|#0:imap.ServerCertificateValidationCallback = (s, c, ch, e) => (e & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp010(0, "chain errors"));
    }

    [Fact]
    public async Task ThrowsOnOnePathAcceptsTheOthers_Reports()
    {
        // A throw rejects the certificate on its path; the other errors are still accepted without looking at it.
        const string source = """
            using System.Security.Authentication;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, x, h, e) =>
                    {
                        if (e == SslPolicyErrors.RemoteCertificateNotAvailable) throw new AuthenticationException("no certificate");
                        return true;
                    }|};

                }
            }
            """;

        const string fixedSource = """
            using System.Security.Authentication;
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, x, h, e) =>
                    {
                        if (e == SslPolicyErrors.RemoteCertificateNotAvailable) throw new AuthenticationException("no certificate");
                        return e == SslPolicyErrors.None;
                    };

                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "a name mismatch or chain errors"), fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task NotEqualNotAvailable_ReportsBoth()
    {
        const string source = """
            using System.Net;
            using System.Net.Security;

            class Startup
            {
                void Configure()
                {
                    {|#0:ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e != SslPolicyErrors.RemoteCertificateNotAvailable|};
                }
            }

            class MailSender
            {
                public System.Net.Mail.SmtpClient Client { get; set; }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            Smtp010(0, "a name mismatch or chain errors", "The callback assigned to ServicePointManager.ServerCertificateValidationCallback"));
    }

    [Fact]
    public async Task IfStatementsAndLogging_ReportsAndRestrictsEveryReturn()
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
                    {|#0:client.ServerCertificateValidationCallback = Validate|};
                }

                static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    Console.WriteLine(errors);
                    if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
                    {
                        return true;
                    }

                    return false;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = Validate;
                }

                static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return errors == SslPolicyErrors.None;
                    }

                    Console.WriteLine(errors);
                    if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
                    {
                        return errors == SslPolicyErrors.None;
                    }

                    return errors == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "chain errors"), fixedSource, CertificateValidationCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task SwitchAndPattern_Report()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second)
                {
                    {|#0:first.ServerCertificateValidationCallback = (s, c, ch, e) =>
                    {
                        switch (e)
                        {
                            case SslPolicyErrors.None:
                            case SslPolicyErrors.RemoteCertificateNameMismatch:
                                return true;
                            default:
                                return false;
                        }
                    }|};
                    {|#1:second.ServerCertificateValidationCallback = (s, c, ch, e) => e is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp010(0, "a name mismatch"), Smtp010(1, "chain errors"));
    }

    [Fact]
    public async Task TwoCallbacks_FixAllRestrictsBoth()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second)
                {
                    {|#0:first.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch|};
                    {|#1:second.ServerCertificateValidationCallback = (s, c, ch, e) => e != SslPolicyErrors.RemoteCertificateNotAvailable|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second)
                {
                    first.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;
                    second.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(
            source,
            new[] { Smtp010(0, "a name mismatch"), Smtp010(1, "a name mismatch or chain errors") },
            fixedSource,
            CertificateValidationCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task PinningAndStrictCallbacks_NoDiagnostic()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                const string Thumbprint = "0123456789ABCDEF";
                const string Issuer = "CN=Internal CA";

                void Configure(SmtpClient a, SmtpClient b, SmtpClient c, SmtpClient d)
                {
                    a.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                        e == SslPolicyErrors.None || (e == SslPolicyErrors.RemoteCertificateChainErrors && cert?.GetCertHashString() == Thumbprint);
                    b.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                        e == SslPolicyErrors.None || cert?.Issuer == Issuer;
                    c.ServerCertificateValidationCallback = (s, cert, ch, e) => e == SslPolicyErrors.None;
                    d.ServerCertificateValidationCallback = (s, cert, ch, e) => (e & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && e == SslPolicyErrors.None;
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UnknownFlowInsideCallback_NoDiagnostic()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                bool _allowMismatch;

                void Configure(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                    {
                        if (_allowMismatch && e == SslPolicyErrors.RemoteCertificateNameMismatch)
                        {
                            return true;
                        }

                        return e == SslPolicyErrors.None;
                    };
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ErrorsParameterCleared_Reports()
    {
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient first, SmtpClient second)
                {
                    {|#0:first.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                    {
                        e &= ~SslPolicyErrors.RemoteCertificateChainErrors;
                        return e == SslPolicyErrors.None;
                    }|};
                    {|#1:second.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                    {
                        if (e == SslPolicyErrors.RemoteCertificateNameMismatch)
                            e = SslPolicyErrors.None;
                        return e == SslPolicyErrors.None;
                    }|};
                }
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, Smtp010(0, "chain errors"), Smtp010(1, "a name mismatch"));
    }

    [Fact]
    public async Task ErrorsParameterCleared_OffersNoResultFix()
    {
        // `return e == SslPolicyErrors.None` would still read the cleared value and tolerate chain errors; only the
        // removal is offered.
        const string source = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                    {|#0:client.ServerCertificateValidationCallback = (s, cert, ch, e) =>
                    {
                        e &= ~SslPolicyErrors.RemoteCertificateChainErrors;
                        return e == SslPolicyErrors.None;
                    }|};
                }
            }
            """;
        const string removed = """
            using System.Net.Security;
            using MailKit.Net.Smtp;

            class Mailer
            {
                void Configure(SmtpClient client)
                {
                }
            }
            """;

        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "chain errors"), source, CertificateValidationCallbackFixes.AcceptOnlyValidKey);
        await VerifyCS.VerifyCodeFixAsync(source, Smtp010(0, "chain errors"), removed, CertificateValidationCallbackFixes.UseDefaultValidationKey);
    }

    /// <summary>A global callback in code that sends no mail: an HTTP matter, whether or not the mail libraries are referenced.</summary>
    private const string HttpOnlyGlobalCallback = """
        using System.Net;
        using System.Net.Security;

        class Http
        {
            void Configure() =>
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) =>
                    e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch;
        }
        """;

    [Fact]
    public async Task GlobalCallbackInProjectThatSendsNoMail_NoDiagnostic() => await VerifyCS.VerifyAnalyzerAsync(HttpOnlyGlobalCallback);

    /// <summary>Without System.Net.Mail and MailKit the analyzer registers nothing: look-alike code stays silent (SMTP010).</summary>
    [Fact]
    public async Task WithoutMailTypes_NoDiagnostic()
    {
        var test = new VerifyCS.Test { TestCode = HttpOnlyGlobalCallback };
        test.WithoutMailTypes();
        await test.RunAsync();
    }

    #region Visual Basic

    [Fact]
    public async Task VisualBasic_MaskTestsInParentheses_Report()
    {
        // Visual Basic keeps the parentheses of (e And flag) in the operation tree.
        const string source = """
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(a As SmtpClient, b As SmtpClient, c As SmtpClient)
                    {|#0:a.ServerCertificateValidationCallback = Function(s, x, h, e) (e And SslPolicyErrors.RemoteCertificateNotAvailable) = SslPolicyErrors.None|}
                    {|#1:b.ServerCertificateValidationCallback = Function(s, x, h, e) (e And Not SslPolicyErrors.RemoteCertificateChainErrors) = 0|}
                    {|#2:c.ServerCertificateValidationCallback = Function(s, x, h, e) If((e And SslPolicyErrors.RemoteCertificateNameMismatch) <> 0, True, e = SslPolicyErrors.None)|}
                End Sub
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(
            source,
            VisualBasicSmtp010(0, "a name mismatch or chain errors"),
            VisualBasicSmtp010(1, "chain errors"),
            VisualBasicSmtp010(2, "a name mismatch"));
    }

    [Fact]
    public async Task VisualBasic_SelectCaseToleratingNameMismatch_Reports()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf Validate|}
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Select Case errors
                        Case SslPolicyErrors.None, SslPolicyErrors.RemoteCertificateNameMismatch
                            Return True
                        Case Else
                            Return False
                    End Select
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VerifyCallbackVB.Diagnostic("SMTP010").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("The callback assigned to ServerCertificateValidationCallback", "a name mismatch"));
    }

    [Fact]
    public async Task VisualBasic_FunctionNameWrittenTrueForNameMismatch_Reports()
    {
        // The other paths fall off the end with the function's variable unwritten: False.
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf Validate|}
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.None OrElse errors = SslPolicyErrors.RemoteCertificateNameMismatch Then Validate = True
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp010(0, "a name mismatch"));
    }

    [Fact]
    public async Task VisualBasic_ExitFunctionOrFallingOffTheEnd_RejectsThere()
    {
        // Both paths return the function's own variable, False: a missing certificate is rejected, the rest accepted.
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf ExitsWhenMissing|}
                    End Using
                    Using other As New SmtpClient()
                        {|#1:other.ServerCertificateValidationCallback = AddressOf FallsOffWhenMissing|}
                    End Using
                End Sub

                Private Function ExitsWhenMissing(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.RemoteCertificateNotAvailable Then Exit Function
                    Return True
                End Function

                Private Function FallsOffWhenMissing(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors <> SslPolicyErrors.RemoteCertificateNotAvailable Then Return True
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(
            source,
            VisualBasicSmtp010(0, "a name mismatch or chain errors"),
            VisualBasicSmtp010(1, "a name mismatch or chain errors"));
    }

    [Fact]
    public async Task VisualBasic_ThrowsOnOnePathAcceptsTheOthers_Reports()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Authentication
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf Validate|}
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    If errors = SslPolicyErrors.RemoteCertificateNotAvailable Then Throw New AuthenticationException("no certificate")
                    Return True
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source, VisualBasicSmtp010(0, "a name mismatch or chain errors"));
    }

    [Fact]
    public async Task VisualBasic_SelectCaseOnlyNone_NoDiagnostic()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.ServerCertificateValidationCallback = AddressOf Validate
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Select Case errors
                        Case SslPolicyErrors.None
                            Return True
                        Case Else
                            Return False
                    End Select
                End Function
            End Class
            """;

        await VerifyCallbackVB.VerifyAnalyzerAsync(source);
    }

    private static DiagnosticResult VisualBasicSmtp010(int location, string errors, string target = MailKitTarget) =>
        FixSmtp010VB.Diagnostic("SMTP010").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithLocation(location).WithArguments(target, errors);

    [Fact]
    public async Task VisualBasic_SelectCaseValidator_AcceptOnlyValidRewritesEveryReturn()
    {
        const string source = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        {|#0:client.ServerCertificateValidationCallback = AddressOf Validate|}
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Select Case errors
                        Case SslPolicyErrors.None, SslPolicyErrors.RemoteCertificateNameMismatch
                            Return True
                        Case Else
                            Return False
                    End Select
                End Function
            End Class
            """;
        const string fixedSource = """
            Imports System.Net.Security
            Imports System.Security.Cryptography.X509Certificates
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Send()
                    Using client As New SmtpClient()
                        client.ServerCertificateValidationCallback = AddressOf Validate
                    End Using
                End Sub

                Private Function Validate(sender As Object, certificate As X509Certificate, chain As X509Chain, errors As SslPolicyErrors) As Boolean
                    Select Case errors
                        Case SslPolicyErrors.None, SslPolicyErrors.RemoteCertificateNameMismatch
                            Return errors = SslPolicyErrors.None
                        Case Else
                            Return errors = SslPolicyErrors.None
                    End Select
                End Function
            End Class
            """;

        await FixSmtp010VB.VerifyCodeFixAsync(source, VisualBasicSmtp010(0, "a name mismatch"), fixedSource, SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits.CertificateValidationCallbackFixes.AcceptOnlyValidKey);
    }

    [Fact]
    public async Task VisualBasic_MailKitAndGlobalLambdas_FixAllRemovesAndResets()
    {
        const string source = """
            Imports System.Net
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                    {|#0:client.ServerCertificateValidationCallback = Function(s, c, ch, e) e = SslPolicyErrors.None OrElse e = SslPolicyErrors.RemoteCertificateNameMismatch|}
                    {|#1:ServicePointManager.ServerCertificateValidationCallback = Function(s, c, ch, e)|}
                                                                                  If e = SslPolicyErrors.RemoteCertificateChainErrors Then Return True
                                                                                  Return e = SslPolicyErrors.None
                                                                              End Function
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;
        const string fixedSource = """
            Imports System.Net
            Imports System.Net.Security
            Imports MailKit.Net.Smtp

            Class Mailer
                Sub Configure(client As SmtpClient)
                    ServicePointManager.ServerCertificateValidationCallback = Nothing
                    client.Connect("smtp.example.com", 587)
                End Sub
            End Class

            Class MailSender
                Public Property Client As System.Net.Mail.SmtpClient
            End Class
            """;

        await FixSmtp010VB.VerifyCodeFixAsync(
            source,
            new[]
            {
                VisualBasicSmtp010(0, "a name mismatch"),
                VisualBasicSmtp010(1, "chain errors", "The callback assigned to ServicePointManager.ServerCertificateValidationCallback"),
            },
            fixedSource,
            SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.CertificateCallbackToleratesErrorsCodeFixProvider.Key);
    }

    #endregion
}
