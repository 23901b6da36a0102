using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The package's .editorconfig options, shared by every rule:
/// <list type="bullet">
/// <item><c>smtp_tls_analyzers.plaintext_hosts</c> (default <c>localhost, 127.0.0.1, ::1</c>): no rule reports a
/// connection to a listed host. A host that is not a constant is never exempt.</item>
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

    private static readonly char[] HostSeparators = { ',', ';', ' ', '\t' };

    private readonly AnalyzerConfigOptionsProvider _provider;
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
        if (host is null)
        {
            return false;
        }

        host = host.Trim();
        if (host.Length == 0)
        {
            return false;
        }

        var configured = GetValue(tree, PlaintextHostsKey) ?? DefaultPlaintextHosts;
        foreach (var entry in configured.Split(HostSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(NormalizeHost(entry), NormalizeHost(host), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

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

    private static bool IsTrue(string? value) =>
        value is not null && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
