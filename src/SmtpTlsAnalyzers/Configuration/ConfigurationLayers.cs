using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>Where a configured value is read from in code.</summary>
internal enum ConfigurationSource
{
    /// <summary>Microsoft.Extensions.Configuration: appsettings.json and appsettings.{Environment}.json.</summary>
    Json,

    /// <summary>ConfigurationManager.AppSettings: the appSettings of App.config or Web.config.</summary>
    AppSettings,
}

/// <summary>
/// One configuration an application can run with: appsettings.json alone (any environment without a file of its
/// own), or appsettings.{Environment}.json over it, key by key, as the default host builders layer them; or one
/// App.config/Web.config.
/// </summary>
internal sealed class ConfigurationLayer
{
    public ConfigurationLayer(ConfigurationFile? baseFile, ConfigurationFile? overrideFile, string? environment)
    {
        Base = baseFile;
        Override = overrideFile;
        Environment = environment;
    }

    public ConfigurationFile? Base { get; }

    public ConfigurationFile? Override { get; }

    /// <summary>The environment of <see cref="Override"/>; null for the base file alone.</summary>
    public string? Environment { get; }

    /// <summary>False when a file of the layer cannot be read: the layer then decides nothing.</summary>
    public bool IsReadable => (Base?.IsReadable ?? true) && (Override?.IsReadable ?? true);

    /// <summary>The value the layer ends with for <paramref name="key"/>: the environment file's, else the base file's.</summary>
    public bool TryGetValue(string key, out ConfigurationValue value)
    {
        if (Override is not null && Override.TryGetValue(key, out value))
        {
            return true;
        }

        if (Base is not null && Base.TryGetValue(key, out value))
        {
            return true;
        }

        value = null!;
        return false;
    }
}

/// <summary>Every configuration layer the project's AdditionalFiles make, read once.</summary>
internal sealed class ConfigurationLayers
{
    private const string JsonPrefix = "appsettings";
    private const string JsonExtension = ".json";

    private static readonly char[] PathSeparators = { '/', '\\' };

    private ConfigurationLayers(ImmutableArray<ConfigurationLayer> json, ImmutableArray<ConfigurationLayer> appSettings)
    {
        Json = json;
        AppSettings = appSettings;
    }

    public ImmutableArray<ConfigurationLayer> Json { get; }

    public ImmutableArray<ConfigurationLayer> AppSettings { get; }

    public ImmutableArray<ConfigurationLayer> For(ConfigurationSource source) => source == ConfigurationSource.Json ? Json : AppSettings;

    /// <summary>True for the names of the files this reads, without reading them.</summary>
    public static bool IsConfigurationFile(string path) => IsJsonFile(path, out _) || AppSettingsReader.IsAppSettingsFile(path);

    public static ConfigurationLayers Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        // appsettings files are grouped by folder: each folder is one project's configuration.
        var bases = new Dictionary<string, ConfigurationFile>(StringComparer.OrdinalIgnoreCase);
        var environments = new List<(string Folder, string Environment, ConfigurationFile File)>();
        var appSettings = ImmutableArray.CreateBuilder<ConfigurationLayer>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsJsonFile(file.Path, out var environment))
            {
                var read = JsonConfigurationReader.Read(file.Path, file.GetText(cancellationToken), cancellationToken);
                var folder = Folder(file.Path);
                if (environment is null)
                {
                    bases[folder] = read;
                }
                else
                {
                    environments.Add((folder, environment, read));
                }
            }
            else if (AppSettingsReader.IsAppSettingsFile(file.Path))
            {
                appSettings.Add(new ConfigurationLayer(AppSettingsReader.Read(file, cancellationToken), null, null));
            }
        }

        var json = ImmutableArray.CreateBuilder<ConfigurationLayer>();
        foreach (var pair in bases)
        {
            json.Add(new ConfigurationLayer(pair.Value, null, null));
        }

        foreach (var (folder, environment, file) in environments)
        {
            json.Add(new ConfigurationLayer(bases.TryGetValue(folder, out var baseFile) ? baseFile : null, file, environment));
        }

        return new ConfigurationLayers(json.ToImmutable(), appSettings.ToImmutable());
    }

    /// <summary>appsettings.json (environment null) or appsettings.{Environment}.json, in any case.</summary>
    private static bool IsJsonFile(string path, out string? environment)
    {
        environment = null;
        var name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        if (!name.StartsWith(JsonPrefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(JsonExtension, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var middle = name.Substring(JsonPrefix.Length, name.Length - JsonPrefix.Length - JsonExtension.Length);
        if (middle.Length == 0)
        {
            return true;
        }

        if (middle.Length < 2 || middle[0] != '.')
        {
            return false;
        }

        environment = middle.Substring(1);
        return true;
    }

    private static string Folder(string path)
    {
        var separator = path.LastIndexOfAny(PathSeparators);
        return separator < 0 ? string.Empty : path.Substring(0, separator);
    }
}
