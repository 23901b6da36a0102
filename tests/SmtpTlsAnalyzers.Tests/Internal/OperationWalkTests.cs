using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Tests.Verifiers;
using Xunit;

namespace SmtpTlsAnalyzers.Tests.Internal;

/// <summary>The list of a tree's operations: the order DescendantsAndSelf gives, built once per root and scope.</summary>
public class OperationWalkTests
{
    private const string Source = """
        using System;
        using System.Linq;

        class Mailer
        {
            int M(int[] values, bool flag)
            {
                var total = 0;
                foreach (var value in values)
                {
                    total += flag ? value : -value;
                }

                Func<int, int> twice = x => x * 2;
                int Local(int y) => y switch { 0 => 1, _ => twice(y) };
                try { total = values.Where(v => v > 1).Sum(); } catch (Exception) when (flag) { total = Local(total); }
                return (total, flag) is (> 3, true) ? total : Local(total);
            }
        }
        """;

    [Fact]
    public async Task AllOf_ListsTheTreeInTheOrderOfDescendantsAndSelf()
    {
        var root = await BindMethodAsync();

        var listed = OperationWalk.AllOf(root);

        Assert.True(listed.Length > 50);
        Assert.Equal(root.DescendantsAndSelf().ToArray(), listed);
        Assert.Equal(root.Descendants().ToArray(), OperationWalk.DescendantsOf(root).ToArray());
    }

    [Fact]
    public async Task AllOf_BuildsTheListOncePerRoot()
    {
        var root = await BindMethodAsync();

        Assert.Same(OperationWalk.AllOf(root), OperationWalk.AllOf(root));
    }

    [Fact]
    public async Task AllOf_InsideAScope_BuildsTheListOnceForThatScope()
    {
        var root = await BindMethodAsync();
        var shared = OperationWalk.AllOf(root);

        IOperation[] first;
        using (OperationWalk.Scope())
        {
            first = OperationWalk.AllOf(root);
            Assert.NotSame(shared, first);
            Assert.Same(first, OperationWalk.AllOf(root));
            Assert.Equal(shared, first);

            using (OperationWalk.Scope())
            {
                Assert.NotSame(first, OperationWalk.AllOf(root));
            }

            Assert.Same(first, OperationWalk.AllOf(root));

            // A scope that is not the current one changes nothing when disposed.
            default(OperationWalk.ListScope).Dispose();
            Assert.Same(first, OperationWalk.AllOf(root));
        }

        Assert.Same(shared, OperationWalk.AllOf(root));
    }

    private static Task<IOperation> BindMethodAsync() => BoundMethod.OfAsync(Source, "M");
}
