namespace SmtpTlsAnalyzers;

internal static class DiagnosticCategories
{
    /// <summary>
    /// The standard category, so that <c>dotnet_analyzer_diagnostic.category-Security.severity</c> covers every rule.
    /// </summary>
    public const string Security = "Security";
}
