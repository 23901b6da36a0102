using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// What every rule shares in one compilation, created once at its start: the mail and TLS types, the options, the
/// per-file gate, the System.Net.Mail client members and the MailKit connection classifier. Immutable but for caches
/// that are safe to fill from concurrent callbacks.
/// </summary>
internal sealed class MailCompilation
{
    private readonly object _configGate = new();
    private bool? _enableSslDefaultsToFalse;
    private readonly object _servicePointGate = new();
    private bool? _codeUsesSystemNetMailClient;

    private MailCompilation(Compilation compilation, AnalyzerOptions options, LanguageSyntax syntax, AnalyzerSettings? settings)
    {
        Compilation = compilation;
        Options = options;
        Syntax = syntax;
        Types = KnownTypes.Create(compilation);
        Settings = settings ?? AnalyzerSettings.Create(options);
        SmtpClientMembers = Types.HasSystemNetMail ? SmtpClientMembers.Create(Types) : null;
        MailKitConnections = Types.HasMailKit ? new MailKitConnectionClassifier(Types, Settings, syntax) : null;
        Configuration = ConfigurationContext.Create(compilation, options, Types, Settings, syntax.IgnoresCase);
    }

    public Compilation Compilation { get; }
    public AnalyzerOptions Options { get; }
    public LanguageSyntax Syntax { get; }
    public KnownTypes Types { get; }
    public AnalyzerSettings Settings { get; }

    /// <summary>The members of System.Net.Mail.SmtpClient; null when the compilation cannot use it.</summary>
    public SmtpClientMembers? SmtpClientMembers { get; }

    /// <summary>The classifier of MailKit Connect calls; null when the compilation does not reference MailKit.</summary>
    public MailKitConnectionClassifier? MailKitConnections { get; }

    /// <summary>The project's configuration files and the code that reads them, parsed when a rule first asks.</summary>
    public ConfigurationContext Configuration { get; }

    /// <summary>
    /// Null when no rule can report anything in the compilation: neither System.Net.Mail nor MailKit is referenced,
    /// or the project is a test project the options leave out.
    /// </summary>
    public static MailCompilation? TryCreate(Compilation compilation, AnalyzerOptions options, LanguageSyntax syntax, AnalyzerSettings? settings = null)
    {
        var mail = new MailCompilation(compilation, options, syntax, settings);
        if ((!mail.Types.HasSystemNetMail && !mail.Types.HasMailKit) || mail.Settings.IsTestProjectOptedOut(compilation))
        {
            return null;
        }

        return mail;
    }

    /// <summary>
    /// True when a System.Net.Mail client that never sets EnableSsl sends in clear text: on .NET always, on .NET
    /// Framework when no configuration file of the project decides TLS. The configuration files are read once per
    /// compilation, the first time a rule asks.
    /// </summary>
    public bool EnableSslDefaultsToFalse(CancellationToken cancellationToken)
    {
        lock (_configGate)
        {
            _enableSslDefaultsToFalse ??= MailSettingsReader.EnableSslDefaultsToFalse(Types.SystemNetMailRuntime, Options, cancellationToken);
            return _enableSslDefaultsToFalse.Value;
        }
    }

    /// <summary>
    /// True when the process-wide ServicePointManager <paramref name="setting"/> reaches a mail connection of the
    /// project (<see cref="ServicePointManagerReach"/>). Whether its code uses System.Net.Mail's client is found once
    /// per compilation, the first time a rule asks, starting with the file of <paramref name="current"/>.
    /// </summary>
    public bool ServicePointManagerReachesMail(ServicePointManagerSetting setting, SemanticModel current, CancellationToken cancellationToken)
    {
        if (ServicePointManagerReach.ReadByMailKit(Types, setting))
        {
            return true;
        }

        lock (_servicePointGate)
        {
            _codeUsesSystemNetMailClient ??= ServicePointManagerReach.CodeUsesSystemNetMailClient(this, current, cancellationToken);
            return _codeUsesSystemNetMailClient.Value;
        }
    }
}
