using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>
/// A C# host loads analyzers/dotnet/cs and a VB host analyzers/dotnet/vb: neither set may make its host load the
/// other language's compiler. Read from the assemblies' metadata, as the host's loader sees them.
/// </summary>
public class LanguageIsolationTests
{
    private static readonly Assembly[] CSharpSet =
    {
        typeof(SmtpTlsAnalyzers.Descriptors).Assembly,
        typeof(SmtpTlsAnalyzer).Assembly,
        typeof(SmtpTlsAnalyzers.CodeFixes.Rules.RuleCodeFixProvider).Assembly,
        typeof(SmtpTlsAnalyzers.CodeFixes.Rules.SmtpClientEnableSslFalseCodeFixProvider).Assembly,
    };

    private static readonly Assembly[] VisualBasicSet =
    {
        typeof(SmtpTlsAnalyzers.Descriptors).Assembly,
        typeof(VisualBasicSmtpTlsAnalyzer).Assembly,
        typeof(SmtpTlsAnalyzers.CodeFixes.Rules.RuleCodeFixProvider).Assembly,
        typeof(SmtpTlsAnalyzers.CodeFixes.VisualBasic.Rules.SmtpClientEnableSslFalseCodeFixProvider).Assembly,
    };

    [Fact]
    public void CSharpSet_ReferencesNoVisualBasicAssembly()
    {
        foreach (var assembly in CSharpSet)
        {
            var references = References(assembly);
            Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.CodeAnalysis.VisualBasic", StringComparison.Ordinal));
            Assert.DoesNotContain(references, name => name.StartsWith("SmtpTlsAnalyzers.", StringComparison.Ordinal) && name.Contains("VisualBasic", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void VisualBasicSet_ReferencesNoCSharpAssembly()
    {
        foreach (var assembly in VisualBasicSet)
        {
            var references = References(assembly);
            Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.CodeAnalysis.CSharp", StringComparison.Ordinal));
            Assert.DoesNotContain(references, name => name is "SmtpTlsAnalyzers.CSharp" or "SmtpTlsAnalyzers.CodeFixes");
        }
    }

    [Fact]
    public void LanguageAssemblies_ReferenceTheirOwnCompiler()
    {
        // The reading above is only worth something if it sees references at all.
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", References(typeof(SmtpTlsAnalyzer).Assembly));
        Assert.Contains("Microsoft.CodeAnalysis.VisualBasic", References(typeof(VisualBasicSmtpTlsAnalyzer).Assembly));
    }

    private static string[] References(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToArray();
    }
}
