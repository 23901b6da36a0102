using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>Every rule carries its documentation, README row and release entry, and every fix is wired up.</summary>
public class DescriptorConventionTests
{
    [Fact]
    public void Catalogue_IsNotEmpty()
    {
        Assert.NotEmpty(RuleCatalog.Analyzers);
        Assert.NotEmpty(RuleCatalog.CodeFixes);
        Assert.Contains(RuleCatalog.Descriptors, d => d.Id == "SMTP001");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_FollowsConventions(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Matches("^SMTP[0-9]{3}$", descriptor.Id);
        Assert.Equal("Security", descriptor.Category);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal($"{RuleCatalog.RepositoryUrl}/blob/{RuleCatalog.ReleaseTag}/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.False(descriptor.Title.ToString().EndsWith('.'), "titles have no final period");
        Assert.False(descriptor.MessageFormat.ToString().EndsWith('.'), "messages have no final period");
        Assert.EndsWith(".", descriptor.Description.ToString());
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_HasDocumentationPage(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var page = Path.Combine(RuleCatalog.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", text);
        Assert.Contains($"| Code fix | {(RuleCatalog.IsFixable(id) ? "Yes" : "No")} |", text);
        Assert.Contains($"#pragma warning disable {id}", text);
        Assert.Contains($"dotnet_diagnostic.{id}.severity = none", text);
    }

    /// <summary>
    /// Every rule is tagged <c>security</c> and with exactly the CWE ids its docs page names in the property table,
    /// each linked to its MITRE page: the tags reach SARIF, the page tells people why.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_IsTaggedSecurityWithTheCweOfItsDocumentationPage(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var page = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "rules", id + ".md"));
        var row = Regex.Match(page, @"^\| CWE \| (?<cells>.+) \|$", RegexOptions.Multiline);
        Assert.True(row.Success, $"docs/rules/{id}.md has no '| CWE | ... |' row");
        var documented = Regex.Matches(row.Groups["cells"].Value, @"\[CWE-(?<n>\d+)\]\(https://cwe\.mitre\.org/data/definitions/(?<link>\d+)\.html\)")
            .Select(m =>
            {
                Assert.Equal(m.Groups["n"].Value, m.Groups["link"].Value);
                return "CWE-" + m.Groups["n"].Value;
            })
            .ToList();
        Assert.NotEmpty(documented);
        Assert.Equal(row.Groups["cells"].Value, string.Join(", ", documented.Select(c => $"[{c}](https://cwe.mitre.org/data/definitions/{c[4..]}.html)")));

        var tags = descriptor.CustomTags.ToList();
        Assert.Equal(1, tags.Count(t => t == "security"));
        Assert.Equal(documented.Order(), tags.Where(t => t.StartsWith("CWE-", System.StringComparison.Ordinal)).Order());
        Assert.All(tags, t => Assert.True(t == "security" || Regex.IsMatch(t, "^CWE-[0-9]+$"), $"{id} has an unexpected tag '{t}'"));
    }

    /// <summary>
    /// Descriptors are created in one place: every descriptor an analyzer supports is a field of
    /// <see cref="SmtpTlsAnalyzers.Descriptors"/> (the same instance), and every such field is supported by an analyzer.
    /// </summary>
    [Fact]
    public void Descriptors_AreTheFieldsOfTheDescriptorsClass()
    {
        var fields = typeof(SmtpTlsAnalyzers.Descriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        var supported = RuleCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToList();

        Assert.All(supported, d => Assert.True(fields.Any(f => ReferenceEquals(f, d)), $"{d.Id} is not created by Descriptors"));
        Assert.All(fields, f => Assert.True(supported.Any(d => ReferenceEquals(f, d)), $"{f.Id} is supported by no analyzer"));
        Assert.Equal(fields.Count, fields.Select(f => f.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_HasReadmeRow(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "README.md"));
        var table = readme.Split("<!-- rules -->")[1];
        var row = $"|[{id}](docs/rules/{id}.md)|Security|{descriptor.Title}|{descriptor.DefaultSeverity}|Yes|{(RuleCatalog.IsFixable(id) ? "Yes" : "No")}|";
        Assert.Contains(row, table);
    }

    [Fact]
    public void Readme_ListsOnlyShippedRules()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "README.md"));
        var listed = Regex.Matches(readme.Split("<!-- rules -->")[1], @"^\|\[(SMTP\d{3})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), listed);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_HasReleaseEntry(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var releases = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "src", "SmtpTlsAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "src", "SmtpTlsAnalyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($@"^{id} \| Security \| {descriptor.DefaultSeverity} \| .*\[Documentation\]\(\.\./\.\./docs/rules/{id}\.md\)", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.CodeFixNames), MemberType = typeof(RuleCatalog))]
    public void CodeFix_IsExportedUnderItsNameWithFixAll(string name)
    {
        var fix = RuleCatalog.CodeFix(name);
        var export = fix.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().Single();
        Assert.Equal(name, export.Name);
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        if (export.DocumentKinds is { } kinds && !kinds.Contains(nameof(TextDocumentKind.Document)))
        {
            // A fix of additional documents only (App.config): Roslyn's Fix All cannot work on those (dotnet/roslyn#77016).
            Assert.Null(fix.GetFixAllProvider());
        }
        else
        {
            Assert.NotNull(fix.GetFixAllProvider());
        }

        Assert.NotEmpty(fix.FixableDiagnosticIds);
        Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(RuleCatalog.Descriptors, d => d.Id == id));
    }

    /// <summary>
    /// Every rule that exempts plaintext hosts shows, on its page, that a list replaces the defaults and that a
    /// leading '+' adds to them. SMTP012 (the protocol log) involves no host.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void PlaintextHostsOption_IsDocumentedOnThePagesItAppliesTo(string id)
    {
        var page = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "docs", "rules", id + ".md"));
        var key = SmtpTlsAnalyzers.Internal.AnalyzerSettings.PlaintextHostsKey;
        if (id == "SMTP012")
        {
            Assert.DoesNotContain(key, page);
            return;
        }

        Assert.Contains("(default `" + SmtpTlsAnalyzers.Internal.AnalyzerSettings.DefaultPlaintextHosts + "`)", page);
        Assert.Contains("A list **replaces** the", page);
        Assert.Contains(key + " = " + SmtpTlsAnalyzers.Internal.AnalyzerSettings.AddToDefaultsPrefix + " ", page);
    }

    [Fact]
    public void PlaintextHostsForms_AreDocumentedInReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "README.md"));
        var configuration = readme.Split("## Configuration")[1].Split("\n## ")[0];
        Assert.Contains("list **replaces** the defaults", configuration);
        Assert.Contains(SmtpTlsAnalyzers.Internal.AnalyzerSettings.PlaintextHostsKey + " = + ", configuration);
        Assert.Contains("SMTP013", configuration);
        Assert.Contains("dotnet_diagnostic.SMTP013.severity = warning", configuration);
    }

    [Fact]
    public void Options_AreDocumentedInReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "README.md"));
        Assert.Contains(SmtpTlsAnalyzers.Internal.AnalyzerSettings.PlaintextHostsKey + " = " + SmtpTlsAnalyzers.Internal.AnalyzerSettings.DefaultPlaintextHosts, readme);
        Assert.Contains(SmtpTlsAnalyzers.Internal.AnalyzerSettings.AnalyzeTestProjectsKey + " = false", readme);
    }
}
