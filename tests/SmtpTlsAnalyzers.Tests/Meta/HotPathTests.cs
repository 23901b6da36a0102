using System.Reflection;
using SmtpTlsAnalyzers.Internal;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Meta;

/// <summary>The methods every operation, file or report passes through are compiled optimized on their first call.</summary>
public class HotPathTests
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Theory]
    [InlineData(typeof(SmtpTlsAnalyzers.Analysis.MailAnalyzer), "Analyze")]
    [InlineData(typeof(SmtpTlsAnalyzers.Analysis.MailAnalyzer), "Feed")]
    [InlineData(typeof(SmtpTlsAnalyzers.Analysis.MailAnalyzer), "StartType")]
    [InlineData(typeof(SmtpTlsAnalyzers.Analysis.TypeAnalysis), "Collect")]
    [InlineData(typeof(SmtpTlsAnalyzers.Model.MailGate), "Passes")]
    [InlineData(typeof(OperationWalk), "BuildList")]
    [InlineData(typeof(SmtpTlsAnalyzers.Model.MailKitConnectionClassifier), "Classify")]
    [InlineData(typeof(SmtpTlsAnalyzers.Analysis.MailTreeContext), "ReportDiagnostic")]
    public void HotMethod_IsOptimizedOnFirstCall(System.Type type, string name)
    {
        var method = type.GetMethod(name, Any);
        Assert.NotNull(method);
        Assert.Equal((MethodImplAttributes)(int)HotPath.Optimized, method!.MethodImplementationFlags & (MethodImplAttributes)(int)HotPath.Optimized);
    }

    [Fact]
    public void TheMark_IsTheRuntimesAggressiveOptimization() =>
        Assert.Equal(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization, HotPath.Optimized);
}
