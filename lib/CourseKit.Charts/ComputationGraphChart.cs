using CourseKit.Autograd;
using Plotly.NET;
using Graph = CourseKit.Autograd.ComputationGraph;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A computation graph drawn as on the lecture's slide (the lecture “Neural networks and back-propagation”, f = (x + y)·z): inputs as squares on
    /// the left, each gate as a circle showing its operation, an arrow from every gate input to the gate;
    /// above each node its forward value ("q = 3.00", blue), below it the gradient of the root with respect to
    /// it ("∂f/∂q = −4.00", vermillion). Columns are <see cref="GraphNode.Layer"/>s; within a column a node
    /// sits at the mean height of its inputs, so short chains run straight. Call <see cref="Value.Backward"/>
    /// before describing the graph to see gradients.
    /// </summary>
    /// <example><code>f.Backward(); display(Charts.ComputationGraph(f));</code></example>
    public static GenericChart ComputationGraph(Graph graph, int decimals = 2, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Guard.AtLeast(decimals, 0, nameof(decimals));
        var y = GraphLayout(graph);
        var root = graph.Root;
        string Gradient(GraphNode n) => root.Label.Length > 0 && n.Label.Length > 0
            ? $"∂{root.Label}/∂{n.Label} = {NumberText.Format(n.Grad, decimals)}"
            : $"∂ = {NumberText.Format(n.Grad, decimals)}";
        string ValueText(GraphNode n) => (n.Label.Length > 0 ? n.Label + " = " : "") + NumberText.Format(n.Data, decimals);
        static string OpText(string op) => op.Replace("*", "×").Replace("-", "−");

        Trace NodeTrace(string name, IEnumerable<GraphNode> nodes, string symbol, int size, Func<GraphNode, string> inside)
        {
            var list = nodes.ToArray();
            return Dyn.Trace("scatter", ("name", name), ("mode", "markers+text"),
                ("x", list.Select(n => (double)n.Layer).ToArray()), ("y", list.Select(n => y[n.Id]).ToArray()),
                ("text", list.Select(inside).ToArray()), ("textposition", "middle center"),
                ("textfont", Dyn.Of(("size", 15), ("color", Palette.Ink))),
                ("marker", Dyn.Of(("symbol", symbol), ("size", size), ("color", "white"),
                    ("line", Dyn.Of(("color", Palette.Ink), ("width", 2))))),
                ("customdata", list.Select(n => n.Id).ToArray()),
                ("hovertext", list.Select(n => $"{n.Name}{(n.IsLeaf ? " (input)" : $" = {n.Op}({string.Join(", ", n.Inputs.Select(i => graph.Nodes[i].Name))})")}<br>value {NumberText.Format(n.Data, 6)}<br>gradient {NumberText.Format(n.Grad, 6)}").ToArray()),
                ("hoverinfo", "text"));
        }
        Trace TextTrace(string name, Func<GraphNode, string> text, string position, string colour) =>
            // Invisible markers as large as the nodes: plotly.js places "top"/"bottom" text outside the marker.
            Dyn.Trace("scatter", ("name", name), ("mode", "markers+text"),
                ("x", graph.Nodes.Select(n => (double)n.Layer).ToArray()), ("y", graph.Nodes.Select(n => y[n.Id]).ToArray()),
                ("text", graph.Nodes.Select(text).ToArray()), ("textposition", position),
                ("marker", Dyn.Of(("size", 46), ("color", "rgba(0,0,0,0)"))),
                ("textfont", Dyn.Of(("size", 14), ("color", colour))), ("hoverinfo", "skip"));

        var traces = new List<Trace>
        {
            NodeTrace("inputs", graph.Nodes.Where(n => n.IsLeaf), "square", 40, n => n.Name),
            NodeTrace("gates", graph.Nodes.Where(n => !n.IsLeaf), "circle", 44, n => OpText(n.Op)),
            TextTrace("values", ValueText, "top center", Palette.Blue),
            TextTrace("gradients", Gradient, "bottom center", Palette.Vermillion),
        };

        var annotations = new List<object>();
        foreach (var group in graph.Edges.GroupBy(e => (e.From, e.To)))
        {
            var edges = group.ToArray();
            for (int k = 0; k < edges.Length; k++)
            {
                double offset = (k - (edges.Length - 1) / 2.0) * 0.12; // x * x: two arrows side by side
                var e = edges[k];
                annotations.Add(Dyn.Of(
                    ("x", (double)graph.Nodes[e.To].Layer), ("y", y[e.To] + offset),
                    ("ax", (double)graph.Nodes[e.From].Layer), ("ay", y[e.From] + offset),
                    ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"),
                    ("text", ""), ("showarrow", true), ("arrowhead", 2), ("arrowsize", 1.3), ("arrowwidth", 1.6),
                    ("arrowcolor", Palette.Ink), ("standoff", 23), ("startstandoff", 21),
                    ("name", $"edge {e.From}->{e.To} slot {e.Slot}")));
            }
        }

        int columns = graph.LayerCount;
        double top = y.Max(), bottom = y.Min();
        int width = Math.Clamp(170 * columns + 80, 520, 1200);
        int height = Math.Max(340, (int)(150 * (top - bottom + 1.6)));
        var hidden = new (string, object?)[] { ("visible", false), ("fixedrange", true) };
        var layout = ChartStyle.Layout(null,
            ("xaxis", Dyn.Fill(Dyn.Of(("range", new[] { -0.55, columns - 0.45 })), hidden)),
            ("yaxis", Dyn.Fill(Dyn.Of(("range", new[] { bottom - 0.8, top + 0.8 })), hidden)),
            ("annotations", annotations), ("showlegend", false), ("width", width), ("height", height),
            ("title", Dyn.Of(("text", (title ?? $"Computation graph of {root.Name}")
                + "<br><sup>values forward (blue, above each node) · gradients backward (vermillion, below)</sup>"))),
            ("margin", Dyn.Of(("l", 20), ("r", 20), ("t", 80), ("b", 20))));
        return ChartStyle.Chart(traces, layout);
    }

    /// <summary>The computation graph ending at <paramref name="root"/> (describe it after <c>root.Backward()</c>).</summary>
    public static GenericChart ComputationGraph(Value root, int decimals = 2, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        return ComputationGraph(Graph.From(root), decimals, title);
    }

    /// <summary>
    /// Vertical positions: inputs one unit apart in their order; every later node at the mean height of its
    /// inputs, then pushed down where it would come closer than one unit to the node above it in its column.
    /// </summary>
    internal static double[] GraphLayout(Graph graph)
    {
        var y = new double[graph.Nodes.Count];
        foreach (var layer in graph.Layers)
        {
            var wanted = layer.Select(n => (Node: n, Y: n.IsLeaf ? -n.Order : n.Inputs.Average(i => y[i])))
                .OrderByDescending(t => t.Y).ThenBy(t => t.Node.Order).ToList();
            double previous = double.PositiveInfinity;
            foreach (var (node, target) in wanted)
            {
                y[node.Id] = Math.Min(target, previous - 1);
                previous = y[node.Id];
            }
        }
        return y;
    }
}
