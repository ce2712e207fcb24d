using System.Globalization;

namespace CourseKit.Layers;

/// <summary>
/// Rosenblatt's perceptron (the lecture “Neural networks and back-propagation”, "Perceptron"): one neuron with a step activation,
/// y = H(w·x + b) with H(s) = 1 for s ≥ 0 and 0 otherwise, trained by the perceptron learning rule
/// w ← w + η(t − y)x, b ← b + η(t − y) one example at a time. It is a linear separator: on linearly separable
/// data the rule stops making mistakes after finitely many updates (at most (R/γ)², Novikoff), on XOR it never does.
/// </summary>
public sealed class Perceptron : Layer
{
    private Tensor? _x;

    /// <summary>A perceptron with <paramref name="inputs"/> inputs, w = 0, b = 0 and learning rate η.</summary>
    public Perceptron(int inputs, double learningRate = 1.0, string name = "perceptron")
    {
        if (inputs < 1)
            throw new ArgumentException($"A perceptron needs at least 1 input, got {inputs}.", nameof(inputs));
        LearningRate = Require.Positive(learningRate, nameof(learningRate), "the perceptron's learning rate η");
        W = new Parameter(name + ".W", Tensor.Zeros(1, inputs));
        B = new Parameter(name + ".b", Tensor.Zeros(1), decay: false);
    }

    /// <summary>w as a [1, inputs] row (the <see cref="Dense"/> layout with one neuron).</summary>
    public Parameter W { get; }

    /// <summary>b, shape [1].</summary>
    public Parameter B { get; }

    /// <summary>η of the learning rule.</summary>
    public double LearningRate { get; }

    /// <summary>The number of inputs.</summary>
    public int Inputs => W.Value.Cols;

    /// <summary>The step function H(s): 1 for s ≥ 0, 0 otherwise.</summary>
    public static double Step(double s) => s >= 0 ? 1 : 0;

    /// <summary>y = H(X·wᵀ + b) for X [batch, inputs]: a [batch, 1] column of 0s and 1s.</summary>
    public override Tensor Forward(Tensor x)
    {
        RequireInput(x);
        _x = x;
        return Tensor.MatMulNT(x, W.Value).AddInPlace(B.Value).Map(Step);
    }

    /// <summary>
    /// H′(s) = 0 wherever it exists, so every gradient is 0: that is why the perceptron is trained by its own
    /// rule (<see cref="Fit"/>) and multi-layer networks need a differentiable activation.
    /// </summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var x = _x ?? throw BackwardBeforeForward();
        if (dOut.Rank != 2 || dOut.Rows != x.Rows || dOut.Cols != 1)
            throw new ArgumentException($"Perceptron.Backward expects ∂L/∂output of shape [{x.Rows}, 1], got {dOut.ShapeString}.", nameof(dOut));
        return Tensor.ZerosLike(x);
    }

    /// <summary>The predicted class (0 or 1) of each row of <paramref name="x"/>.</summary>
    public int[] Predict(Tensor x)
    {
        RequireInput(x);
        return [.. Tensor.MatMulNT(x, W.Value).AddInPlace(B.Value).ToArray().Select(s => (int)Step(s))];
    }

    /// <summary>
    /// The perceptron learning rule over the rows of <paramref name="x"/> in order, for up to
    /// <paramref name="epochs"/> epochs: for each example, y = H(w·x + b) and, if y ≠ t,
    /// w ← w + η(t − y)x, b ← b + η(t − y). Returns the number of mistakes (updates) in each epoch run;
    /// it stops after the first epoch without a mistake (the data are then separated).
    /// </summary>
    /// <param name="x">Examples [n, inputs].</param>
    /// <param name="labels">Targets t ∈ {0, 1}, one per row.</param>
    /// <param name="epochs">The most passes over the data (≥ 1).</param>
    public int[] Fit(Tensor x, int[] labels, int epochs)
    {
        RequireInput(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != x.Rows)
            throw new ArgumentException($"Perceptron.Fit: {x.Rows} examples but {labels.Length} labels; expected one label per row.", nameof(labels));
        int bad = Array.FindIndex(labels, t => t is not (0 or 1));
        if (bad >= 0)
            throw new ArgumentException($"Perceptron.Fit: label {labels[bad]} at index {bad}; expected 0 or 1.", nameof(labels));
        Require.AtLeastOne(epochs, nameof(epochs), "Perceptron.Fit's number of passes over the data");

        var w = W.Value.Span;
        var errors = new List<int>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int mistakes = 0;
            for (int i = 0; i < x.Rows; i++)
            {
                var xi = x.Span.Slice(i * Inputs, Inputs);
                double y = Step(System.Numerics.Tensors.TensorPrimitives.Dot<double>(w, xi) + B.Value[0]);
                double delta = LearningRate * (labels[i] - y);   // η(t − y)
                if (delta == 0) continue;
                mistakes++;
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(xi, delta, w, w);   // w ← w + η(t − y)x
                B.Value[0] += delta;                                                      // b ← b + η(t − y)
            }
            errors.Add(mistakes);
            if (mistakes == 0) break;
        }
        return [.. errors];
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [W, B];

    /// <summary>E.g. <c>Perceptron(2, η = 1)</c>.</summary>
    public override string ToString() => $"Perceptron({Inputs}, η = {LearningRate.ToString(CultureInfo.InvariantCulture)})";

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Cols != Inputs)
            throw new ArgumentException($"Perceptron({Inputs} inputs) expects input [batch, {Inputs}], got {x.ShapeString}.", nameof(x));
    }
}
