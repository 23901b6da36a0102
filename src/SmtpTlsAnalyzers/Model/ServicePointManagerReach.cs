using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Model;

/// <summary>The process-wide <c>System.Net.ServicePointManager</c> settings a mail connection reads.</summary>
internal enum ServicePointManagerSetting
{
    /// <summary><c>ServerCertificateValidationCallback</c> and, on .NET Framework, <c>CertificatePolicy</c>.</summary>
    CertificateValidation,

    /// <summary><c>SecurityProtocol</c>.</summary>
    SecurityProtocol,

    /// <summary><c>CheckCertificateRevocationList</c>.</summary>
    RevocationCheck,
}

/// <summary>
/// Whether the ServicePointManager settings reach a mail connection of the project. System.Net.Mail reads all three on
/// every runtime; MailKit's clients built for .NET Framework fall back to the callback, and take their default
/// protocols from SecurityProtocol, but never read the revocation switch. A project that sets them for HTTP alone
/// (every .NET project can use System.Net.Mail, so referencing it proves nothing) is not this package's concern.
/// </summary>
internal static class ServicePointManagerReach
{
    private const string ClientName = "SmtpClient";

    private static readonly FileScan.NameTest NamesClient = new(new[] { ClientName }, StringComparison.Ordinal);
    private static readonly FileScan.NameTest NamesClientIgnoringCase = new(new[] { ClientName }, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when MailKit's clients read <paramref name="setting"/>: MailKit referenced, built for .NET Framework.</summary>
    public static bool ReadByMailKit(KnownTypes types, ServicePointManagerSetting setting) =>
        setting != ServicePointManagerSetting.RevocationCheck && types.HasMailKit &&
        types.SystemNetMailRuntime == MailRuntime.NetFramework;

    /// <summary>
    /// True when the project's code names System.Net.Mail's SmtpClient, or a class derived from it: a file the gate
    /// passed holds the name, and the name binds to that type. A class of another library with the same name
    /// (MailKit's SmtpClient) does not count.
    /// </summary>
    public static bool CodeUsesSystemNetMailClient(MailCompilation mail, CancellationToken cancellationToken)
    {
        var client = mail.Types.SystemNetMailSmtpClient;
        if (client is null)
        {
            return false;
        }

        var ignoresCase = mail.Syntax.IgnoresCase;
        var comparison = ignoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var test = ignoresCase ? NamesClientIgnoringCase : NamesClient;
        var compilation = mail.Compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The gate has read every file at compilation start: a file that names no mail type is not read again.
            var scan = FileScan.Of(tree, mail.Syntax, cancellationToken);
            if (!scan.NamesMail || !scan.Passes(test, tree, cancellationToken))
            {
                continue;
            }

            var text = tree.GetText(cancellationToken).ToString();
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            for (var at = text.IndexOf(ClientName, comparison); at >= 0; at = text.IndexOf(ClientName, at + ClientName.Length, comparison))
            {
                var token = root.FindToken(at);
                if (token.Parent is not { } node || !string.Equals(token.ValueText, ClientName, comparison))
                {
                    continue;
                }

                // The use may sit in any file of the project, not the one being analyzed: its model is asked for the
                // name alone, once a file names it, and only until one use is found.
#pragma warning disable RS1030 // The client is used in another file than the setting; see the class summary.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                var info = model.GetSymbolInfo(node, cancellationToken);
                var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
                if (KnownTypes.IsOrDerivesFrom(symbol as ITypeSymbol ?? symbol?.ContainingType, client))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
