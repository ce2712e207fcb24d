namespace CourseKit.Autograd;

/// <summary>
/// An edge of a <see cref="ComputationGraph"/>: the value of node <paramref name="From"/> flows into the gate
/// <paramref name="Op"/> that produces node <paramref name="To"/> (gradients flow back the other way).
/// </summary>
/// <param name="From">Id of the input (child) node.</param>
/// <param name="To">Id of the node the gate produces (parent).</param>
/// <param name="Op">The gate's name ("+", "*", ...).</param>
/// <param name="Slot">Which input of the gate: 0 (x) or 1 (y). x * x has two edges, slots 0 and 1.</param>
public sealed record GraphEdge(int From, int To, string Op, int Slot);
