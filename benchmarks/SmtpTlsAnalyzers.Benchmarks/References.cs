using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Benchmarks;

/// <summary>
/// The metadata references of the benchmark compilations: the running runtime's trusted platform assemblies (the
/// framework a net10.0 project compiles against, as implementation assemblies) plus MailKit, MimeKit and
/// BouncyCastle from the assemblies this program itself loads.
/// </summary>
internal static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Mail = new(() => ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::MailKit.Net.Smtp.SmtpClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::MimeKit.MimeMessage).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Org.BouncyCastle.Crypto.IDigest).Assembly.Location)));

    /// <summary>Framework and MailKit: every mail type the rules know.</summary>
    public static ImmutableArray<MetadataReference> WithMail => Framework.Value.AddRange(Mail.Value);

    /// <summary>The framework without System.Net.Mail and without MailKit: no mail type at all.</summary>
    public static ImmutableArray<MetadataReference> WithoutMail => Framework.Value
        .Where(r => !string.Equals(Path.GetFileName(r.Display), "System.Net.Mail.dll", StringComparison.OrdinalIgnoreCase))
        .ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime does not list its trusted platform assemblies.");
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new List<MetadataReference>();
        foreach (var path in trusted.Split(Path.PathSeparator))
        {
            // Only the shared framework: not this program, the compiler it hosts, or the packages it loads.
            if (string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal) &&
                path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) &&
                IsManagedAssembly(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
