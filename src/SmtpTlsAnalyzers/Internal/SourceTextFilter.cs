using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// A cheap first look before any binding: does a file's text mention one of a few member or type names at all?
/// Most files of a project never touch mail code, and an analyzer that skips them before asking for symbols costs
/// next to nothing there. The answer is per file and cached for one compilation; a mention in a comment or a longer
/// word only means the file gets the full, symbol-based analysis.
/// </summary>
internal sealed class SourceTextFilter
{
    private readonly string[] _names;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _mentions = new();

    public SourceTextFilter(params string[] names) => _names = names;

    /// <summary>False only when the file's text contains none of the names.</summary>
    public bool MayMention(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_mentions.TryGetValue(tree, out var known))
        {
            return known;
        }

        var text = tree.GetText(cancellationToken).ToString();
        var found = false;
        foreach (var name in _names)
        {
            if (text.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                found = true;
                break;
            }
        }

        _mentions.TryAdd(tree, found);
        return found;
    }

    /// <summary>False only when no declaration of the symbol is in a file that mentions one of the names.</summary>
    public bool MayMention(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (MayMention(reference.SyntaxTree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
