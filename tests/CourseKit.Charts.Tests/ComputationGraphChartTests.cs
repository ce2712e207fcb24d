using CourseKit.Autograd;

namespace CourseKit.Charts.Tests;

public class ComputationGraphChartTests
{
    private static Value LectureExample()
    {
        var x = new Value(-2, "x"); var y = new Value(5, "y"); var z = new Value(-4, "z");
        var q = (x + y).As("q");
        var f = (q * z).As("f");
        f.Backward();
        return f;
    }

    private static int Arrows(Figure fig) =>
        fig.Layout.GetProperty("annotations").EnumerateArray().Count(a => a.TryGetProperty("showarrow", out var s) && s.GetBoolean());

    [Fact]
    public void The_lecture_graph_has_three_inputs_two_gates_and_four_arrows()
    {
        var fig = Figure.Of(Charts.ComputationGraph(LectureExample()));
        Assert.Equal(["inputs", "gates", "values", "gradients"], fig.Names);
        Assert.Equal(["x", "y", "z"], fig.Trace("inputs").GetProperty("text").Strings());
        Assert.Equal(["+", "×"], fig.Trace("gates").GetProperty("text").Strings());
        Assert.Equal(4, Arrows(fig));
        Assert.Equal(5, fig.Trace("values").GetProperty("text").GetArrayLength());
    }

    [Fact]
    public void Each_node_shows_its_value_above_and_the_roots_gradient_below()
    {
        var fig = Figure.Of(Charts.ComputationGraph(LectureExample()));
        var values = fig.Trace("values").GetProperty("text").Strings();
        var grads = fig.Trace("gradients").GetProperty("text").Strings();
        // by hand (the lecture “Neural networks and back-propagation”): q = 3, f = −12; ∂f/∂x = ∂f/∂y = z = −4, ∂f/∂z = q = 3, ∂f/∂q = z = −4
        Assert.Equal(["x = −2.00", "y = 5.00", "q = 3.00", "z = −4.00", "f = −12.00"], values);
        Assert.Equal(["∂f/∂x = −4.00", "∂f/∂y = −4.00", "∂f/∂q = −4.00", "∂f/∂z = 3.00", "∂f/∂f = 1.00"], grads);
        Assert.Equal("top center", fig.Trace("values").Str("textposition"));
        Assert.Equal("bottom center", fig.Trace("gradients").Str("textposition"));
    }

    [Fact]
    public void Columns_are_layers_and_a_gate_sits_at_the_mean_height_of_its_inputs()
    {
        var graph = ComputationGraph.From(LectureExample());
        var fig = Figure.Of(Charts.ComputationGraph(graph));
        var x = fig.Trace("values").GetProperty("x").Doubles();
        var y = fig.Trace("values").GetProperty("y").Doubles();
        Assert.Equal(graph.Nodes.Select(n => (double)n.Layer), x);
        var q = graph["q"];
        Assert.Equal((y[graph["x"].Id] + y[graph["y"].Id]) / 2, y[q.Id], 12);
        Assert.Equal((y[q.Id] + y[graph["z"].Id]) / 2, y[graph["f"].Id], 12);
    }

    [Fact]
    public void A_value_used_twice_gets_two_arrows_side_by_side()
    {
        var a = new Value(3, "a");
        var sq = (a * a).As("s");
        sq.Backward();
        var fig = Figure.Of(Charts.ComputationGraph(sq));
        var arrows = fig.Layout.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Equal(2, arrows.Length);
        Assert.NotEqual(arrows[0].GetProperty("y").GetDouble(), arrows[1].GetProperty("y").GetDouble());
        Assert.Contains("∂s/∂a = 6.00", fig.Trace("gradients").GetProperty("text").Strings());
    }

    [Fact]
    public void Unlabelled_nodes_show_plain_numbers_and_a_short_gradient()
    {
        var b = new Value(2, "b");
        var root = (b.Exp() * 1.0).As("L");
        root.Backward();
        var fig = Figure.Of(Charts.ComputationGraph(root, decimals: 3));
        var values = fig.Trace("values").GetProperty("text").Strings();
        Assert.Equal(Math.Exp(2).ToString("F3", System.Globalization.CultureInfo.InvariantCulture), values[1]);
        Assert.StartsWith("∂ = ", fig.Trace("gradients").GetProperty("text").Strings()[1]);
        Assert.Throws<ArgumentNullException>(() => Charts.ComputationGraph((Value)null!));
    }
}
