using Microsoft.CodeAnalysis;
using SmtpTlsAnalyzers.Internal;

namespace SmtpTlsAnalyzers.Configuration;

/// <summary>The configuration and options types of one compilation, resolved once by metadata name.</summary>
internal sealed class ConfigurationSymbols
{
    private ConfigurationSymbols(Compilation compilation)
    {
        IConfiguration = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        IConfigurationSection = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
        ConfigurationBinder = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        ConfigurationExtensions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
        ConfigurationKeyNameAttribute = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute");
        IOptions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1");
        IOptionsMonitor = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Options.IOptionsMonitor`1");
        IOptionsSnapshot = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Options.IOptionsSnapshot`1");
        OptionsBuilder = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Options.OptionsBuilder`1");
        OptionsConfigurationServiceCollectionExtensions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions");
        OptionsBuilderConfigurationExtensions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");
        OptionsServiceCollectionExtensions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions");
        ConfigurationManager = compilation.GetBestTypeByMetadataName("System.Configuration.ConfigurationManager");
        WebConfigurationManager = compilation.GetBestTypeByMetadataName("System.Web.Configuration.WebConfigurationManager");
        NameValueCollection = compilation.GetBestTypeByMetadataName("System.Collections.Specialized.NameValueCollection");
        Convert = compilation.GetBestTypeByMetadataName("System.Convert");
        Enum = compilation.GetSpecialType(SpecialType.System_Enum);
    }

    public INamedTypeSymbol? IConfiguration { get; }
    public INamedTypeSymbol? IConfigurationSection { get; }
    public INamedTypeSymbol? ConfigurationBinder { get; }
    public INamedTypeSymbol? ConfigurationExtensions { get; }
    public INamedTypeSymbol? ConfigurationKeyNameAttribute { get; }
    public INamedTypeSymbol? IOptions { get; }
    public INamedTypeSymbol? IOptionsMonitor { get; }
    public INamedTypeSymbol? IOptionsSnapshot { get; }
    public INamedTypeSymbol? OptionsBuilder { get; }
    public INamedTypeSymbol? OptionsConfigurationServiceCollectionExtensions { get; }
    public INamedTypeSymbol? OptionsBuilderConfigurationExtensions { get; }
    public INamedTypeSymbol? OptionsServiceCollectionExtensions { get; }
    public INamedTypeSymbol? ConfigurationManager { get; }
    public INamedTypeSymbol? WebConfigurationManager { get; }
    public INamedTypeSymbol? NameValueCollection { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? Enum { get; }

    /// <summary>True when the compilation can read configuration at all: Microsoft.Extensions.Configuration or appSettings.</summary>
    public bool CanReadConfiguration => IConfiguration is not null || ConfigurationManager is not null || WebConfigurationManager is not null;

    public static ConfigurationSymbols Create(Compilation compilation) => new(compilation);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}
