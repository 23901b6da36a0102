using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Model;

/// <summary>The process-wide <c>System.Net.ServicePointManager</c> settings a mail connection reads.</summary>
internal enum ServicePointManagerSetting
{
    /// <summary><c>ServerCertificateValidationCallback</c>.</summary>
    CertificateValidation,

    /// <summary><c>CertificatePolicy</c> (.NET Framework), which only System.Net.Mail reads.</summary>
    CertificatePolicy,

    /// <summary><c>SecurityProtocol</c>.</summary>
    SecurityProtocol,

    /// <summary><c>CheckCertificateRevocationList</c>.</summary>
    RevocationCheck,
}

/// <summary>
/// Whether the ServicePointManager settings reach a mail connection of the project. System.Net.Mail reads them all on
/// every runtime; MailKit's clients built for .NET Framework fall back to the callback, and take their default
/// protocols from SecurityProtocol, but never read the revocation switch or the certificate policy. A project that
/// sets them for HTTP alone (every .NET project can use System.Net.Mail, so referencing it proves nothing) is not this
/// package's concern.
/// </summary>
internal static class ServicePointManagerReach
{
    private const string ClientName = "SmtpClient";

    private const string NamespaceName = "System.Net.Mail";

    private static readonly FileScan.NameTest NamesClient = new(new[] { ClientName }, StringComparison.Ordinal);
    private static readonly FileScan.NameTest NamesClientIgnoringCase = new(new[] { ClientName }, StringComparison.OrdinalIgnoreCase);
    private static readonly FileScan.NameTest NamesNamespace = new(new[] { NamespaceName }, StringComparison.Ordinal);
    private static readonly FileScan.NameTest NamesNamespaceIgnoringCase = new(new[] { NamespaceName }, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when MailKit's clients read <paramref name="setting"/>: MailKit referenced, built for .NET Framework.</summary>
    public static bool ReadByMailKit(KnownTypes types, ServicePointManagerSetting setting) =>
        setting is ServicePointManagerSetting.CertificateValidation or ServicePointManagerSetting.SecurityProtocol && types.HasMailKit &&
        types.SystemNetMailRuntime == MailRuntime.NetFramework;

    /// <summary>
    /// True when the project's code names System.Net.Mail's SmtpClient, or a class derived from it: a file the gate
    /// passed holds the name, and the name binds to that type. A class of another library with the same name
    /// (MailKit's SmtpClient) does not count.
    /// </summary>
    /// <remarks>
    /// Binding a name binds the code around it, so the files most likely to use System.Net.Mail are asked first: those
    /// that also name its namespace. The others can only reach it through a namespace imported for the whole project
    /// (a C# global using, which some file names, or a Visual Basic project import), and are asked only then.
    /// </remarks>
    public static bool CodeUsesSystemNetMailClient(MailCompilation mail, SemanticModel current, CancellationToken cancellationToken)
    {
        var client = mail.Types.SystemNetMailSmtpClient;
        if (client is null)
        {
            return false;
        }

        var ignoresCase = mail.Syntax.IgnoresCase;
        var namesClient = ignoresCase ? NamesClientIgnoringCase : NamesClient;
        var namesNamespace = ignoresCase ? NamesNamespaceIgnoringCase : NamesNamespace;
        var trees = mail.Compilation.SyntaxTrees;
        List<SyntaxTree>? others = null;
        foreach (var tree in CurrentFirst(trees, current.SyntaxTree))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The gate has read every file at compilation start: a file that names no mail type is not read again.
            var scan = FileScan.Of(tree, mail.Syntax, cancellationToken);
            if (!scan.NamesMail || !scan.Passes(namesClient, tree, cancellationToken))
            {
                continue;
            }

            if (!scan.Passes(namesNamespace, tree, cancellationToken))
            {
                (others ??= new()).Add(tree);
            }
            else if (NamesClientIn(tree, mail, client, current, cancellationToken))
            {
                return true;
            }
        }

        if (others is null || !(ignoresCase || AnyNames(trees, namesNamespace, mail, cancellationToken)))
        {
            return false;
        }

        foreach (var tree in others)
        {
            if (NamesClientIn(tree, mail, client, current, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a file of the project names the namespace (a global using); each file's answer is kept with it.</summary>
    private static bool AnyNames(IEnumerable<SyntaxTree> trees, FileScan.NameTest test, MailCompilation mail, CancellationToken cancellationToken)
    {
        foreach (var tree in trees)
        {
            if (FileScan.Of(tree, mail.Syntax, cancellationToken).Passes(test, tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The file being analyzed first: the compiler has bound its code for the analysis already, so its model answers
    /// without binding another file's members; the others in the compilation's order.
    /// </summary>
    private static IEnumerable<SyntaxTree> CurrentFirst(IEnumerable<SyntaxTree> trees, SyntaxTree current)
    {
        yield return current;
        foreach (var tree in trees)
        {
            if (tree != current)
            {
                yield return tree;
            }
        }
    }

    private static bool NamesClientIn(SyntaxTree tree, MailCompilation mail, INamedTypeSymbol client, SemanticModel current, CancellationToken cancellationToken)
    {
        var comparison = mail.Syntax.IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var text = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        SemanticModel? model = null;
        for (var at = text.IndexOf(ClientName, comparison); at >= 0; at = text.IndexOf(ClientName, at + ClientName.Length, comparison))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = root.FindToken(at);
            if (token.Parent is not { } node || !string.Equals(token.ValueText, ClientName, comparison))
            {
                continue;
            }

            // The use may sit in any file of the project, not the one being analyzed: its model is asked for the
            // name alone, once a file names it, and only until one use is found.
#pragma warning disable RS1030 // The client is used in another file than the setting; see the class summary.
            model ??= tree == current.SyntaxTree ? current : mail.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            var info = model.GetSymbolInfo(node, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            if (KnownTypes.IsOrDerivesFrom(symbol as ITypeSymbol ?? symbol?.ContainingType, client))
            {
                return true;
            }
        }

        return false;
    }
}
