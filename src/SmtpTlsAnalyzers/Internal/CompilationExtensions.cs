using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Internal;

internal static class CompilationExtensions
{
    /// <summary>
    /// Finds a type by metadata name even when several referenced assemblies define it
    /// (<see cref="Compilation.GetTypeByMetadataName"/> then returns null). The compilation's own type wins,
    /// then the single type visible from it; an ambiguous name resolves to nothing.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string fullyQualifiedMetadataName)
    {
        var single = compilation.GetTypeByMetadataName(fullyQualifiedMetadataName);
        if (single is not null)
        {
            return single;
        }

        if (!MayDefine(compilation, fullyQualifiedMetadataName))
        {
            return null;
        }

        INamedTypeSymbol? best = null;
        foreach (var candidate in compilation.GetTypesByMetadataName(fullyQualifiedMetadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (!compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
            {
                continue;
            }

            if (best is not null)
            {
                // Two visible definitions (for example MailKit and MailKitLite side by side): refuse to guess.
                return null;
            }

            best = candidate;
        }

        return best;
    }

    /// <summary>
    /// False when no assembly of the compilation can define the type because its namespace is nowhere: asking every
    /// reference for the name (as <see cref="Compilation.GetTypesByMetadataName"/> does, one parse of the name per
    /// reference) costs far more than following the namespaces once. A reference with an extern alias keeps its
    /// namespaces out of the global one, so with such a reference every assembly is asked.
    /// </summary>
    private static bool MayDefine(Compilation compilation, string fullyQualifiedMetadataName)
    {
        foreach (var reference in compilation.References)
        {
            if (!reference.Properties.Aliases.IsDefaultOrEmpty)
            {
                return true;
            }
        }

        INamespaceSymbol current = compilation.GlobalNamespace;
        var start = 0;
        for (var dot = fullyQualifiedMetadataName.IndexOf('.'); dot >= 0; dot = fullyQualifiedMetadataName.IndexOf('.', start))
        {
            var name = fullyQualifiedMetadataName.Substring(start, dot - start);
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(name))
            {
                if (member is INamespaceSymbol namespaceSymbol)
                {
                    next = namespaceSymbol;
                    break;
                }
            }

            if (next is null)
            {
                return false;
            }

            current = next;
            start = dot + 1;
        }

        return true;
    }
}
