using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP013 (information): a MailKit connection whose TLS mode or port comes from a value the code does not fix, or
/// whose mode is chosen between constants of which one turns TLS off or makes it opportunistic (reported at that
/// constant, which a fix can replace).
/// </summary>
internal sealed class TlsLeftToConfigurationRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP013_TlsLeftToConfiguration;

    public override void Initialize(MailRuleRegistry registry) =>
        registry.OnMailKitConnection((connection, context) =>
        {
            if ((connection.Verdict != ConnectionVerdict.Configuration && connection.ConfigurationLeaves.Count == 0) ||
                DecidedByConfigurationFiles(connection, context))
            {
                return;
            }

            if (connection.Verdict == ConnectionVerdict.Configuration)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, connection.Location, connection.AdditionalLocations, connection.FixProperties, connection.Reason));
            }

            // A flag that picks between constants is decided by the files too when they set it (SMTP014 then judges it).
            foreach (var leaf in connection.ConfigurationLeaves)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.LocationOf(leaf.Syntax), new[] { connection.Invocation.Syntax.GetLocation() }, connection.PropertiesOf(leaf), leaf.Reason));
            }
        });

    /// <summary>
    /// True when the project's configuration files set the value the connection reads (SMTP014 then reports it when it
    /// turns TLS off, and nothing when it does not): the value is no longer left to configuration the project does
    /// not show.
    /// </summary>
    private static bool DecidedByConfigurationFiles(MailKitConnection connection, MailTreeContext context)
    {
        var configuration = context.Mail.Configuration;
        return configuration.HasConfigurationFiles && configuration.Symbols.CanReadConfiguration &&
            MailConnectionInputs.Find(connection.Invocation, context.Mail.Types) is { } input &&
            ConfigurationVerdicts.DecidesTls(input, configuration, context.CancellationToken);
    }
}
