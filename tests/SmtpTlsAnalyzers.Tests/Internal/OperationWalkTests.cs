using System.Collections.Generic;
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

        Assert.True(listed.Count > 50);
        Assert.Equal(root.DescendantsAndSelf().ToArray(), listed.ToArray());
        var enumerated = new List<IOperation>();
        foreach (var operation in listed)
        {
            enumerated.Add(operation);
        }

        Assert.Equal(listed.ToArray(), enumerated);
        Assert.Equal(root.Descendants().ToArray(), OperationWalk.DescendantsOf(root).ToArray());
    }

    [Fact]
    public async Task AllOf_BuildsTheListOncePerRoot()
    {
        var root = await BindMethodAsync();

        Assert.True(OperationWalk.AllOf(root).SharesListWith(OperationWalk.AllOf(root)));
        Assert.True(OperationWalk.DescendantsOf(root).SharesListWith(OperationWalk.AllOf(root)));
    }

    [Fact]
    public async Task AllOf_InsideAScope_BuildsTheListOnceForThatScope()
    {
        var root = await BindMethodAsync();
        var shared = OperationWalk.AllOf(root);

        OperationList first;
        using (OperationWalk.Scope())
        {
            first = OperationWalk.AllOf(root);
            Assert.False(shared.SharesListWith(first));
            Assert.True(first.SharesListWith(OperationWalk.AllOf(root)));
            Assert.Equal(shared.ToArray(), first.ToArray());

            using (OperationWalk.Scope())
            {
                Assert.False(first.SharesListWith(OperationWalk.AllOf(root)));
            }

            Assert.True(first.SharesListWith(OperationWalk.AllOf(root)));

            // A scope that is not the current one changes nothing when disposed.
            default(OperationWalk.ListScope).Dispose();
            Assert.True(first.SharesListWith(OperationWalk.AllOf(root)));
        }

        Assert.True(shared.SharesListWith(OperationWalk.AllOf(root)));
    }

    private static Task<IOperation> BindMethodAsync() => BoundMethod.OfAsync(Source, "M");
}
