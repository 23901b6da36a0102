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

            var filter = new SourceTextFilter("EnableSsl", "Connect");
            startContext.RegisterOperationAction(
                operationContext =>
                {
                    var tree = operationContext.Operation.Syntax.SyntaxTree;
                    if (!filter.MayMention(tree, operationContext.CancellationToken) || !settings.IsEnabled(tree) ||
                        MailConnectionInputs.Find(operationContext.Operation, types) is not { } input)
                    {
                        return;
                    }

                    ConfigurationTurnsTlsOffRule.Analyze(input, configuration, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                },
                OperationKind.SimpleAssignment,
                OperationKind.Invocation);
        });
    }
}
