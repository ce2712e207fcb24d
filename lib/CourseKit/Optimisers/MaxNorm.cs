namespace CourseKit.Optimisers;

/// <summary>
/// Max-norm constraint (the lecture “Deep networks”, §4, used with dropout): after each step rescale every unit's incoming weight
/// vector w so that ‖w‖ ≤ c: if ‖w‖ &gt; c, w ← w·c/‖w‖. Applies to parameters with <see cref="Parameter.Decay"/>.
/// A unit is a slice along the first dimension: a row of a Dense weight [out, in] (the weights into one output
/// unit), one filter of a convolution [out, channels, h, w]; a rank-1 parameter counts as one unit.
/// </summary>
public static class MaxNorm
{
    /// <summary>Applies the constraint; returns how many units were rescaled.</summary>
    public static int Apply(IEnumerable<Parameter> parameters, double c)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.Positive(c, nameof(c), "the largest allowed norm of a unit's weights");
        int rescaled = 0;
        foreach (var p in parameters)
        {
            if (!p.Decay) continue;
            int units = p.Value.Rank == 1 ? 1 : p.Value.Shape[0];
            int width = p.Value.Length / units;
            Span<double> all = p.Value.Span;
            for (int u = 0; u < units; u++)
            {
                Span<double> w = all.Slice(u * width, width);
                double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(w));
                if (norm <= c) continue;
                System.Numerics.Tensors.TensorPrimitives.Multiply(w, c / norm, w); // w ← w·c/‖w‖
                rescaled++;
            }
        }
        return rescaled;
    }
}
