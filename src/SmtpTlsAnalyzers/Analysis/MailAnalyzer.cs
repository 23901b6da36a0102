using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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

        context.RegisterCompilationStartAction(startContext =>
        {
            var mail = MailCompilation.TryCreate(startContext.Compilation, startContext.Options, _syntax);
            if (mail is null)
            {
                return;
            }

            var registry = new MailRuleRegistry(mail);
            foreach (var rule in _rules)
            {
                rule.Initialize(registry);
            }

            if (!registry.IsEmpty)
            {
                startContext.RegisterSemanticModelAction(modelContext => AnalyzeTree(modelContext, registry));
            }

            if (registry.HasAdditionalFileActions)
            {
                startContext.RegisterAdditionalFileAction(registry.RunAdditionalFileActions);
            }
        });
    }

    private void AnalyzeTree(SemanticModelAnalysisContext context, MailRuleRegistry registry)
    {
        var mail = registry.Mail;
        var tree = context.SemanticModel.SyntaxTree;
        if (!mail.Settings.IsEnabled(tree) ||
            (!mail.Gate.Passes(tree, context.CancellationToken) && !registry.PassesExtraGate(tree.GetText(context.CancellationToken).ToString())))
        {
            return;
        }

        var treeContext = new MailTreeContext(context, mail);
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
}
