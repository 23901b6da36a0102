using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Languages;

/// <summary>
/// The few questions the rules ask of syntax, answered per language. Everything else rests on IOperation and symbols,
/// which C# and Visual Basic share.
/// </summary>
internal abstract class LanguageSyntax
{
    private static readonly ConcurrentDictionary<string, LanguageSyntax> Languages = new();

    protected LanguageSyntax(string language) => Languages[language] = this;

    /// <summary>The answers for the language of <paramref name="node"/>; null for a language no analyzer of the package speaks.</summary>
    public static LanguageSyntax? Of(SyntaxNode node) => Languages.TryGetValue(node.Language, out var syntax) ? syntax : null;

    /// <summary>True when identifiers ignore case (Visual Basic), so that the gate's text scan must too.</summary>
    public virtual bool IgnoresCase => false;

    /// <summary>
    /// The nodes whose operation trees hold the file's executable code: member bodies, field and property
    /// initializers, top-level statements. Lambdas and local functions are inside them.
    /// </summary>
    public abstract IEnumerable<SyntaxNode> OperationRoots(SyntaxNode root, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the name of every type the file declares (classes, structures, interfaces, records, enums, delegates,
    /// modules; nested ones too) as the compiler names its symbol. Syntax only: nothing is bound.
    /// </summary>
    public abstract void AddDeclaredTypeNames(SyntaxNode root, ISet<string> names, CancellationToken cancellationToken);

    /// <summary>True for a literal written in place (a string or number), which a fix can replace.</summary>
    public abstract bool IsLiteral(SyntaxNode node);

    /// <summary>True when the call has an argument list a fix can edit.</summary>
    public abstract bool HasArgumentList(SyntaxNode invocation);

    /// <summary>The position of an argument in the call's argument list as written; -1 when it is not there.</summary>
    public abstract int ArgumentIndex(SyntaxNode invocation, SyntaxNode argument);

    /// <summary>True for a callback a fix can rewrite: a lambda, an anonymous method, a method or a local function.</summary>
    public abstract bool IsCallbackDeclaration(SyntaxNode declaration);

    /// <summary>The value written in a field's declaration (<paramref name="declarator"/> is the field's declaring syntax); null when it has none.</summary>
    public abstract SyntaxNode? FieldInitializerValue(SyntaxNode declarator);

    /// <summary>The value of a <c>true</c>, <c>false</c>, number or string literal.</summary>
    public abstract bool TryGetLiteralValue(SyntaxNode expression, out object? value);

    /// <summary>True for a method or local function declaration whose body the rules may read.</summary>
    public abstract bool IsMethodDeclaration(SyntaxNode declaration);

    /// <summary>
    /// The node that holds what <paramref name="declaration"/> (a symbol's declaring syntax) declares: a method's body,
    /// which a semantic model binds, or a type's members.
    /// </summary>
    public virtual SyntaxNode DeclarationBlock(SyntaxNode declaration) => declaration;

    /// <summary>True for a Visual Basic <c>With</c> block, whose <c>.Member</c> accesses read the value it names.</summary>
    public virtual bool IsWithBlock(SyntaxNode node) => false;

    /// <summary>
    /// True when the body under <paramref name="node"/> handles errors without <c>Try</c> (Visual Basic's <c>On Error</c>
    /// and <c>Resume</c>): a statement that fails is skipped, which no control flow graph shows.
    /// </summary>
    public virtual bool HasUnstructuredErrorHandling(SyntaxNode node) => false;

    /// <summary>Where a diagnostic about <paramref name="node"/> is reported: the node itself.</summary>
    public virtual Location ReportLocation(SyntaxNode node) => node.GetLocation();

    /// <summary>True for an anonymous method written without a parameter list (<c>delegate { ... }</c>).</summary>
    public abstract bool IsParameterlessAnonymousMethod(SyntaxNode node);

    /// <summary>
    /// A method declared in another file, read from syntax alone: true when its body can only return true
    /// (<c>=&gt; true</c>, or statements that end with <c>return true</c> and neither return anything else nor throw).
    /// </summary>
    public abstract bool ReturnsOnlyTrue(SyntaxNode declaration, CancellationToken cancellationToken);

    /// <summary>True when the node's text names <paramref name="name"/> as an identifier (the language's own comparison).</summary>
    public abstract bool NamesIdentifier(SyntaxNode node, string name, CancellationToken cancellationToken);
}
