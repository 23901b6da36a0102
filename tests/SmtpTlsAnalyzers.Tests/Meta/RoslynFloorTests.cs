using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// The package states Roslyn 4.8 (Visual Studio 17.8, .NET SDK 8.0.1xx) as its floor. Its assemblies may reference
/// only what Roslyn 4.8's own dependency closure gives a host, and the analyzers and fixes run on Roslyn 4.8.
/// </summary>
public class RoslynFloorTests
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    public static IEnumerable<object[]> PackagedAssemblies() => new[]
    {
        typeof(SmtpTlsAnalyzers.Internal.KnownTypes).Assembly,
        typeof(SmtpTlsAnalyzer).Assembly,
        typeof(RuleCodeFixProvider).Assembly,
    }.Select(a => new object[] { a.GetName().Name! });

    [Theory]
    [MemberData(nameof(PackagedAssemblies))]
    public void PackagedAssembly_ReferencesNothingNewerThanRoslyn48Closure(string assemblyName)
    {
        var closure = Roslyn48Closure();
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var violations = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            var name = metadata.GetString(reference.Name);
            var version = reference.Version;
            if (name is "netstandard" || name.StartsWith("SmtpTlsAnalyzers", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                if (version > Floor)
                {
                    violations.Add($"{name} {version} is newer than the floor {Floor}");
                }

                continue;
            }

            var package = closure.Keys.FirstOrDefault(id => name.Equals(id, StringComparison.OrdinalIgnoreCase) || name.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase));
            if (package is null)
            {
                violations.Add($"{name} {version} is not in Roslyn 4.8's dependency closure");
            }
            else if (new Version(version.Major, version.Minor) > new Version(closure[package].Major, closure[package].Minor))
            {
                violations.Add($"{name} {version} is newer than the {closure[package]} of {package} that Roslyn 4.8 brings");
            }
        }

        Assert.True(violations.Count == 0, assemblyName + ":\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task AnalyzersAndFixes_RunOnRoslyn48()
    {
        Assert.Equal(Floor, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Floor, typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).Assembly.GetName().Version);

        const string source = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    {|#0:client.EnableSsl = false|};
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            class Mailer
            {
                void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.example.com", 587);
                    client.EnableSsl = true;
                    client.Send(message);
                }
            }
            """;

        await CSharpCodeFixVerifier<SmtpTlsAnalyzer, SmtpClientEnableSslFalseCodeFixProvider>.VerifyCodeFixAsync(
            source,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SMTP001_SmtpClientEnableSslFalse).WithLocation(0).WithArguments("smtp.example.com:587"),
            fixedSource,
            SmtpClientEnableSslFalseCodeFixProvider.Key);
    }

    /// <summary>
    /// The packages (and their versions) that Microsoft.CodeAnalysis.CSharp.Workspaces 4.8.0 depends on for
    /// .NET Standard 2.0, read from the nuspecs in the NuGet packages folder.
    /// </summary>
    private static Dictionary<string, Version> Roslyn48Closure()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var closure = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in new[] { "microsoft.codeanalysis.common", "microsoft.codeanalysis.workspaces.common", "microsoft.codeanalysis.csharp.workspaces" })
        {
            var nuspec = Path.Combine(root, id, "4.8.0", id + ".nuspec");
            Assert.True(File.Exists(nuspec), "restore brings " + nuspec);
            var text = File.ReadAllText(nuspec);
            var group = Regex.Match(text, "<group targetFramework=\"\\.NETStandard2\\.0\">(.*?)</group>", RegexOptions.Singleline).Groups[1].Value;
            foreach (Match dependency in Regex.Matches(group, "<dependency id=\"([^\"]+)\" version=\"\\[?([0-9.]+)"))
            {
                var version = Version.Parse(dependency.Groups[2].Value);
                var name = dependency.Groups[1].Value;
                if (!closure.TryGetValue(name, out var known) || version > known)
                {
                    closure[name] = version;
                }
            }
        }

        return closure;
    }
}
