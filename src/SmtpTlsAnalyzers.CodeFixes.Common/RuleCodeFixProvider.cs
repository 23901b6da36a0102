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
/// per language: one connection edit serves SMTP003, SMTP004, SMTP005, SMTP009 and SMTP013.
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

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var actions = new List<CodeAction>();
            foreach (var edit in _edits)
            {
                var collector = new CodeFixContext(context.Document, diagnostic, (action, _) => actions.Add(action), context.CancellationToken);
                await edit.RegisterCodeFixesAsync(collector).ConfigureAwait(false);
            }

            for (var i = 0; i < actions.Count; i++)
            {
                context.RegisterCodeFix(i == 0 ? new PreferredAction(actions[i], PreferredKey) : actions[i], diagnostic);
            }
        }
    }

    /// <summary>An action under the rule's preferred key, doing what the shared edit does.</summary>
    private sealed class PreferredAction : CodeAction
    {
        private readonly CodeAction _action;

        public PreferredAction(CodeAction action, string key)
        {
            _action = action;
            EquivalenceKey = key;
        }

        public override string Title => _action.Title;

        public override string EquivalenceKey { get; }

        protected override async Task<Solution?> GetChangedSolutionAsync(CancellationToken cancellationToken)
        {
            foreach (var operation in await _action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    return apply.ChangedSolution;
                }
            }

            return null;
        }
    }
}
