using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// The mail and TLS types of one compilation, resolved once at compilation start by metadata name
/// (MailKit also ships as the MailKitLite assembly, so assembly names are never compared).
/// An analyzer whose types are absent registers nothing.
/// </summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation)
    {
        Compilation = compilation;

        SystemNetMailSmtpClient = compilation.GetBestTypeByMetadataName("System.Net.Mail.SmtpClient");
        SmtpDeliveryMethod = compilation.GetBestTypeByMetadataName("System.Net.Mail.SmtpDeliveryMethod");

        SecureSocketOptions = compilation.GetBestTypeByMetadataName("MailKit.Security.SecureSocketOptions");
        IMailService = compilation.GetBestTypeByMetadataName("MailKit.IMailService");
        MailService = compilation.GetBestTypeByMetadataName("MailKit.MailService");
        MailKitSmtpClient = compilation.GetBestTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
        MailKitImapClient = compilation.GetBestTypeByMetadataName("MailKit.Net.Imap.ImapClient");
        MailKitPop3Client = compilation.GetBestTypeByMetadataName("MailKit.Net.Pop3.Pop3Client");
        MailKitISmtpClient = compilation.GetBestTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
        MailKitIImapClient = compilation.GetBestTypeByMetadataName("MailKit.Net.Imap.IImapClient");
        MailKitIPop3Client = compilation.GetBestTypeByMetadataName("MailKit.Net.Pop3.IPop3Client");
        MailKitProtocolLogger = compilation.GetBestTypeByMetadataName("MailKit.ProtocolLogger");
        MailKitHttpsProxyClient = compilation.GetBestTypeByMetadataName("MailKit.Net.Proxy.HttpsProxyClient");

        ServicePointManager = compilation.GetBestTypeByMetadataName("System.Net.ServicePointManager");
        SecurityProtocolType = compilation.GetBestTypeByMetadataName("System.Net.SecurityProtocolType");
        ICertificatePolicy = compilation.GetBestTypeByMetadataName("System.Net.ICertificatePolicy");
        RemoteCertificateValidationCallback = compilation.GetBestTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback");
        SslStream = compilation.GetBestTypeByMetadataName("System.Net.Security.SslStream");
        SslProtocols = compilation.GetBestTypeByMetadataName("System.Security.Authentication.SslProtocols");
        Uri = compilation.GetBestTypeByMetadataName("System.Uri");
        foreach (var member in ICertificatePolicy?.GetMembers("CheckValidationResult") ?? ImmutableArray<ISymbol>.Empty)
        {
            CheckValidationResult ??= member as IMethodSymbol;
        }
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? SystemNetMailSmtpClient { get; }
    public INamedTypeSymbol? SmtpDeliveryMethod { get; }

    public INamedTypeSymbol? SecureSocketOptions { get; }
    public INamedTypeSymbol? IMailService { get; }
    public INamedTypeSymbol? MailService { get; }
    public INamedTypeSymbol? MailKitSmtpClient { get; }
    public INamedTypeSymbol? MailKitImapClient { get; }
    public INamedTypeSymbol? MailKitPop3Client { get; }
    public INamedTypeSymbol? MailKitISmtpClient { get; }
    public INamedTypeSymbol? MailKitIImapClient { get; }
    public INamedTypeSymbol? MailKitIPop3Client { get; }
    public INamedTypeSymbol? MailKitProtocolLogger { get; }
    public INamedTypeSymbol? MailKitHttpsProxyClient { get; }

    public INamedTypeSymbol? ServicePointManager { get; }
    public INamedTypeSymbol? SecurityProtocolType { get; }
    public INamedTypeSymbol? ICertificatePolicy { get; }
    public INamedTypeSymbol? RemoteCertificateValidationCallback { get; }
    public INamedTypeSymbol? SslStream { get; }
    public INamedTypeSymbol? SslProtocols { get; }
    public INamedTypeSymbol? Uri { get; }

    /// <summary><c>ICertificatePolicy.CheckValidationResult</c>, which a certificate policy implements.</summary>
    public IMethodSymbol? CheckValidationResult { get; }

    /// <summary>True when the compilation can use System.Net.Mail.SmtpClient.</summary>
    public bool HasSystemNetMail => SystemNetMailSmtpClient is not null;

    /// <summary>True when the compilation references MailKit (or MailKitLite).</summary>
    public bool HasMailKit => IMailService is not null && SecureSocketOptions is not null;

    /// <summary>
    /// Which runtime's System.Net.Mail the compilation is built against, read from the assembly that defines
    /// SmtpClient: System.Net.Mail on .NET, System on .NET Framework, netstandard for a .NET Standard library.
    /// Only .NET ignores the mailSettings of configuration files.
    /// </summary>
    public MailRuntime SystemNetMailRuntime => SystemNetMailSmtpClient?.ContainingAssembly.Name switch
    {
        "System.Net.Mail" => MailRuntime.DotNet,
        "System" => MailRuntime.NetFramework,
        _ => MailRuntime.Unknown,
    };

    public static KnownTypes Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is, derives from, or implements <paramref name="baseOrInterface"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? baseOrInterface)
    {
        if (type is null || baseOrInterface is null)
        {
            return false;
        }

        if (IsOrDerivesFrom(type, baseOrInterface))
        {
            return true;
        }

        if (baseOrInterface.TypeKind != TypeKind.Interface)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        return false;
    }
}

internal enum MailRuntime
{
    Unknown,
    DotNet,
    NetFramework,
}
