using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// The fix of one rule. Its first (preferred) action for every diagnostic carries the rule's one equivalence key,
/// whatever shape the diagnostic has, so that Fix All and <c>dotnet format --diagnostics ID</c> fix every diagnostic
/// of the rule in one run; the alternatives keep keys of their own. The edits themselves are shared
/// per language: one connection edit serves SMTP003, SMTP004, SMTP005, SMTP009 and SMTP013. Every action also takes
/// out the locals and private fields its edit leaves written and never read (<see cref="StrandedVariables"/>).
/// <para>
/// A provider offers nothing for a diagnostic of another rule. <c>dotnet format</c> asks each rule's provider for
/// the fixes of the first diagnostic it has of any requested rule, and starts Fix All with no equivalence key when
/// none is offered; Fix All then fixes under the preferred key, so one run fixes every requested rule.
/// </para>
/// </summary>
public abstract class RuleCodeFixProvider : CodeFixProvider
{
    private readonly ImmutableArray<CodeFixProvider> _edits;

    private protected RuleCodeFixProvider(string diagnosticId, string preferredKey, params CodeFixProvider[] edits)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        PreferredKey = preferredKey;
        _edits = edits.ToImmutableArray();
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>The equivalence key of the preferred fix of every diagnostic of the rule.</summary>
    public string PreferredKey { get; }

    /// <summary>The title of the Fix All action offered when every diagnostic in scope is already fixed.</summary>
    public const string NothingLeftTitle = PreferredKeyFixAll.NothingLeftTitle;

    public sealed override FixAllProvider GetFixAllProvider() => new PreferredKeyFixAll(PreferredKey, new BatchMember(this));

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context) => RegisterAsync(context, cleanUp: true);

    private async Task RegisterAsync(CodeFixContext context, bool cleanUp)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                continue;
            }

            var actions = new List<CodeAction>();
            foreach (var edit in _edits)
            {
                var collector = new CodeFixContext(context.Document, diagnostic, (action, _) => actions.Add(action), context.CancellationToken);
                await edit.RegisterCodeFixesAsync(collector).ConfigureAwait(false);
            }

            var solution = context.Document.Project.Solution;
            for (var i = 0; i < actions.Count; i++)
            {
                context.RegisterCodeFix(new RuleAction(actions[i], i == 0 ? PreferredKey : actions[i].EquivalenceKey, cleanUp ? solution : null), diagnostic);
            }
        }
    }

    /// <summary>
    /// The rule's fixes without the cleanup, for Roslyn's batch Fix All started without a key (<c>dotnet format</c>): it
    /// merges the text changes of every diagnostic's fix, computed one by one on the same code, and drops a fix whose
    /// changes overlap another's (two fixes each removing one declarator of <c>var a = …, b = …;</c> would both touch
    /// the comma). The cleanup runs once on the merged code instead. The IDE's Fix All keeps its own context and the
    /// cleanup of each fix; a dropped fix is left for its next run.
    /// </summary>
    private sealed class BatchMember : CodeFixProvider
    {
        private readonly RuleCodeFixProvider _rule;

        public BatchMember(RuleCodeFixProvider rule) => _rule = rule;

        public override ImmutableArray<string> FixableDiagnosticIds => _rule.FixableDiagnosticIds;

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => _rule.RegisterAsync(context, cleanUp: false);
    }

    /// <summary>Roslyn's batch Fix All, under the preferred key when the caller names none.</summary>
    private sealed class PreferredKeyFixAll : FixAllProvider
    {
        internal const string NothingLeftTitle = "Nothing left to fix";

        private readonly string _preferredKey;
        private readonly CodeFixProvider _batchMember;

        public PreferredKeyFixAll(string preferredKey, CodeFixProvider batchMember)
        {
            _preferredKey = preferredKey;
            _batchMember = batchMember;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // The context is built anew only where it must be: the IDE's own context carries its progress report and the
            // span of the containing-member and containing-type scopes, which a new one cannot.
            if (fixAllContext.CodeActionEquivalenceKey is null &&
                fixAllContext.Scope is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution)
            {
                var diagnostics = new ForwardedDiagnostics(fixAllContext);
                fixAllContext = fixAllContext.Document is { } document
                    ? new FixAllContext(document, _batchMember, fixAllContext.Scope, _preferredKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                    : new FixAllContext(fixAllContext.Project, _batchMember, fixAllContext.Scope, _preferredKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
            }

            return FixOrNothingLeftAsync(fixAllContext);
        }

        /// <summary>
        /// Roslyn's batch fix; when no diagnostic in scope has a fix left, an action that changes nothing. A run of
        /// <c>dotnet format</c> over several rules fixes one rule after another from diagnostics computed before
        /// the first: by the time a rule's turn comes, another rule's fix may already have secured the code its
        /// diagnostics were about (SMTP001's fix also settles SMTP009), and "nothing left" is not a failure.
        /// </summary>
        private static async Task<CodeAction?> FixOrNothingLeftAsync(FixAllContext fixAllContext)
        {
            var fix = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            if (fix is not null)
            {
                // The locals stranded by all the fixes together (one read by two fixed calls is still read after each).
                return new RuleAction(fix, fix.EquivalenceKey, fixAllContext.Solution);
            }

            var unchanged = fixAllContext.Solution;
            return CodeAction.Create(NothingLeftTitle, _ => Task.FromResult(unchanged), fixAllContext.CodeActionEquivalenceKey);
        }
    }

    /// <summary>The diagnostics of the caller's Fix All context, for the same Fix All under another key.</summary>
    private sealed class ForwardedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public ForwardedDiagnostics(FixAllContext context) => _context = context;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await _context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }

    /// <summary>
    /// An action doing what the shared edit (or Roslyn's batch Fix All) does, then removing the locals it strands; the
    /// first of a diagnostic's actions under the rule's preferred key, the others under their own.
    /// </summary>
    private sealed class RuleAction : CodeAction
    {
        private readonly CodeAction _action;
        private readonly Solution? _original;

        /// <summary>With no <paramref name="original"/>, the action does what the edit does and no more.</summary>
        public RuleAction(CodeAction action, string? key, Solution? original)
        {
            _action = action;
            _original = original;
            EquivalenceKey = key;
        }

        public override string Title => _action.Title;

        public override string? EquivalenceKey { get; }

        protected override async Task<Solution?> GetChangedSolutionAsync(CancellationToken cancellationToken)
        {
            foreach (var operation in await _action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    return _original is null
                        ? apply.ChangedSolution
                        : await StrandedVariables.RemoveAsync(_original, apply.ChangedSolution, cancellationToken).ConfigureAwait(false);
                }
            }

            return null;
        }
    }
}
