using CourseKit.Layers;
using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// log softmax_j(z) = z_j − log Σ_k e^(z_k) = (z_j − m) − log Σ_k e^(z_k − m), m = max z, along the last axis: the
/// log-probabilities of a categorical distribution, computed without overflow or log 0 (the lecture “Deep networks”, §2, the multiclass
/// cross entropy −f_y + log Σ exp f_j). Feed it to <see cref="Losses.NegativeLogLikelihood"/>.
/// Backward: ∂L/∂z = ∂L/∂y − softmax(z)·Σ_j ∂L/∂y_j per row.
/// </summary>
public sealed class LogSoftmax : Layer
{
    private Tensor? _output;

    /// <summary>y = log softmax(z) row by row (rank 1: the whole vector).</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.ZerosLike(x);
        int k = x.Shape[x.Rank - 1];
        for (int start = 0; start < x.Length; start += k)
            Compute(x.Span.Slice(start, k), y.Span.Slice(start, k));
        _output = y;
        return y;
    }

    /// <summary>∂L/∂z = ∂L/∂y − e^y·Σ ∂L/∂y per row (e^y = softmax(z)).</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var y = _output ?? throw BackwardBeforeForward();
        Softmax.RequireSameShape(dOut, y, nameof(LogSoftmax));
        var dz = Tensor.ZerosLike(y);
        int k = y.Shape[y.Rank - 1];
        for (int start = 0; start < y.Length; start += k)
        {
            var dzr = dz.Span.Slice(start, k);
            var dyr = dOut.Span.Slice(start, k);
            double total = TensorPrimitives.Sum<double>(dyr);
            TensorPrimitives.Exp(y.Span.Slice(start, k), dzr);            // softmax
            TensorPrimitives.Multiply(dzr, -total, dzr);
            TensorPrimitives.Add(dzr, dyr, dzr);
        }
        return dz;
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
