using CourseKit.Initialisers;

namespace CourseKit.Layers;

/// <summary>
/// A fully connected layer, the lecture “Deep networks”, §1 in matrix form: for a batch X [batch, in] (one example per row)
/// Y = X·Wᵀ + b, with W of shape [out, in] (row j holds neuron j's incoming weights, so one column example x
/// gives the lecture's s = Wx + b) and b of shape [out].
/// Backward pass I: ∂L/∂X = ∂L/∂Y·W; backward pass II: ∂L/∂W += (∂L/∂Y)ᵀ·X, ∂L/∂b += Σ_rows ∂L/∂Y.
/// </summary>
public sealed class Dense : Layer
{
    private Tensor? _x;

    /// <summary>
    /// A layer with <paramref name="inputs"/> inputs and <paramref name="outputs"/> neurons; W drawn by
    /// <paramref name="init"/> (default <see cref="HeNormal"/>, fan-in D = inputs, fan-out D′ = outputs) from
    /// <paramref name="rng"/>; b = 0.
    /// </summary>
    public Dense(int inputs, int outputs, Random rng, Initialiser? init = null, string name = "dense")
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inputs < 1 || outputs < 1)
            throw new ArgumentException($"Dense needs at least 1 input and 1 output, got Dense({inputs} → {outputs}).");
        Init = init ?? new HeNormal();
        W = new Parameter(name + ".W", Init.Create(inputs, outputs, rng));
        B = new Parameter(name + ".b", Tensor.Zeros(outputs), decay: false);
    }

    /// <summary>As <see cref="Dense(int, int, Random, Initialiser?, string)"/> with <c>new Random(seed)</c>.</summary>
    public Dense(int inputs, int outputs, int seed = 0, Initialiser? init = null, string name = "dense")
        : this(inputs, outputs, new Random(seed), init, name)
    {
    }

    private Dense(Parameter w, Parameter b, Initialiser? init)
    {
        W = w;
        B = b;
        Init = init;
    }

    /// <summary>
    /// A layer with given weights W [out, in] and bias b [out] (both copied): hand-computed examples, and the
    /// result of <see cref="BatchNorm.FoldInto"/>.
    /// </summary>
    public static Dense FromWeights(Tensor weights, Tensor bias, string name = "dense")
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Rank != 2)
            throw new ArgumentException($"Dense.FromWeights: W must have shape [out, in], got {weights.ShapeString}.", nameof(weights));
        if (bias.Rank != 1 || bias.Length != weights.Rows)
            throw new ArgumentException(
                $"Dense.FromWeights: b must have shape [{weights.Rows}] for W {weights.ShapeString}, got {bias.ShapeString}.", nameof(bias));
        return new Dense(new Parameter(name + ".W", weights.Clone()), new Parameter(name + ".b", bias.Clone(), decay: false), null);
    }

    /// <summary>W, shape [out, in].</summary>
    public Parameter W { get; }

    /// <summary>b, shape [out]; not decayed.</summary>
    public Parameter B { get; }

    /// <summary>The initialiser W was drawn with (null when built from given weights).</summary>
    public Initialiser? Init { get; }

    /// <summary>D, the number of inputs.</summary>
    public int Inputs => W.Value.Cols;

    /// <summary>D′, the number of neurons.</summary>
    public int Outputs => W.Value.Rows;

    /// <summary>Y = X·Wᵀ + b for X [batch, in]; gives [batch, out].</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Cols != Inputs)
            throw new ArgumentException($"{this} expects input [batch, {Inputs}], got {x.ShapeString}.", nameof(x));
        _x = x;
        return Tensor.MatMulNT(x, W.Value).AddInPlace(B.Value);
    }

    /// <summary>Adds (∂L/∂Y)ᵀ·X to ∂L/∂W and the column sums of ∂L/∂Y to ∂L/∂b; returns ∂L/∂X = ∂L/∂Y·W.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        AccumulateParameterGradients(dOut);
        return Tensor.MatMul(dOut, W.Value);
    }

    /// <summary>Adds (∂L/∂Y)ᵀ·X to ∂L/∂W and the column sums of ∂L/∂Y to ∂L/∂b, without the product ∂L/∂Y·W for ∂L/∂X.</summary>
    public override void BackwardParameters(Tensor dOut) => AccumulateParameterGradients(dOut);

    private void AccumulateParameterGradients(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var x = _x ?? throw BackwardBeforeForward();
        if (dOut.Rank != 2 || dOut.Rows != x.Rows || dOut.Cols != Outputs)
            throw new ArgumentException(
                $"{this}.Backward expects ∂L/∂output of shape [{x.Rows}, {Outputs}] (the last output's shape), got {dOut.ShapeString}.",
                nameof(dOut));
        Tensor.MatMulInto(W.Grad, dOut, x, transposeA: true, accumulate: true);
        var db = B.Grad.Span;
        for (int i = 0; i < dOut.Rows; i++)
        {
            var row = dOut.Span.Slice(i * Outputs, Outputs);
            System.Numerics.Tensors.TensorPrimitives.Add(db, row, db);
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [W, B];

    /// <summary>E.g. <c>Dense(784 → 128)</c>.</summary>
    public override string ToString() => $"Dense({Inputs} → {Outputs})";
}
