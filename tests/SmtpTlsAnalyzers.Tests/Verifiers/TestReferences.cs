using System.Collections.Immutable;
using System.IO;
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
    /// net10.0 build; test compilations use .NET 8 reference assemblies, so they get the net8.0 build beside it.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> MailKit = ImmutableArray.Create(
        ForNet80(typeof(global::MailKit.Net.Smtp.SmtpClient).Assembly.Location),
        ForNet80(typeof(global::MimeKit.MimeMessage).Assembly.Location),
        ForNet80(typeof(global::Org.BouncyCastle.Crypto.IDigest).Assembly.Location));

    /// <summary>
    /// The net8.0 build of a loaded package assembly: beside it when it is loaded from the package folder, else from
    /// the NuGet global packages folder (the test output holds only the net10.0 copy). The newest lib folder not
    /// above net8.0 wins; the loaded assembly is the last resort.
    /// </summary>
    private static MetadataReference ForNet80(string loadedAssembly)
    {
        var fileName = Path.GetFileName(loadedAssembly);
        var libFolder = Path.GetDirectoryName(Path.GetDirectoryName(loadedAssembly))!;
        var beside = Path.Combine(libFolder, "net8.0", fileName);
        if (File.Exists(beside))
        {
            return MetadataReference.CreateFromFile(beside);
        }

        var version = AssemblyName.GetAssemblyName(loadedAssembly).Version;
        var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
            Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageFolder = Path.Combine(packages, Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant());
        if (Directory.Exists(packageFolder))
        {
            foreach (var versionFolder in Directory.GetDirectories(packageFolder))
            {
                foreach (var framework in new[] { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0" })
                {
                    var candidate = Path.Combine(versionFolder, "lib", framework, fileName);
                    if (File.Exists(candidate) && AssemblyName.GetAssemblyName(candidate).Version == version)
                    {
                        return MetadataReference.CreateFromFile(candidate);
                    }
                }
            }
        }

        return MetadataReference.CreateFromFile(loadedAssembly);
    }
}
