using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using SmtpClientVerifier = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules>;
using MailKitVerifier = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A readonly field holds the constant of its initializer only when no constructor and no init accessor of its type
/// writes it again, in any form the language allows (assignment, deconstruction, increment, ref or out argument).
/// Checked through SMTP001 (System.Net.Mail) and SMTP003 (MailKit), which both read such fields.
/// </summary>
public class ReadonlyFieldConstantTests
{
    private static DiagnosticResult Smtp001(int location) =>
        SmtpClientVerifier.Diagnostic("SMTP001").WithLocation(location).WithArguments("smtp.example.com");

    private static DiagnosticResult Smtp003(int location) =>
        MailKitVerifier.Diagnostic("SMTP003").WithLocation(location).WithArguments("the server", "SecureSocketOptions.None")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static string SmtpClientSource(string members, string value = "_useSsl") => $$"""
        using System.Net.Mail;

        class Mailer
        {
            private readonly bool _useSsl = false;
            private readonly int _retries;

        {{members}}

            void Send(MailMessage m)
            {
                var c = new SmtpClient("smtp.example.com");
                {|#0:c.EnableSsl = {{value}}|};
                c.Send(m);
            }
        }
        """;

    private static string MailKitSource(string members) => $$"""
        using MailKit.Net.Smtp;
        using MailKit.Security;

        class Mailer
        {
            private readonly SecureSocketOptions _mode = SecureSocketOptions.None;
            private readonly int _retries;

        {{members}}

            void Send(SmtpClient client, string host, int port)
            {
                client.Connect(host, port, {|#0:_mode|});
            }
        }
        """;

    [Theory]
    [InlineData("public Mailer(bool useSsl) { (_useSsl, _retries) = (useSsl, 1); }")]
    [InlineData("public Mailer(bool useSsl) { (_retries, (_useSsl, _)) = (1, (useSsl, 2)); }")]
    [InlineData("public Mailer(bool useSsl) { (this._useSsl, _retries) = (useSsl, 1); }")]
    [InlineData("public Mailer((bool, int) settings) { (_useSsl, _retries) = settings; }")]
    [InlineData("public bool UseSsl { get => _useSsl; init => _useSsl = value; }")]
    [InlineData("public bool UseSsl { get => _useSsl; init { _useSsl = value; } }")]
    [InlineData("public bool UseSsl { get => _useSsl; init => (_useSsl, _retries) = (value, 1); }")]
    [InlineData("public string Ssl { init => bool.TryParse(value, out _useSsl); }")]
    [InlineData("public Mailer(bool useSsl) { Set(ref _useSsl, useSsl); } static void Set(ref bool field, bool value) => field = value;")]
    [InlineData("public Mailer(bool useSsl) { _useSsl |= useSsl; }")]
    public async Task SmtpClient_FieldWrittenAgain_NoDiagnostic(string members)
    {
        await SmtpClientVerifier.VerifyAnalyzerAsync(SmtpClientSource(members));
    }

    [Theory]
    [InlineData("public Mailer(int retries) { (_retries, _) = (retries, 1); }")]
    [InlineData("public int Retries { init => _retries = value; }")]
    [InlineData("public Mailer(bool ssl) { bool _useSsl; _useSsl = ssl; _retries = _useSsl ? 1 : 2; }")]
    [InlineData("public Mailer() { _retries = _useSsl ? 1 : 2; }")]
    [InlineData("public bool UseSsl { get => _useSsl; set { } }")]
    [InlineData("class Nested { private readonly bool _useSsl; Nested(bool ssl) { _useSsl = ssl; } }")]
    public async Task SmtpClient_OnlyOtherWritesOrReads_Reports(string members)
    {
        await SmtpClientVerifier.VerifyAnalyzerAsync(SmtpClientSource(members), Smtp001(0));
    }

    [Theory]
    [InlineData("public Mailer(SecureSocketOptions mode) { (_mode, _retries) = (mode, 1); }")]
    [InlineData("public SecureSocketOptions Mode { init => _mode = value; }")]
    [InlineData("public Mailer(SecureSocketOptions mode) { Pick(out _mode, mode); } static void Pick(out SecureSocketOptions field, SecureSocketOptions value) => field = value;")]
    public async Task MailKit_FieldWrittenAgain_NoDiagnostic(string members)
    {
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members));
    }

    [Theory]
    [InlineData("")]
    [InlineData("public Mailer(int retries) { (_retries, _) = (retries, 1); }")]
    [InlineData("public int Retries { init => _retries = value; }")]
    public async Task MailKit_FieldNotWrittenAgain_Reports(string members)
    {
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members), Smtp003(0));
    }

    [Fact]
    public async Task StaticFieldWrittenByStaticConstructorDeconstruction_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private static readonly SecureSocketOptions Mode = SecureSocketOptions.None;
                private static readonly int Retries;

                static Mailer() { (Mode, Retries) = (Load(), 1); }

                static SecureSocketOptions Load() => System.Enum.Parse<SecureSocketOptions>(System.Environment.GetEnvironmentVariable("MODE")!);

                void Send(SmtpClient client, string host, int port) => client.Connect(host, port, Mode);
            }
            """;

        await MailKitVerifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task InstanceConstructorCannotWriteStaticField_Reports()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            class Mailer
            {
                private static readonly SecureSocketOptions Mode = SecureSocketOptions.None;
                private readonly SecureSocketOptions _other;

                Mailer(SecureSocketOptions mode) { (_other, _) = (mode, Mode); }

                void Send(SmtpClient client, string host, int port) => client.Connect(host, port, {|#0:Mode|});
            }
            """;

        await MailKitVerifier.VerifyAnalyzerAsync(source, Smtp003(0));
    }

    [Theory]
    [InlineData("public Mailer(bool useSsl) { (_useSsl, _retries) = (useSsl, 1); }", false)]
    [InlineData("public bool UseSsl { init => _useSsl = value; }", false)]
    [InlineData("public Mailer(int retries) { _retries = retries; }", true)]
    public async Task PartialTypeWrittenInAnotherFile(string members, bool reports)
    {
        const string first = """
            using System.Net.Mail;

            partial class Mailer
            {
                private readonly bool _useSsl = false;
                private readonly int _retries;

                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com");
                    {|#0:c.EnableSsl = _useSsl|};
                    c.Send(m);
                }
            }
            """;
        var second = $$"""
            partial class Mailer
            {
                {{members}}
            }
            """;

        var test = new SmtpClientVerifier.Test { TestState = { Sources = { first, second } } };
        if (reports)
        {
            test.ExpectedDiagnostics.Add(Smtp001(0));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("public Mailer(int retries) { this = default; }", false)]
    [InlineData("public Mailer(int retries) { this = default; _strict = true; }", false)]
    [InlineData("public Mailer(int retries) { var copy = this; }", true)]
    public async Task StructConstructorAssigningThis(string constructor, bool reports)
    {
        // default(Mailer) holds _strict == false, not the initializer's true.
        var source = $$"""
            using System.Net.Mail;

            struct Mailer
            {
                private readonly bool _strict = true;

                {{constructor}}

                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com");
                    {|#0:c.EnableSsl = !_strict|};
                    c.Send(m);
                }
            }
            """;

        var test = new SmtpClientVerifier.Test { TestCode = source };
        if (reports)
        {
            test.ExpectedDiagnostics.Add(Smtp001(0));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RecordWithPrimaryConstructor_FieldInitializerStillConstant_Reports()
    {
        const string source = """
            using System.Net.Mail;

            record Mailer(string Host)
            {
                private readonly bool _useSsl = false;

                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com");
                    {|#0:c.EnableSsl = _useSsl|};
                    c.Send(m);
                }
            }
            """;

        await SmtpClientVerifier.VerifyAnalyzerAsync(source, Smtp001(0));
    }
}
