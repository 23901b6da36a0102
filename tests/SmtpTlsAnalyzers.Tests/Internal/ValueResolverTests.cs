using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Internal;

/// <summary>How the resolver walks a body: once per body, and never past a cancelled token.</summary>
public class ValueResolverTests
{
    private const string Source = """
        class Mailer
        {
            private readonly bool _ssl = false;

            Mailer(bool ssl) { (_ssl, _) = (ssl, 1); }

            void M(bool flag)
            {
                var x = false;
                var y = flag;
                System.Console.WriteLine(x);
                System.Console.WriteLine(x || y);
                System.Console.WriteLine(_ssl);
            }
        }
        """;

    [Fact]
    public async Task FindSingleWrite_WalksEachBodyOnce()
    {
        var body = await BindMethodAsync("M");
        var references = body.Descendants().OfType<ILocalReferenceOperation>().Where(r => r.Local.Name == "x" && !r.IsDeclaration).ToArray();
        Assert.Equal(2, references.Length);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ValueResolver.FindSingleWrite(references[0], cancelled.Token));

        var written = ValueResolver.FindSingleWrite(references[0], CancellationToken.None);
        Assert.Equal(false, written?.ConstantValue.Value);

        // The body's writes are known now: a second reference needs no walk, so a cancelled token does not stop it.
        Assert.Same(written, ValueResolver.FindSingleWrite(references[1], cancelled.Token));
    }

    [Fact]
    public async Task ReadOnlyField_CancelledWhileReadingConstructors_Throws()
    {
        var body = await BindMethodAsync("M");
        var field = body.Descendants().OfType<IFieldReferenceOperation>().Single();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ValueResolver.TryGetConstant(field, out _, cancelled.Token));
        Assert.False(ValueResolver.TryGetConstant(field, out _, CancellationToken.None));
    }

    private static Task<IOperation> BindMethodAsync(string name) => BoundMethod.OfAsync(Source, name);
}
