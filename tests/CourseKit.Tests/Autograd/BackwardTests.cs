using CourseKit.Autograd;
using CsCheck;

namespace CourseKit.Tests.Autograd;

/// <summary>The backward pass itself: branch rule, reset semantics, ZeroGrad, topological order, deep graphs.</summary>
public class BackwardTests
{
    [Fact]
    public void A_node_used_twice_gets_the_sum_of_both_gradients()
    {
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample((a, b) =>
        {
            var x = new Value(a);
            var square = x * x;            // the same node on both inputs of one gate
            square.Backward();
            Close.Equal(2 * a, x.Grad, 1e-15);

            var x2 = new Value(a);
            var y = new Value(b);
            var f = x2 * y + x2;           // x used in two different gates
            f.Backward();
            Close.Equal(b + 1, x2.Grad, 1e-15);
            Close.Equal(a, y.Grad, 1e-15);
        });
    }

    [Fact]
    public void A_shared_intermediate_node_propagates_its_summed_gradient_once()
    {
        // q = x + y is used twice: f = q·q + 3q, df/dq = 2q + 3, df/dx = df/dy = 2q + 3.
        var x = new Value(1.5);
        var y = new Value(-0.25);
        var q = x + y;
        var f = q * q + 3 * q;
        f.Backward();
        Assert.Equal(2 * 1.25 + 3, q.Grad);
        Assert.Equal(2 * 1.25 + 3, x.Grad);
        Assert.Equal(2 * 1.25 + 3, y.Grad);
    }

    [Fact]
    public void Running_backward_again_resets_instead_of_accumulating()
    {
        var x = new Value(-2); var y = new Value(5); var z = new Value(-4);
        var f = (x + y) * z;
        f.Backward();
        f.Backward();
        Assert.Equal(-4, x.Grad);
        Assert.Equal(3, z.Grad);
        Assert.Equal(1, f.Grad);
    }

    [Fact]
    public void Backward_of_a_second_graph_replaces_a_shared_leafs_gradient()
    {
        var x = new Value(3);
        var f1 = x * 2;
        var f2 = x * 5;
        f1.Backward();
        Assert.Equal(2, x.Grad);
        f2.Backward();
        Assert.Equal(5, x.Grad);  // not 7: each Backward resets the graph it runs on
        var sum = f1 + f2;        // to combine, add the losses first
        sum.Backward();
        Assert.Equal(7, x.Grad);
    }

    [Fact]
    public void ZeroGrad_clears_every_gradient_in_the_graph()
    {
        var x = new Value(-2); var y = new Value(5); var z = new Value(-4);
        var q = x + y;
        var f = q * z;
        f.Backward();
        f.ZeroGrad();
        Assert.All(new[] { x, y, z, q, f }, v => Assert.Equal(0, v.Grad));
    }

    [Fact]
    public void Gradients_are_zero_before_backward()
    {
        var x = new Value(1);
        var f = x.Exp();
        Assert.Equal(0, x.Grad);
        Assert.Equal(0, f.Grad);
    }

    [Fact]
    public void Backward_on_a_leaf_sets_its_gradient_to_one()
    {
        var x = new Value(4);
        x.Backward();
        Assert.Equal(1, x.Grad);
    }

    [Fact]
    public void Topological_order_lists_each_node_once_after_all_its_children()
    {
        var x = new Value(1); var y = new Value(2);
        var a = x * y;
        var b = a + x;
        var f = a * b;
        var order = f.TopologicalOrder();
        Assert.Equal(5, order.Count);
        Assert.Equal(5, order.Distinct().Count());
        Assert.Same(f, order[^1]);
        for (int i = 0; i < order.Count; i++)
            foreach (var child in order[i].Children)
                Assert.True(order.ToList().IndexOf(child) < i, "a child comes after its parent");
    }

    [Fact]
    public void A_chain_of_10000_nodes_runs_backward_on_a_small_stack()
    {
        // A recursive sort would need ~10 000 frames; 256 KiB of stack would overflow it.
        double xGrad = double.NaN, yData = double.NaN;
        int nodes = 0;
        var thread = new Thread(() =>
        {
            var x = new Value(0.5);
            var y = x;
            for (int i = 0; i < 10_000; i++) y = y * 1.0001;
            y.Backward();
            xGrad = x.Grad;
            yData = y.Data;
            nodes = y.ToGraph().Nodes.Count;
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(10_001, nodes);
        Close.Equal(Math.Pow(1.0001, 10_000), xGrad, 1e-9);       // chain rule: product of the local gradients
        Close.Equal(0.5 * Math.Pow(1.0001, 10_000), yData, 1e-9);
    }

    [Fact]
    public void A_deep_chain_of_nonlinear_nodes_matches_the_chain_rule()
    {
        // y_{k+1} = y_k + 1e-4·tanh(y_k) (60 000 nodes); dy_{k+1}/dy_k = 1 + 1e-4·(1 − tanh²(y_k)).
        var x = new Value(0.3);
        var y = x;
        double product = 1, v = 0.3;
        for (int i = 0; i < 20_000; i++)
        {
            y = y + 1e-4 * y.Tanh();
            product *= 1 + 1e-4 * (1 - Math.Tanh(v) * Math.Tanh(v));
            v += 1e-4 * Math.Tanh(v);
        }
        Assert.InRange(product, 1.05, 10); // the check below is not a comparison of two underflowed zeros
        y.Backward();
        Close.Equal(v, y.Data, 1e-12);
        Close.Equal(product, x.Grad, 1e-9);
    }
}
