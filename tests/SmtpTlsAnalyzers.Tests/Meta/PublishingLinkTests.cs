using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// Every link a user follows from the package (help links, the package readme, projectUrl and repository) is made
/// from the one repository property of Directory.Build.props and the release tag, so that publishing under another
/// address is a one-line change and the docs opened describe the version installed.
/// </summary>
public class PublishingLinkTests
{
    private const string RepositoryProperty = "SmtpTlsAnalyzersRepositoryUrl";

    [Fact]
    public void RepositoryAddress_IsWrittenOnce()
    {
        var address = RuleCatalog.RepositoryUrl;
        Assert.StartsWith("https://", address);
        var files = new[] { "Directory.Build.props", "PACKAGE.md", "CHANGELOG.md" }
            .Select(f => Path.Combine(RuleCatalog.RepositoryRoot, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(RuleCatalog.RepositoryRoot, "src"), "*.*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                            !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")));
        var mentions = files.Sum(f => Regex.Matches(File.ReadAllText(f), Regex.Escape(address)).Count);
        Assert.Equal(1, mentions);
        var props = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "Directory.Build.props"));
        Assert.Contains($"<RepositoryUrl>$({RepositoryProperty})</RepositoryUrl>", props);
        Assert.Contains($"<PackageProjectUrl>$({RepositoryProperty})</PackageProjectUrl>", props);
        Assert.Contains("<SmtpTlsAnalyzersReleaseTag>v$(Version)</SmtpTlsAnalyzersReleaseTag>", props);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void HelpLink_PointsAtTheDocsOfThisVersion(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Equal($"{RuleCatalog.RepositoryUrl}/blob/{RuleCatalog.ReleaseTag}/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "rules", id + ".md")));
    }

    [Fact]
    public void PackageReadme_LinksOnlyToTheRepositoryAtTheTagOrToAbsoluteAddresses()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "PACKAGE.md"));
        var links = Regex.Matches(readme, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            if (link.StartsWith("{repository}/blob/{tag}/", System.StringComparison.Ordinal))
            {
                var path = link.Substring("{repository}/blob/{tag}/".Length);
                Assert.True(File.Exists(Path.Combine(RuleCatalog.RepositoryRoot, path)), $"PACKAGE.md links to {path}, which the repository does not have");
            }
            else
            {
                Assert.StartsWith("https://", link);
            }
        }

        foreach (var id in RuleCatalog.Descriptors.Select(d => d.Id))
        {
            Assert.Contains($"[{id}]({{repository}}/blob/{{tag}}/docs/rules/{id}.md)", readme);
        }
    }

    [Fact]
    public void PackageProject_ExpandsTheReadmeAndReleaseNotesFromTheProperty()
    {
        var project = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "src", "SmtpTlsAnalyzers.Package", "SmtpTlsAnalyzers.Package.csproj"));
        Assert.Contains($"RepositoryUrl=\"$({RepositoryProperty})\"", project);
        Assert.Contains("Tag=\"$(SmtpTlsAnalyzersReleaseTag)\"", project);
        Assert.Contains("PACKAGE.md", project);
        Assert.Contains("CHANGELOG.md", project);
    }
}
