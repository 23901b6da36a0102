using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Internal;

/// <summary>How a mail type is found by name: the compilation's own, a single visible one, or none when ambiguous or absent.</summary>
public class CompilationExtensionsTests
{
    private const string MailKitLike = "namespace MailKit.Security { public enum SecureSocketOptions { None, Auto } }";

    [Fact]
    public async Task FindsATypeOfAReference()
    {
        var compilation = await CompileAsync("class C { }", Library("MailKit", MailKitLike));

        var type = compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions");

        Assert.NotNull(type);
        Assert.Equal("MailKit", type!.ContainingAssembly.Name);
    }

    [Fact]
    public async Task TwoVisibleDefinitionsResolveToNothing()
    {
        var compilation = await CompileAsync("class C { }", Library("MailKit", MailKitLike), Library("MailKitLite", MailKitLike));

        Assert.Null(compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions"));
    }

    [Fact]
    public async Task TheCompilationsOwnDefinitionWins()
    {
        var compilation = await CompileAsync(MailKitLike, Library("MailKit", MailKitLike), Library("MailKitLite", MailKitLike));

        var type = compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions");

        Assert.NotNull(type);
        Assert.Equal(compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Fact]
    public async Task TheOneVisibleDefinitionWinsOverAnInternalOne()
    {
        // Two references define the name, so the single-type lookup finds nothing and every reference is asked.
        var internalCopy = "namespace MailKit.Security { internal enum SecureSocketOptions { None } }";
        var compilation = await CompileAsync("class C { }", Library("MailKit", MailKitLike), Library("Other", internalCopy));

        var type = compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions");

        Assert.Null(compilation.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions"));
        Assert.NotNull(type);
        Assert.Equal("MailKit", type!.ContainingAssembly.Name);
    }

    [Theory]
    [InlineData("MailKit.Security.SecureSocketOptions")] // no MailKit namespace at all
    [InlineData("MailKit.Security.SslProtocols")] // the namespace exists, the type does not
    [InlineData("Microsoft.Extensions.Configuration.IConfiguration")]
    public async Task AnAbsentTypeResolvesToNothing(string name)
    {
        var references = name.Contains("SslProtocols") ? new[] { Library("MailKit", MailKitLike) } : System.Array.Empty<MetadataReference>();
        var compilation = await CompileAsync("namespace Microsoft.Extensions { class C { } }", references);

        Assert.Null(compilation.GetBestTypeByMetadataName(name));
    }

    [Fact]
    public async Task ADefinitionBehindAnExternAliasIsFound()
    {
        // The aliased reference's namespaces are not in the global namespace: the namespace shortcut must not hide it.
        var aliased = Library("MailKit", MailKitLike).WithAliases(ImmutableArray.Create("mk"));
        var compilation = await CompileAsync("class C { }", aliased);

        Assert.NotNull(compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions"));
    }

    private static MetadataReference Library(string assemblyName, string source) =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();

    private static async Task<Compilation> CompileAsync(string source, params MetadataReference[] references) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source) },
            (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
