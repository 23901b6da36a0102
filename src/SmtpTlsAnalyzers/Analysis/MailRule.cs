using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// One rule: its descriptor, and what it looks at. A rule registers its interest once per compilation and reads
/// the shared model (<see cref="Model"/>); the analyzer walks each file that passes the gate once and hands every
/// rule what it asked for.
/// </summary>
internal abstract class MailRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Registers what the rule looks at in one compilation; nothing when the compilation lacks the rule's types.</summary>
    public abstract void Initialize(MailRuleRegistry registry);
}
