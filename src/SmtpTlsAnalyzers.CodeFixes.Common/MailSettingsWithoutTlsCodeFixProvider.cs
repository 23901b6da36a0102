using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// SMTP011: edits the configuration file (an additional document) so that the <c>network</c> element says
/// <c>enableSsl="true"</c>: the value of an existing attribute becomes true, or the attribute is added after the
/// element name. The edit is the same for C# and Visual Basic projects. System.Net.Mail only speaks STARTTLS, so a <c>port="465"</c> on the same element becomes 587.
/// <para>
/// Roslyn 4.8 offers code fixes in additional documents (<see cref="ExportCodeFixProviderAttribute.DocumentKinds"/>,
/// <see cref="CodeFixContext.TextDocument"/>), but its <see cref="FixAllContext"/> only takes source documents, so
/// there is no Fix All; a configuration file has one network element per location anyway.
/// </para>
/// </summary>
[ExportCodeFixProvider(
    LanguageNames.CSharp,
    LanguageNames.VisualBasic,
    Name = nameof(MailSettingsWithoutTlsCodeFixProvider),
    DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
    DocumentExtensions = new[] { ".config" })]
public sealed class MailSettingsWithoutTlsCodeFixProvider : CodeFixProvider
{
    public const string EnableSslKey = "SMTP011_EnableSsl";

    private const string Attribute = "enableSsl";
    private const string Element = "network";

    private static readonly Regex Port465 = new(
        @"(\sport\s*=\s*([""']))\s*465\s*(\2)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailSettingsWithoutTls);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix))
            {
                continue;
            }

            var changes = fix switch
            {
                DiagnosticProperties.SetConfigEnableSslTrue => SetValueToTrue(text, diagnostic.Location.SourceSpan),
                DiagnosticProperties.AddConfigEnableSsl => AddAttribute(text, diagnostic.Location.SourceSpan),
                _ => ImmutableArray<TextChange>.Empty,
            };
            if (changes.IsEmpty)
            {
                continue;
            }

            var title = changes.Length > 1 ? "Set enableSsl=\"true\" and use port 587 (STARTTLS)" : "Set enableSsl=\"true\"";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(document, changes, cancellationToken), EnableSslKey),
                diagnostic);
        }
    }

    private static async Task<Solution> ApplyAsync(TextDocument document, ImmutableArray<TextChange> changes, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
    }

    /// <summary><c>enableSsl = "false"</c> at <paramref name="name"/>: the value between the quotes becomes true.</summary>
    private static ImmutableArray<TextChange> SetValueToTrue(SourceText text, TextSpan name)
    {
        if (!Is(text, name, Attribute))
        {
            return ImmutableArray<TextChange>.Empty;
        }

        var position = SkipWhitespace(text, name.End);
        if (position >= text.Length || text[position] != '=')
        {
            return ImmutableArray<TextChange>.Empty;
        }

        position = SkipWhitespace(text, position + 1);
        if (position >= text.Length || (text[position] != '"' && text[position] != '\''))
        {
            return ImmutableArray<TextChange>.Empty;
        }

        var quote = text[position];
        var valueStart = position + 1;
        var valueEnd = valueStart;
        while (valueEnd < text.Length && text[valueEnd] != quote && text[valueEnd] != '<')
        {
            valueEnd++;
        }

        if (valueEnd >= text.Length || text[valueEnd] != quote)
        {
            return ImmutableArray<TextChange>.Empty;
        }

        return WithPort(text, name, new TextChange(TextSpan.FromBounds(valueStart, valueEnd), "true"));
    }

    /// <summary><c>&lt;network host="…"</c> at <paramref name="name"/>: <c>enableSsl="true"</c> goes right after the name.</summary>
    private static ImmutableArray<TextChange> AddAttribute(SourceText text, TextSpan name)
    {
        if (!Is(text, name, Element) || name.Start == 0 || text[name.Start - 1] != '<')
        {
            return ImmutableArray<TextChange>.Empty;
        }

        if (name.End >= text.Length || !(char.IsWhiteSpace(text[name.End]) || text[name.End] == '/' || text[name.End] == '>'))
        {
            return ImmutableArray<TextChange>.Empty;
        }

        return WithPort(text, name, new TextChange(new TextSpan(name.End, 0), " " + Attribute + "=\"true\""));
    }

    /// <summary>Adds the change of a <c>port="465"</c> in the same start tag to 587, where STARTTLS works.</summary>
    private static ImmutableArray<TextChange> WithPort(SourceText text, TextSpan insideTag, TextChange enableSsl)
    {
        var tagStart = insideTag.Start;
        while (tagStart > 0 && text[tagStart] != '<')
        {
            tagStart--;
        }

        var tagEnd = insideTag.End;
        while (tagEnd < text.Length && text[tagEnd] != '>')
        {
            tagEnd++;
        }

        var tag = text.ToString(TextSpan.FromBounds(tagStart, tagEnd));
        var port = Port465.Match(tag);
        if (!port.Success)
        {
            return ImmutableArray.Create(enableSsl);
        }

        var valueSpan = TextSpan.FromBounds(tagStart + port.Groups[1].Index + port.Groups[1].Length, tagStart + port.Groups[3].Index);
        return ImmutableArray.Create(enableSsl, new TextChange(valueSpan, "587"));
    }

    private static bool Is(SourceText text, TextSpan span, string expected) =>
        span.End <= text.Length && span.Length == expected.Length && text.ToString(span) == expected;

    private static int SkipWhitespace(SourceText text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }
}
