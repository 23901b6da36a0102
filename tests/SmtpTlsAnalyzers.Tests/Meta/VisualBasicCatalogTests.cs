using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>The Visual Basic side ships the same rules, and its fixes the same IDs and preferred keys, as the C# side.</summary>
public class VisualBasicCatalogTests
{
    [Fact]
    public void VisualBasicAnalyzer_SupportsEveryDescriptorOfTheCSharpAnalyzer()
    {
        var csharp = new SmtpTlsAnalyzer().SupportedDiagnostics.Select(d => d.Id);
        var visualBasic = new VisualBasicSmtpTlsAnalyzer().SupportedDiagnostics.Select(d => d.Id);
        Assert.Equal(csharp, visualBasic);

        var export = (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute)typeof(VisualBasicSmtpTlsAnalyzer)
            .GetCustomAttributes(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute), false).Single();
        Assert.Equal(new[] { LanguageNames.VisualBasic }, export.Languages);
    }

    [Fact]
    public void VisualBasicFixes_HaveTheCSharpFixesIdsAndPreferredKeys()
    {
        Assert.NotEmpty(RuleCatalog.VisualBasicCodeFixes);
        foreach (var fix in RuleCatalog.VisualBasicCodeFixes)
        {
            var twin = RuleCatalog.CodeFixes.Single(f => f.GetType().Name == fix.GetType().Name);
            Assert.Equal(twin.FixableDiagnosticIds.ToArray(), fix.FixableDiagnosticIds.ToArray());
            Assert.Equal((twin as RuleCodeFixProvider)?.PreferredKey, (fix as RuleCodeFixProvider)?.PreferredKey);

            var export = fix.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().Single();
            Assert.Contains(LanguageNames.VisualBasic, export.Languages);
            if (fix is RuleCodeFixProvider)
            {
                Assert.NotNull(fix.GetFixAllProvider());
            }
        }
    }

    /// <summary>Every fixable rule has a Visual Basic fix.</summary>
    [Fact]
    public void VisualBasicFixes_CoverEveryFixableRule()
    {
        var missing = RuleCatalog.CodeFixes.SelectMany(f => f.FixableDiagnosticIds)
            .Except(RuleCatalog.VisualBasicCodeFixes.SelectMany(f => f.FixableDiagnosticIds))
            .OrderBy(id => id)
            .ToArray();
        Assert.Empty(missing);
    }

    /// <summary>The alternative actions of the callback and protocol fixes carry the C# fixes' keys too.</summary>
    [Fact]
    public void VisualBasicCallbackAndProtocolEdits_HaveTheCSharpEditsKeys()
    {
        Assert.Equal(CodeFixes.Edits.CertificateValidationCallbackFixes.UseDefaultValidationKey, CodeFixes.VisualBasic.Edits.CertificateValidationCallbackFixes.UseDefaultValidationKey);
        Assert.Equal(CodeFixes.Edits.CertificateValidationCallbackFixes.AcceptOnlyValidKey, CodeFixes.VisualBasic.Edits.CertificateValidationCallbackFixes.AcceptOnlyValidKey);
        Assert.Equal(CodeFixes.Edits.ObsoleteTlsProtocolFixes.DropObsoleteKey, CodeFixes.VisualBasic.Edits.ObsoleteTlsProtocolFixes.DropObsoleteKey);
        Assert.Equal(CodeFixes.Edits.ObsoleteTlsProtocolFixes.UseSystemDefaultKey, CodeFixes.VisualBasic.Edits.ObsoleteTlsProtocolFixes.UseSystemDefaultKey);
    }
}
