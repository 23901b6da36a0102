using System.Runtime.CompilerServices;

namespace SmtpTlsAnalyzers.Internal;

/// <summary>
/// How the methods every operation, file or report of an analysis passes through are compiled.
/// </summary>
/// <remarks>
/// A build runs the analyzers once per compilation, in a compiler process that may have just started: the runtime
/// first compiles each method without optimizations, and replaces it with optimized code only after enough calls
/// and a quiet moment, which during a build may come after the analysis is over. Roslyn's own code is precompiled
/// in the SDK; an analyzer's is not. These methods are compiled with optimizations on their first call
/// (<c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; a runtime that does not
/// know the value, such as .NET Framework's, is expected to ignore it: not tried on .NET Framework here). The cost is
/// one optimized compilation of each, once per process.
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
