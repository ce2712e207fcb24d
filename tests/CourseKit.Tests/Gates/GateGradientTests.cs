using CourseKit.Gates;
using CsCheck;

namespace CourseKit.Tests.Gates;

/// <summary>
/// Every gate: Backward(upstream) equals upstream × a central difference of a fresh gate's Forward
/// (relative error &lt; 1e-7) and upstream × the closed-form derivative, over random inputs.
/// Generator ranges avoid the kinks of ReLU/max and the poles of 1/x and log.
/// </summary>
public class GateGradientTests
{
    private const long Iter = 500;
    private static readonly Gen<double> _upstream = Gen.Double[-2, 2].Where(u => Math.Abs(u) > 1e-3);

    private static void CheckUnary(Func<IUnaryGate> make, Gen<double> inputs, Func<double, double> derivative)
    {
        Gen.Select(inputs, _upstream).Sample((x, up) =>
        {
            var gate = make();
            gate.Forward(x);
            double analytic = gate.Backward(up);
            double numeric = up * Close.Derivative(v => make().Forward(v), x);
            Close.Equal(numeric, analytic, 1e-7, $"{gate.Name} at x = {x:R}, upstream {up:R}:");
            Close.Equal(up * derivative(x), analytic, 1e-12, $"{gate.Name} closed form at x = {x:R}:");
        }, iter: Iter);
    }

    private static void CheckBinary(Func<IBinaryGate> make, Gen<(double, double)> inputs, Func<double, double, (double, double)> partials)
    {
        Gen.Select(inputs, _upstream).Sample((xy, up) =>
        {
            var (x, y) = xy;
            var gate = make();
            gate.Forward(x, y);
            var (dx, dy) = gate.Backward(up);
            Close.Equal(up * Close.Derivative(v => make().Forward(v, y), x), dx, 1e-7, $"{gate.Name} ∂/∂x at ({x:R}, {y:R}):");
            Close.Equal(up * Close.Derivative(v => make().Forward(x, v), y), dy, 1e-7, $"{gate.Name} ∂/∂y at ({x:R}, {y:R}):");
            var (px, py) = partials(x, y);
            Close.Equal(up * px, dx, 1e-12, $"{gate.Name} closed form ∂/∂x:");
            Close.Equal(up * py, dy, 1e-12, $"{gate.Name} closed form ∂/∂y:");
        }, iter: Iter);
    }

    private static readonly Gen<double> _any = Gen.Double[-3, 3];
    private static readonly Gen<double> _awayFromZero = Gen.Double[-3, 3].Where(x => Math.Abs(x) > 0.2);

    [Fact] public void Plus() => CheckBinary(() => new PlusGate(), Gen.Select(_any, _any), (x, y) => (1, 1));

    [Fact] public void Star() => CheckBinary(() => new StarGate(), Gen.Select(_any, _any), (x, y) => (y, x));

    [Fact]
    public void Max() => CheckBinary(() => new MaxGate(), Gen.Select(_any, _any).Where(p => Math.Abs(p.Item1 - p.Item2) > 1e-3),
        (x, y) => x > y ? (1, 0) : (0, 1));

    [Fact] public void Exp() => CheckUnary(() => new ExpGate(), _any, Math.Exp);

    [Fact] public void Log() => CheckUnary(() => new LogGate(), Gen.Double[0.1, 5], x => 1 / x);

    [Fact] public void Inverse() => CheckUnary(() => new InverseGate(), _awayFromZero, x => -1 / (x * x));

    [Fact]
    public void Pow_with_real_exponent_on_positive_inputs()
    {
        Gen.Double[-3, 3].Where(p => Math.Abs(p) > 0.25).Sample(p =>
            CheckUnary(() => new PowGate(p), Gen.Double[0.5, 3], x => p * Math.Pow(x, p - 1)), iter: 20);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(-2)]
    public void Pow_with_integer_exponent_on_both_signs(double p) =>
        CheckUnary(() => new PowGate(p), _awayFromZero, x => p * Math.Pow(x, p - 1));

    [Fact]
    public void Scale() => Gen.Double[-3, 3].Sample(a => CheckUnary(() => new ScaleGate(a), _any, _ => a), iter: 20);

    [Fact]
    public void AddConst() => Gen.Double[-3, 3].Sample(c => CheckUnary(() => new AddConstGate(c), _any, _ => 1), iter: 20);

    [Fact]
    public void Sigmoid() => CheckUnary(() => new SigmoidGate(), _any, x =>
    {
        double s = 1 / (1 + Math.Exp(-x));
        return s * (1 - s);
    });

    [Fact] public void Tanh() => CheckUnary(() => new TanhGate(), _any, x => 1 / (Math.Cosh(x) * Math.Cosh(x)));

    [Fact] public void ReLU() => CheckUnary(() => new ReLUGate(), _any.Where(x => Math.Abs(x) > 1e-3), x => x > 0 ? 1 : 0);

    [Fact]
    public void Forward_values_match_the_math()
    {
        Assert.Equal(5, new PlusGate().Forward(2, 3));
        Assert.Equal(6, new StarGate().Forward(2, 3));
        Assert.Equal(3, new MaxGate().Forward(2, 3));
        Assert.Equal(Math.E, new ExpGate().Forward(1));
        Assert.Equal(0, new LogGate().Forward(1));
        Assert.Equal(0.25, new InverseGate().Forward(4));
        Assert.Equal(8, new PowGate(3).Forward(2));
        Assert.Equal(-6, new ScaleGate(-3).Forward(2));
        Assert.Equal(1.5, new AddConstGate(-0.5).Forward(2));
        Assert.Equal(0.5, new SigmoidGate().Forward(0));
        Assert.Equal(Math.Tanh(0.7), new TanhGate().Forward(0.7));
        Assert.Equal(0, new ReLUGate().Forward(-2));
        Assert.Equal(2, new ReLUGate().Forward(2));
    }

    [Fact]
    public void Sigmoid_does_not_overflow_for_large_inputs()
    {
        Assert.Equal(1, new SigmoidGate().Forward(800));
        Assert.Equal(0, new SigmoidGate().Forward(-800));
        var g = new SigmoidGate();
        g.Forward(-800);
        Assert.Equal(0, g.Backward(1));
    }

    [Fact]
    public void Max_routes_the_gradient_to_the_winner_and_to_x_on_a_tie()
    {
        var g = new MaxGate();
        g.Forward(1, 4);
        Assert.Equal((0.0, 2.0), g.Backward(2));
        g.Forward(4, 4);
        Assert.Equal((2.0, 0.0), g.Backward(2));
    }

    [Fact]
    public void ReLU_at_the_kink_passes_no_gradient()
    {
        var g = new ReLUGate();
        g.Forward(0);
        Assert.Equal(0, g.Backward(5));
    }

    [Fact]
    public void Backward_reuses_the_latest_forward()
    {
        var g = new StarGate();
        g.Forward(2, 3);
        g.Forward(5, 7);
        Assert.Equal((7.0, 5.0), g.Backward(1));
    }

    public static TheoryData<string, Action> BackwardBeforeForward => new()
    {
        { "PlusGate", () => new PlusGate().Backward(1) },
        { "StarGate", () => new StarGate().Backward(1) },
        { "MaxGate", () => new MaxGate().Backward(1) },
        { "ExpGate", () => new ExpGate().Backward(1) },
        { "LogGate", () => new LogGate().Backward(1) },
        { "InverseGate", () => new InverseGate().Backward(1) },
        { "PowGate", () => new PowGate(2).Backward(1) },
        { "ScaleGate", () => new ScaleGate(2).Backward(1) },
        { "AddConstGate", () => new AddConstGate(2).Backward(1) },
        { "SigmoidGate", () => new SigmoidGate().Backward(1) },
        { "TanhGate", () => new TanhGate().Backward(1) },
        { "ReLUGate", () => new ReLUGate().Backward(1) },
        { "CopyGate", () => new CopyGate().Backward(1, 1) },
    };

    [Theory]
    [MemberData(nameof(BackwardBeforeForward))]
    public void Backward_before_forward_throws_with_a_clear_message(string gate, Action backward)
    {
        var e = Assert.Throws<InvalidOperationException>(backward);
        Assert.StartsWith($"{gate}.Backward was called before Forward", e.Message);
        Assert.Contains("call Forward first", e.Message);
    }

    [Fact]
    public void Inputs_outside_the_domain_throw_with_the_value()
    {
        var log = Assert.Throws<ArgumentOutOfRangeException>(() => new LogGate().Forward(-1));
        Assert.Contains("log(x) needs x > 0, got x = -1", log.Message);
        var inv = Assert.Throws<ArgumentOutOfRangeException>(() => new InverseGate().Forward(0));
        Assert.Contains("1/x needs x ≠ 0", inv.Message);
        var root = Assert.Throws<ArgumentOutOfRangeException>(() => new PowGate(0.5).Forward(-4));
        Assert.Contains("x^0.5 needs x ≥ 0 for a fractional exponent, got x = -4", root.Message);
        var negPow = Assert.Throws<ArgumentOutOfRangeException>(() => new PowGate(-2).Forward(0));
        Assert.Contains("x^-2 needs x ≠ 0", negPow.Message);
        Assert.Equal(-8, new PowGate(3).Forward(-2)); // whole-number exponent on a negative base is fine
    }

    [Fact]
    public void Gate_names_are_what_graphs_show()
    {
        Assert.Equal("+", new PlusGate().Name);
        Assert.Equal("*", new StarGate().Name);
        Assert.Equal("*-1", new ScaleGate(-1).Name);
        Assert.Equal("*0.5", new ScaleGate(0.5).Name);
        Assert.Equal("+1", new AddConstGate(1).Name);
        Assert.Equal("-2.5", new AddConstGate(-2.5).Name);
        Assert.Equal("^2", new PowGate(2).Name);
        Assert.Equal("1/x", new InverseGate().Name);
    }
}
