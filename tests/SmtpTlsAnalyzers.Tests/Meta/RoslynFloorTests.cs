using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

    /// <summary>An SMTP001 case, its location marked for the verifier.</summary>
    private const string MarkedSource = """
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

    /// <summary>
    /// The assemblies the package ships: the projects whose outputs the package project's AddAnalyzersToPackage
    /// target packs (under analyzers/dotnet/cs and analyzers/dotnet/vb), read from the project file so that a new
    /// assembly is checked as soon as it is packed.
    /// </summary>
    public static IEnumerable<object[]> PackagedAssemblies() => PackedAssemblyNames().Select(name => new object[] { name });

    internal static IReadOnlyList<string> PackedAssemblyNames()
    {
        var directory = Path.Combine(RuleCatalog.RepositoryRoot, "src", "SmtpTlsAnalyzers.Package");
        var project = XDocument.Load(Path.Combine(directory, "SmtpTlsAnalyzers.Package.csproj"));
        var target = project.Descendants("Target").Single(t => (string?)t.Attribute("Name") == "AddAnalyzersToPackage");
        return target.Descendants("MSBuild")
            .SelectMany(task => ((string)task.Attribute("Projects")!).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(path => AssemblyName(Path.GetFullPath(Path.Combine(directory, path.Replace('\\', Path.DirectorySeparatorChar)))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The project's AssemblyName when it sets one, else its file name.</summary>
    private static string AssemblyName(string projectFile)
    {
        Assert.True(File.Exists(projectFile), "the package packs " + projectFile);
        var set = XDocument.Load(projectFile).Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault();
        return string.IsNullOrEmpty(set) ? Path.GetFileNameWithoutExtension(projectFile) : set;
    }

    /// <summary>
    /// The packed list is the whole package: every project the package project references is packed, and both
    /// languages' analyzers and fixes are in it.
    /// </summary>
    [Fact]
    public void PackagedAssemblies_AreEveryProjectThePackageReferences()
    {
        var directory = Path.Combine(RuleCatalog.RepositoryRoot, "src", "SmtpTlsAnalyzers.Package");
        var referenced = XDocument.Load(Path.Combine(directory, "SmtpTlsAnalyzers.Package.csproj"))
            .Descendants("ProjectReference")
            .Select(r => AssemblyName(Path.GetFullPath(Path.Combine(directory, ((string)r.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar)))))
            .Order(StringComparer.Ordinal);
        Assert.Equal(referenced, PackedAssemblyNames());
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                typeof(SmtpTlsAnalyzers.Internal.KnownTypes).Assembly.GetName().Name!,
                typeof(SmtpTlsAnalyzer).Assembly.GetName().Name!,
                typeof(VisualBasicSmtpTlsAnalyzer).Assembly.GetName().Name!,
                typeof(RuleCodeFixProvider).Assembly.GetName().Name!,
                typeof(SmtpTlsAnalyzers.CodeFixes.Edits.SmtpClientEnableSslFixes).Assembly.GetName().Name!,
                typeof(SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits.VisualBasicEdit).Assembly.GetName().Name!,
            },
            PackedAssemblyNames().ToHashSet(StringComparer.Ordinal));
    }

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

        var source = MarkedSource;
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
    /// The way an IDE on Roslyn 4.8 uses the package, without the test library in between: a workspace holds the
    /// document, the analyzer reports through CompilationWithAnalyzers, the provider registers its fix and the
    /// workspace applies the fix's operations.
    /// </summary>
    [Fact]
    public async Task AdhocWorkspace_OnRoslyn48_AppliesAFix()
    {
        Assert.Equal(Floor, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Floor, typeof(Microsoft.CodeAnalysis.Workspace).Assembly.GetName().Version);

        var source = MarkedSource.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, default);
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Floor",
            "Floor",
            LanguageNames.CSharp,
            compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: references));
        var document = workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id),
            "Mailer.cs",
            loader: TextLoader.From(TextAndVersion.Create(Microsoft.CodeAnalysis.Text.SourceText.From(source), VersionStamp.Create())),
            filePath: Path.Combine(Path.GetTempPath(), "Floor", "Mailer.cs")));

        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpTlsAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.SmtpClientEnableSslFalse, diagnostic.Id);

        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), default);
        await new SmtpClientEnableSslFalseCodeFixProvider().RegisterCodeFixesAsync(context);
        var fix = Assert.Single(actions, a => a.EquivalenceKey == SmtpClientEnableSslFalseCodeFixProvider.Key);
        foreach (var operation in await fix.GetOperationsAsync(default))
        {
            operation.Apply(workspace, default);
        }

        var text = (await workspace.CurrentSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("client.EnableSsl = true;", text);
        Assert.DoesNotContain("EnableSsl = false", text);
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
