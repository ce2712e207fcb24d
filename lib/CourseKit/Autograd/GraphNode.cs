namespace CourseKit.Autograd;

/// <summary>
/// One node of a <see cref="ComputationGraph"/>: a snapshot of a <see cref="Value"/> when the graph was described.
/// </summary>
/// <param name="Id">Position in topological order (inputs first, the root last); edges refer to it.</param>
/// <param name="Label">The Value's label, "" if it has none.</param>
/// <param name="Op">The gate that produced it ("+", "*", "exp", ...), "" for a leaf.</param>
/// <param name="Data">The forward value.</param>
/// <param name="Grad">The gradient of the root with respect to this node (0 before Backward).</param>
/// <param name="Layer">Depth from the inputs: 0 for a leaf, otherwise 1 + the largest layer among its inputs.
/// A chart puts layer on the x axis.</param>
/// <param name="Order">Position within its layer (0, 1, ...), in topological order. A chart puts it on the y axis.</param>
/// <param name="Inputs">Ids of the gate's inputs (empty for a leaf; x * x lists x's id twice).</param>
public sealed record GraphNode(int Id, string Label, string Op, double Data, double Grad, int Layer, int Order,
    IReadOnlyList<int> Inputs)
{
    /// <summary>True for an input or parameter.</summary>
    public bool IsLeaf => Op.Length == 0;

    /// <summary>The label, or "#id" for an unlabelled node.</summary>
    public string Name => Label.Length > 0 ? Label : "#" + Id;
}
