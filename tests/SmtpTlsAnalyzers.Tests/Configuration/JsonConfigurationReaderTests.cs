using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Configuration;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Configuration;

/// <summary>The appsettings reader: keys and values as Microsoft.Extensions.Configuration's JSON provider makes them, exact positions, and files it refuses.</summary>
public class JsonConfigurationReaderTests
{
    private static ConfigurationFile Read(string json) => JsonConfigurationReader.Read("/app/appsettings.json", SourceText.From(json), CancellationToken.None);

    private static string? Value(ConfigurationFile file, string key)
    {
        Assert.True(file.TryGetValue(key, out var value), "missing " + key);
        return value.Value;
    }

    [Fact]
    public void NestedObjectsAndArrays_FlattenToColonKeys()
    {
        var file = Read("""
            {
              "Smtp": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": false, "Ssl": true, "Password": null },
              "Servers": [ { "Host": "a" }, "b", [ 1 ] ],
              "Empty": {},
              "None": [],
              "Escaped": "a\"b\\c\/d\u0041\n"
            }
            """);

        Assert.True(file.IsReadable);
        Assert.Equal("smtp.example.com", Value(file, "Smtp:Host"));
        Assert.Equal("587", Value(file, "Smtp:Port"));
        Assert.Equal("False", Value(file, "Smtp:EnableSsl"));
        Assert.Equal("True", Value(file, "Smtp:Ssl"));
        Assert.Null(Value(file, "Smtp:Password"));
        Assert.Equal("a", Value(file, "Servers:0:Host"));
        Assert.Equal("b", Value(file, "Servers:1"));
        Assert.Equal("1", Value(file, "Servers:2:0"));
        Assert.Null(Value(file, "Empty"));
        Assert.Null(Value(file, "None"));
        Assert.Equal("a\"b\\c/dA\n", Value(file, "Escaped"));
        Assert.False(file.TryGetValue("Smtp", out _));
    }

    [Fact]
    public void Keys_AreComparedIgnoringCase_AndKeepTheirSpelling()
    {
        var file = Read("""{ "Smtp": { "EnableSsl": false } }""");
        Assert.True(file.TryGetValue("SMTP:enablessl", out var value));
        Assert.Equal("Smtp:EnableSsl", value.Key);
    }

    [Fact]
    public void Positions_AreExact()
    {
        const string json = "{\n  // comment\n  \"Smtp\": {\n    \"EnableSsl\":   false,\n    \"Mode\": \"None\"\n  }\n}";
        var file = Read(json);

        Assert.True(file.TryGetValue("Smtp:EnableSsl", out var flag));
        Assert.Equal("false", json.Substring(flag.Span.Start, flag.Span.Length));
        Assert.Equal(new LinePosition(3, 19), flag.LineSpan.Start);
        Assert.Equal(new LinePosition(3, 24), flag.LineSpan.End);
        Assert.Equal(ConfigurationValueKind.False, flag.Kind);

        Assert.True(file.TryGetValue("Smtp:Mode", out var mode));
        Assert.Equal("\"None\"", mode.Token);
        Assert.Equal(new LinePosition(4, 12), mode.LineSpan.Start);
        Assert.Equal("/app/appsettings.json", mode.ToLocation().GetLineSpan().Path);
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreAccepted()
    {
        var file = Read("""
            /* header */
            {
              // a line comment
              "Smtp": {
                "EnableSsl": false, /* inline */
                "Hosts": [ "a", "b", ],
              },
            }
            // trailing comment
            """);

        Assert.True(file.IsReadable);
        Assert.Equal("False", Value(file, "Smtp:EnableSsl"));
        Assert.Equal("b", Value(file, "Smtp:Hosts:1"));
        Assert.False(file.TryGetValue("Smtp:Hosts:2", out _));
    }

    [Fact]
    public void ByteOrderMark_IsAccepted()
    {
        Assert.Equal("False", Value(Read("\uFEFF{ \"EnableSsl\": false }"), "EnableSsl"));

        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes("{ \"EnableSsl\": false }")).ToArray();
        var text = SourceText.From(bytes, bytes.Length);
        var file = JsonConfigurationReader.Read("/app/appsettings.json", text, CancellationToken.None);
        Assert.True(file.TryGetValue("EnableSsl", out var value));
        Assert.Equal("false", text.ToString(value.Span));
    }

    [Fact]
    public void TextThatWasNotUtf8_IsUnreadable()
    {
        // "é" in Latin-1: not UTF-8, which the JSON provider refuses.
        var bytes = Encoding.Latin1.GetBytes("{ \"Host\": \"caf\u00e9\", \"EnableSsl\": false }");
        Assert.False(JsonConfigurationReader.Read("/a/appsettings.json", SourceText.From(bytes, bytes.Length, Encoding.Latin1), CancellationToken.None).IsReadable);
        Assert.False(Read("{ \"Host\": \"caf\uFFFD\", \"EnableSsl\": false }").IsReadable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[ { \"EnableSsl\": false } ]")]
    [InlineData("\"text\"")]
    [InlineData("{ \"EnableSsl\": false")]
    [InlineData("{ \"EnableSsl\": false } }")]
    [InlineData("{ \"EnableSsl\" false }")]
    [InlineData("{ EnableSsl: false }")]
    [InlineData("{ 'EnableSsl': false }")]
    [InlineData("{ \"EnableSsl\": fals }")]
    [InlineData("{ \"EnableSsl\": False }")]
    [InlineData("{ \"Port\": 0587 }")]
    [InlineData("{ \"Port\": 5. }")]
    [InlineData("{ \"Port\": +5 }")]
    [InlineData("{ \"Host\": \"a\nb\" }")]
    [InlineData("{ \"Host\": \"a\\x\" }")]
    [InlineData("{ \"Host\": \"\\u12\" }")]
    [InlineData("{ \"Host\": \"open }")]
    [InlineData("{ \"EnableSsl\": false /* never closed }")]
    [InlineData("{ \"A\": 1,, \"B\": 2 }")]
    [InlineData("{ , }")]
    [InlineData("{ \"Smtp\": { \"EnableSsl\": true }, \"smtp\": { \"EnableSsl\": false } }")]
    [InlineData("{ \"EnableSsl\": true, \"ENABLESSL\": false }")]
    public void InvalidJson_IsUnreadable(string json) => Assert.False(Read(json).IsReadable);

    [Fact]
    public void TenMegabyteFile_IsUnreadableWithoutParsing()
    {
        var json = "{ \"Big\": \"" + new string('x', 10 * 1024 * 1024) + "\", \"EnableSsl\": false }";
        Assert.False(Read(json).IsReadable);
    }

    [Fact]
    public void NestingUpToTheProvidersLimit_IsRead_DeeperIsUnreadable()
    {
        static string Nested(int depth) => "{" + string.Concat(Enumerable.Repeat("\"a\": {", depth - 1)) + "\"EnableSsl\": false" + new string('}', depth);

        var key = string.Join(":", Enumerable.Repeat("a", 63)) + ":EnableSsl";
        Assert.Equal("False", Value(Read(Nested(64)), key));
        Assert.False(Read(Nested(65)).IsReadable);
        Assert.False(Read(Nested(200_000)).IsReadable);
        Assert.False(Read(new string('[', 500_000)).IsReadable);
    }

    [Fact]
    public void EmptyObjectAfterAValue_SetsTheKeyToNull_AsTheProviderDoes()
    {
        var file = Read("""{ "Smtp": "x", "smtp": {} }""");
        Assert.True(file.IsReadable);
        Assert.Null(Value(file, "Smtp"));
    }

    [Fact]
    public void Numbers_KeepTheirText()
    {
        var file = Read("""{ "A": -1, "B": 2.50, "C": 1e3, "D": 0 }""");
        Assert.Equal("-1", Value(file, "A"));
        Assert.Equal("2.50", Value(file, "B"));
        Assert.Equal("1e3", Value(file, "C"));
        Assert.Equal("0", Value(file, "D"));
    }
}
