using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Configuration;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP014: a configuration file of the project (appsettings*.json, the appSettings of App.config or Web.config)
/// turns TLS off, or makes it opportunistic, for a mail connection whose TLS input the code reads from configuration.
/// Reported at the code that reads it, with the configured value as related location; in a host, also at the binding
/// of a section to the mail options of a referenced library.
/// </summary>
internal sealed class ConfigurationTurnsTlsOffRule : MailRule
{
    /// <summary>Binding calls name these: a file that names none of them binds no options.</summary>
    private static readonly string[] BindingNames = { "Configure<", "Bind", "Get<" };

    /// <summary>The same in Visual Basic, where names ignore case and type arguments follow <c>(Of</c>.</summary>
    private static readonly string[] VisualBasicBindingNames = { "Configure(Of", "Bind", "Get(Of" };

    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP014_ConfigurationTurnsTlsOff;

    public override void Initialize(MailRuleRegistry registry)
    {
        var configuration = registry.Mail.Configuration;
        if (!configuration.HasConfigurationFiles || !configuration.Symbols.CanReadConfiguration)
        {
            return;
        }

        // The host of a library's mail code binds its options in a file that names no mail type (Program.cs).
        if (registry.Mail.Syntax.IgnoresCase)
        {
            registry.AlsoExamine(VisualBasicBindingNames, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            registry.AlsoExamine(BindingNames, StringComparison.Ordinal);
        }

        registry.OnOperation(
            (operation, context) =>
            {
                if (MailConnectionInputs.Find(operation, context.Mail.Types) is { } input)
                {
                    if (context.NamesMail)
                    {
                        ConfigurationVerdicts.Analyze(input, configuration, context.ReportDiagnostic, context.CancellationToken);
                    }
                }
                else if (operation is IInvocationOperation { TargetMethod.Name: "Configure" or "Bind" or "BindConfiguration" or "Get" } binding)
                {
                    ConfigurationVerdicts.AnalyzeLibraryBinding(binding, configuration, context.ReportDiagnostic, context.CancellationToken);
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.Invocation);
    }
}
