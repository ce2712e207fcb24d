using System.Globalization;
using System.Text;

namespace CourseKit.Autograd;

/// <summary>
/// A description of the computation graph that ends at a root <see cref="Value"/> (the lecture “Neural networks and back-propagation”, the graph of
/// f(x, y, z) = (x + y)·z): its nodes with value and gradient, and its edges from each gate input to the
/// gate's output. It is a snapshot: describe the graph after <see cref="Value.Backward"/> to see gradients.
/// <para>
/// For drawing, every node has a <see cref="GraphNode.Layer"/> (depth from the inputs) and an
/// <see cref="GraphNode.Order"/> within its layer; <see cref="ToMermaid"/> and <see cref="ToDot"/>
/// give text a notebook or Graphviz can render, <see cref="ToString"/> a table.
/// </para>
/// </summary>
public sealed class ComputationGraph
{
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    private ComputationGraph(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
        LayerCount = nodes.Max(n => n.Layer) + 1;
        Layers = [.. Enumerable.Range(0, LayerCount)
            .Select(layer => (IReadOnlyList<GraphNode>)[.. nodes.Where(n => n.Layer == layer)])];
    }

    /// <summary>Describes the graph ending at <paramref name="root"/>.</summary>
    public static ComputationGraph From(Value root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var values = root.TopologicalOrder();
        var id = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        var layer = new int[values.Count];
        var countInLayer = new List<int>();
        var nodes = new List<GraphNode>(values.Count);
        var edges = new List<GraphEdge>();
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            id[v] = i;
            int[] inputs = [.. v.Children.Select(c => id[c])]; // children come earlier in topological order
            layer[i] = inputs.Length == 0 ? 0 : 1 + inputs.Max(c => layer[c]);
            while (countInLayer.Count <= layer[i]) countInLayer.Add(0);
            int order = countInLayer[layer[i]]++;
            nodes.Add(new GraphNode(i, v.Label, v.Op, v.Data, v.Grad, layer[i], order, inputs));
            for (int slot = 0; slot < inputs.Length; slot++) edges.Add(new GraphEdge(inputs[slot], i, v.Op, slot));
        }
        return new ComputationGraph(nodes, edges);
    }

    /// <summary>All nodes in topological order (inputs first); <c>Nodes[k].Id == k</c>.</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    /// <summary>All edges, from a gate's input to the gate's output.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>The node the graph ends at (the last one).</summary>
    public GraphNode Root => Nodes[^1];

    /// <summary>The leaves: inputs and parameters.</summary>
    public IEnumerable<GraphNode> Leaves => Nodes.Where(n => n.IsLeaf);

    /// <summary>Number of layers (the root's layer + 1 at most; the largest layer + 1).</summary>
    public int LayerCount { get; }

    /// <summary>The nodes of each layer, <c>Layers[l][k]</c> has Layer l and Order k.</summary>
    public IReadOnlyList<IReadOnlyList<GraphNode>> Layers { get; }

    /// <summary>The node with this label (the first one in topological order); throws if there is none.</summary>
    public GraphNode this[string label] =>
        Nodes.FirstOrDefault(n => n.Label == label)
        ?? throw new ArgumentException($"The graph has no node labelled '{label}'; labels: {string.Join(", ", Nodes.Where(n => n.Label.Length > 0).Select(n => n.Label))}.", nameof(label));

    /// <summary>A readable table: one row per node with id, label, op, data, grad, layer and input ids.</summary>
    public override string ToString()
    {
        string[] header = ["id", "label", "op", "data", "grad", "layer", "inputs"];
        var rows = Nodes.Select(n => new[]
        {
            n.Id.ToString(_inv), n.Label, n.Op, NumberFormat.Significant(n.Data), NumberFormat.Significant(n.Grad), n.Layer.ToString(_inv),
            string.Join(", ", n.Inputs),
        }).ToList();
        bool[] rightAlign = [true, false, false, true, true, true, false];
        int[] width = [.. header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length)))];
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ComputationGraph: {Nodes.Count} nodes, {Edges.Count} edges, {LayerCount} layers, root {Root.Name} = {NumberFormat.Significant(Root.Data)}").AppendLine();
        foreach (var row in rows.Prepend(header))
        {
            var cells = row.Select((cell, c) => rightAlign[c] ? cell.PadLeft(width[c]) : cell.PadRight(width[c]));
            sb.AppendLine(string.Join("  ", cells).TrimEnd());
        }
        return sb.ToString();
    }

    /// <summary>
    /// A Mermaid flowchart (left to right): a box per value with its data and gradient, a circle per gate,
    /// an arrow from each input to its gate and from the gate to its output.
    /// </summary>
    public string ToMermaid()
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var n in Nodes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  n{n.Id}[\"{Mermaid(BoxText(n, "<br/>"))}\"]\n");
            if (!n.IsLeaf) sb.Append(CultureInfo.InvariantCulture, $"  op{n.Id}((\"{Mermaid(n.Op)}\"))\n");
        }
        foreach (var n in Nodes.Where(n => !n.IsLeaf))
        {
            foreach (int input in n.Inputs) sb.Append(CultureInfo.InvariantCulture, $"  n{input} --> op{n.Id}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  op{n.Id} --> n{n.Id}\n");
        }
        return sb.ToString();
    }

    /// <summary>The same drawing as <see cref="ToMermaid"/> in Graphviz DOT.</summary>
    public string ToDot()
    {
        var sb = new StringBuilder("digraph G {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n");
        foreach (var n in Nodes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  n{n.Id} [label=\"{Dot(BoxText(n, "\n"))}\"];\n");
            if (!n.IsLeaf) sb.Append(CultureInfo.InvariantCulture, $"  op{n.Id} [label=\"{Dot(n.Op)}\", shape=circle];\n");
        }
        foreach (var n in Nodes.Where(n => !n.IsLeaf))
        {
            foreach (int input in n.Inputs) sb.Append(CultureInfo.InvariantCulture, $"  n{input} -> op{n.Id};\n");
            sb.Append(CultureInfo.InvariantCulture, $"  op{n.Id} -> n{n.Id};\n");
        }
        return sb.Append("}\n").ToString();
    }

    private static string BoxText(GraphNode n, string newline) =>
        (n.Label.Length > 0 ? n.Label + " = " : "") + NumberFormat.Significant(n.Data) + newline + "grad " + NumberFormat.Significant(n.Grad);


    private static string Mermaid(string text) => text.Replace("\"", "#quot;");

    private static string Dot(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
