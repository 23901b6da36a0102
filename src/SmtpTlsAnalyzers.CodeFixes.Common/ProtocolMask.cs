using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// SMTP008's arithmetic on a protocol enum (SslProtocols, SecurityProtocolType), the same in every language: which
/// member lets the operating system choose, and which named members spell the flags a fix keeps.
/// </summary>
internal static class ProtocolMask
{
    /// <summary>The zero member that lets the operating system choose: SystemDefault, else None.</summary>
    public static IFieldSymbol? FindDefault(INamedTypeSymbol enumType)
    {
        var zeros = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && ToBits(f.ConstantValue) == 0).ToList();
        return zeros.FirstOrDefault(f => f.Name == "SystemDefault") ?? zeros.FirstOrDefault(f => f.Name == "None");
    }

    /// <summary>
    /// The members whose flags together are exactly <paramref name="bits"/> (Tls12, Tls13), each holding no obsolete
    /// flag and none obsolete itself, in value order; null when no such set spells them.
    /// </summary>
    public static IReadOnlyList<IFieldSymbol>? Members(INamedTypeSymbol enumType, ulong bits)
    {
        var members = new List<IFieldSymbol>();
        var covered = 0UL;
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && !f.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")).OrderBy(f => ToBits(f.ConstantValue)))
        {
            var fieldBits = ToBits(field.ConstantValue);
            if (fieldBits != 0 && (fieldBits & ObsoleteProtocolAllowedRule.ObsoleteBits) == 0 && (fieldBits & ~bits) == 0 && (fieldBits & ~covered) != 0)
            {
                members.Add(field);
                covered |= fieldBits;
            }
        }

        return covered == bits && members.Count > 0 ? members : null;
    }

    public static ulong ToBits(object? value) => value switch
    {
        ulong u => u,
        null => 0,
        _ => unchecked((ulong)System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };
}
