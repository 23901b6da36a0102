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
        Assert.Equal($"https://github.com/smtp-tls-analyzers/SmtpTlsAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
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
        Assert.Matches(new Regex($@"^{id} \| Security \| {descriptor.DefaultSeverity} \| .*\[Documentation\]\({Regex.Escape(descriptor.HelpLinkUri)}\)", RegexOptions.Multiline), releases);
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

    [Fact]
    public void Options_AreDocumentedInReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalog.RepositoryRoot, "README.md"));
        Assert.Contains(SmtpTlsAnalyzers.Internal.AnalyzerSettings.PlaintextHostsKey + " = " + SmtpTlsAnalyzers.Internal.AnalyzerSettings.DefaultPlaintextHosts, readme);
        Assert.Contains(SmtpTlsAnalyzers.Internal.AnalyzerSettings.AnalyzeTestProjectsKey + " = false", readme);
    }
}
