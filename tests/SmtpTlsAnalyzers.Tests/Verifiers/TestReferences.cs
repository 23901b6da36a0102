using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>The reference sets test compilations are built against.</summary>
internal static class TestReferences
{
    /// <summary>.NET 8 reference assemblies (System.Net.Mail included), restored ahead by a PackageDownload.</summary>
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// .NET Framework 4.8 reference assemblies, version 1.0.3 of the package (the library's default, 1.0.2, is not
    /// served by every feed), with System.dll, which holds System.Net.Mail there.
    /// </summary>
    public static readonly ReferenceAssemblies NetFramework48 = new ReferenceAssemblies(
            "net48",
            new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3"),
            Path.Combine("build", ".NETFramework", "v4.8"))
        .AddAssemblies(ImmutableArray.Create("mscorlib", "System", "System.Core", "System.Configuration"));

    /// <summary>
    /// MailKit and MimeKit, from the packages the test project itself restored. The test process loads their
    /// net10.0 build (copied to the test output folder); test compilations use .NET 8 reference assemblies, so they
    /// get the net8.0 build of the same version from the NuGet package folder.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> MailKit = ImmutableArray.Create(
        ForNet80(typeof(global::MailKit.Net.Smtp.SmtpClient).Assembly),
        ForNet80(typeof(global::MimeKit.MimeMessage).Assembly),
        ForNet80(typeof(global::Org.BouncyCastle.Crypto.IDigest).Assembly));

    /// <summary>
    /// MailKit's .NET Framework 4.8 build, from the same package: there its clients fall back to ServicePointManager.
    /// Only MailKit itself; code that names no MailKit type compiles without MimeKit.
    /// </summary>
    public static MetadataReference MailKitNetFramework48()
    {
        var net80 = ForNet80(typeof(global::MailKit.Net.Smtp.SmtpClient).Assembly).Display!;
        var net48 = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(net80))!, "net48", Path.GetFileName(net80));
        return MetadataReference.CreateFromFile(net48);
    }

    private static MetadataReference ForNet80(Assembly loaded)
    {
        var loadedAssembly = loaded.Location;
        var fileName = Path.GetFileName(loadedAssembly);
        var libFolder = Path.GetDirectoryName(Path.GetDirectoryName(loadedAssembly))!;
        var net80 = Path.Combine(libFolder, "net8.0", fileName);
        if (File.Exists(net80))
        {
            return MetadataReference.CreateFromFile(net80);
        }

        // Loaded from the test output folder: find the package (id = assembly name) in the global packages folder.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(packages, loaded.GetName().Name!.ToLowerInvariant());
        if (Directory.Exists(package))
        {
            foreach (var version in Directory.GetDirectories(package).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                foreach (var framework in new[] { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0" })
                {
                    var candidate = Path.Combine(version, "lib", framework, fileName);
                    if (File.Exists(candidate) && AssemblyName.GetAssemblyName(candidate).Version == loaded.GetName().Version)
                    {
                        return MetadataReference.CreateFromFile(candidate);
                    }
                }
            }
        }

        return MetadataReference.CreateFromFile(loadedAssembly);
    }
}
