using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// What the gate read in one file, kept for as long as its syntax tree lives. A tree never changes, and an IDE forms
/// a new compilation for every edit with the trees of the unchanged files in it: that compilation finds their scans
/// here and reads no text again (which, for a file the IDE does not hold in memory, would mean loading it). An edited
/// file is a new tree and is read. A command-line build parses every file afresh, so each is read once, as before.
/// </summary>
/// <remarks>
/// Only what the text alone decides is kept: whether it names mail code, the types it declares, and the answers of
/// the rules' own text tests. Which of those tests apply (configuration files present) and whether the options leave
/// the file out are decided by each compilation.
/// </remarks>
internal sealed class FileScan
{
    private static readonly ConditionalWeakTable<SyntaxTree, FileScan> Scans = new();

    private string[]? _declaredTypeNames;

    /// <summary>The answers of the rules' own text tests (<see cref="MailRuleRegistry.AlsoExamine"/>) found so far.</summary>
    private (Func<string, bool> Test, bool Passes)[] _tests = Array.Empty<(Func<string, bool>, bool)>();

    private FileScan(bool namesMail) => NamesMail = namesMail;

    /// <summary>True when the file names a mail or TLS type or member, or a mail Uri (<see cref="MailGate.Passes"/>).</summary>
    public bool NamesMail { get; }

    /// <summary>The scan of <paramref name="tree"/>: read now if no compilation has read this tree before.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static FileScan Of(SyntaxTree tree, LanguageSyntax syntax, CancellationToken cancellationToken)
    {
        if (Scans.TryGetValue(tree, out var scan))
        {
            return scan;
        }

        scan = new FileScan(MailGate.Passes(tree.GetText(cancellationToken).ToString(), syntax.IgnoresCase));

        // Two compilations scanning the same new tree at once find the same answer; the first one kept is used.
        return Scans.GetValue(tree, _ => scan);
    }

    /// <summary>The answer of a rule's text test for this file, read from the text the first time it is asked.</summary>
    public bool Passes(Func<string, bool> test, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _tests);
        foreach (var (knownTest, passes) in known)
        {
            if (ReferenceEquals(knownTest, test))
            {
                return passes;
            }
        }

        var answer = test(tree.GetText(cancellationToken).ToString());
        var added = new (Func<string, bool>, bool)[known.Length + 1];
        known.CopyTo(added, 0);
        added[known.Length] = (test, answer);

        // Lost to another thread's addition, the answer is read again next time; both are the same.
        Interlocked.CompareExchange(ref _tests, added, known);
        return answer;
    }

    /// <summary>The names of the types the file declares (<see cref="LanguageSyntax.AddDeclaredTypeNames"/>), read from its syntax once.</summary>
    public IReadOnlyList<string> DeclaredTypeNames(SyntaxTree tree, LanguageSyntax syntax, CancellationToken cancellationToken)
    {
        var names = Volatile.Read(ref _declaredTypeNames);
        if (names is null)
        {
            // Gathered apart and kept only once complete: a cancelled read leaves nothing behind.
            var found = new HashSet<string>();
            syntax.AddDeclaredTypeNames(tree.GetRoot(cancellationToken), found, cancellationToken);
            names = new string[found.Count];
            found.CopyTo(names);
            names = Interlocked.CompareExchange(ref _declaredTypeNames, names, null) ?? names;
        }

        return names;
    }
}
