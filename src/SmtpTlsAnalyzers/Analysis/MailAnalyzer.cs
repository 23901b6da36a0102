using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The one analyzer behind every rule. At compilation start it applies the gate to every file (one text scan each);
/// when no file passes, it registers nothing else. Otherwise each type declared in a passing file asks the compiler
/// for its members' operation trees and, once the type is complete, walks them once, handing each rule the
/// operations, System.Net.Mail clients and MailKit connections it asked for. Types of the other files register
/// nothing: no per-method callback, and no operation tree built for this analyzer.
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

        // The gate reads text and options only. The mail types and the rules' registrations are set up when a type of
        // a passing file starts (or at once when a configuration file needs reading). A compilation without mail code
        // costs one text scan per file and nothing else.
        context.RegisterCompilationStartAction(startContext =>
        {
            var setup = new RuleSetup(startContext.Compilation, startContext.Options, _syntax, _rules);
            if (setup.ExamineFiles(startContext.Compilation, startContext.CancellationToken))
            {
                startContext.RegisterSymbolStartAction(symbolContext => StartType(symbolContext, setup), SymbolKind.NamedType);
            }

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

    /// <summary>
    /// A type declared in a file that passes the gate asks the compiler for the operation trees of its members, and
    /// is analyzed once they are all there. Any other type registers nothing: the compiler builds no operation tree
    /// for it on this analyzer's behalf.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private void StartType(SymbolStartAnalysisContext context, RuleSetup setup)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!setup.MayBeDeclaredInPassingFile(type))
        {
            return;
        }

        TypeAnalysis? analysis = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            var gate = setup.Gate(tree);
            if (gate != FileGate.Closed && setup.Registry is { IsEmpty: false } registry)
            {
                analysis ??= new TypeAnalysis(type, registry);
                analysis.Open(tree, namesMail: gate == FileGate.NamesMail);
            }
        }

        if (analysis is null)
        {
            return;
        }

        context.RegisterOperationBlockAction(analysis.Collect);
        context.RegisterSymbolEndAction(endContext => Analyze(analysis, endContext, setup.Reported));
    }

    [MethodImpl(HotPath.Optimized)]
    private void Analyze(TypeAnalysis analysis, SymbolAnalysisContext context, ReportedDiagnostics reported)
    {
        var cancellationToken = context.CancellationToken;
        var registry = analysis.Registry;
        var mail = registry.Mail;
        var members = registry.HasSmtpClientActions ? mail.SmtpClientMembers : null;
        using var lists = OperationWalk.Scope();
        foreach (var file in analysis.Files())
        {
            var treeContext = new MailTreeContext(file.Roots[0].SemanticModel!, context.ReportDiagnostic, reported, mail, file.NamesMail, cancellationToken);
            var typeModel = members is null ? null : new SmtpClientTypeModel(members, _syntax, analysis.Type, IsPartialAcrossFiles(analysis.Type), HasClientMember(analysis.Type, members));
            foreach (var root in file.Roots)
            {
                foreach (var descendant in OperationWalk.AllOf(root))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var kind = descendant.Kind;
                    if (registry.TryGetOperationActions(kind, out var actions))
                    {
                        foreach (var action in actions)
                        {
                            action(descendant, treeContext);
                        }
                    }

                    if (registry.HasConnectionActions && kind == OperationKind.Invocation &&
                        treeContext.Connection((IInvocationOperation)descendant) is { } connection)
                    {
                        registry.RunConnectionActions(connection, treeContext);
                    }

                    if (typeModel is not null)
                    {
                        Feed(typeModel, descendant, kind);
                    }
                }
            }

            if (typeModel is null)
            {
                continue;
            }

            foreach (var facts in typeModel.Clients(mail, file.Tree, cancellationToken))
            {
                registry.RunSmtpClientActions(facts, treeContext);
            }
        }
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
            // A field, a WithEvents variable, or a private read-only property (a factory when its getter has a body).
            if (member is IFieldSymbol field && members.IsClientType(field.Type) ||
                member is IPropertySymbol { IsWithEvents: true } withEvents && members.IsClientType(withEvents.Type) ||
                member is IPropertySymbol { DeclaredAccessibility: Accessibility.Private, SetMethod: null } property && members.IsClientType(property.Type))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Feed(SmtpClientTypeModel model, IOperation operation, OperationKind kind)
    {
        // Told apart by kind, one comparison each, rather than by interface casts: every operation of a type passes here.
        switch (kind)
        {
            case OperationKind.ObjectCreation:
                model.OnObjectCreation((IObjectCreationOperation)operation);
                break;
            case OperationKind.SimpleAssignment:
                model.OnAssignment((ISimpleAssignmentOperation)operation);
                break;
            case OperationKind.Invocation:
                model.OnInvocation((IInvocationOperation)operation);
                break;
            case OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment:
                model.OnOtherWrite(operation);
                break;
            case OperationKind.MethodReference:
                model.OnMethodReference((IMethodReferenceOperation)operation);
                break;
            case OperationKind.FieldReference when model.HasClientField:
                model.OnFieldReference((IFieldReferenceOperation)operation);
                break;
            case OperationKind.PropertyReference when model.HasClientField:
                model.OnPropertyReference((IPropertyReferenceOperation)operation);
                break;
        }
    }

    /// <summary>The rules of one compilation, registered on first use; null when no rule can report there.</summary>
    private sealed class RuleSetup
    {
        private readonly Lazy<MailRuleRegistry?> _registry;
        private readonly Dictionary<SyntaxTree, FileGate> _gates = new();
        private readonly HashSet<string> _declaredTypeNames;
        private readonly LanguageSyntax _syntax;
        private readonly AnalyzerSettings _settings;

        public RuleSetup(Compilation compilation, AnalyzerOptions options, LanguageSyntax syntax, ImmutableArray<MailRule> rules)
        {
            _syntax = syntax;
            _declaredTypeNames = new HashSet<string>(syntax.IgnoresCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var file in options.AdditionalFiles)
            {
                if (IsConfigurationFile(file.Path))
                {
                    HasConfigurationFiles = true;
                    break;
                }
            }

            _settings = AnalyzerSettings.Create(options);
            _registry = new Lazy<MailRuleRegistry?>(
                () =>
                {
                    var mail = MailCompilation.TryCreate(compilation, options, syntax, _settings);
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

        /// <summary>
        /// The mail types and the rules' registrations, created on first use: by a type of a passing file (when the
        /// compiler has bound the references, which the first type lookup of a compilation otherwise pays for), or at
        /// compilation start when configuration files make rules look at more files.
        /// </summary>
        public MailRuleRegistry? Registry => _registry.Value;

        public ReportedDiagnostics Reported { get; } = new();

        /// <summary>
        /// Applies the gate to every file of the compilation, once: true when at least one file can hold a report.
        /// A compilation where none can costs one text scan per file and registers nothing else.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool ExamineFiles(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var open = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var scan = FileScan.Of(tree, _syntax, cancellationToken);
                var gate = Decide(tree, scan, cancellationToken);
                if (gate != FileGate.Closed)
                {
                    _gates.Add(tree, gate);
                    foreach (var name in scan.DeclaredTypeNames(tree, _syntax, cancellationToken))
                    {
                        _declaredTypeNames.Add(name);
                    }

                    open = true;
                }
            }

            return open;
        }

        /// <summary>
        /// False for a type that no passing file declares, decided from its name: every type of the compilation
        /// starts, and most are declared in files that fail the gate. A type the compiler declares itself, or whose
        /// name is not an identifier, is looked at through its declarations.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool MayBeDeclaredInPassingFile(INamedTypeSymbol type) =>
            _declaredTypeNames.Contains(type.Name) || type.IsImplicitlyDeclared || !type.CanBeReferencedByName;

        /// <summary>The gate's answer for a file of the compilation, as <see cref="ExamineFiles"/> found it.</summary>
        [MethodImpl(HotPath.Optimized)]
        public FileGate Gate(SyntaxTree tree) => _gates.TryGetValue(tree, out var gate) ? gate : FileGate.Closed;

        [MethodImpl(HotPath.Optimized)]
        private FileGate Decide(SyntaxTree tree, FileScan scan, System.Threading.CancellationToken cancellationToken)
        {
            // Text and options only: no symbol is looked up before a file passes and a type of it starts.
            var gate = scan.NamesMail ? FileGate.NamesMail
                : HasConfigurationFiles && Registry is { } configured && configured.PassesExtraGate(scan, tree, cancellationToken) ? FileGate.AlsoExamined
                : FileGate.Closed;
            return gate != FileGate.Closed && _settings.IsEnabled(tree) ? gate : FileGate.Closed;
        }
    }
}
