using CourseKit.Autograd;

namespace CourseKit.Tests.Autograd;

public class ComputationGraphTests
{
    private static (Value f, ComputationGraph graph) LectureGraph()
    {
        var x = new Value(-2, "x"); var y = new Value(5, "y"); var z = new Value(-4, "z");
        var q = (x + y).As("q");
        var f = (q * z).As("f");
        f.Backward();
        return (f, f.ToGraph());
    }

    [Fact]
    public void Lecture_graph_has_five_nodes_four_edges_and_three_layers()
    {
        var (_, g) = LectureGraph();
        Assert.Equal(5, g.Nodes.Count);
        Assert.Equal(4, g.Edges.Count);
        Assert.Equal(3, g.LayerCount);
        Assert.Equal(new[] { "x", "y", "q", "z", "f" }, g.Nodes.Select(n => n.Label));
        Assert.Equal(Enumerable.Range(0, 5), g.Nodes.Select(n => n.Id));
        Assert.Equal("f", g.Root.Label);
        Assert.Equal(new[] { "x", "y", "z" }, g.Leaves.Select(n => n.Label));
    }

    [Fact]
    public void Nodes_carry_value_gradient_op_and_layer()
    {
        var (_, g) = LectureGraph();
        Assert.Equal((0, -2.0, -4.0, "", 0, 0), (g["x"].Id, g["x"].Data, g["x"].Grad, g["x"].Op, g["x"].Layer, g["x"].Order));
        Assert.True(g["x"].IsLeaf);
        Assert.Empty(g["x"].Inputs);
        Assert.Equal((3.0, -4.0, "+", 1), (g["q"].Data, g["q"].Grad, g["q"].Op, g["q"].Layer));
        Assert.Equal((-4.0, 3.0, "", 0), (g["z"].Data, g["z"].Grad, g["z"].Op, g["z"].Layer));
        Assert.Equal((-12.0, 1.0, "*", 2), (g["f"].Data, g["f"].Grad, g["f"].Op, g["f"].Layer));
        Assert.Equal(new[] { 0, 1 }, g["q"].Inputs);
        Assert.Equal(new[] { 2, 3 }, g["f"].Inputs);
    }

    [Fact]
    public void Layers_give_each_node_a_distinct_position()
    {
        var (_, g) = LectureGraph();
        Assert.Equal(new[] { "x", "y", "z" }, g.Layers[0].Select(n => n.Label));
        Assert.Equal(new[] { 0, 1, 2 }, g.Layers[0].Select(n => n.Order));
        Assert.Equal(new[] { "q" }, g.Layers[1].Select(n => n.Label));
        Assert.Equal(new[] { "f" }, g.Layers[2].Select(n => n.Label));
        Assert.Equal(g.Nodes.Count, g.Nodes.Select(n => (n.Layer, n.Order)).Distinct().Count());
    }

    [Fact]
    public void Edges_go_from_each_gate_input_to_its_output()
    {
        var (_, g) = LectureGraph();
        Assert.Equal(new[]
        {
            new GraphEdge(0, 2, "+", 0), new GraphEdge(1, 2, "+", 1),
            new GraphEdge(2, 4, "*", 0), new GraphEdge(3, 4, "*", 1),
        }, g.Edges);
        Assert.All(g.Edges, e => Assert.True(g.Nodes[e.From].Layer < g.Nodes[e.To].Layer));
    }

    [Fact]
    public void A_node_used_twice_appears_once_with_two_edges()
    {
        var x = new Value(3, "x");
        var g = (x * x).As("s").ToGraph();
        Assert.Equal(2, g.Nodes.Count);
        Assert.Equal(new[] { new GraphEdge(0, 1, "*", 0), new GraphEdge(0, 1, "*", 1) }, g.Edges);
        Assert.Equal(new[] { 0, 0 }, g["s"].Inputs);
    }

    [Fact]
    public void A_leaf_joining_late_stays_in_layer_zero_and_depth_is_the_longest_path()
    {
        var a = new Value(1, "a"); var b = new Value(2, "b");
        var deep = a.Exp().Tanh().Sigmoid();   // layers 1, 2, 3
        var f = (deep + b).As("f");            // layer 4
        var g = f.ToGraph();
        Assert.Equal(0, g["b"].Layer);
        Assert.Equal(4, g["f"].Layer);
        Assert.Equal(5, g.LayerCount);
    }

    [Fact]
    public void ToString_is_a_table_with_one_row_per_node()
    {
        var (_, g) = LectureGraph();
        var lines = g.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("ComputationGraph: 5 nodes, 4 edges, 3 layers, root f = -12", lines[0]);
        Assert.Matches(@"^id\s+label\s+op\s+data\s+grad\s+layer\s+inputs$", lines[1]);
        Assert.Equal(7, lines.Length);
        Assert.Matches(@"^ 2\s+q\s+\+\s+3\s+-4\s+1\s+0, 1$", lines[4]);
        Assert.Matches(@"^ 4\s+f\s+\*\s+-12\s+1\s+2\s+2, 3$", lines[6]);
    }

    [Fact]
    public void ToMermaid_draws_value_boxes_gate_circles_and_arrows()
    {
        var (_, g) = LectureGraph();
        string m = g.ToMermaid();
        Assert.StartsWith("flowchart LR\n", m);
        Assert.Contains("  n0[\"x = -2<br/>grad -4\"]\n", m);
        Assert.Contains("  op2((\"+\"))\n", m);
        Assert.Contains("  n0 --> op2\n", m);
        Assert.Contains("  n1 --> op2\n", m);
        Assert.Contains("  op2 --> n2\n", m);
        Assert.Contains("  op4((\"*\"))\n", m);
        Assert.Equal(4 + 2, m.Split("-->").Length - 1); // 4 input arrows + 2 gate-to-output arrows
    }

    [Fact]
    public void ToDot_is_graphviz_with_escaped_labels()
    {
        var x = new Value(1, "say \"hi\"");
        var g = x.Exp().ToGraph();
        string dot = g.ToDot();
        Assert.StartsWith("digraph G {\n  rankdir=LR;", dot);
        Assert.Contains("n0 [label=\"say \\\"hi\\\" = 1\\ngrad 0\"];", dot);
        Assert.Contains("op1 [label=\"exp\", shape=circle];", dot);
        Assert.Contains("n0 -> op1;", dot);
        Assert.Contains("op1 -> n1;", dot);
        Assert.EndsWith("}\n", dot);
        Assert.Contains("say #quot;hi#quot; = 1", g.ToMermaid());
    }

    [Fact]
    public void Unknown_label_throws_listing_the_labels()
    {
        var (_, g) = LectureGraph();
        var e = Assert.Throws<ArgumentException>(() => g["w"]);
        Assert.Contains("no node labelled 'w'", e.Message);
        Assert.Contains("x, y, q, z, f", e.Message);
    }

    [Fact]
    public void The_graph_is_a_snapshot()
    {
        var x = new Value(2, "x");
        var f = x * 3;
        var before = f.ToGraph();
        f.Backward();
        Assert.Equal(0, before["x"].Grad);
        Assert.Equal(3, f.ToGraph()["x"].Grad);
    }
}
