using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using SmtpTlsAnalyzers.CodeFixes.Rules;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.CodeFixes.VisualBasic.Edits;

/// <summary>
/// Fixes MailKit connections in Visual Basic (SMTP003, SMTP004, SMTP005, SMTP009, SMTP013) by giving the Connect call
/// a TLS mode that fits its port: SslOnConnect on 465/993/995, required StartTls everywhere else. The keys are the C#
/// fix's keys.
/// </summary>
internal sealed class MailKitConnectFixes : CodeFixProvider
{
    public const string UseStartTlsKey = "MailKit_UseStartTls";
    public const string UseSslOnConnectKey = "MailKit_UseSslOnConnect";
    public const string UsePortAwareModeKey = "MailKit_UsePortAwareMode";
    public const string KeepUseSslChoiceKey = "MailKit_KeepUseSslChoice";
    public const string RewriteUriKey = "MailKit_RewriteUri";

    private const string OptionsType = "MailKit.Security.SecureSocketOptions.";

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
            if (diagnostic.Id == DiagnosticIds.CredentialsWithoutTls && !diagnostic.Properties.ContainsKey(DiagnosticProperties.MailKitLogin))
            {
                // System.Net.Mail's SMTP009: not ours.
                continue;
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix);
            switch (fix)
            {
                case DiagnosticProperties.SetSecureSocketOptions:
                    RegisterConnectFixes(context, root, diagnostic);
                    break;
                case DiagnosticProperties.ReplaceSecureSocketOptionsValue:
                    RegisterValueFixes(context, root, diagnostic);
                    break;
                case DiagnosticProperties.RewriteMailUri:
                    RegisterUriFix(context, root, diagnostic);
                    break;
                case DiagnosticProperties.AppendToMailUri:
                    MailUriSuffixEdit.Register(context, root, diagnostic, RewriteUriKey);
                    break;
            }
        }
    }

    private static void RegisterConnectFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0 ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList: { } argumentList } invocation)
        {
            return;
        }

        var arguments = argumentList.Arguments;
        var mode = Index(diagnostic, DiagnosticProperties.ModeArgument, arguments.Count);
        var portIndex = Index(diagnostic, DiagnosticProperties.PortArgument, arguments.Count);
        if (mode == -2 || portIndex == -2 || arguments.Any(a => a is not SimpleArgumentSyntax))
        {
            return;
        }

        var port = Int(diagnostic, DiagnosticProperties.Port);
        var implicitPort = Int(diagnostic, DiagnosticProperties.ImplicitPort);
        var portSyntax = portIndex >= 0 ? ((SimpleArgumentSyntax)arguments[portIndex]).Expression : null;

        void Register(string title, string key, ExpressionSyntax value) =>
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => VisualBasicEdit.ReplaceAsync(context.Document, invocation, WithMode(invocation, mode, portIndex, value), ct), key),
                diagnostic);

        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.KeepFlag) && mode >= 0)
        {
            var flag = ((SimpleArgumentSyntax)arguments[mode]).Expression;
            Register("Use SslOnConnect when " + flag + " is True, StartTls otherwise", KeepUseSslChoiceKey, Conditional(flag.WithoutTrivia()));
        }

        if (port is { } constant && constant != 0)
        {
            var isImplicit = implicitPort is { } known ? constant == known : constant is 465 or 993 or 995;
            if (isImplicit)
            {
                Register("Use SecureSocketOptions.SslOnConnect", UseSslOnConnectKey, Mode("SslOnConnect"));
            }
            else
            {
                Register("Use SecureSocketOptions.StartTls", UseStartTlsKey, Mode("StartTls"));
            }

            return;
        }

        if (portSyntax is not null && port is null && implicitPort is { } implicitTls && diagnostic.Properties.ContainsKey(DiagnosticProperties.PortIsSimple))
        {
            Register(PortAwareTitle(implicitTls), UsePortAwareModeKey, ByPort(portSyntax, implicitTls));
        }

        Register("Use SecureSocketOptions.StartTls", UseStartTlsKey, Mode("StartTls"));
        Register("Use SecureSocketOptions.SslOnConnect", UseSslOnConnectKey, Mode("SslOnConnect"));
    }

    private static void RegisterValueFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            return;
        }

        void Register(string name, string key) => context.RegisterCodeFix(
            CodeAction.Create("Use SecureSocketOptions." + name, ct => VisualBasicEdit.ReplaceAsync(context.Document, value, Mode(name).WithTriviaFrom(value), ct), key),
            diagnostic);

        var port = Int(diagnostic, DiagnosticProperties.Port);
        var implicitPort = Int(diagnostic, DiagnosticProperties.ImplicitPort);
        if (port is { } constant && constant != 0)
        {
            var isImplicit = implicitPort is { } known ? constant == known : constant is 465 or 993 or 995;
            Register(isImplicit ? "SslOnConnect" : "StartTls", isImplicit ? UseSslOnConnectKey : UseStartTlsKey);
            return;
        }

        if (implicitPort is { } implicitTls && PortOfTheCall(root, diagnostic) is { } portSyntax)
        {
            // The constant is in the call's own mode argument: the port can be read again there.
            var choice = ByPort(portSyntax, implicitTls).WithTriviaFrom(value);
            context.RegisterCodeFix(
                CodeAction.Create(PortAwareTitle(implicitTls), ct => VisualBasicEdit.ReplaceAsync(context.Document, value, choice, ct), UsePortAwareModeKey),
                diagnostic);
        }

        Register("StartTls", UseStartTlsKey);
        Register("SslOnConnect", UseSslOnConnectKey);
    }

    /// <summary>The port argument of the call a leaf's diagnostic names, when the analyzer found it readable at the leaf.</summary>
    private static ExpressionSyntax? PortOfTheCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.PortIsSimple) ||
            diagnostic.AdditionalLocations.Count == 0 ||
            !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan) ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList: { } argumentList })
        {
            return null;
        }

        var arguments = argumentList.Arguments;
        return Index(diagnostic, DiagnosticProperties.PortArgument, arguments.Count) is >= 0 and var index && arguments[index] is SimpleArgumentSyntax argument
            ? argument.Expression
            : null;
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

        var replacement = SyntaxFactory.StringLiteralExpression(SyntaxFactory.StringLiteralToken("\"" + text.Replace("\"", "\"\"") + "\"", text)).WithTriviaFrom(literal);
        context.RegisterCodeFix(
            CodeAction.Create("Use " + text, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))), RewriteUriKey),
            diagnostic);
    }

    /// <summary>The Connect call with the TLS mode set: an argument replaced (useSsl:= renamed options:=) or added.</summary>
    private static InvocationExpressionSyntax WithMode(InvocationExpressionSyntax invocation, int modeIndex, int portIndex, ExpressionSyntax value)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (modeIndex >= 0)
        {
            var argument = (SimpleArgumentSyntax)arguments[modeIndex];
            var replaced = argument.WithExpression(value.WithTriviaFrom(argument.Expression));
            if (argument.NameColonEquals is { } name && CaseInsensitiveComparison.Equals(name.Name.Identifier.ValueText, "useSsl"))
            {
                replaced = replaced.WithNameColonEquals(name.WithName(SyntaxFactory.IdentifierName("options").WithTriviaFrom(name.Name)));
            }

            arguments = arguments.Replace(argument, replaced);
        }
        else
        {
            // Positional only right after a positional port; otherwise the name keeps the binding right.
            var named = portIndex < 0 || arguments.Any(a => a is SimpleArgumentSyntax { NameColonEquals: not null });
            var added = SyntaxFactory.SimpleArgument(value);
            if (named)
            {
                added = added.WithNameColonEquals(SyntaxFactory.NameColonEquals(SyntaxFactory.IdentifierName("options")));
            }

            var at = portIndex >= 0 ? portIndex + 1 : arguments.TakeWhile(a => a is SimpleArgumentSyntax { NameColonEquals: null }).Count();
            arguments = arguments.Insert(at, added);
            arguments = SyntaxFactory.SeparatedList(arguments, arguments.GetSeparators().Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)));
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
    }

    private static ExpressionSyntax Mode(string name) => VisualBasicEdit.Qualified(OptionsType + name);

    /// <summary><c>If((port) = 465, SslOnConnect, StartTls)</c>: TLS from the first byte on the implicit port, STARTTLS required elsewhere.</summary>
    private static ExpressionSyntax ByPort(ExpressionSyntax portSyntax, int implicitPort)
    {
        var port = portSyntax;
        while (port is ParenthesizedExpressionSyntax parenthesized)
        {
            port = parenthesized.Expression;
        }

        // A port chosen between two numbers (`If(implicitTls, 465, 587)`): the mode is chosen by the same condition.
        if (port is TernaryConditionalExpressionSyntax { WhenTrue: LiteralExpressionSyntax { Token.Value: int whenTrue }, WhenFalse: LiteralExpressionSyntax { Token.Value: int whenFalse } } choice &&
            whenTrue == implicitPort != (whenFalse == implicitPort))
        {
            return SyntaxFactory.TernaryConditionalExpression(
                choice.Condition.WithoutTrivia(),
                Mode(whenTrue == implicitPort ? "SslOnConnect" : "StartTls"),
                Mode(whenFalse == implicitPort ? "SslOnConnect" : "StartTls")).NormalizeWhitespace()
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        }

        return Conditional(SyntaxFactory.ParseExpression("(" + portSyntax.WithoutTrivia() + ") = " + implicitPort.ToString(CultureInfo.InvariantCulture)));
    }

    private static string PortAwareTitle(int implicitPort) =>
        "Use SslOnConnect on port " + implicitPort.ToString(CultureInfo.InvariantCulture) + ", StartTls on other ports";

    private static ExpressionSyntax Conditional(ExpressionSyntax condition) =>
        SyntaxFactory.TernaryConditionalExpression(condition, Mode("SslOnConnect"), Mode("StartTls")).NormalizeWhitespace()
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

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
