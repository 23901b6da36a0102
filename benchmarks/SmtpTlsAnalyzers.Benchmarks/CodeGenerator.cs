using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text, int Lines);

/// <summary>
/// Writes a deterministic project: mostly ordinary application code (records, repositories, services, LINQ,
/// async, pattern matching, events), and, for about one file in ten, mail code in every shape the rules know,
/// insecure and secure. Each mail shape is one method named <c>Kind_Number</c>, so a diagnostic can be traced back
/// to the shape it was raised on.
/// </summary>
internal static class CodeGenerator
{
    /// <summary>Generates <paramref name="fileCount"/> files; with <paramref name="withMail"/> false, no file uses mail types.</summary>
    public static List<GeneratedFile> Generate(int fileCount, bool withMail, int seed = 20261128)
    {
        var random = new Random(seed);
        var files = new List<GeneratedFile>(fileCount + 1);
        var shapeIndex = 0;
        if (withMail)
        {
            files.Add(Make("Mail/MailOptions.cs", MailOptionsFile));
        }

        for (var i = 0; files.Count < fileCount; i++)
        {
            if (withMail && i % 10 == 5)
            {
                files.Add(Make($"Mail/MailSender{i}.cs", MailFile(i, ref shapeIndex)));
            }
            else
            {
                files.Add(Make($"Module{i % 40}/Feature{i}.cs", OrdinaryFile(i, random)));
            }
        }

        return files;
    }

    /// <summary>The kinds of mail shape, in the order they are dealt out.</summary>
    public static IReadOnlyList<MailShape> Shapes => MailShapes;

    private static GeneratedFile Make(string path, string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return new GeneratedFile(path, text, lines);
    }

    private const string MailOptionsFile = """
        using MailKit.Security;

        namespace Contoso.Mail
        {
            /// <summary>Settings bound from configuration: the analyzers cannot know their values.</summary>
            public sealed class MailOptions
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public bool UseSsl { get; set; }
                public SecureSocketOptions Socket { get; set; }
                public bool CheckRevocation { get; set; } = true;
            }
        }
        """;

    private static string MailFile(int index, ref int shapeIndex)
    {
        var builder = new StringBuilder();
        builder.Append("""
            using System;
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
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            #pragma warning disable SYSLIB0014, SYSLIB0039, CS1998

            namespace Contoso.Mail
            {
            """);
        builder.Append("\n    public sealed class MailSender").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\n    {\n");
        builder.Append("        private readonly MailOptions _options;\n\n");
        builder.Append("        public MailSender").Append(index.ToString(CultureInfo.InvariantCulture))
            .Append("(MailOptions options) => _options = options;\n");

        // Eight shapes a file, dealt round-robin so that every shape appears about equally often.
        for (var k = 0; k < 8; k++)
        {
            var shape = MailShapes[shapeIndex % MailShapes.Length];
            var number = (shapeIndex++).ToString(CultureInfo.InvariantCulture);
            builder.Append('\n');
            builder.Append(Indent(shape.Body.Replace("{N}", number, StringComparison.Ordinal), "        "));
            builder.Append('\n');
        }

        builder.Append("    }\n}\n");
        return builder.ToString();
    }

    private static string Indent(string text, string indent)
    {
        var builder = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            builder.Append(line.Length == 0 ? string.Empty : indent).Append(line).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string OrdinaryFile(int i, Random random)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var threshold = random.Next(1, 500).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        builder.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Contoso.Module{{i % 40}}
            {
                public sealed record Item{{n}}(int Id, string Name, decimal Price, DateTime CreatedAt);

                public interface IRepository{{n}}
                {
                    Task<Item{{n}}?> FindAsync(int id, CancellationToken cancellationToken);
                    IReadOnlyList<Item{{n}}> All();
                    void Add(Item{{n}} item);
                }

                public sealed class Repository{{n}} : IRepository{{n}}
                {
                    private readonly Dictionary<int, Item{{n}}> _items = new();
                    private readonly object _gate = new();

                    public Task<Item{{n}}?> FindAsync(int id, CancellationToken cancellationToken)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        lock (_gate)
                        {
                            return Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);
                        }
                    }

                    public IReadOnlyList<Item{{n}}> All()
                    {
                        lock (_gate)
                        {
                            return _items.Values.OrderBy(x => x.Id).ToList();
                        }
                    }

                    public void Add(Item{{n}} item)
                    {
                        ArgumentNullException.ThrowIfNull(item);
                        lock (_gate)
                        {
                            _items[item.Id] = item with { Name = item.Name.Trim() };
                        }
                    }
                }

                public sealed class Service{{n}}
                {
                    private readonly IRepository{{n}} _repository;

                    public Service{{n}}(IRepository{{n}} repository) =>
                        _repository = repository ?? throw new ArgumentNullException(nameof(repository));

                    public event EventHandler<string>? Changed;

                    public int Threshold { get; set; } = {{threshold}};

                    public async Task<string> DescribeAsync(int id, CancellationToken cancellationToken)
                    {
                        var item = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                        if (item is null)
                        {
                            return "missing";
                        }

                        var builder = new StringBuilder();
                        builder.Append(item.Name).Append(':').Append(item.Price.ToString("F2", CultureInfo.InvariantCulture));
                        Changed?.Invoke(this, builder.ToString());
                        return builder.ToString();
                    }

                    public decimal Total(IEnumerable<Item{{n}}> items) =>
                        items.Where(x => x.Price > Threshold).Sum(x => x.Price);

                    public string Classify(object? value) => value switch
                    {
                        int number when number > Threshold => "big",
                        int => "small",
                        string text => text.Trim(),
                        null => "none",
                        _ => value.ToString() ?? string.Empty,
                    };

            """);

        // A few more members from a pool, so that files differ in size and content.
        var extra = 2 + random.Next(0, 3);
        for (var k = 0; k < extra; k++)
        {
            builder.Append(ExtraMembers[random.Next(ExtraMembers.Length)].Replace("{N}", n, StringComparison.Ordinal)
                .Replace("{K}", k.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        builder.Append("        }\n    }\n");
        return builder.ToString();
    }

    private static readonly string[] ExtraMembers =
    {
        """

                public Dictionary<string, int> Histogram{K}(IReadOnlyList<string> words)
                {
                    var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    foreach (var word in words)
                    {
                        if (string.IsNullOrWhiteSpace(word))
                        {
                            continue;
                        }

                        counts[word] = counts.TryGetValue(word, out var count) ? count + 1 : 1;
                    }

                    return counts;
                }

        """,
        """

                public async Task<int> ImportAsync{K}(IEnumerable<string> lines, CancellationToken cancellationToken)
                {
                    var imported = 0;
                    foreach (var line in lines)
                    {
                        var parts = line.Split(';');
                        if (parts.Length < 3 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                        {
                            continue;
                        }

                        var price = decimal.Parse(parts[2], CultureInfo.InvariantCulture);
                        _repository.Add(new Item{N}(id, parts[1], price, DateTime.UtcNow));
                        imported++;
                        await Task.Yield();
                    }

                    return imported;
                }

        """,
        """

                public IEnumerable<string> Report{K}()
                {
                    var items = _repository.All();
                    var groups = items.GroupBy(x => x.CreatedAt.Year).OrderBy(g => g.Key);
                    foreach (var group in groups)
                    {
                        var average = group.Average(x => x.Price);
                        yield return string.Format(CultureInfo.InvariantCulture, "{0}: {1} items, average {2:F2}", group.Key, group.Count(), average);
                    }
                }

        """,
        """

                public bool TryValidate{K}(Item{N} item, out List<string> errors)
                {
                    errors = new List<string>();
                    if (item.Id <= 0)
                    {
                        errors.Add("Id must be positive");
                    }

                    if (item.Name.Length is 0 or > 200)
                    {
                        errors.Add($"Name has {item.Name.Length} characters");
                    }

                    if (item.Price < 0m)
                    {
                        errors.Add("Price must not be negative");
                    }

                    return errors.Count == 0;
                }

        """,
        """

                public sealed class Cache{K}<TKey, TValue>
                    where TKey : notnull
                {
                    private readonly Dictionary<TKey, (TValue Value, DateTime Expires)> _entries = new();

                    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

                    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
                    {
                        if (_entries.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow)
                        {
                            return entry.Value;
                        }

                        var value = factory(key);
                        _entries[key] = (value, DateTime.UtcNow + Lifetime);
                        return value;
                    }
                }

        """,
    };

    /// <summary>
    /// One mail shape: its kind (the method-name prefix), whether it is insecure, the SmtpTlsAnalyzers IDs every
    /// instance must raise (space-separated; empty: none, for the secure twins and for what the rules leave alone by
    /// design), what it is, and its method. The benchmark fails when a shape's findings differ from these IDs.
    /// </summary>
    internal sealed record MailShape(string Kind, bool Insecure, string ExpectedIds, string Expect, string Body)
    {
        public IReadOnlyList<string> Expected { get; } = ExpectedIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly MailShape[] MailShapes =
    {
        new("SnmEnableSslFalse", true, "SMTP001 SMTP009", "EnableSsl = false with credentials", """
            public void SnmEnableSslFalse_{N}(System.Net.Mail.MailMessage mail, string user, string password)
            {
                using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587)
                {
                    EnableSsl = false,
                    Credentials = new NetworkCredential(user, password),
                };
                client.Send(mail);
            }
            """),
        new("SnmEnableSslUnset", true, "SMTP002", "EnableSsl never set, then Send", """
            public void SnmEnableSslUnset_{N}(System.Net.Mail.MailMessage mail)
            {
                var client = new System.Net.Mail.SmtpClient("mail.example.org");
                client.Port = 25;
                client.Send(mail);
                client.Dispose();
            }
            """),
        new("SnmPort465", true, "SMTP005", "System.Net.Mail on 465 (no implicit TLS)", """
            public async Task SnmPort465_{N}(System.Net.Mail.MailMessage mail)
            {
                using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 465) { EnableSsl = true };
                await client.SendMailAsync(mail);
            }
            """),
        new("SnmCredentialsNoSsl", true, "SMTP002 SMTP009", "credentials, EnableSsl unset", """
            public void SnmCredentialsNoSsl_{N}(System.Net.Mail.MailMessage mail, string user, string password)
            {
                using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587);
                client.Credentials = new NetworkCredential(user, password);
                client.Send(mail);
            }
            """),
        new("SnmSecure", false, "", "EnableSsl = true on 587", """
            public void SnmSecure_{N}(System.Net.Mail.MailMessage mail, string user, string password)
            {
                using var client = new System.Net.Mail.SmtpClient("smtp.example.com", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential(user, password),
                };
                client.Send(mail);
            }
            """),
        new("SnmFromOptions", false, "", "EnableSsl from configuration", """
            public void SnmFromOptions_{N}(System.Net.Mail.MailMessage mail)
            {
                using var client = new System.Net.Mail.SmtpClient(_options.Host, _options.Port) { EnableSsl = _options.UseSsl };
                client.Send(mail);
            }
            """),
        new("MkNone", true, "SMTP003 SMTP009", "SecureSocketOptions.None, then Authenticate", """
            public void MkNone_{N}(MimeMessage message, string user, string password)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 25, SecureSocketOptions.None);
                client.Authenticate(user, password);
                client.Send(message);
                client.Disconnect(true);
            }
            """),
        new("MkAuto587", true, "SMTP004", "Auto on 587 (opportunistic), named arguments", """
            public async Task MkAuto587_{N}(MimeMessage message, CancellationToken cancellationToken)
            {
                using var client = new SmtpClient();
                await client.ConnectAsync(host: "smtp.example.com", port: 587, options: SecureSocketOptions.Auto, cancellationToken: cancellationToken);
                await client.SendAsync(message, cancellationToken);
                await client.DisconnectAsync(true, cancellationToken);
            }
            """),
        new("MkDefaultOptions", true, "SMTP004", "Connect(host, 587): Auto by default", """
            public void MkDefaultOptions_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 587);
                client.Send(message);
            }
            """),
        new("MkStartTlsWhenAvailable", true, "SMTP004 SMTP009", "IMAP StartTlsWhenAvailable", """
            public async Task MkStartTlsWhenAvailable_{N}(string user, string password)
            {
                using var client = new ImapClient();
                await client.ConnectAsync("imap.example.com", 143, SecureSocketOptions.StartTlsWhenAvailable);
                await client.AuthenticateAsync(user, password);
                await client.DisconnectAsync(true);
            }
            """),
        new("MkUseSslFalse", true, "SMTP004 SMTP009", "Connect(host, 587, useSsl: false)", """
            public void MkUseSslFalse_{N}(MimeMessage message, string user, string password)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 587, false);
                client.Authenticate(user, password);
                client.Send(message);
            }
            """),
        new("MkUriNever", true, "SMTP003", "smtp:// Uri with starttls=never", """
            public void MkUriNever_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect(new Uri("smtp://smtp.example.com:25/?starttls=never"));
                client.Send(message);
            }
            """),
        new("MkUriPlain", true, "SMTP004", "smtp:// Uri without starttls", """
            public void MkUriPlain_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect(new Uri("smtp://smtp.example.com:587"));
                client.Send(message);
            }
            """),
        new("MkStartTlsOn465", true, "SMTP005", "StartTls on 465", """
            public void MkStartTlsOn465_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 465, SecureSocketOptions.StartTls);
                client.Send(message);
            }
            """),
        new("MkSslOnConnect587", true, "SMTP005", "SslOnConnect on 587", """
            public void MkSslOnConnect587_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 587, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("MkCallbackTrue", true, "SMTP006", "certificate callback => true", """
            public void MkCallbackTrue_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("MkCallbackMethod", true, "SMTP006", "certificate callback method group returning true", """
            public void MkCallbackMethod_{N}(MimeMessage message)
            {
                static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = AcceptAll;
                client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                client.Send(message);
            }
            """),
        new("MkCallbackTolerates", true, "SMTP010", "certificate callback tolerating chain errors", """
            public async Task MkCallbackTolerates_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors;
                await client.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                await client.SendAsync(message);
            }
            """),
        new("MkCallbackSecure", false, "", "certificate callback that checks errors", """
            public void MkCallbackSecure_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("MkRevocationOff", true, "SMTP007", "CheckCertificateRevocation = false", """
            public void MkRevocationOff_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.CheckCertificateRevocation = false;
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("MkOldProtocols", true, "SMTP008", "SslProtocols Tls | Tls11", """
            public void MkOldProtocols_{N}(MimeMessage message)
            {
                using var client = new SmtpClient { SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 };
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("MkModernProtocols", false, "", "SslProtocols Tls12 | Tls13", """
            public void MkModernProtocols_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                client.CheckCertificateRevocation = _options.CheckRevocation;
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Send(message);
            }
            """),
        new("SpmCallback", true, "SMTP006", "ServicePointManager callback => true", """
            public void SpmCallback_{N}()
            {
                ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true;
            }
            """),
        new("SpmProtocols", true, "SMTP008", "ServicePointManager.SecurityProtocol = Tls | Tls11", """
            public void SpmProtocols_{N}()
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
            }
            """),
        new("MkLoggerRedactOff", true, "SMTP012", "ProtocolLogger RedactSecrets = false", """
            public void MkLoggerRedactOff_{N}(MimeMessage message, string user, string password)
            {
                using var client = new SmtpClient(new ProtocolLogger("smtp.log") { RedactSecrets = false });
                client.Connect("smtp.example.com", 465, SecureSocketOptions.SslOnConnect);
                client.Authenticate(user, password);
                client.Send(message);
            }
            """),
        new("MkPop3None", true, "SMTP003 SMTP009", "POP3 None, then Authenticate", """
            public void MkPop3None_{N}(string user, string password)
            {
                using var client = new Pop3Client();
                client.Connect("pop.example.com", 110, SecureSocketOptions.None);
                client.Authenticate(user, password);
                client.Disconnect(true);
            }
            """),
        new("MkSecure465", false, "", "SslOnConnect on 465 with Authenticate", """
            public async Task MkSecure465_{N}(MimeMessage message, string user, string password, CancellationToken cancellationToken)
            {
                using var client = new SmtpClient();
                await client.ConnectAsync("smtp.example.com", 465, SecureSocketOptions.SslOnConnect, cancellationToken);
                await client.AuthenticateAsync(user, password, cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            """),
        new("MkSecureStartTls", false, "", "StartTls on 587", """
            public void MkSecureStartTls_{N}(MimeMessage message, string user, string password)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                client.Authenticate(user, password);
                client.Send(message);
            }
            """),
        new("MkSecureUri", false, "", "smtps:// Uri", """
            public void MkSecureUri_{N}(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect(new Uri("smtps://smtp.example.com"));
                client.Send(message);
            }
            """),
        new("MkFromOptions", false, "", "host, port and options from configuration", """
            public void MkFromOptions_{N}(MimeMessage message, string user, string password)
            {
                using var client = new SmtpClient();
                client.Connect(_options.Host, _options.Port, _options.Socket);
                client.Authenticate(user, password);
                client.Send(message);
            }
            """),
        new("SslStreamAcceptAll", true, "", "SslStream (not mail) accepting any certificate, TLS 1.0", """
            public void SslStreamAcceptAll_{N}(Stream stream)
            {
                using var ssl = new SslStream(stream, false, (sender, certificate, chain, errors) => true);
                ssl.AuthenticateAsClient("smtp.example.com", null, SslProtocols.Tls, false);
            }
            """),
    };
}
