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

    /// <summary>Remove the assignment of a MailKit certificate callback (statement, initializer member or <c>+=</c>).</summary>
    public const string RemoveCertificateCallback = "RemoveCertificateCallback";

    /// <summary>Set the process-wide ServicePointManager callback or certificate policy at the reported location to null.</summary>
    public const string ResetGlobalCertificateCallback = "ResetGlobalCertificateCallback";

    /// <summary>
    /// Present when the callback declaration at AdditionalLocations[0] can be made to return
    /// <c>errors == SslPolicyErrors.None</c>; the value names how the errors parameter is compared: <see cref="SslPolicyErrorsParameter"/>
    /// or <see cref="CertificateProblemParameter"/>.
    /// </summary>
    public const string CallbackErrors = "CallbackErrors";

    public const string SslPolicyErrorsParameter = "SslPolicyErrors";

    public const string CertificateProblemParameter = "CertificateProblem";

    /// <summary>Set the boolean assigned at the reported location to true (SMTP007, SMTP012).</summary>
    public const string SetTrue = "SetTrue";

    /// <summary>Present when removing the assignment at the reported location restores a secure default (MailKit's CheckCertificateRevocation).</summary>
    public const string RemovableDefault = "RemovableDefault";

    /// <summary>SMTP008: drop the obsolete protocol flags from the value at the reported location.</summary>
    public const string ObsoleteBits = "ObsoleteBits";

    /// <summary>SMTP008: the flags of the value that are not obsolete, as a decimal number.</summary>
    public const string RemainingBits = "RemainingBits";

    /// <summary>
    /// SMTP008: present when the value adds flags to the property's current value (<c>x = x | Tls11</c>); the constant
    /// flags alone are described, and the fix must keep the current value.
    /// </summary>
    public const string AddsToCurrentValue = "AddsToCurrentValue";

    /// <summary>In a configuration file, replace the value of the enableSsl attribute whose name is at the reported location with "true".</summary>
    public const string SetConfigEnableSslTrue = "SetConfigEnableSslTrue";

    /// <summary>In a configuration file, add enableSsl="true" after the element name at the reported location.</summary>
    public const string AddConfigEnableSsl = "AddConfigEnableSsl";

    /// <summary>
    /// Give the MailKit Connect call at AdditionalLocations[0] a TLS mode: replace its options or useSsl argument
    /// (at the syntax index <see cref="ModeArgument"/>) or add an options argument.
    /// </summary>
    public const string SetSecureSocketOptions = "SetSecureSocketOptions";

    /// <summary>Replace the SecureSocketOptions constant at the reported location with a mode that requires TLS.</summary>
    public const string ReplaceSecureSocketOptionsValue = "ReplaceSecureSocketOptionsValue";

    /// <summary>Replace the string literal at AdditionalLocations[1] with the text of <see cref="Uri"/>.</summary>
    public const string RewriteMailUri = "RewriteMailUri";

    /// <summary>
    /// Append the text of <see cref="Uri"/> to the Uri text built at AdditionalLocations[1] (an interpolated string, or
    /// a concatenation of texts).
    /// </summary>
    public const string AppendToMailUri = "AppendToMailUri";

    /// <summary>Syntax index of the options or useSsl argument of the Connect call; absent when it is omitted.</summary>
    public const string ModeArgument = "ModeArgument";

    /// <summary>Syntax index of the port argument of the Connect call; absent when it is omitted.</summary>
    public const string PortArgument = "PortArgument";

    /// <summary>The port of the Connect call when it is a constant.</summary>
    public const string Port = "Port";

    /// <summary>"true" when the port argument can be read twice without side effects.</summary>
    public const string PortIsSimple = "PortIsSimple";

    /// <summary>The implicit-TLS port of the client's protocol (465, 993, 995); absent when the protocol is unknown.</summary>
    public const string ImplicitPort = "ImplicitPort";

    /// <summary>The STARTTLS port of the client's protocol (587, 143, 110); absent when the protocol is unknown.</summary>
    public const string StartTlsPort = "StartTlsPort";

    /// <summary>"true" when the mode argument is a non-constant useSsl flag whose choice a fix can keep.</summary>
    public const string KeepFlag = "KeepFlag";

    /// <summary>The replacement text of a connection Uri.</summary>
    public const string Uri = "Uri";

    /// <summary>Present on MailKit's SMTP009: the login at the reported location can be guarded by IsSecure.</summary>
    public const string MailKitLogin = "MailKitLogin";
}
