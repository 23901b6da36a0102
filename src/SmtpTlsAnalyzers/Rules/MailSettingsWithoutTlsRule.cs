using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP011: the <c>&lt;system.net&gt;&lt;mailSettings&gt;&lt;smtp&gt;&lt;network&gt;</c> settings of App.config,
/// Web.config or a Web.*.config transform leave enableSsl off, so every System.Net.Mail.SmtpClient of a .NET Framework
/// application sends in clear text. Reported in the configuration file, at the enableSsl attribute or the network
/// element.
/// </summary>
internal sealed class MailSettingsWithoutTlsRule : MailRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP011_MailSettingsWithoutTls;

    public override void Initialize(MailRuleRegistry registry)
    {
        var mail = registry.Mail;

        // Only .NET Framework reads mailSettings. On .NET, SMTP002 looks at the code instead; a .NET Standard
        // library's configuration file is read by nothing (the application's own file is).
        if (mail.Types.SystemNetMailRuntime != MailRuntime.NetFramework)
        {
            return;
        }

        // The options of the project's code files (plaintext hosts, test projects) apply to its configuration
        // files too, after those of the file's own section.
        var codeTree = mail.Compilation.SyntaxTrees.FirstOrDefault();
        registry.OnAdditionalFile((fileContext, _) => AnalyzeFile(fileContext, mail.Settings, codeTree));
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, AnalyzerSettings settings, SyntaxTree? codeTree)
    {
        var file = context.AdditionalFile;
        if (!MailSettingsReader.IsConfigFile(file.Path) || !settings.IsEnabled(file, codeTree))
        {
            return;
        }

        foreach (var smtp in MailSettingsReader.Read(file, context.CancellationToken).Smtp)
        {
            // A pickup directory never opens a connection.
            if (!smtp.IsNetworkDelivery || smtp.Network is not { LeavesSslOff: true } network)
            {
                continue;
            }

            if (settings.IsPlaintextHost(file, codeTree, network.Host))
            {
                continue;
            }

            var (location, fix) = network.EnableSslLocation is { } attribute
                ? (attribute, DiagnosticProperties.SetConfigEnableSslTrue)
                : (network.ElementLocation, DiagnosticProperties.AddConfigEnableSsl);

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SMTP011_MailSettingsWithoutTls,
                location.ToLocation(file.Path),
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Fix, fix),
                // A host the compiler could not decode (a file in another encoding than UTF-8) is not named: only the
                // additional file's text is read, never the file itself.
                Endpoint.Describe(network.Host is { } host && host.IndexOf('\uFFFD') >= 0 ? null : network.Host, network.Port),
                network.EnableSsl is { } value ? "enableSsl=\"" + value + "\"" : "enableSsl is not set, and it defaults to false",
                network.HasPassword ? "the password and the mail are sent"
                    : network.UsesDefaultCredentials ? "the Windows authentication exchange of the process and the mail are sent"
                    : "the mail is sent"));
        }
    }
}
