using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Takes out the locals and private fields a fix leaves written and never read. A fix replaces the value a connection
/// or a setting reads (<c>options</c> becomes <c>SecureSocketOptions.StartTls</c>, <c>secure</c> becomes <c>true</c>)
/// or removes the statement that read it; when that was the only read and every write is a constant, the compiler
/// warns that the variable is assigned and never used (CS0219 for a local, CS0414 for a field), and a project that
/// treats warnings as errors no longer builds. Such a local's declaration and writes are removed, when each is a
/// statement of its own (a declaration, or the local's declarator in it, and assignment statements) in the local's own
/// function, no directive stands in the body (code under <c>#if</c> that this compilation leaves out may read it), no
/// comment set apart by a blank line stands right above them, and removing them adds no error; otherwise the fixed
/// code is kept as the fix left it. A private field is removed the same way when its type is declared in this file
/// alone, it has no attribute, and no directive stands in the type; a documentation comment naming it keeps it. Works
/// on operations and the language's syntax generator, so one cleanup serves C# and Visual Basic.
/// </summary>
internal static class StrandedVariables
{
    public static async Task<Solution> RemoveAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        foreach (var project in after.GetChanges(before).GetProjectChanges())
        {
            foreach (var id in project.GetChangedDocuments())
            {
                if (before.GetDocument(id) is { } original && after.GetDocument(id) is { } changed)
                {
                    try
                    {
                        after = (await RemoveAsync(original, changed, cancellationToken).ConfigureAwait(false)).Project.Solution;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // The cleanup is a courtesy: the fix stands without it.
                    }
                }
            }
        }

        return after;
    }

    private static async Task<Document> RemoveAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        var changes = (await changed.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Span.Start).ToList();
        var oldRoot = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var oldModel = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (changes.Count == 0 || oldRoot is null || oldModel is null)
        {
            return changed;
        }

        // The locals the fix's replaced text named: only they can have lost their last read.
        var declarations = new List<TextSpan>();
        foreach (var change in changes)
        {
            foreach (var node in oldRoot.DescendantNodes(change.Span))
            {
                if (node.ChildNodes().Any() || !change.Span.IntersectsWith(node.Span) ||
                    oldModel.GetSymbolInfo(node, cancellationToken).Symbol is not { } symbol ||
                    !(symbol is ILocalSymbol { IsConst: false, IsRef: false } || IsOwnPrivateField(symbol, oldRoot.SyntaxTree)) ||
                    symbol.DeclaringSyntaxReferences.Length != 1)
                {
                    continue;
                }

                var declared = symbol.DeclaringSyntaxReferences[0].Span;
                if (Map(declared, changes) is { } mapped && !declarations.Contains(mapped))
                {
                    declarations.Add(mapped);
                }
            }
        }

        if (declarations.Count == 0)
        {
            return changed;
        }

        var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return changed;
        }

        var removals = new List<SyntaxNode>();
        foreach (var span in declarations)
        {
            if (StatementsOf(root, model, SyntaxGenerator.GetGenerator(changed), span, cancellationToken) is { } statements)
            {
                removals.AddRange(statements);
            }
        }

        if (removals.Count == 0)
        {
            return changed;
        }

        var editor = await DocumentEditor.CreateAsync(changed, cancellationToken).ConfigureAwait(false);
        foreach (var statement in removals.Distinct())
        {
            // A C# top-level statement is wrapped in a member of the same span, which is what can be removed.
            var removed = statement;
            while (removed.Parent is { } parent && parent.Span == removed.Span)
            {
                removed = parent;
            }

            editor.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        var cleaned = editor.GetChangedDocument();
        return await DocumentErrors.CountAsync(cleaned, cancellationToken).ConfigureAwait(false) > await DocumentErrors.CountAsync(changed, cancellationToken).ConfigureAwait(false) ||
            !await ReadsTheSameAsync(cleaned, cancellationToken).ConfigureAwait(false)
            ? changed
            : cleaned;
    }

    /// <summary>
    /// A private field of a type declared in this file alone, with no attribute: nothing outside the file can read it
    /// (a string in the file that names it keeps it, in case reflection reads it by that name).
    /// </summary>
    private static bool IsOwnPrivateField(ISymbol symbol, SyntaxTree tree) =>
        symbol is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Private } field &&
        field.GetAttributes().IsEmpty &&
        field.ContainingType.DeclaringSyntaxReferences.All(reference => reference.SyntaxTree == tree);

    /// <summary>
    /// Whether the edited text, parsed again, gives the tree the edit built. A removed statement takes its line break
    /// along, which in Visual Basic ends a statement: after <c>If c Then x = False</c> loses <c>x = False</c>, the
    /// next line would join the <c>If</c>.
    /// </summary>
    private static async Task<bool> ReadsTheSameAsync(Document document, CancellationToken cancellationToken)
    {
        var edited = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var reparsed = await document.WithText(SourceText.From(text.ToString(), text.Encoding, text.ChecksumAlgorithm))
            .GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (edited is null || reparsed is null)
        {
            return false;
        }

        // The same nodes over the same text, and the same tokens (the trees' own equivalence also weighs what the
        // parse kept beside them, and never holds between an edited tree and a parsed one). A node's extent tells
        // a statement that joined the If before it from one that follows it.
        using var before = edited.DescendantNodesAndTokens().GetEnumerator();
        using var after = reparsed.DescendantNodesAndTokens().GetEnumerator();
        while (before.MoveNext())
        {
            if (!after.MoveNext() || before.Current.RawKind != after.Current.RawKind || before.Current.FullSpan != after.Current.FullSpan ||
                (before.Current.IsToken && before.Current.AsToken().Text != after.Current.AsToken().Text))
            {
                return false;
            }
        }

        return !after.MoveNext();
    }

    /// <summary>
    /// The declaration and write statements of the local declared at <paramref name="span"/> when nothing reads it,
    /// every write is a constant and each is a statement of its own; otherwise null.
    /// </summary>
    private static List<SyntaxNode>? StatementsOf(SyntaxNode root, SemanticModel model, SyntaxGenerator generator, TextSpan span, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        ILocalSymbol? local = null;
        SyntaxNode? declarator = null;
        for (var node = root.FindNode(span, getInnermostNodeForTie: true); node is not null && node.Span == span; node = node.Parent)
        {
            var declared = model.GetDeclaredSymbol(node, cancellationToken);
            if (declared is IFieldSymbol field)
            {
                return IsOwnPrivateField(field, root.SyntaxTree) ? FieldStatementsOf(model, generator, field, node, cancellationToken) : null;
            }

            if (declared is ILocalSymbol declaredLocal)
            {
                local = declaredLocal;
                declarator = node;
                break;
            }
        }

        if (local is null || declarator is null || OutermostOperation(declarator, model, cancellationToken) is not { } body ||
            root.DescendantTrivia(body.Syntax.Span).Any(trivia => trivia.IsDirective))
        {
            // Code under #if that this compilation leaves out may read the local; a #pragma or #region would go with
            // the statement it stands before.
            return null;
        }

        var statements = new List<SyntaxNode>();
        var functions = new List<IOperation?>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declaration when SymbolEqualityComparer.Default.Equals(declaration.Symbol, local):
                    var initializer = declaration.Initializer ?? (declaration.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null && !initializer.Value.ConstantValue.HasValue ||
                        declaration.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation { Parent: IBlockOperation or ISwitchCaseOperation } group } declarators)
                    {
                        return null;
                    }

                    // The statement, or the local's part of it when it declares others (C# `bool a = false, b = true;`,
                    // Visual Basic `Dim a As Boolean = False, b As Boolean = True`).
                    functions.Add(FunctionOf(declaration));
                    statements.Add(
                        declarators.Declarators.Length > 1 ? declaration.Syntax :
                        group.Declarations.Length > 1 ? declarators.Syntax :
                        group.Syntax);
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (reference.Parent is not ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true, Parent: IExpressionStatementOperation { Parent: IBlockOperation or ISwitchCaseOperation } statement } assignment ||
                        assignment.Target != reference)
                    {
                        // A read, or a write that does something or sits inside another statement.
                        return null;
                    }

                    functions.Add(FunctionOf(statement));
                    statements.Add(statement.Syntax);
                    break;
            }
        }

        // Every write in the declaration's own function: an expression-bodied lambda or local function has no statement
        // to remove.
        return statements.Count > 0 && functions.All(f => ReferenceEquals(f, functions[0])) && !statements.Any(HasDetachedComment)
            ? statements
            : null;
    }

    /// <summary>
    /// The declaration and write statements of a private field when nothing reads it and every write is a constant (the
    /// compiler's CS0414), each write a statement of its own; otherwise null. Its uses are found by name in the
    /// declarations of its type, all in this file.
    /// </summary>
    private static List<SyntaxNode>? FieldStatementsOf(SemanticModel model, SyntaxGenerator generator, IFieldSymbol field, SyntaxNode declarator, CancellationToken cancellationToken)
    {
        var comparison = model.Language == LanguageNames.VisualBasic ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var statements = new List<SyntaxNode> { declarator };
        var types = new List<SyntaxNode>();
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            // Visual Basic declares a type by its statement; the members are in the block around it.
            var statement = reference.GetSyntax(cancellationToken);
            types.Add(generator.GetDeclaration(statement) is { } block && block.Span.Contains(statement.Span) ? block : statement);
        }

        foreach (var type in types)
        {
            if (type.DescendantTrivia().Any(trivia => trivia.IsDirective))
            {
                return null;
            }

            foreach (var token in type.DescendantTokens(descendIntoTrivia: true))
            {
                if (!string.Equals(token.ValueText, field.Name, comparison) || token.Parent is not { } node || declarator.Span.Contains(token.Span))
                {
                    continue;
                }

                if (FieldUse(node, model, field, cancellationToken) is not { } use)
                {
                    if (token.Text != token.ValueText || SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(node, cancellationToken).Symbol, field))
                    {
                        // A use that is not an operation (a documentation reference), or a string that names the
                        // field (reflection may read it by that name): kept, with the field.
                        return null;
                    }

                    continue;
                }

                if (use.Parent is not ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true, Parent: IExpressionStatementOperation { Parent: IBlockOperation or ISwitchCaseOperation } statement } assignment ||
                    assignment.Target != use)
                {
                    return null;
                }

                statements.Add(statement.Syntax);
            }
        }

        // The initializer, if any, is a constant.
        foreach (var node in declarator.Parent?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
        {
            if (model.GetOperation(node, cancellationToken) is IFieldInitializerOperation initializer &&
                initializer.InitializedFields.Contains(field, SymbolEqualityComparer.Default) &&
                !initializer.Value.ConstantValue.HasValue)
            {
                return null;
            }
        }

        // A comment set apart above the declaration is about what follows it (a section of fields): the field stays.
        var member = declarator;
        while (member.Parent is { } parent && !types.Contains(parent))
        {
            member = parent;
        }

        return statements.Any(HasDetachedComment) || HasDetachedComment(member) ? null : statements;
    }

    /// <summary>The reference to <paramref name="field"/> a name of it makes (<c>_x</c>, <c>this._x</c>, <c>Me._x</c>).</summary>
    private static IFieldReferenceOperation? FieldUse(SyntaxNode name, SemanticModel model, IFieldSymbol field, CancellationToken cancellationToken)
    {
        for (var node = name; node is not null; node = node.Parent)
        {
            var operation = model.GetOperation(node, cancellationToken);
            if (operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field))
            {
                return reference;
            }

            if (operation is not null && operation is not IInstanceReferenceOperation)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The lambda or local function an operation is in; null for the body itself.</summary>
    private static IOperation? FunctionOf(IOperation operation)
    {
        var enclosing = operation.Parent;
        while (enclosing is not null and not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            enclosing = enclosing.Parent;
        }

        return enclosing;
    }

    /// <summary>
    /// Whether a comment stands above the statement with a blank line between them: it is about what follows, not
    /// about the statement, and removing the statement with its leading trivia would take it along. A comment right
    /// above the statement goes with it.
    /// </summary>
    private static bool HasDetachedComment(SyntaxNode statement)
    {
        var lines = SourceText.From(statement.GetLeadingTrivia().ToFullString()).Lines;
        var commentSeen = false;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var blank = string.IsNullOrWhiteSpace(lines[i].ToString());
            if (blank && commentSeen)
            {
                return true;
            }

            commentSeen |= !blank;
        }

        return false;
    }

    /// <summary>The operation of the whole body the declarator is in (lambdas and local functions included).</summary>
    private static IOperation? OutermostOperation(SyntaxNode declarator, SemanticModel model, CancellationToken cancellationToken)
    {
        IOperation? outermost = null;
        for (var node = declarator.Parent; node is not null; node = node.Parent)
        {
            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                outermost = operation;
            }
        }

        while (outermost?.Parent is { } parent)
        {
            outermost = parent;
        }

        return outermost;
    }

    /// <summary>Where a span of the original text is in the changed text, or null when a change touched it.</summary>
    private static TextSpan? Map(TextSpan span, List<TextChange> changes)
    {
        var shift = 0;
        foreach (var change in changes)
        {
            if (change.Span.End <= span.Start && !(change.Span.Length == 0 && change.Span.Start == span.Start))
            {
                shift += change.NewText!.Length - change.Span.Length;
            }
            else if (change.Span.Start < span.End || change.Span.Start == span.Start)
            {
                return null;
            }
        }

        return new TextSpan(span.Start + shift, span.Length);
    }
}
