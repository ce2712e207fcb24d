using System.Numerics.Tensors;

namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>Σ of all elements.</summary>
    public double Sum() => TensorPrimitives.Sum<double>(Span);

    /// <summary>Arithmetic mean of all elements.</summary>
    public double Mean() => Sum() / Length;

    /// <summary>Largest element.</summary>
    public double Max() => TensorPrimitives.Max<double>(Span);

    /// <summary>Smallest element.</summary>
    public double Min() => TensorPrimitives.Min<double>(Span);

    /// <summary>Euclidean (L2) norm √(Σ x²).</summary>
    public double Norm() => TensorPrimitives.Norm<double>(Span);

    /// <summary>Σ aᵢ·bᵢ over two tensors of the same shape.</summary>
    public static double Dot(Tensor a, Tensor b)
    {
        a.RequireSameShape(b, "Dot");
        return TensorPrimitives.Dot<double>(a.Span, b.Span);
    }

    /// <summary>
    /// Sums along <paramref name="axis"/> (negative counts from the end): for a matrix, axis 0 sums down the
    /// rows giving shape [cols], axis 1 sums each row giving [rows]. <paramref name="keepDims"/> keeps the
    /// reduced axis with length 1.
    /// </summary>
    public Tensor Sum(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Sum",
        (row, acc) => TensorPrimitives.Add(acc, row, acc), TensorPrimitives.Sum<double>);

    /// <summary>Means along <paramref name="axis"/>; see <see cref="Sum(int, bool)"/>.</summary>
    public Tensor Mean(int axis, bool keepDims = false)
    {
        var sum = Sum(axis, keepDims);
        return sum.ScaleInPlace(1.0 / _shape[NormalizeAxis(axis, "Mean")]);
    }

    /// <summary>Maxima along <paramref name="axis"/>; see <see cref="Sum(int, bool)"/>.</summary>
    public Tensor Max(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Max",
        (row, acc) => TensorPrimitives.Max(acc, row, acc), TensorPrimitives.Max<double>, first: true);

    /// <summary>Minima along <paramref name="axis"/>; see <see cref="Sum(int, bool)"/>.</summary>
    public Tensor Min(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Min",
        (row, acc) => TensorPrimitives.Min(acc, row, acc), TensorPrimitives.Min<double>, first: true);

    /// <summary>
    /// Index of the largest element along <paramref name="axis"/>; ties go to the first index. For a matrix,
    /// axis 1 gives the predicted class of each row. The result is row-major over the remaining axes.
    /// </summary>
    public int[] ArgMax(int axis)
    {
        var (outer, n, inner) = Split(NormalizeAxis(axis, "ArgMax"));
        var result = new int[outer * inner];
        ReadOnlySpan<double> x = Span;
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                result[o] = TensorPrimitives.IndexOfMax<double>(x.Slice(o * n, n));
                continue;
            }
            for (int j = 0; j < inner; j++)
            {
                int best = 0;
                for (int a = 1; a < n; a++)
                    if (x[(o * n + a) * inner + j] > x[(o * n + best) * inner + j]) best = a;
                result[o * inner + j] = best;
            }
        }
        return result;
    }

    private delegate void Accumulate(ReadOnlySpan<double> slice, Span<double> accumulator);

    private delegate double Fold(ReadOnlySpan<double> run);

    /// <summary>
    /// Views the tensor as [outer, n, inner] around the axis. Inner = 1 (the last axis) folds each
    /// contiguous run of n values; otherwise the n slices of length inner are combined element-wise.
    /// </summary>
    private Tensor Reduce(int axis, bool keepDims, string name, Accumulate combine, Fold fold, bool first = false)
    {
        int ax = NormalizeAxis(axis, name);
        var (outer, n, inner) = Split(ax);
        var result = new Tensor(ReducedShape(ax, keepDims));
        ReadOnlySpan<double> x = Span;
        var r = result.Span;
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                r[o] = fold(x.Slice(o * n, n));
                continue;
            }
            var acc = r.Slice(o * inner, inner);
            int start = 0;
            if (first)
            {
                x.Slice(o * n * inner, inner).CopyTo(acc);
                start = 1;
            }
            for (int a = start; a < n; a++) combine(x.Slice((o * n + a) * inner, inner), acc);
        }
        return result;
    }

    private (int Outer, int N, int Inner) Split(int axis)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= _shape[d];
        for (int d = axis + 1; d < Rank; d++) inner *= _shape[d];
        return (outer, _shape[axis], inner);
    }

    private int[] ReducedShape(int axis, bool keepDims)
    {
        var shape = new List<int>(_shape);
        if (keepDims) shape[axis] = 1;
        else shape.RemoveAt(axis);
        return shape.Count == 0 ? [1] : [.. shape];
    }

    private int NormalizeAxis(int axis, string operation)
    {
        int ax = axis < 0 ? axis + Rank : axis;
        if ((uint)ax >= (uint)Rank)
            throw new ArgumentOutOfRangeException(nameof(axis),
                $"{operation}: axis {axis} does not exist for shape {ShapeString}; expected -{Rank} to {Rank - 1}.");
        return ax;
    }
}
