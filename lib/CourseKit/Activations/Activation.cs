using CourseKit.Layers;

namespace CourseKit.Activations;

/// <summary>
/// An element-wise activation y = f(z) as a layer (the lecture “Deep networks”, §3, the lecture “Neural networks and back-propagation”). <see cref="Apply(double)"/> and
/// <see cref="Derivative"/> are the formula and its derivative for one number, so a notebook can chart
/// f and f′; <see cref="Layer.Forward"/> applies f to every element and <see cref="Layer.Backward"/>
/// returns ∂L/∂z = ∂L/∂y ⊙ f′(z).
/// <para>
/// Forward keeps a reference to its input (not a copy): do not change the input tensor between Forward and Backward.
/// Subclasses with a faster whole-span form (SIMD through <c>TensorPrimitives</c>) override the span methods.
/// </para>
/// </summary>
public abstract class Activation : Layer
{
    /// <summary>The input z of the last <see cref="Forward(Tensor)"/>.</summary>
    protected Tensor? Input { get; private set; }

    /// <summary>The output y = f(z) of the last <see cref="Forward(Tensor)"/>.</summary>
    protected Tensor? Output { get; private set; }

    /// <summary>f(z) for one number.</summary>
    public abstract double Apply(double z);

    /// <summary>f′(z) for one number (at a kink: the value the layer's backward pass uses, see each class).</summary>
    public abstract double Derivative(double z);

    /// <summary>y = f(z) element by element; caches z and y for <see cref="Backward(Tensor)"/>.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.ZerosLike(x);
        Input = x; // set first: span overrides that need the shape (PReLU) read it
        Output = y;
        Apply(x.Span, y.Span);
        return y;
    }

    /// <summary>∂L/∂z = ∂L/∂y ⊙ f′(z); <paramref name="dOut"/> must have the shape of the last output.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        if (Input is null || Output is null) throw BackwardBeforeForward();
        if (!dOut.SameShape(Output))
            throw new ArgumentException(
                $"{GetType().Name}.Backward: ∂L/∂output has shape {dOut.ShapeString} but the last output has shape {Output.ShapeString}; expected the same shape.",
                nameof(dOut));
        var dz = Tensor.ZerosLike(Input);
        Backward(Input.Span, Output.Span, dOut.Span, dz.Span);
        return dz;
    }

    /// <summary>y[i] = f(z[i]); override with a SIMD form where one exists.</summary>
    protected virtual void Apply(ReadOnlySpan<double> z, Span<double> y)
    {
        for (int i = 0; i < z.Length; i++) y[i] = Apply(z[i]);
    }

    /// <summary>dz[i] = dy[i]·f′(z[i]); <paramref name="y"/> is the cached output for activations whose
    /// derivative reads better in terms of y (σ′ = y(1 − y), tanh′ = 1 − y²).</summary>
    protected virtual void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        for (int i = 0; i < z.Length; i++) dz[i] = dy[i] * Derivative(z[i]);
    }

    /// <summary>The class name and its constants, e.g. <c>LeakyReLU(α = 0.2)</c>.</summary>
    public override string ToString() => GetType().Name;
}
