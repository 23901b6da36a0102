using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Languages;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The one analyzer behind every rule. Per compilation it resolves the mail types once and asks each rule what it
/// looks at; per file it applies the gate (one text scan), and only a file that passes is bound and walked, once,
/// handing each rule the operations, System.Net.Mail clients and MailKit connections it asked for. A file that fails
/// the gate costs the scan and nothing else: no per-method callback is registered anywhere.
/// </summary>
public abstract class MailAnalyzer : DiagnosticAnalyzer
{
    private readonly LanguageSyntax _syntax;
    private readonly ImmutableArray<MailRule> _rules;

    internal MailAnalyzer(LanguageSyntax syntax, ImmutableArray<MailRule> rules)
    {
        _syntax = syntax;
        _rules = rules;
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var rule in rules)
        {
            if (!descriptors.Contains(rule.Descriptor))
            {
                descriptors.Add(rule.Descriptor);
            }
        }

        SupportedDiagnostics = descriptors.ToImmutable();
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Security analyzer: a TLS downgrade in generated or scaffolded code is still a vulnerability.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        // Nothing is looked up at compilation start: the mail types, the options and the rules' registrations are
        // set up the first time a file passes the gate (or a configuration file needs reading). A compilation
        // without mail code then costs one text scan per file and nothing else.
        context.RegisterCompilationStartAction(startContext =>
        {
            var setup = new RuleSetup(startContext.Compilation, startContext.Options, _syntax, _rules);
            startContext.RegisterSemanticModelAction(modelContext => AnalyzeTree(modelContext, setup));
            if (setup.HasConfigurationFiles)
            {
                startContext.RegisterAdditionalFileAction(fileContext =>
                {
                    if (RuleSetup.IsConfigurationFile(fileContext.AdditionalFile.Path) &&
                        setup.Registry is { HasAdditionalFileActions: true } registry)
                    {
                        registry.RunAdditionalFileActions(fileContext);
                    }
                });
            }
        });
    }

    private void AnalyzeTree(SemanticModelAnalysisContext context, RuleSetup setup)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var text = tree.GetText(context.CancellationToken).ToString();
        var passes = MailGate.Passes(text, _syntax.IgnoresCase);
        if (!passes && !(setup.HasConfigurationFiles && setup.Registry is { } configured && configured.PassesExtraGate(text)))
        {
            return;
        }

        if (setup.Registry is { IsEmpty: false } registry)
        {
            AnalyzeTree(context, registry, passes);
        }
    }

    private void AnalyzeTree(SemanticModelAnalysisContext context, MailRuleRegistry registry, bool namesMail)
    {
        var mail = registry.Mail;
        var tree = context.SemanticModel.SyntaxTree;
        if (!mail.Settings.IsEnabled(tree))
        {
            return;
        }

        var treeContext = new MailTreeContext(context, mail, namesMail);
        var members = registry.HasSmtpClientActions ? mail.SmtpClientMembers : null;
        var typeModels = members is null ? null : new Dictionary<INamedTypeSymbol, SmtpClientTypeModel>(SymbolEqualityComparer.Default);
        var root = tree.GetRoot(context.CancellationToken);
        foreach (var node in _syntax.OperationRoots(root, context.CancellationToken))
        {
            var operation = context.SemanticModel.GetOperation(node, context.CancellationToken);
            if (operation is null)
            {
                continue;
            }

            var typeModel = typeModels is null ? null : TypeModelFor(typeModels, context.SemanticModel, node, operation, members!);
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (registry.TryGetOperationActions(descendant.Kind, out var actions))
                {
                    foreach (var action in actions)
                    {
                        action(descendant, treeContext);
                    }
                }

                if (registry.HasConnectionActions && descendant is IInvocationOperation invocation &&
                    treeContext.Connection(invocation) is { } connection)
                {
                    registry.RunConnectionActions(connection, treeContext);
                }

                if (typeModel is not null)
                {
                    Feed(typeModel, descendant);
                }
            }
        }

        if (typeModels is null)
        {
            return;
        }

        foreach (var typeModel in typeModels.Values)
        {
            foreach (var facts in typeModel.Clients(mail, tree, context.CancellationToken))
            {
                registry.RunSmtpClientActions(facts, treeContext);
            }
        }
    }

    private SmtpClientTypeModel? TypeModelFor(Dictionary<INamedTypeSymbol, SmtpClientTypeModel> models, SemanticModel semanticModel, SyntaxNode node, IOperation operation, SmtpClientMembers members)
    {
        // Top-level statements belong to the program's type: look from inside them, not from the file's start.
        var position = node.Parent is null && operation.Descendants().FirstOrDefault(o => o.Syntax != node) is { } first ? first.Syntax.SpanStart : node.SpanStart;
        var enclosing = semanticModel.GetEnclosingSymbol(position);
        var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (!models.TryGetValue(type, out var model))
        {
            model = new SmtpClientTypeModel(members, _syntax, IsPartialAcrossFiles(type), HasClientMember(type, members));
            models.Add(type, model);
        }

        return model;
    }

    private static bool IsPartialAcrossFiles(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        for (var i = 1; i < references.Length; i++)
        {
            if (references[i].SyntaxTree != references[0].SyntaxTree)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClientMember(INamedTypeSymbol type, SmtpClientMembers members)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol field && members.IsClientType(field.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Feed(SmtpClientTypeModel model, IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                model.OnObjectCreation(creation);
                break;
            case ISimpleAssignmentOperation assignment:
                model.OnAssignment(assignment);
                break;
            case IInvocationOperation invocation:
                model.OnInvocation(invocation);
                break;
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IDeconstructionAssignmentOperation:
                model.OnOtherWrite(operation);
                break;
            case IFieldReferenceOperation fieldReference when model.HasClientField:
                model.OnFieldReference(fieldReference);
                break;
        }
    }

    /// <summary>The rules of one compilation, registered on first use; null when no rule can report there.</summary>
    private sealed class RuleSetup
    {
        private readonly Lazy<MailRuleRegistry?> _registry;

        public RuleSetup(Compilation compilation, AnalyzerOptions options, LanguageSyntax syntax, ImmutableArray<MailRule> rules)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (IsConfigurationFile(file.Path))
                {
                    HasConfigurationFiles = true;
                    break;
                }
            }

            _registry = new Lazy<MailRuleRegistry?>(
                () =>
                {
                    var mail = MailCompilation.TryCreate(compilation, options, syntax);
                    if (mail is null)
                    {
                        return null;
                    }

                    var registry = new MailRuleRegistry(mail);
                    foreach (var rule in rules)
                    {
                        rule.Initialize(registry);
                    }

                    return registry;
                },
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>App.config, Web.config, Web.*.config, appsettings.json or appsettings.*.json, by name alone.</summary>
        public static bool IsConfigurationFile(string path) =>
            ConfigurationLayers.IsConfigurationFile(path) || Internal.MailSettingsReader.IsConfigFile(path);

        /// <summary>True when an additional file is named like a configuration file; nothing is read to know it.</summary>
        public bool HasConfigurationFiles { get; }

        public MailRuleRegistry? Registry => _registry.Value;
    }
}
