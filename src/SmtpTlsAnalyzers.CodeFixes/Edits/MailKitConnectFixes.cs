using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.Edits;

/// <summary>
/// Fixes MailKit connections (SMTP003, SMTP004, SMTP005, SMTP009, SMTP013) by giving the Connect call a TLS mode that
/// fits its port: SslOnConnect on 465/993/995, required StartTls everywhere else. SMTP009 can also guard the login
/// with <c>IsSecure</c>. Acts only on diagnostics of MailKitConnectAnalyzer (their Fix property says which edit).
/// </summary>
internal sealed class MailKitConnectFixes : CodeFixProvider
{
    public const string UseStartTlsKey = "MailKit_UseStartTls";
    public const string UseSslOnConnectKey = "MailKit_UseSslOnConnect";
    public const string UsePortAwareModeKey = "MailKit_UsePortAwareMode";
    public const string KeepUseSslChoiceKey = "MailKit_KeepUseSslChoice";
    public const string UseSslOnConnectOnImplicitPortKey = "MailKit_UseSslOnConnectOnImplicitPort";
    public const string UseStartTlsOnStartTlsPortKey = "MailKit_UseStartTlsOnStartTlsPort";
    public const string RewriteUriKey = "MailKit_RewriteUri";
    public const string GuardLoginKey = "SMTP009_GuardLoginWithIsSecure";

    private const string OptionsType = "global::MailKit.Security.SecureSocketOptions";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.MailKitConnectionWithoutTls,
        DiagnosticIds.MailKitStrippableStartTls,
        DiagnosticIds.TlsModeDoesNotMatchPort,
        DiagnosticIds.CredentialsWithoutTls,
        DiagnosticIds.TlsLeftToConfiguration);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var properties = diagnostic.Properties;
            var isLogin = properties.ContainsKey(DiagnosticProperties.MailKitLogin);
            if (diagnostic.Id == DiagnosticIds.CredentialsWithoutTls && !isLogin)
            {
                // System.Net.Mail's SMTP009: not ours.
                continue;
            }

            properties.TryGetValue(DiagnosticProperties.Fix, out var fix);
            switch (fix)
            {
                case DiagnosticProperties.SetSecureSocketOptions:
                    RegisterConnectFixes(context, root, diagnostic);
                    break;
                case DiagnosticProperties.ReplaceSecureSocketOptionsValue:
                    await RegisterValueFixesAsync(context, root, diagnostic).ConfigureAwait(false);
                    break;
                case DiagnosticProperties.RewriteMailUri:
                    RegisterUriFix(context, root, diagnostic);
                    break;
                case DiagnosticProperties.AppendToMailUri:
                    MailUriSuffixEdit.Register(context, root, diagnostic, RewriteUriKey);
                    break;
            }

            if (isLogin)
            {
                RegisterGuardFix(context, root, diagnostic);
            }
        }
    }

    private static void RegisterConnectFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0 ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var mode = Index(diagnostic, DiagnosticProperties.ModeArgument, arguments.Count);
        var portIndex = Index(diagnostic, DiagnosticProperties.PortArgument, arguments.Count);
        if (mode == -2 || portIndex == -2)
        {
            return;
        }

        var port = Int(diagnostic, DiagnosticProperties.Port);
        var implicitPort = Int(diagnostic, DiagnosticProperties.ImplicitPort);
        var startTlsPort = Int(diagnostic, DiagnosticProperties.StartTlsPort);
        var portSyntax = portIndex >= 0 ? arguments[portIndex].Expression : null;

        void Register(string title, string key, ExpressionSyntax value, int? newPort = null) =>
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => ReplaceAndCleanUpAsync(context.Document, invocation, WithMode(invocation, mode, portIndex, value, newPort), ct),
                    key),
                diagnostic);

        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.KeepFlag) && mode >= 0)
        {
            var flag = arguments[mode].Expression;
            Register(
                "Use SslOnConnect when " + flag + " is true, StartTls otherwise",
                KeepUseSslChoiceKey,
                SyntaxFactory.ConditionalExpression(Parenthesize(flag), Mode("SslOnConnect"), Mode("StartTls")));
        }

        if (port is { } constant && constant != 0)
        {
            var isImplicit = implicitPort is { } known ? constant == known : constant is 465 or 993 or 995;
            var literalPort = portSyntax is LiteralExpressionSyntax;
            if (isImplicit)
            {
                Register("Use SecureSocketOptions.SslOnConnect", UseSslOnConnectKey, Mode("SslOnConnect"));
                if (literalPort && startTlsPort is { } plain)
                {
                    Register("Use SecureSocketOptions.StartTls on port " + plain.ToString(CultureInfo.InvariantCulture), UseStartTlsOnStartTlsPortKey, Mode("StartTls"), plain);
                }
            }
            else
            {
                Register("Use SecureSocketOptions.StartTls", UseStartTlsKey, Mode("StartTls"));
                if (literalPort && implicitPort is { } tls)
                {
                    Register("Use SecureSocketOptions.SslOnConnect on port " + tls.ToString(CultureInfo.InvariantCulture), UseSslOnConnectOnImplicitPortKey, Mode("SslOnConnect"), tls);
                }
            }

            return;
        }

        if (portSyntax is not null && port is null && implicitPort is { } implicitTls &&
            diagnostic.Properties.ContainsKey(DiagnosticProperties.PortIsSimple))
        {
            Register(PortAwareTitle(implicitTls), UsePortAwareModeKey, ByPort(portSyntax, implicitTls));
        }

        Register("Use SecureSocketOptions.StartTls", UseStartTlsKey, Mode("StartTls"));
        Register("Use SecureSocketOptions.SslOnConnect", UseSslOnConnectKey, Mode("SslOnConnect"));
    }

    private static async Task RegisterValueFixesAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            return;
        }

        void Register(string name, string key) => context.RegisterCodeFix(
            CodeAction.Create("Use SecureSocketOptions." + name, ct => ReplaceAndCleanUpAsync(context.Document, value, Mode(name).WithTriviaFrom(value), ct), key),
            diagnostic);

        var port = Int(diagnostic, DiagnosticProperties.Port);
        var implicitPort = Int(diagnostic, DiagnosticProperties.ImplicitPort);
        if (port is { } constant && constant != 0)
        {
            var isImplicit = implicitPort is { } known ? constant == known : constant is 465 or 993 or 995;
            Register(isImplicit ? "SslOnConnect" : "StartTls", isImplicit ? UseSslOnConnectKey : UseStartTlsKey);
            return;
        }

        if (implicitPort is { } implicitTls && PortOfTheCall(root, diagnostic) is { } portSyntax &&
            await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is { } model &&
            MeansTheSameAt(model, portSyntax, value.SpanStart, context.CancellationToken))
        {
            // The constant is in the call's own mode argument: the port can be read again there.
            // Bare where a conditional reads clearly (the last branch of one, a switch arm), in parentheses elsewhere
            // (after ??, or a conditional's first branch, where a ? b ? c : d : e would be hard to read).
            var bare = value.Parent is ConditionalExpressionSyntax conditional
                ? conditional.WhenFalse == value
                : value.Parent is SwitchExpressionArmSyntax or ParenthesizedExpressionSyntax;
            ExpressionSyntax byPort = ByPort(portSyntax, implicitTls);
            var choice = (bare ? byPort : SyntaxFactory.ParenthesizedExpression(byPort)).WithTriviaFrom(value);
            context.RegisterCodeFix(
                CodeAction.Create(PortAwareTitle(implicitTls), ct => ReplaceAndCleanUpAsync(context.Document, value, choice, ct), UsePortAwareModeKey),
                diagnostic);
        }

        Register("StartTls", UseStartTlsKey);
        Register("SslOnConnect", UseSslOnConnectKey);
    }

    /// <summary>
    /// True when the port's first name means at <paramref name="position"/> what it means in the port argument: a
    /// pattern variable of a switch arm can hide a field or property of the same name there.
    /// </summary>
    private static bool MeansTheSameAt(SemanticModel model, ExpressionSyntax port, int position, CancellationToken cancellationToken)
    {
        var first = port;
        while (first is MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or ConditionalExpressionSyntax)
        {
            // A port chosen by a condition is read again through the condition (`implicitTls ? 465 : 587`).
            first = first switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                ConditionalExpressionSyntax choice => choice.Condition,
                _ => ((ParenthesizedExpressionSyntax)first).Expression,
            };
        }

        if (first is not IdentifierNameSyntax name)
        {
            return first is ThisExpressionSyntax or BaseExpressionSyntax;
        }

        var meant = model.GetSymbolInfo(name, cancellationToken).Symbol;
        var visible = model.LookupSymbols(position, name: name.Identifier.ValueText);
        return meant is not null && visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], meant);
    }

    /// <summary>The port argument of the call a leaf's diagnostic names, when the analyzer found it readable at the leaf.</summary>
    private static ExpressionSyntax? PortOfTheCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.PortIsSimple) ||
            diagnostic.AdditionalLocations.Count == 0 ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        return Index(diagnostic, DiagnosticProperties.PortArgument, arguments.Count) is >= 0 and var index ? arguments[index].Expression : null;
    }

    private static void RegisterUriFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count < 2 ||
            !diagnostic.Properties.TryGetValue(DiagnosticProperties.Uri, out var text) || text is null ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[1].SourceSpan) ||
            root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
            !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use " + text,
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                RewriteUriKey),
            diagnostic);
    }

    /// <summary>SMTP009: <c>if (!client.IsSecure) throw new InvalidOperationException(...)</c> before the login.</summary>
    private static void RegisterGuardFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
                { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } login ||
            login.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax or SwitchSectionSyntax } statement)
        {
            return;
        }

        var guard = SyntaxFactory.IfStatement(
            SyntaxFactory.PrefixUnaryExpression(
                SyntaxKind.LogicalNotExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("IsSecure"))),
            SyntaxFactory.Block(SyntaxFactory.ThrowStatement(
                SyntaxFactory.ObjectCreationExpression(
                    TypeName("global::System.InvalidOperationException"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.LiteralExpression(
                            SyntaxKind.StringLiteralExpression,
                            SyntaxFactory.Literal("The connection to the mail server is not encrypted; refusing to send credentials."))))),
                    null))))
            .WithLeadingTrivia(Indentation(statement))
            .WithAdditionalAnnotations(Formatter.Annotation);

        context.RegisterCodeFix(
            CodeAction.Create(
                "Refuse to log in when the connection is not encrypted",
                ct => InsertGuardAsync(context.Document, statement, guard, ct),
                GuardLoginKey),
            diagnostic);
    }

    private static async Task<Document> InsertGuardAsync(Document document, StatementSyntax statement, StatementSyntax guard, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.InsertBefore(statement, guard);
        return await CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The Connect call with the TLS mode set: an argument replaced (useSsl: renamed options:) or added.</summary>
    private static InvocationExpressionSyntax WithMode(InvocationExpressionSyntax invocation, int modeIndex, int portIndex, ExpressionSyntax value, int? newPort)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (newPort is { } p && portIndex >= 0)
        {
            var portArgument = arguments[portIndex];
            arguments = arguments.Replace(portArgument, portArgument.WithExpression(
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(p)).WithTriviaFrom(portArgument.Expression)));
        }

        if (modeIndex >= 0)
        {
            var argument = arguments[modeIndex];
            var replaced = argument.WithExpression(value.WithTriviaFrom(argument.Expression));
            if (argument.NameColon is { } nameColon && nameColon.Name.Identifier.ValueText == "useSsl")
            {
                replaced = replaced.WithNameColon(nameColon.WithName(SyntaxFactory.IdentifierName("options").WithTriviaFrom(nameColon.Name)));
            }

            arguments = arguments.Replace(argument, replaced);
        }
        else
        {
            // Positional only right after a positional port; otherwise the name keeps the binding right.
            var named = portIndex < 0 || arguments.Any(a => a.NameColon is not null);
            var added = SyntaxFactory.Argument(value);
            if (named)
            {
                added = added.WithNameColon(SyntaxFactory.NameColon("options"));
            }

            var at = portIndex >= 0 ? portIndex + 1 : arguments.TakeWhile(a => a.NameColon is null).Count();
            arguments = arguments.Insert(at, added);
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
    }

    /// <summary><c>port == 465 ? SslOnConnect : StartTls</c>: TLS from the first byte on the implicit port, STARTTLS required elsewhere.</summary>
    private static ExpressionSyntax ByPort(ExpressionSyntax portSyntax, int implicitPort)
    {
        var port = portSyntax;
        while (port is ParenthesizedExpressionSyntax parenthesized)
        {
            port = parenthesized.Expression;
        }

        // A port chosen between two numbers (`implicitTls ? 465 : 587`): the mode is chosen by the same condition.
        if (port is ConditionalExpressionSyntax { WhenTrue: LiteralExpressionSyntax { Token.Value: int whenTrue }, WhenFalse: LiteralExpressionSyntax { Token.Value: int whenFalse } } choice &&
            whenTrue == implicitPort != (whenFalse == implicitPort))
        {
            return SyntaxFactory.ConditionalExpression(
                Parenthesize(choice.Condition.WithoutTrivia()),
                Mode(whenTrue == implicitPort ? "SslOnConnect" : "StartTls"),
                Mode(whenFalse == implicitPort ? "SslOnConnect" : "StartTls"));
        }

        return SyntaxFactory.ConditionalExpression(
            SyntaxFactory.BinaryExpression(
                SyntaxKind.EqualsExpression,
                Parenthesize(portSyntax),
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(implicitPort))),
            Mode("SslOnConnect"),
            Mode("StartTls"));
    }

    private static string PortAwareTitle(int implicitPort) =>
        "Use SslOnConnect on port " + implicitPort.ToString(CultureInfo.InvariantCulture) + ", StartTls on other ports";

    private static ExpressionSyntax Mode(string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(OptionsType), SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    private static TypeSyntax TypeName(string name) =>
        SyntaxFactory.ParseTypeName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    private static async Task<Document> ReplaceAndCleanUpAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        return await CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds <c>using MailKit.Security;</c> or <c>using System;</c> where needed and shortens the names. When the new
    /// import makes a name the file already uses ambiguous (another SecureSocketOptions or InvalidOperationException
    /// imported), the names stay qualified and no import is added.
    /// </summary>
    private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        withImports = await SimplifyAsync(withImports, cancellationToken).ConfigureAwait(false);
        if (await CountImportsAsync(withImports, cancellationToken).ConfigureAwait(false) == await CountImportsAsync(document, cancellationToken).ConfigureAwait(false))
        {
            return withImports;
        }

        var withoutImports = await SimplifyAsync(document, cancellationToken).ConfigureAwait(false);
        return await DocumentErrors.CountAsync(withImports, cancellationToken).ConfigureAwait(false) > await DocumentErrors.CountAsync(withoutImports, cancellationToken).ConfigureAwait(false)
            ? withoutImports
            : withImports;
    }

    private static async Task<Document> SimplifyAsync(Document document, CancellationToken cancellationToken)
    {
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CountImportsAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? 0 : root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Count();
    }

    /// <summary>An argument index from the properties: -1 when absent, -2 when it does not fit the call.</summary>
    private static int Index(Diagnostic diagnostic, string key, int count)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var text) || text is null)
        {
            return -1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count ? index : -2;
    }

    private static int? Int(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
