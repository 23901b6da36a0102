using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>A file's text that counts how often its characters are read as a whole or in blocks.</summary>
internal sealed class CountingText : SourceText
{
    private readonly SourceText _text;

    public CountingText(string text) => _text = From(text, Encoding.UTF8);

    public int Reads;

    public override Encoding? Encoding => _text.Encoding;

    public override int Length => _text.Length;

    public override char this[int position] => _text[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        Interlocked.Increment(ref Reads);
        _text.CopyTo(sourceIndex, destination, destinationIndex, count);
    }

    public override string ToString(TextSpan span)
    {
        Interlocked.Increment(ref Reads);
        return _text.ToString(span);
    }
}

/// <summary>An additional file (appsettings.json, App.config) held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string content) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content);
}
