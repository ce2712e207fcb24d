using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// log softmax_j(z) = z_j − log Σ_k e^(z_k) = (z_j − m) − log Σ_k e^(z_k − m), m = max z, along the last axis: the
/// log-probabilities of a categorical distribution, computed without overflow or log 0 (the lecture “Deep networks”, §2, the multiclass
/// cross entropy −f_y + log Σ exp f_j). Feed it to <see cref="Losses.NegativeLogLikelihood"/>.
/// Backward: ∂L/∂z = ∂L/∂y − softmax(z)·Σ_j ∂L/∂y_j per row.
/// </summary>
public sealed class LogSoftmax : RowWiseActivation
{
    /// <summary>y = log softmax(z) for one row.</summary>
    private protected override void ForwardRow(ReadOnlySpan<double> z, Span<double> y) => Compute(z, y);

    /// <summary>∂L/∂z = ∂L/∂y − e^y·Σ ∂L/∂y for one row (e^y = softmax(z)).</summary>
    private protected override void BackwardRow(ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        double total = TensorPrimitives.Sum<double>(dy);
        TensorPrimitives.Exp(y, dz);            // softmax
        TensorPrimitives.Multiply(dz, -total, dz);
        TensorPrimitives.Add(dz, dy, dz);
    }

    /// <summary>log softmax of one row: y = (z − m) − log Σ e^(z − m).</summary>
    public static void Compute(ReadOnlySpan<double> z, Span<double> y)
    {
        double logSumExp = LogSumExp(z);
        TensorPrimitives.Subtract(z, logSumExp, y);
    }

    /// <summary>log Σ_k e^(z_k) = m + log Σ_k e^(z_k − m), m = max z (the stable log-sum-exp).</summary>
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        double max = TensorPrimitives.Max(z);
        double sum = 0;
        foreach (double v in z) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
