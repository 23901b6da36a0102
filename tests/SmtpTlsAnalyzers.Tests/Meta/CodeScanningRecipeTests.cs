using System.IO;
using System.Linq;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>The code-scanning workflow in the docs is valid YAML that builds with SARIF 2.1 and uploads it.</summary>
public class CodeScanningRecipeTests
{
    [Fact]
    public void Workflow_BuildsWithSarifAndUploadsIt()
    {
        var path = Path.Combine(RuleCatalog.RepositoryRoot, "docs", "code-scanning.yml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var permissions = (YamlMappingNode)root.Children[new YamlScalarNode("permissions")];
        Assert.Equal("write", permissions.Children[new YamlScalarNode("security-events")].ToString());

        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        var steps = jobs.Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
            .ToList();

        string? Value(YamlMappingNode step, string key) =>
            step.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

        var build = steps.Single(s => Value(s, "run")?.Contains("dotnet build") == true);
        Assert.Contains("-p:ErrorLog=", Value(build, "run"));
        Assert.Contains("%2Cversion=2.1", Value(build, "run"));

        var upload = steps.Single(s => Value(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@") == true);
        var with = (YamlMappingNode)upload.Children[new YamlScalarNode("with")];
        var sarif = with.Children[new YamlScalarNode("sarif_file")].ToString();
        Assert.Contains(Path.GetFileName(sarif), Value(build, "run"));

        var recipe = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "code-scanning.md"));
        Assert.Contains("code-scanning.yml", recipe);
    }
}
