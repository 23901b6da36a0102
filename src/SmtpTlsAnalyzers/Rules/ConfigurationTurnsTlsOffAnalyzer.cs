using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP014: a configuration file of the project turns TLS off (or makes it opportunistic) for a mail connection whose
/// TLS input the code reads from configuration. This class only finds the inputs (System.Net.Mail's EnableSsl, the
/// mode, port and host of MailKit's Connect); <see cref="ConfigurationTurnsTlsOffRule"/> decides.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationTurnsTlsOffAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SMTP014_ConfigurationTurnsTlsOff);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: a TLS downgrade in generated or scaffolded code is still a vulnerability.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(static startContext =>
        {
            var types = KnownTypes.Create(startContext.Compilation);
            if (!types.HasSystemNetMail && !types.HasMailKit)
            {
                return;
            }

            var settings = AnalyzerSettings.Create(startContext.Options);
            if (settings.IsTestProjectOptedOut(startContext.Compilation))
            {
                return;
            }

            var configuration = ConfigurationContext.Create(startContext.Compilation, startContext.Options, types, settings);
            if (!configuration.HasConfigurationFiles || !configuration.Symbols.CanReadConfiguration)
            {
                return;
            }

            var mailFilter = new SourceTextFilter("EnableSsl", "Connect");
            var bindingFilter = new SourceTextFilter("Configure<", "Bind", "Get<");
            startContext.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    var tree = operation.Syntax.SyntaxTree;
                    var cancellationToken = operationContext.CancellationToken;
                    if (!settings.IsEnabled(tree))
                    {
                        return;
                    }

                    if (mailFilter.MayMention(tree, cancellationToken) && MailConnectionInputs.Find(operation, types) is { } input)
                    {
                        ConfigurationTurnsTlsOffRule.Analyze(input, configuration, operationContext.ReportDiagnostic, cancellationToken);
                    }
                    else if (operation is IInvocationOperation { TargetMethod.Name: "Configure" or "Bind" or "BindConfiguration" or "Get" } binding &&
                             bindingFilter.MayMention(tree, cancellationToken))
                    {
                        // Mail code in a referenced library, configuration here.
                        ConfigurationTurnsTlsOffRule.AnalyzeLibraryBinding(binding, configuration, operationContext.ReportDiagnostic, cancellationToken);
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.Invocation);
        });
    }
}
