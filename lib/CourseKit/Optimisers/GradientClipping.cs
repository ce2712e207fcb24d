namespace CourseKit.Optimisers;

/// <summary>
/// Gradient clipping against exploding gradients (the lecture “Deep networks” Algorithm 6, used mostly for recurrent nets).
/// Call after the backward pass and before the optimiser step.
/// </summary>
public static class GradientClipping
{
    /// <summary>Clips every gradient component to [−c, c] (the lecture “Deep networks”: "przycinanie każdego gradientu do
    /// przedziału [−1, 1]" is c = 1). The direction of the gradient may change. Returns how many components were clipped.</summary>
    public static int ByValue(IEnumerable<Parameter> parameters, double c = 1.0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.Positive(c, nameof(c), "the clip value c of g ← clip(g, −c, c)");
        int clipped = 0;
        foreach (var p in parameters)
        {
            Span<double> g = p.Grad.Span;
            for (int i = 0; i < g.Length; i++)
            {
                if (g[i] > c) { g[i] = c; clipped++; }
                else if (g[i] < -c) { g[i] = -c; clipped++; }
            }
        }
        return clipped;
    }

    /// <summary>Rescales all gradients together so that their global norm ‖g‖ = √(Σ over every parameter of
    /// Σ g²) is at most <paramref name="maxNorm"/>: if ‖g‖ &gt; c, g ← g·c/‖g‖. Keeps the direction.
    /// Returns ‖g‖ before clipping (worth logging: spikes show exploding gradients).</summary>
    public static double ByNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.Positive(maxNorm, nameof(maxNorm), "the largest allowed global gradient norm");
        var list = parameters as IReadOnlyList<Parameter> ?? [.. parameters];
        double sumSquares = 0;
        foreach (var p in list) sumSquares += Tensor.Dot(p.Grad, p.Grad);
        double norm = Math.Sqrt(sumSquares);
        if (norm > maxNorm)
        {
            double scale = maxNorm / norm;
            foreach (var p in list) p.Grad.ScaleInPlace(scale); // g ← g·c/‖g‖
        }
        return norm;
    }
}
