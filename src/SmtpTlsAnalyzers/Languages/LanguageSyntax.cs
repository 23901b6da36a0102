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
    /// <summary>
    /// The nodes whose operation trees hold the file's executable code: member bodies, field and property
    /// initializers, top-level statements. Lambdas and local functions are inside them.
    /// </summary>
    public abstract IEnumerable<SyntaxNode> OperationRoots(SyntaxNode root, CancellationToken cancellationToken);

    /// <summary>True for a literal written in place (a string or number), which a fix can replace.</summary>
    public abstract bool IsLiteral(SyntaxNode node);

    /// <summary>True when the call has an argument list a fix can edit.</summary>
    public abstract bool HasArgumentList(SyntaxNode invocation);

    /// <summary>The position of an argument in the call's argument list as written; -1 when it is not there.</summary>
    public abstract int ArgumentIndex(SyntaxNode invocation, SyntaxNode argument);

    /// <summary>True for a callback a fix can rewrite: a lambda, an anonymous method, a method or a local function.</summary>
    public abstract bool IsCallbackDeclaration(SyntaxNode declaration);

    /// <summary>True when the node's text names <paramref name="name"/> as an identifier (the language's own comparison).</summary>
    public abstract bool NamesIdentifier(SyntaxNode node, string name, CancellationToken cancellationToken);
}
