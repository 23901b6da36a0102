namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// Keys and values of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that tell a code fix what to change.
/// A fix that reads a diagnostic finds the node to edit at <c>AdditionalLocations[0]</c> when the edit is not at the
/// reported location.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>Which edit fixes the diagnostic.</summary>
    public const string Fix = "Fix";

    /// <summary>Replace the value of the EnableSsl assignment at AdditionalLocations[0] with true.</summary>
    public const string SetEnableSslTrue = "SetEnableSslTrue";

    /// <summary>Add <c>EnableSsl = true</c> to the initializer of the creation at AdditionalLocations[0].</summary>
    public const string AddEnableSslToInitializer = "AddEnableSslToInitializer";

    /// <summary>Replace the port literal at the reported location with 587.</summary>
    public const string UseSubmissionPort = "UseSubmissionPort";

    /// <summary>In a configuration file, replace the value of the enableSsl attribute whose name is at the reported location with "true".</summary>
    public const string SetConfigEnableSslTrue = "SetConfigEnableSslTrue";

    /// <summary>In a configuration file, add enableSsl="true" after the element name at the reported location.</summary>
    public const string AddConfigEnableSsl = "AddConfigEnableSsl";
}
