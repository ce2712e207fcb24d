using System.Numerics.Tensors;

namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>The four element-wise operators; a broadcast error names the one that failed ("Add", "Multiply").</summary>
    private enum Op { Add, Subtract, Multiply, Divide }

    /// <summary>How the smaller operand of a binary operation is stretched over the larger one.</summary>
    private enum Broadcast { None, Same, Scalar, Row, Column }

    public static Tensor operator +(Tensor a, Tensor b) => Binary(a, b, Op.Add);
    public static Tensor operator -(Tensor a, Tensor b) => Binary(a, b, Op.Subtract);
    public static Tensor operator *(Tensor a, Tensor b) => Binary(a, b, Op.Multiply);
    public static Tensor operator /(Tensor a, Tensor b) => Binary(a, b, Op.Divide);

    public static Tensor operator +(Tensor a, double s) => WithScalar(a, s, Op.Add);
    public static Tensor operator -(Tensor a, double s) => WithScalar(a, s, Op.Subtract);
    public static Tensor operator *(Tensor a, double s) => WithScalar(a, s, Op.Multiply);
    public static Tensor operator /(Tensor a, double s) => WithScalar(a, s, Op.Divide);

    public static Tensor operator +(double s, Tensor a) => WithScalar(a, s, Op.Add);
    public static Tensor operator *(double s, Tensor a) => WithScalar(a, s, Op.Multiply);

    public static Tensor operator -(double s, Tensor a)
    {
        var r = ZerosLike(a);
        TensorPrimitives.Subtract(s, a.Span, r.Span);
        return r;
    }

    public static Tensor operator /(double s, Tensor a)
    {
        var r = ZerosLike(a);
        TensorPrimitives.Divide(s, a.Span, r.Span);
        return r;
    }

    public static Tensor operator -(Tensor a)
    {
        var r = ZerosLike(a);
        TensorPrimitives.Negate(a.Span, r.Span);
        return r;
    }

    /// <summary>this += other (same shape, or other broadcast as a row, a column or a scalar).</summary>
    public Tensor AddInPlace(Tensor other) => Into(this, this, other, Op.Add);

    /// <summary>this −= other (same shape or broadcast).</summary>
    public Tensor SubInPlace(Tensor other) => Into(this, this, other, Op.Subtract);

    /// <summary>this *= other element-wise (same shape or broadcast).</summary>
    public Tensor MulInPlace(Tensor other) => Into(this, this, other, Op.Multiply);

    /// <summary>this *= alpha.</summary>
    public Tensor ScaleInPlace(double alpha)
    {
        TensorPrimitives.Multiply(Span, alpha, Span);
        return this;
    }

    /// <summary>this += alpha · other (the optimiser step; same shape only).</summary>
    public Tensor AddScaledInPlace(Tensor other, double alpha)
    {
        RequireSameShape(other, "AddScaledInPlace");
        TensorPrimitives.MultiplyAdd(other.Span, alpha, Span, Span);
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor Fill(double value)
    {
        Span.Fill(value);
        return this;
    }

    /// <summary>Sets every element to zero.</summary>
    public Tensor Clear()
    {
        Span.Clear();
        return this;
    }

    /// <summary>Copies the elements of a tensor of the same shape into this one.</summary>
    public Tensor CopyFrom(Tensor source)
    {
        RequireSameShape(source, "CopyFrom");
        source.Span.CopyTo(Span);
        return this;
    }

    private static Tensor WithScalar(Tensor a, double s, Op op)
    {
        var r = ZerosLike(a);
        Apply(op, a.Span, s, r.Span);
        return r;
    }

    /// <summary>a ∘ b with the shape of the larger operand (more elements, then higher rank).</summary>
    private static Tensor Binary(Tensor a, Tensor b, Op op)
    {
        bool aIsLarge = a.Length > b.Length || (a.Length == b.Length && a.Rank >= b.Rank);
        return Into(ZerosLike(aIsLarge ? a : b), a, b, op);
    }

    /// <summary>dest = a ∘ b, where dest has the shape of the larger operand.</summary>
    private static Tensor Into(Tensor dest, Tensor a, Tensor b, Op op)
    {
        bool aIsLarge = a.SameShape(dest);
        var (large, small) = aIsLarge ? (a, b) : (b, a);
        var kind = Classify(large, small);
        if (kind == Broadcast.None || !large.SameShape(dest)) throw BroadcastError(a, b, op);
        switch (kind)
        {
            case Broadcast.Same:
                Apply(op, a.Span, b.Span, dest.Span);
                break;
            case Broadcast.Scalar when aIsLarge:
                Apply(op, a.Span, b.Span[0], dest.Span);
                break;
            case Broadcast.Scalar:
                Apply(op, a.Span[0], b.Span, dest.Span);
                break;
            default:
                // Row: the small operand is one row, reused for every row.
                // Column: the small operand holds one value per row.
                int cols = large._shape[^1];
                for (int i = 0; i < large.Length / cols; i++)
                {
                    var d = dest.Span.Slice(i * cols, cols);
                    var l = large.Span.Slice(i * cols, cols);
                    if (kind == Broadcast.Row && aIsLarge) Apply(op, l, small.Span, d);
                    else if (kind == Broadcast.Row) Apply(op, small.Span, l, d);
                    else if (aIsLarge) Apply(op, l, small.Span[i], d);
                    else Apply(op, small.Span[i], l, d);
                }
                break;
        }
        return dest;
    }

    /// <summary>Whether <paramref name="small"/> can be stretched over <paramref name="large"/>, and how.</summary>
    private static Broadcast Classify(Tensor large, Tensor small)
    {
        if (large.SameShape(small)) return Broadcast.Same;
        if (small.Length == 1) return Broadcast.Scalar;
        int cols = large._shape[^1];
        bool leadingOnes = small._shape.AsSpan(0, small.Rank - 1).IndexOfAnyExcept(1) < 0;
        if (small.Rank <= large.Rank && small._shape[^1] == cols && leadingOnes) return Broadcast.Row;
        if (large.Rank == 2 && small.Rank == 2 && small._shape[0] == large._shape[0] && small._shape[1] == 1)
            return Broadcast.Column;
        return Broadcast.None;
    }

    private static void Apply(Op op, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d)
    {
        switch (op)
        {
            case Op.Add: TensorPrimitives.Add(x, y, d); break;
            case Op.Subtract: TensorPrimitives.Subtract(x, y, d); break;
            case Op.Multiply: TensorPrimitives.Multiply(x, y, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static void Apply(Op op, ReadOnlySpan<double> x, double y, Span<double> d)
    {
        switch (op)
        {
            case Op.Add: TensorPrimitives.Add(x, y, d); break;
            case Op.Subtract: TensorPrimitives.Subtract(x, y, d); break;
            case Op.Multiply: TensorPrimitives.Multiply(x, y, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static void Apply(Op op, double x, ReadOnlySpan<double> y, Span<double> d)
    {
        switch (op)
        {
            case Op.Add: TensorPrimitives.Add(y, x, d); break;
            case Op.Subtract: TensorPrimitives.Subtract(x, y, d); break;
            case Op.Multiply: TensorPrimitives.Multiply(y, x, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static ArgumentException BroadcastError(Tensor a, Tensor b, Op op) => new(
        $"{op}: shapes {a.ShapeString} and {b.ShapeString} do not broadcast; expected equal shapes, " +
        "a row ([m] or [1, m] against [n, m]), a column ([n, 1] against [n, m]) or a single value ([1]).");

    private void RequireSameShape(Tensor other, string operation)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other))
            throw new ArgumentException($"{operation}: shapes {ShapeString} and {other.ShapeString} differ; expected equal shapes.");
    }
}
