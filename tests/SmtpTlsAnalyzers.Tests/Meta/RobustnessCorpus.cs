using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>One compilation of the robustness corpus: broken or unusual code around the mail and TLS APIs.</summary>
public sealed record RobustnessCase(string Name, OutputKind OutputKind, params string[] Sources)
{
    public override string ToString() => Name;
}

/// <summary>
/// Code an editor sees while it is typed, and code real projects contain that tests of single rules rarely show.
/// Every case mixes System.Net.Mail, MailKit and the TLS knobs, so that every rule's callbacks meet it.
/// </summary>
internal static class RobustnessCorpus
{
    /// <summary>How every case is parsed: the latest language, with DEBUG defined.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: new[] { "DEBUG" });

    /// <summary>How every case compiles: unsafe code allowed, nullable annotations on.</summary>
    public static CSharpCompilationOptions CompilationOptions(RobustnessCase corpusCase) =>
        new(corpusCase.OutputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Security;
        using MimeKit;
        using Snm = System.Net.Mail;
        using Kit = MailKit.Net.Smtp;

        """;

    public static IEnumerable<RobustnessCase> Cases()
    {
        yield return Library("MissingBraces", """
            class Broken
            {
                void Send(Snm.MailMessage m)
                {
                    var c = new Snm.SmtpClient("smtp.example.com", 25) { EnableSsl = false
                    c.Send(m);

                void Other()
                {
                    var k = new Kit.SmtpClient();
                    k.Connect("smtp.example.com", 25, SecureSocketOptions.None
                    k.ServerCertificateValidationCallback = (s, c, ch, e) =>
                    k.SslProtocols = SslProtocols.Tls |
            """);

        yield return Library("UnresolvedTypes", """
            class Unresolved
            {
                void Send(MissingMessage m, Missing.Options options)
                {
                    var c = new SmtpClent("smtp.example.com");
                    c.EnableSsl = false;
                    c.Send(m);
                    var k = new Kit.SmtpClient(new MissingLogger { RedactSecrets = false });
                    k.Connect(options.Host, options.Port, SecureSocketOptions.Nope);
                    k.Connect(UnknownHost, 25, SecureSocketOptions.None);
                    k.Authenticate(new MissingCredentials());
                    k.ServerCertificateValidationCallback = MissingValidator.AcceptAll;
                    k.SslProtocols = SslProtocols.Tls99;
                    var s = new Snm.SmtpClient(UnknownHost, UnknownPort) { EnableSsl = UnknownFlag, Credentials = Unknown() };
                    s.Send(m);
                    undefinedClient.EnableSsl = false;
                    undefinedClient.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Unknown;
                }
            }
            """);

        yield return Library("ConnectWrongArityOrNull", """
            class Arity
            {
                async Task Run(Snm.MailMessage m)
                {
                    using var k = new Kit.SmtpClient();
                    k.Connect();
                    k.Connect(null);
                    k.Connect((Uri)null!);
                    k.Connect(null, 0, null);
                    k.Connect(null!, -1, (SecureSocketOptions)42);
                    k.Connect("smtp.example.com", 25, SecureSocketOptions.None, CancellationToken.None, 5);
                    k.Connect("smtp.example.com", "25", "none");
                    k.Connect(host: null, options: SecureSocketOptions.None);
                    k.Connect(options: SecureSocketOptions.None, port: 25, host: "smtp.example.com");
                    await k.ConnectAsync(default, default, default);
                    await k.ConnectAsync(default(Stream)!, "smtp.example.com", 25, SecureSocketOptions.None);
                    k.Authenticate();
                    k.Authenticate(null, null);
                    k.Authenticate((ICredentials)null!);
                    k.ServerCertificateValidationCallback = null;
                    k.SslProtocols = default;
                    k.CheckCertificateRevocation = default;
                    using var s = new Snm.SmtpClient(null, -1) { EnableSsl = null, Port = int.MaxValue };
                    s.Send();
                    s.Send(null);
                    s.Credentials = null;
                    s.EnableSsl = default;
                    new Snm.SmtpClient { EnableSsl = false }.Send(m);
                    new Kit.SmtpClient().Connect(new Uri("smtp://"));
                    new Kit.SmtpClient().Connect(new Uri("not a uri"));
                    new Kit.SmtpClient().Connect(new Uri("smtp://smtp.example.com:99999/?starttls"));
                }
            }
            """);

        yield return Library("DynamicReceivers", """
            class Dynamic
            {
                void Run(dynamic client, dynamic options, dynamic message)
                {
                    client.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    client.EnableSsl = false;
                    client.ServerCertificateValidationCallback = (RemoteCertificateValidationCallback)((s, c, ch, e) => true);
                    using var k = new Kit.SmtpClient();
                    k.Connect(options.Host, options.Port, options.Socket);
                    k.Connect("smtp.example.com", 25, options);
                    k.Authenticate(options.User, options.Password);
                    k.SslProtocols = options.Protocols;
                    dynamic smtp = new Snm.SmtpClient("smtp.example.com");
                    smtp.EnableSsl = false;
                    smtp.Send(message);
                    var s = new Snm.SmtpClient(options.Host) { EnableSsl = options.Ssl, Port = options.Port };
                    s.Send(message);
                    ServicePointManager.ServerCertificateValidationCallback = options.Callback;
                }
            }
            """);

        yield return Library("GenericWrappers", """
            class Wrapper<TClient>
                where TClient : MailService, new()
            {
                private readonly TClient _client = new();

                public void Open() => _client.Connect("smtp.example.com", 25, SecureSocketOptions.None);

                public void Trust() => _client.ServerCertificateValidationCallback = (s, c, ch, e) => true;

                public T Make<T>() where T : Snm.SmtpClient, new() => new T { EnableSsl = false };

                public void Use<T>(T client) where T : IMailService => client.Connect("smtp.example.com", 587, false);
            }

            class DerivedKit : Kit.SmtpClient
            {
                public DerivedKit()
                {
                    Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    CheckCertificateRevocation = false;
                }
            }

            class DerivedSnm : Snm.SmtpClient
            {
                public DerivedSnm() : base("smtp.example.com", 25)
                {
                    EnableSsl = false;
                    Credentials = new NetworkCredential("user", "password");
                }
            }

            class Holder<T> where T : IDisposable
            {
                public T? Value;
                public List<Kit.SmtpClient> Clients = new() { new Kit.SmtpClient() };
                public Func<Snm.SmtpClient> Factory = () => new Snm.SmtpClient("smtp.example.com") { EnableSsl = false };
                public Lazy<Kit.SmtpClient> Lazy = new(() => { var k = new Kit.SmtpClient(); k.Connect("smtp.example.com", 25, SecureSocketOptions.None); return k; });
            }
            """);

        yield return Library("AsyncLambdas", """
            class AsyncShapes
            {
                public Func<MimeMessage, Task> Send = async message =>
                {
                    using var k = new Kit.SmtpClient();
                    await k.ConnectAsync("smtp.example.com", 25, SecureSocketOptions.None);
                    await k.AuthenticateAsync("user", "password");
                    await k.SendAsync(message);
                };

                public async Task Run(Snm.MailMessage m)
                {
                    await Task.Run(async () =>
                    {
                        using var s = new Snm.SmtpClient("smtp.example.com", 587);
                        await s.SendMailAsync(m);
                    });

                    async Task LocalAsync(IMailService service) =>
                        await service.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTlsWhenAvailable).ConfigureAwait(false);

                    await LocalAsync(new Kit.SmtpClient());
                    Func<Task<bool>> check = async () => { await Task.Yield(); return true; };
                    var imap = new ImapClient();
                    imap.ServerCertificateValidationCallback = (s, c, ch, e) => check().GetAwaiter().GetResult();
                    await foreach (var item in Items())
                    {
                        await imap.ConnectAsync(item, 143, SecureSocketOptions.None);
                    }
                }

                private static async IAsyncEnumerable<string> Items()
                {
                    await Task.Yield();
                    yield return "imap.example.com";
                }
            }
            """);

        yield return new RobustnessCase("TopLevelStatements", OutputKind.ConsoleApplication, Usings + """
            var client = new Snm.SmtpClient("smtp.example.com") { EnableSsl = false };
            client.Credentials = new NetworkCredential("user", "password");
            client.Send(new Snm.MailMessage());
            using var kit = new Kit.SmtpClient(new ProtocolLogger("smtp.log") { RedactSecrets = false });
            kit.ServerCertificateValidationCallback = (s, c, ch, e) => true;
            kit.Connect(args.Length > 0 ? args[0] : "smtp.example.com", 25, SecureSocketOptions.None);
            kit.Authenticate("user", "password");
            Local(kit);
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;

            static void Local(IMailService service) => service.Connect("smtp.example.com", 587);

            record Settings(string Host, int Port);
            """);

        yield return Library("RecordsAndPrimaryConstructors", """
            record Mailer(string Host, int Port, SecureSocketOptions Options = SecureSocketOptions.None)
            {
                public void Send(MimeMessage m)
                {
                    using var c = new Kit.SmtpClient();
                    c.Connect(Host, Port, Options);
                    c.Send(m);
                }

                public Snm.SmtpClient Legacy { get; init; } = new Snm.SmtpClient("smtp.example.com") { EnableSsl = false };
            }

            record struct Endpoint(string Host, int Port);

            class Service(Kit.SmtpClient client, Snm.SmtpClient legacy, Endpoint endpoint)
            {
                private readonly Snm.SmtpClient _legacy = legacy;

                public void Go(Snm.MailMessage m)
                {
                    client.Connect(endpoint.Host, endpoint.Port, false);
                    client.SslProtocols = SslProtocols.Tls11;
                    legacy.EnableSsl = false;
                    _legacy.Send(m);
                    var copy = endpoint with { Port = 25 };
                    client.Connect(copy.Host, copy.Port, SecureSocketOptions.None);
                }
            }

            class Derived(string host) : Snm.SmtpClient(host, 25)
            {
                public void Off() => EnableSsl = false;
            }
            """);

        yield return Library("IfBranches", """
            class Conditional
            {
                void Send(Snm.MailMessage m)
                {
                    var c = new Snm.SmtpClient("smtp.example.com", 587);
            #if DEBUG
                    c.EnableSsl = false;
            #else
                    c.EnableSsl = true;
            #endif
            #if NEVER_DEFINED
                    c.Connect(( garbage that does not parse {{{
            #elif ALSO_UNDEFINED
                    c.EnableSsl = false
            #endif
                    c.Send(m);
                    using var k = new Kit.SmtpClient();
            #region odd
                    k.Connect("smtp.example.com",
            #if DEBUG
                        25, SecureSocketOptions.None
            #else
                        465, SecureSocketOptions.SslOnConnect
            #endif
                    );
            #endregion
            #pragma warning disable SMTP003
                    k.Connect("smtp.example.com", 25, SecureSocketOptions.None);
            #pragma warning restore SMTP003
                }
            }
            """);

        yield return Library("LocalsWrittenOnSeveralPaths", """
            class Flow
            {
                private readonly Func<SecureSocketOptions> _chooser = () => { var m = SecureSocketOptions.None; m = SecureSocketOptions.SslOnConnect; return m; };

                async Task Send(Kit.SmtpClient k, bool a, int n, string[] hosts)
                {
                    var mode = SecureSocketOptions.SslOnConnect;
                    try { mode = SecureSocketOptions.StartTls; } finally { mode = SecureSocketOptions.None; }
                    k.Connect("smtp.example.com", 587, mode);

                    var other = SecureSocketOptions.Auto;
                    lock (hosts) { other = SecureSocketOptions.StartTls; }
                    using (var s = new MemoryStream()) { if (a) other = SecureSocketOptions.None; }
                    await k.ConnectAsync("smtp.example.com", 587, other);

                    var jumped = SecureSocketOptions.SslOnConnect;
                    if (n > 3) goto done;
                    jumped = SecureSocketOptions.StartTlsWhenAvailable;
                done:
                    k.Connect("smtp.example.com", 465, jumped);

                    var chosen = SecureSocketOptions.None;
                    switch (n)
                    {
                        case 1: chosen = SecureSocketOptions.StartTls; break;
                        case > 5 when a: chosen = SecureSocketOptions.SslOnConnect; goto case 1;
                        default: throw new InvalidOperationException();
                    }

                    k.Connect(hosts[0], n, chosen);

                    var inLambda = SecureSocketOptions.StartTls;
                    inLambda = SecureSocketOptions.None;
                    Action connect = () => k.Connect("smtp.example.com", 25, inLambda);
                    connect();

                    void Local()
                    {
                        var m = SecureSocketOptions.SslOnConnect;
                        for (var i = 0; i < n; i++) { k.Connect(hosts[i], 465, m); m = i > 2 ? SecureSocketOptions.None : m; }
                    }

                    Local();

                    var caught = SecureSocketOptions.SslOnConnect;
                    try { k.Connect("smtp.example.com", 465, caught); }
                    catch (IOException) when (n > 0) { caught = SecureSocketOptions.None; k.Connect("smtp.example.com", 25, caught); }

                    var flags = a ? SslProtocols.Tls12 : SslProtocols.Tls13;
                    flags = n switch { 0 => SslProtocols.Tls | SslProtocols.Tls12, _ => flags };
                    k.SslProtocols = flags;

                    RemoteCertificateValidationCallback callback = null;
                    if (a) callback = (s, c, h, e) => true;
                    k.ServerCertificateValidationCallback = callback;

                    var useSsl = true;
                    while (n-- > 0) { useSsl = !useSsl; }
                    k.Connect("smtp.example.com", 587, useSsl);
                }

                IEnumerable<int> Iterate(Kit.SmtpClient k)
                {
                    var mode = SecureSocketOptions.SslOnConnect;
                    yield return 1;
                    mode = SecureSocketOptions.None;
                    yield return 2;
                    k.Connect("smtp.example.com", 465, mode);
                }
            }
            """);

        yield return Library("ValuesReturnedByHelpers", """
            static class ModeExtensions
            {
                public static SecureSocketOptions ToMode(this bool ssl) => ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            }

            partial class Helpers
            {
                void Send(Kit.SmtpClient k, bool a, int n)
                {
                    k.Connect("smtp.example.com", 587, Recurse(n));
                    k.Connect("smtp.example.com", 587, Fan(n));
                    ulong bits = ulong.MaxValue;
                    k.SslProtocols = (SslProtocols)(bits | 1);
                    k.Connect("smtp.example.com", (int)bits, SecureSocketOptions.StartTls);
                    k.Connect("smtp.example.com", 587, Ping(n));
                    k.Connect("smtp.example.com", 587, Pick(SecureSocketOptions.None));
                    k.Connect("smtp.example.com", 587, a.ToMode());
                    k.Connect("smtp.example.com", 587, Local());
                    k.Connect("smtp.example.com", 587, Throws());
                    k.Connect("smtp.example.com", 587, Partial());
                    k.Connect("smtp.example.com", 587, useSsl: Flag(a));
                    k.SslProtocols = a ? Protocols() : SslProtocols.None;
                    k.ServerCertificateValidationCallback = Validator(a);

                    SecureSocketOptions Local() { var m = SecureSocketOptions.StartTls; return m; }
                }

                static SecureSocketOptions Recurse(int n) => n > 0 ? Recurse(n - 1) : SecureSocketOptions.StartTls;
                static SecureSocketOptions Fan(int n)
                {
                    switch (n % 8)
                    {
                        case 0: return Fan(n + 1);
                        case 1: return Fan(n + 2);
                        case 2: return Fan(n + 3);
                        case 3: return Fan(n + 4);
                        case 4: return Fan(n + 5);
                        case 5: return Fan(n + 6);
                        case 6: return Fan(n + 7);
                        default: return SecureSocketOptions.StartTlsWhenAvailable;
                    }
                }
                static SecureSocketOptions Ping(int n) => n > 0 ? Pong(n - 1) : SecureSocketOptions.SslOnConnect;
                static SecureSocketOptions Pong(int n) => n > 0 ? Ping(n - 1) : SecureSocketOptions.StartTls;
                static T Pick<T>(T value) => value;
                static SecureSocketOptions Throws() => throw new NotSupportedException();
                partial SecureSocketOptions Partial();
                static bool Flag(bool a) { if (a) { return true; } return false; }
                static SslProtocols Protocols() => default;
                static RemoteCertificateValidationCallback Validator(bool a) => a ? null : (s, c, h, e) => e == SslPolicyErrors.None;
            }

            partial class Helpers
            {
                partial SecureSocketOptions Partial() => SecureSocketOptions.Auto;
            }
            """);

        yield return Library("DeconstructedLocals", """
            class Settings
            {
                public void Deconstruct(out string host, out SecureSocketOptions mode) => (host, mode) = ("smtp.example.com", SecureSocketOptions.None);
            }

            class Unpacked
            {
                async Task Send(Kit.SmtpClient k, Settings settings, bool a, (int, SecureSocketOptions)[] pairs)
                {
                    var (host, mode) = settings;
                    k.Connect(host, 587, mode);
                    var (_, discarded) = (1, SecureSocketOptions.None);
                    k.Connect("smtp.example.com", 587, discarded);
                    var (outer, (innerPort, innerMode)) = ("smtp.example.com", (25, SecureSocketOptions.None));
                    k.Connect(outer, innerPort, innerMode);
                    foreach (var (pairPort, pairMode) in pairs)
                    {
                        k.Connect("smtp.example.com", pairPort, pairMode);
                    }

                    (int port, SecureSocketOptions options) = a ? (465, SecureSocketOptions.SslOnConnect) : default;
                    k.Connect("smtp.example.com", port, options);
                    var (few, more) = a switch { true => (1, SecureSocketOptions.StartTlsWhenAvailable), _ => throw new InvalidOperationException() };
                    await k.ConnectAsync("smtp.example.com", 587, more);
                    (port, options) = (port, options);
                    k.Connect("smtp.example.com", port + few, options);
                }
            }
            """);

        yield return new RobustnessCase(
            "PartialClasses",
            OutputKind.DynamicallyLinkedLibrary,
            Usings + """
                partial class Split
                {
                    private readonly Snm.SmtpClient _client = new("smtp.example.com", 25);
                    private Kit.SmtpClient? _kit;

                    partial void OnConfigure();

                    public partial void Connect(string host);

                    public void Send(Snm.MailMessage m)
                    {
                        OnConfigure();
                        _client.Send(m);
                    }
                }
                """,
            Usings + """
                partial class Split
                {
                    partial void OnConfigure()
                    {
                        _client.EnableSsl = false;
                        _client.Credentials = new NetworkCredential("user", "password");
                    }

                    public partial void Connect(string host)
                    {
                        _kit ??= new Kit.SmtpClient();
                        _kit.Connect(host, 25, SecureSocketOptions.None);
                        _kit.ServerCertificateValidationCallback = (s, c, ch, e) => true;
                    }
                }

                partial class Split
                {
                    public Kit.SmtpClient? Kit => _kit;
                }
                """);

        yield return Library("NullableCallbacks", """
            #nullable enable
            class Callbacks
            {
                RemoteCertificateValidationCallback? _callback;

                void Run(bool flag, Kit.SmtpClient? maybe, Snm.SmtpClient? legacy)
                {
                    using var k = new Kit.SmtpClient();
                    k.ServerCertificateValidationCallback = null;
                    k.ServerCertificateValidationCallback = flag ? null : (s, c, ch, e) => true;
                    k.ServerCertificateValidationCallback ??= (s, c, ch, e) => e == SslPolicyErrors.None;
                    k.ServerCertificateValidationCallback = _callback;
                    k.ServerCertificateValidationCallback = _callback!;
                    k.ServerCertificateValidationCallback = default!;
                    k.ServerCertificateValidationCallback = (s, c, ch, e) => c is null ? true : ch?.ChainStatus.Length == 0;
                    k.ServerCertificateValidationCallback = (_, _, _, _) => true;
                    k.ServerCertificateValidationCallback = delegate { return true; };
                    k.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback((s, c, ch, e) => true);
                    k.ServerCertificateValidationCallback += (s, c, ch, e) => true;
                    k.ServerCertificateValidationCallback -= _callback;
                    maybe?.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    maybe!.CheckCertificateRevocation = false;
                    legacy!.EnableSsl = false;
                    legacy?.Send("a", "b", "c", "d");
                    ServicePointManager.ServerCertificateValidationCallback = null;
                    ServicePointManager.ServerCertificateValidationCallback += _callback;
                    _callback = (s, c, ch, e) => true;
                    _ = _callback?.Invoke(this, null, null, SslPolicyErrors.None);
                }
            }
            """);

        yield return Library("UnusualExpressions", """
            class Unusual
            {
                const int Port = 2 * 12 + 1;
                const string Host = "smtp." + "example.com";

                unsafe void Run(Snm.MailMessage m, bool flag)
                {
                    var c = new Snm.SmtpClient();
                    (c.Host, c.Port) = (Host, Port);
                    c.Port += 440;
                    c.EnableSsl = c.EnableSsl = false;
                    c.EnableSsl = !true;
                    c.EnableSsl = flag && false;
                    c.EnableSsl = (bool)(object)false;
                    if (c is { EnableSsl: false, Port: 25 })
                    {
                        c.Send(m);
                    }

                    ref var local = ref c;
                    local.EnableSsl = false;
                    Snm.SmtpClient target = new(Host) { EnableSsl = false, Credentials = CredentialCache.DefaultNetworkCredentials };
                    target.Send(m);
                    System.Linq.Expressions.Expression<Action<Snm.SmtpClient>> tree = x => x.Send(m);
                    var name = nameof(Snm.SmtpClient.EnableSsl);
                    int* pointer = stackalloc int[1];
                    using var k = new Kit.SmtpClient();
                    k.Connect(Host, Port, (SecureSocketOptions)0);
                    k.Connect(Host, Port, flag ? SecureSocketOptions.None : SecureSocketOptions.StartTls);
                    k.Connect(Host, Port, SecureSocketOptions.None | SecureSocketOptions.StartTls);
                    k.SslProtocols = (SslProtocols)192 | SslProtocols.Tls12;
                    k.SslProtocols |= SslProtocols.Tls;
                    k.SslProtocols &= ~SslProtocols.Tls;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;
                    goto end;
                end:
                    k.Disconnect(true);
                }
            }

            namespace System.Net.Mail.Shadow
            {
                public class SmtpClient
                {
                    public bool EnableSsl { get; set; }
                    public void Send(object message) { }
                    public void Connect(string host, int port, MailKit.Security.SecureSocketOptions options) { }
                }

                class UsesShadow
                {
                    void Run() => new SmtpClient { EnableSsl = false }.Connect("smtp.example.com", 25, MailKit.Security.SecureSocketOptions.None);
                }
            }
            """);

        yield return Library("GeneratedAndEmpty", """
            // <auto-generated />
            class Generated
            {
                void Run(MimeMessage m)
                {
                    using var k = new Kit.SmtpClient();
                    k.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                    k.Send(m);
                }
            }
            """, string.Empty, "#error broken on purpose", "namespace OnlyANamespace;", "class");

        yield return Library("VeryLongFile", VeryLongFile());
    }

    private static RobustnessCase Library(string name, string source, params string[] more) =>
        new(name, OutputKind.DynamicallyLinkedLibrary, new[] { Usings + source }.Concat(more).ToArray());

    /// <summary>
    /// About 5,000 lines in one file: many small mail methods in one type (per-type analyzers see all of them at
    /// once), one client written from every method, and a very long constant expression for a port.
    /// </summary>
    private static string VeryLongFile()
    {
        var builder = new StringBuilder();
        builder.Append("class VeryLong\n{\n    private readonly Snm.SmtpClient _shared = new(\"smtp.example.com\", 25);\n\n");
        for (var i = 0; i < 500; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            builder.Append("    void Method").Append(n).Append("(Snm.MailMessage m, MimeMessage mime)\n    {\n");
            builder.Append(i % 3 == 0
                ? "        using var k = new Kit.SmtpClient();\n        k.Connect(\"smtp.example.com\", 25, SecureSocketOptions.None);\n        k.Send(mime);\n"
                : "        using var c = new Snm.SmtpClient(\"smtp.example.com\", 587) { EnableSsl = false };\n        c.Send(m);\n");
            builder.Append("        _shared.EnableSsl = ").Append(i % 2 == 0 ? "false" : "true").Append(";\n");
            builder.Append("        _shared.Send(m);\n    }\n\n");
        }

        builder.Append("    void LongExpression(Snm.MailMessage m)\n    {\n        var c = new Snm.SmtpClient(\"smtp.example.com\");\n        c.Port = 0");
        for (var i = 0; i < 400; i++)
        {
            builder.Append(" + 1");
        }

        builder.Append(";\n        c.Send(m);\n    }\n}\n");
        return builder.ToString();
    }
}
