using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using SmtpClientVerifier = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.SystemNetMailRules>;
using MailKitVerifier = SmtpTlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.MailKitConnectionRules>;
using MailKitVerifierVB = SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicAnalyzerVerifier<SmtpTlsAnalyzers.Tests.Verifiers.VisualBasicMailKitConnectionRules>;

namespace SmtpTlsAnalyzers.Tests.Rules;

/// <summary>
/// A readonly field holds a constant only when its initializer (its type's default when it has none) and every write of
/// its type's constructors and init accessors are that constant; a write whose value is not plain (deconstruction,
/// increment, ref or out argument) or not constant leaves it unknown.
/// Checked through SMTP001 (System.Net.Mail) and SMTP003 (MailKit), which both read such fields. A field whose writes
/// differ holds each of their values, as a local written on several paths does (SMTP013, SMTP004); its initializer
/// counts unless every constructor writes the field before it can return.
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

    private static string MailKitSource(string members, string initializer = " = SecureSocketOptions.None") => $$"""
        using MailKit.Net.Smtp;
        using MailKit.Security;

        class Mailer
        {
            private readonly SecureSocketOptions _mode{{initializer}};
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

    [Theory]
    [InlineData("public Mailer() { _mode = SecureSocketOptions.None; }")]
    [InlineData("public Mailer() { this._mode = SecureSocketOptions.None; } public Mailer(int retries) : this() { _retries = retries; }")]
    [InlineData("public Mailer(bool dev) { _mode = dev ? SecureSocketOptions.None : SecureSocketOptions.None; }")]
    public async Task MailKit_ConstructorWritesTheInitializersConstant_Reports(string members)
    {
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members), Smtp003(0));
    }

    [Theory]
    [InlineData("public Mailer() { _mode = SecureSocketOptions.SslOnConnect; }")]
    [InlineData("public Mailer(SecureSocketOptions mode) { if (mode == SecureSocketOptions.None) throw new System.ArgumentException(); _mode = mode; }")]
    [InlineData("public Mailer() : this(SecureSocketOptions.StartTls) { } public Mailer(SecureSocketOptions mode) => _mode = mode;")]
    [InlineData("public Mailer(bool ssl) { if (ssl) _mode = SecureSocketOptions.SslOnConnect; else { _mode = SecureSocketOptions.StartTls; } }")]
    [InlineData("public Mailer(string v) { switch (v) { case \"ssl\": _mode = SecureSocketOptions.SslOnConnect; break; case \"tls\": _mode = SecureSocketOptions.StartTls; break; default: throw new System.ArgumentException(v); } }")]
    public async Task MailKit_ConstructorWritesAnotherValue_NoDiagnostic(string members)
    {
        // Every constructor writes the field before anything reads it: the initializer's None is never used.
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members));
    }

    [Theory]
    [InlineData(" = {|#1:SecureSocketOptions.None|}", "public Mailer(bool secure) { if (secure) _mode = SecureSocketOptions.StartTls; }")]
    [InlineData(" = {|#1:SecureSocketOptions.None|}", "public SecureSocketOptions Mode { init => _mode = value; }")]
    [InlineData(" = {|#1:SecureSocketOptions.None|}", "public Mailer(bool secure) { if (!secure) return; _mode = SecureSocketOptions.StartTls; }")]
    [InlineData(" = {|#1:SecureSocketOptions.None|}", "public Mailer(string v) { switch (v) { case \"ssl\": _mode = SecureSocketOptions.SslOnConnect; break; case \"tls\": _mode = SecureSocketOptions.StartTls; break; } }")]
    [InlineData(" = {|#1:SecureSocketOptions.None|}", "public Mailer() { _mode = SecureSocketOptions.StartTls; } public Mailer(int retries) { _retries = retries; }")]
    [InlineData("", "public Mailer() { _mode = {|#1:SecureSocketOptions.None|}; } public Mailer(SecureSocketOptions mode) { _mode = mode; }")]
    [InlineData("", "public Mailer() { _mode = {|#1:SecureSocketOptions.None|}; } public SecureSocketOptions Mode { init => _mode = value; }")]
    [InlineData("", "public Mailer(bool dev) { _mode = dev ? {|#1:SecureSocketOptions.None|} : SecureSocketOptions.SslOnConnect; }")]
    [InlineData("", "public Mailer() { (_mode, _retries) = (SecureSocketOptions.None, 1); _mode = {|#1:SecureSocketOptions.None|}; }")]
    [InlineData(" = SecureSocketOptions.None", "public Mailer() { _mode = {|#1:SecureSocketOptions.None|}; } public Mailer(SecureSocketOptions mode) { _mode = mode; }")]
    public async Task MailKit_ConstructorWritesSeveralValues_NoneOnOnePath(string initializer, string members)
    {
        // Not a constant: the values the field can hold are listed as a local's are, and the None among them is named.
        await MailKitVerifier.VerifyAnalyzerAsync(
            MailKitSource(members.Length == 0 ? "" : members, initializer).Replace("{|#0:_mode|}", "_mode", System.StringComparison.Ordinal),
            MailKitVerifier.Diagnostic("SMTP013").WithLocation(1).WithArguments("on one path it is SecureSocketOptions.None, which turns TLS off")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Theory]
    [InlineData("public Mailer(bool legacy) { _mode = legacy ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None; }", "SecureSocketOptions.StartTlsWhenAvailable or SecureSocketOptions.None")]
    [InlineData("public Mailer(int kind) { _mode = kind switch { 0 => SecureSocketOptions.None, _ => SecureSocketOptions.StartTlsWhenAvailable }; }", "SecureSocketOptions.None or SecureSocketOptions.StartTlsWhenAvailable")]
    public async Task MailKit_ConstructorWritesOnlyInsecureValues_StrippableOnEveryPath(string members, string modes)
    {
        await MailKitVerifier.VerifyAnalyzerAsync(
            MailKitSource(members, initializer: ""),
            MailKitVerifier.Diagnostic("SMTP004").WithLocation(0).WithArguments("the server", modes + " on every path")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Theory]
    [InlineData("public Mailer() { _mode = SecureSocketOptions.None; }")]
    [InlineData("public Mailer(bool dev) { if (dev) _mode = SecureSocketOptions.None; }")]
    [InlineData("public Mailer() { _mode = SecureSocketOptions.None; } public Mailer(int retries) { _mode = SecureSocketOptions.None; _retries = retries; }")]
    public async Task MailKit_NoInitializer_ConstructorsWriteOnlyNone_Reports(string members)
    {
        // The field's default value is SecureSocketOptions.None too: no path of any constructor leaves another value.
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members, initializer: ""), Smtp003(0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("public Mailer() { _mode = SecureSocketOptions.StartTls; }")]
    [InlineData("public Mailer(SecureSocketOptions mode) { _mode = mode; }")]
    [InlineData("public Mailer(bool legacy) { if (legacy) _mode = SecureSocketOptions.StartTls; }")]
    public async Task MailKit_NoInitializer_NotProvenNone_NoDiagnostic(string members)
    {
        // Never written at all is left unknown as well: a serializer may fill such a field.
        await MailKitVerifier.VerifyAnalyzerAsync(MailKitSource(members, initializer: ""));
    }

    [Theory]
    [InlineData("public Mailer() { _useSsl = false; }", true)]
    [InlineData("public Mailer(bool legacy) { if (legacy) _useSsl = false; }", true)]
    [InlineData("public Mailer() { _useSsl = true; }", false)]
    [InlineData("public Mailer(bool legacy) { if (!legacy) _useSsl = true; }", false)]
    public async Task SmtpClient_NoInitializer_ConstructorWrites(string constructor, bool reports)
    {
        var source = $$"""
            using System.Net.Mail;

            class Mailer
            {
                private readonly bool _useSsl;

                {{constructor}}

                void Send(MailMessage m)
                {
                    var c = new SmtpClient("smtp.example.com");
                    {|#0:c.EnableSsl = _useSsl|};
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

    [Theory]
    [InlineData(" = SecureSocketOptions.None", "_mode = mode", false)]
    [InlineData(" = SecureSocketOptions.None", "_mode = SecureSocketOptions.None", true)]
    [InlineData("", "_mode = SecureSocketOptions.None", true)]
    [InlineData("", "_mode = mode", false)]
    [InlineData(" = SecureSocketOptions.None", "Dim unused = mode", true)]
    public async Task VisualBasic_ConstructorWrites(string initializer, string statement, bool reports)
    {
        var source = $$"""
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Private ReadOnly _mode As SecureSocketOptions{{initializer}}

                Sub New(mode As SecureSocketOptions)
                    {{statement}}
                End Sub

                Sub Send(client As SmtpClient, host As String, port As Integer)
                    client.Connect(host, port, {|#0:_mode|})
                End Sub
            End Class
            """;

        var test = new MailKitVerifierVB.Test { TestCode = source };
        if (reports)
        {
            test.ExpectedDiagnostics.Add(MailKitVerifierVB.Diagnostic("SMTP003").WithLocation(0).WithArguments("the server", "SecureSocketOptions.None")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VisualBasic_ConstructorWritesSeveralValues_NoneOnOnePath()
    {
        const string source = """
            Imports MailKit.Net.Smtp
            Imports MailKit.Security

            Class Mailer
                Private ReadOnly _mode As SecureSocketOptions = SecureSocketOptions.SslOnConnect

                Sub New(legacy As Boolean)
                    If legacy Then
                        _mode = {|#1:SecureSocketOptions.None|}
                    Else
                        _mode = SecureSocketOptions.StartTls
                    End If
                End Sub

                Sub New()
                    Me.New(False)
                End Sub

                Sub Send(client As SmtpClient, host As String, port As Integer)
                    client.Connect(host, port, _mode)
                End Sub
            End Class
            """;

        await MailKitVerifierVB.VerifyAnalyzerAsync(
            source,
            MailKitVerifierVB.Diagnostic("SMTP013").WithLocation(1).WithArguments("on one path it is SecureSocketOptions.None, which turns TLS off")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
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
