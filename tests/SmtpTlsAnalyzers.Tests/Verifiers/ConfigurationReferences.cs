using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Microsoft.Extensions.Configuration, Options and DependencyInjection abstractions, and
/// System.Configuration.ConfigurationManager: test compilations that read TLS settings from configuration reference
/// the builds the test project restored (net8.0, like the test compilations' reference assemblies).
/// </summary>
internal static class ConfigurationReferences
{
    public static readonly ImmutableArray<MetadataReference> All = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.Configuration.ConfigurationBinder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.Options.IOptions<>).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Microsoft.Extensions.Primitives.StringValues).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::System.Configuration.ConfigurationManager).Assembly.Location));
}
