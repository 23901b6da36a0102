using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Rules;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Configuration;

/// <summary>
/// <see cref="ConfigurationVerdicts.DecidesTls"/>: whether the configuration files decide a connection's TLS,
/// which tells SMTP013 (TLS depends on configuration) that it has nothing to add.
/// </summary>
public class DecidesTlsTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using Microsoft.Extensions.Configuration;

        public class Mail
        {
            public async Task SendAsync(IConfiguration configuration)
            {
                using var client = new SmtpClient();
                await client.ConnectAsync("smtp.example.com", 587, configuration.GetValue<bool>("Smtp:UseSsl"));
            }
        }
        """;

    [Theory]
    [InlineData("{ \"Smtp\": { \"UseSsl\": true } }", null, true)]
    [InlineData("{ \"Smtp\": { \"UseSsl\": false } }", null, true)]
    [InlineData("{ \"Smtp\": { \"UseSsl\": false } }", "{ \"Smtp\": { \"Port\": 25 } }", true)]
    [InlineData("{ \"Smtp\": { \"Host\": \"x\" } }", null, false)]
    [InlineData("{ \"Smtp\": { \"Host\": \"x\" } }", "{ \"Smtp\": { \"UseSsl\": true } }", false)]
    [InlineData("{ \"Smtp\": { \"UseSsl\": \"maybe\" } }", null, false)]
    [InlineData("{ \"Smtp\": { \"UseSsl\": true } }", "{ \"Smtp\": { \"UseSsl\": ", false)]
    public async Task DecidesTls_WhenEveryLayerSetsTheInput(string baseJson, string? production, bool decides)
    {
        var files = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/app/appsettings.json", baseJson));
        if (production is not null)
        {
            files = files.Add(new InMemoryAdditionalText("/app/appsettings.Production.json", production));
        }

        Assert.Equal(decides, await DecidesAsync(files));
    }

    [Fact]
    public async Task NoConfigurationFile_DecidesNothing() =>
        Assert.False(await DecidesAsync(ImmutableArray<AdditionalText>.Empty));

    private static async Task<bool> DecidesAsync(ImmutableArray<AdditionalText> files)
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.MailKit).AddRange(ConfigurationReferences.All);
        var tree = CSharpSyntaxTree.ParseText(Code, path: "/app/Mail.cs");
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var connect = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Select(node => model.GetOperation(node))
            .OfType<IInvocationOperation>()
            .Single(invocation => invocation.TargetMethod.Name == "ConnectAsync");

        var options = new AnalyzerOptions(files);
        var types = KnownTypes.Create(compilation);
        var context = ConfigurationContext.Create(compilation, options, types, AnalyzerSettings.Create(options), ignoresCase: false);
        var input = MailConnectionInputs.Find(connect, types);
        Assert.NotNull(input);
        return ConfigurationVerdicts.DecidesTls(input!, context, CancellationToken.None);
    }
}
