using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The package's .editorconfig options, shared by every rule:
/// <list type="bullet">
/// <item><c>smtp_tls_analyzers.plaintext_hosts</c> (default <c>localhost, 127.0.0.1, ::1</c>): no rule reports a
/// connection to a listed host. A host that is not a constant is never exempt. A list replaces the defaults; a list
/// that starts with <c>+</c> (<c>+ mailpit, mailhog</c>) is added to them.</item>
/// <item><c>smtp_tls_analyzers.analyze_test_projects</c> (default <c>false</c>): a project whose
/// <c>IsTestProject</c> build property is true is not analyzed unless this is true.</item>
/// </list>
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string PlaintextHostsKey = "smtp_tls_analyzers.plaintext_hosts";
    public const string AnalyzeTestProjectsKey = "smtp_tls_analyzers.analyze_test_projects";
    public const string IsTestProjectKey = "build_property.IsTestProject";
    public const string DefaultPlaintextHosts = "localhost, 127.0.0.1, ::1";

    /// <summary>Written before a <c>plaintext_hosts</c> list, adds the hosts to the defaults instead of replacing them.</summary>
    public const char AddToDefaultsPrefix = '+';

    private static readonly char[] HostSeparators = { ',', ';', ' ', '\t' };
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> ParsedLists = new(StringComparer.Ordinal);

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, string?> _plaintextHosts = new();
    private readonly bool _isTestProject;

    private AnalyzerSettings(AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
        _isTestProject = provider.GlobalOptions.TryGetValue(IsTestProjectKey, out var isTest) && IsTrue(isTest);
    }

    public static AnalyzerSettings Create(AnalyzerOptions options) => new(options.AnalyzerConfigOptionsProvider);

    /// <summary>
    /// False when the file belongs to a test project that did not opt in. A test project that opts in project-wide
    /// (a global config) is analyzed everywhere; an .editorconfig section can opt single folders in.
    /// </summary>
    public bool IsEnabled(SyntaxTree tree) => !_isTestProject || IsTrue(GetValue(tree, AnalyzeTestProjectsKey));

    /// <summary>
    /// <see cref="IsEnabled(SyntaxTree)"/> for an additional file such as App.config, with the option read as
    /// <see cref="IsPlaintextHost(AdditionalText, SyntaxTree?, string?)"/> reads its list.
    /// </summary>
    public bool IsEnabled(AdditionalText file, SyntaxTree? codeTree) =>
        !_isTestProject || IsTrue(GetValue(file, codeTree, AnalyzeTestProjectsKey));

    /// <summary>
    /// True when the project-wide settings already say nothing is reported: a test project that did not opt in
    /// globally and has no file that could opt in. Analyzers then register nothing.
    /// </summary>
    public bool IsTestProjectOptedOut(Compilation compilation)
    {
        if (!_isTestProject)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (IsEnabled(tree))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="host"/> is a constant listed in <c>smtp_tls_analyzers.plaintext_hosts</c>.</summary>
    public bool IsPlaintextHost(SyntaxTree tree, string? host)
    {
        // Read once per file: every Connect call and certificate setting of a file asks, and each read of the
        // options hashes the key.
        if (!_plaintextHosts.TryGetValue(tree, out var configured))
        {
            configured = _plaintextHosts.GetOrAdd(tree, GetValue(tree, PlaintextHostsKey));
        }

        return IsListed(configured, host);
    }

    /// <summary>True when the host expression resolves to a constant listed in <c>smtp_tls_analyzers.plaintext_hosts</c>.</summary>
    public bool IsPlaintextHost(SyntaxTree tree, Microsoft.CodeAnalysis.IOperation? host) =>
        ValueResolver.TryGetString(host, out var name) && IsPlaintextHost(tree, name);

    /// <summary>
    /// <see cref="IsPlaintextHost(SyntaxTree, string?)"/> for a host named in an additional file such as App.config.
    /// The list is read from the options of the file's own path, then from those of
    /// <paramref name="codeTree"/> (the project's <c>[*.cs]</c> section, where the README puts the option), then
    /// from the global options.
    /// </summary>
    public bool IsPlaintextHost(AdditionalText file, SyntaxTree? codeTree, string? host) =>
        IsListed(GetValue(file, codeTree, PlaintextHostsKey), host);

    private static bool IsListed(string? configured, string? host)
    {
        if (host is null)
        {
            return false;
        }

        host = host.Trim();
        if (host.Length == 0)
        {
            return false;
        }

        configured = configured?.Trim() ?? DefaultPlaintextHosts;
        if (configured.Length > 0 && configured[0] == AddToDefaultsPrefix)
        {
            // "+ mailpit" keeps the defaults and adds mailpit; a plain "mailpit" replaces them.
            return Contains(DefaultPlaintextHosts, host) || Contains(configured.Substring(1), host);
        }

        return Contains(configured, host);
    }

    private static bool Contains(string list, string host) => Hosts(list).Contains(NormalizeHost(host));

    /// <summary>The hosts of a list, read once per distinct option value (a project has one or two).</summary>
    private static HashSet<string> Hosts(string list) =>
        ParsedLists.GetOrAdd(list, static value =>
        {
            var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in value.Split(HostSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                hosts.Add(NormalizeHost(entry));
            }

            return hosts;
        });

    private static string NormalizeHost(string host)
    {
        host = host.Trim();
        return host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
    }

    private string? GetValue(SyntaxTree tree, string key)
    {
        if (_provider.GetOptions(tree).TryGetValue(key, out var value) || _provider.GlobalOptions.TryGetValue(key, out value))
        {
            return value;
        }

        return null;
    }

    private string? GetValue(AdditionalText file, SyntaxTree? codeTree, string key)
    {
        if (_provider.GetOptions(file).TryGetValue(key, out var value) ||
            (codeTree is not null && _provider.GetOptions(codeTree).TryGetValue(key, out value)) ||
            _provider.GlobalOptions.TryGetValue(key, out value))
        {
            return value;
        }

        return null;
    }

    private static bool IsTrue(string? value) =>
        value is not null && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
