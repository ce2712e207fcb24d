using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;

namespace CourseKit.Tests.Training;

// Test-local stand-ins for the real layers, losses and optimisers (built on other branches), written
// from the formulas so the training code is tested against the base classes only.

/// <summary>y = x·Wᵀ + b, W [out, in]; gradients dW = dYᵀ·x, db = Σ_rows dY, dx = dY·W.</summary>
internal sealed class TestLinear : Layer
{
    private Tensor? _x;

    public TestLinear(int inputs, int outputs, bool bias = true, string name = "linear")
    {
        W = new Parameter(name + ".W", Tensor.Zeros(outputs, inputs));
        B = bias ? new Parameter(name + ".b", Tensor.Zeros(outputs), decay: false) : null;
    }

    public Parameter W { get; }
    public Parameter? B { get; }
    public List<bool> ForwardModes { get; } = [];

    public override Tensor Forward(Tensor x)
    {
        ForwardModes.Add(Training);
        _x = x;
        var y = Tensor.MatMulNT(x, W.Value);
        return B is null ? y : y + B.Value;
    }

    public override Tensor Backward(Tensor dOut)
    {
        if (_x is null) throw BackwardBeforeForward();
        W.Grad.AddInPlace(Tensor.MatMulTN(dOut, _x));
        B?.Grad.AddInPlace(dOut.Sum(0));
        return Tensor.MatMul(dOut, W.Value);
    }

    public override IEnumerable<Parameter> Parameters() => B is null ? [W] : [W, B];
}

/// <summary>L = (1/m) Σ (ŷ − y)² over all m elements; ∂L/∂ŷ = 2(ŷ − y)/m.</summary>
internal sealed class TestMse : Loss
{
    private Tensor? _diff;

    public override double Forward(Tensor prediction, Tensor target)
    {
        _diff = prediction - target;
        return Tensor.Dot(_diff, _diff) / _diff.Length;
    }

    public override Tensor Backward() => _diff is null ? throw BackwardBeforeForward() : _diff * (2.0 / _diff.Length);
}

/// <summary>θ ← θ − η·∇J.</summary>
internal sealed class TestSgd(IEnumerable<Parameter> parameters, double learningRate) : Optimiser(parameters, learningRate)
{
    protected override void Update(Parameter p) => p.Value.AddScaledInPlace(p.Grad, -LearningRate);
}
