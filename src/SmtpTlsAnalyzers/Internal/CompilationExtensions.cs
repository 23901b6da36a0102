using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Internal;

internal static class CompilationExtensions
{
    /// <summary>
    /// Finds a type by metadata name even when several referenced assemblies define it
    /// (<see cref="Compilation.GetTypeByMetadataName"/> then returns null). The compilation's own type wins,
    /// then the single type visible from it; an ambiguous name resolves to nothing.
    /// </summary>
    public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string fullyQualifiedMetadataName)
    {
        var single = compilation.GetTypeByMetadataName(fullyQualifiedMetadataName);
        if (single is not null)
        {
            return single;
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
}
