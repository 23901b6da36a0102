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
/// file is a new tree and is read. A command-line build parses every file afresh, so it reads each file once.
/// </summary>
/// <remarks>
/// Only what the text alone decides is kept: whether it names mail code, the types it declares, and the answers of
/// the rules' own name tests. Which of those tests apply (configuration files present) and whether the options leave
/// the file out are decided by each compilation.
/// </remarks>
internal sealed class FileScan
{
    private static readonly ConditionalWeakTable<SyntaxTree, FileScan> Scans = new();

    private string[]? _declaredTypeNames;

    /// <summary>The answers of the rules' own name tests (<see cref="MailRuleRegistry.AlsoExamine"/>) found so far.</summary>
    private (string Key, bool Passes)[] _tests = Array.Empty<(string, bool)>();

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

        // A tree is of one language, and only that language's analyzer sees it: one comparison per tree.
        scan = new FileScan(MailGate.Passes(tree.GetText(cancellationToken).ToString(), syntax.IgnoresCase));

        // Two compilations scanning the same new tree at once find the same answer; the first one kept is used.
        return Scans.GetValue(tree, _ => scan);
    }

    /// <summary>The scan a compilation has already made of <paramref name="tree"/>, if any; nothing is read.</summary>
    public static FileScan? Known(SyntaxTree tree) => Scans.TryGetValue(tree, out var scan) ? scan : null;

    /// <summary>The answer of a rule's name test for this file, read from the text the first time it is asked.</summary>
    public bool Passes(NameTest test, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _tests);
        foreach (var (key, passes) in known)
        {
            if (string.Equals(key, test.Key, StringComparison.Ordinal))
            {
                return passes;
            }
        }

        var answer = test.Passes(tree.GetText(cancellationToken).ToString());
        var added = new (string, bool)[known.Length + 1];
        known.CopyTo(added, 0);
        added[known.Length] = (test.Key, answer);

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

    /// <summary>
    /// A rule's test of a file's text: does it name one of these? Told apart from other tests by its names and
    /// comparison, never by identity, so that the answers kept per file are as many as the tests the rules write.
    /// </summary>
    internal sealed class NameTest
    {
        private readonly string[] _names;
        private readonly StringComparison _comparison;

        public NameTest(string[] names, StringComparison comparison)
        {
            _names = names;
            _comparison = comparison;
            Key = ((int)comparison).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001" + string.Join("\u0001", names);
        }

        public string Key { get; }

        public bool Passes(string text)
        {
            foreach (var name in _names)
            {
                if (text.IndexOf(name, _comparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
