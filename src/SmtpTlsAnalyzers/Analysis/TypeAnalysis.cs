using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>What the gate decided about a file.</summary>
internal enum FileGate
{
    /// <summary>The file cannot hold a report: nothing in it is bound on this analyzer's behalf.</summary>
    Closed,

    /// <summary>The file names a mail or TLS type or member.</summary>
    NamesMail,

    /// <summary>The file names no mail type, but a rule asked to see it (<see cref="MailRuleRegistry.AlsoExamine"/>).</summary>
    AlsoExamined,
}

/// <summary>
/// One type declared in a file that passes the gate: the operation trees of its members, gathered as the compiler
/// hands them over (members may be analyzed concurrently), and read in source order once the type is complete.
/// </summary>
internal sealed class TypeAnalysis
{
    private readonly Dictionary<SyntaxTree, bool> _openFiles = new();
    private readonly ConcurrentQueue<IOperation> _blocks = new();

    public TypeAnalysis(INamedTypeSymbol type, MailRuleRegistry registry)
    {
        Type = type;
        Registry = registry;
    }

    public INamedTypeSymbol Type { get; }

    public MailRuleRegistry Registry { get; }

    /// <summary>Marks a file of the type's declaration as passing the gate; called before any member is collected.</summary>
    public void Open(SyntaxTree tree, bool namesMail) => _openFiles[tree] = namesMail;

    /// <summary>Keeps the operation trees of one member of the type itself (a nested type is a type of its own).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Collect(OperationBlockAnalysisContext context)
    {
        if (!SymbolEqualityComparer.Default.Equals(context.OwningSymbol.ContainingType, Type))
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (_openFiles.ContainsKey(block.Syntax.SyntaxTree))
            {
                _blocks.Enqueue(block);
            }
        }
    }

    /// <summary>The collected trees by file, each whole (a block's root) and once, in source order.</summary>
    public IEnumerable<TypeFile> Files()
    {
        // Positions are read once (a node's start is computed from its first token), and the roots sorted by them.
        var roots = new List<(int Start, IOperation Root)>(_blocks.Count);
        foreach (var block in _blocks)
        {
            var root = block;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            roots.Add((root.Syntax.SpanStart, root));
        }

        if (Type.Language == LanguageNames.VisualBasic && roots.Count > 0)
        {
            AddWithEventsInitializers(roots);
        }

        roots.Sort(static (a, b) => a.Start.CompareTo(b.Start));

        TypeFile? single = null;
        Dictionary<SyntaxTree, TypeFile>? byFile = _openFiles.Count > 1 ? new() : null;
        for (var i = 0; i < roots.Count; i++)
        {
            var (start, root) = roots[i];

            // Several blocks can share a root (a constructor's initializer and body; a Visual Basic initializer of
            // two fields, collected for each, sometimes as two trees of the same syntax when the fields are analyzed
            // at once): a root is known by its syntax, and the same syntax has the same start, so only equal starts
            // are compared.
            if (SeenAmongEqualStarts(roots, i))
            {
                continue;
            }

            var tree = root.Syntax.SyntaxTree;
            TypeFile file;
            if (byFile is null)
            {
                file = single ??= new TypeFile(tree, _openFiles[tree]);
            }
            else if (!byFile.TryGetValue(tree, out file!))
            {
                file = new TypeFile(tree, _openFiles[tree]);
                byFile.Add(tree, file);
            }

            file.Roots.Add(root);
        }

        if (byFile is null)
        {
            if (single is not null)
            {
                yield return single;
            }

            yield break;
        }

        foreach (var file in byFile.Values)
        {
            yield return file;
        }
    }

    /// <summary>
    /// Visual Basic's WithEvents variables are properties, and the compiler hands their initializers
    /// (<c>Private WithEvents _client As New SmtpClient(...)</c>) to no operation block action: they are read here, with
    /// the semantic model of another root of the same file.
    /// </summary>
    private void AddWithEventsInitializers(List<(int Start, IOperation Root)> roots)
    {
        foreach (var member in Type.GetMembers())
        {
            if (member is not IPropertySymbol { IsWithEvents: true } property)
            {
                continue;
            }

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (!_openFiles.ContainsKey(reference.SyntaxTree) || ModelOf(roots, reference.SyntaxTree) is not { } model)
                {
                    continue;
                }

                var declarator = reference.GetSyntax();
                if (LanguageSyntax.Of(declarator)?.FieldInitializerValue(declarator) is { } value &&
                    model.GetOperation(value) is { } initialized)
                {
                    var root = initialized;
                    while (root.Parent is { } parent)
                    {
                        root = parent;
                    }

                    roots.Add((root.Syntax.SpanStart, root));
                }
            }
        }
    }

    private static SemanticModel? ModelOf(List<(int Start, IOperation Root)> roots, SyntaxTree tree)
    {
        foreach (var (_, root) in roots)
        {
            if (root.Syntax.SyntaxTree == tree)
            {
                return root.SemanticModel;
            }
        }

        return null;
    }

    private static bool SeenAmongEqualStarts(List<(int Start, IOperation Root)> roots, int index)
    {
        for (var j = index - 1; j >= 0 && roots[j].Start == roots[index].Start; j--)
        {
            if (roots[j].Root.Syntax == roots[index].Root.Syntax)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The part of a type declared in one file.</summary>
internal sealed class TypeFile
{
    public TypeFile(SyntaxTree tree, bool namesMail)
    {
        Tree = tree;
        NamesMail = namesMail;
    }

    public SyntaxTree Tree { get; }

    public bool NamesMail { get; }

    public List<IOperation> Roots { get; } = new();
}
