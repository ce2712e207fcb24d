using System.Numerics.Tensors;

namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>f applied to every element (a new tensor).</summary>
    public Tensor Map(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var r = ZerosLike(this);
        ReadOnlySpan<double> x = Span;
        var d = r.Span;
        for (int i = 0; i < x.Length; i++) d[i] = f(x[i]);
        return r;
    }

    /// <summary>f applied to matching elements of two tensors of the same shape.</summary>
    public static Tensor Zip(Tensor a, Tensor b, Func<double, double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        a.RequireSameShape(b, "Zip");
        var r = ZerosLike(a);
        ReadOnlySpan<double> x = a.Span, y = b.Span;
        var d = r.Span;
        for (int i = 0; i < x.Length; i++) d[i] = f(x[i], y[i]);
        return r;
    }

    /// <summary>eˣ element-wise.</summary>
    public Tensor Exp() => Unary(TensorPrimitives.Exp);

    /// <summary>ln x element-wise.</summary>
    public Tensor Log() => Unary(TensorPrimitives.Log);

    /// <summary>√x element-wise.</summary>
    public Tensor Sqrt() => Unary(TensorPrimitives.Sqrt);

    /// <summary>|x| element-wise.</summary>
    public Tensor Abs() => Unary(TensorPrimitives.Abs);

    /// <summary>x² element-wise.</summary>
    public Tensor Square() => Unary((x, d) => TensorPrimitives.Multiply(x, x, d));

    /// <summary>xᵖ element-wise.</summary>
    public Tensor Pow(double p) => Unary((x, d) => TensorPrimitives.Pow(x, p, d));

    /// <summary>tanh x element-wise.</summary>
    public Tensor Tanh() => Unary(TensorPrimitives.Tanh);

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ) element-wise.</summary>
    public Tensor Sigmoid() => Unary(TensorPrimitives.Sigmoid);

    /// <summary>max(x, value) element-wise (ReLU is <c>Maximum(0)</c>).</summary>
    public Tensor Maximum(double value) => Unary((x, d) => TensorPrimitives.Max(x, value, d));

    /// <summary>min(x, value) element-wise.</summary>
    public Tensor Minimum(double value) => Unary((x, d) => TensorPrimitives.Min(x, value, d));

    /// <summary>Every element clamped into [lo, hi].</summary>
    public Tensor Clip(double lo, double hi)
    {
        if (!(lo <= hi))
            throw new ArgumentException($"Clip: lo ({lo}) must not exceed hi ({hi}).", nameof(lo));
        return Unary((x, d) =>
        {
            TensorPrimitives.Max(x, lo, d);
            TensorPrimitives.Min(d, hi, d);
        });
    }

    private delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> destination);

    private Tensor Unary(SpanFunction f)
    {
        var r = ZerosLike(this);
        f(Span, r.Span);
        return r;
    }
}
