using CourseKit.Autograd;
using CourseKit.Checking;
using CsCheck;

namespace CourseKit.Tests.Autograd;

/// <summary>
/// Every Value operation: gradients from Backward equal the closed-form derivative and the numeric gradient
/// (relative error &lt; 1e-7) over random inputs. Ranges avoid the kinks of ReLU/max and poles of 1/x and log.
/// </summary>
public class ValueOperationTests
{
    private const long Iter = 300;
    private static readonly Gen<double> _any = Gen.Double[-3, 3];
    private static readonly Gen<double> _awayFromZero = Gen.Double[-3, 3].Where(x => Math.Abs(x) > 0.2);
    private static readonly Gen<double> _positive = Gen.Double[0.1, 5];

    /// <summary>Backward gives the closed form, and the numeric gradient (written out here) agrees.</summary>
    private static void Check(double[] x, Func<Value[], Value> build, Func<double[], double[]> closedForm)
    {
        var leaves = x.Select(v => new Value(v)).ToArray();
        var root = build(leaves);
        root.Backward();
        double[] expected = closedForm(x);
        for (int i = 0; i < x.Length; i++)
        {
            Close.Equal(expected[i], leaves[i].Grad, 1e-12, $"closed form, input {i} at [{string.Join(", ", x)}]:");
            int k = i;
            double numeric = Close.Derivative(v =>
            {
                double[] p = [.. x];
                p[k] = v;
                return build([.. p.Select(d => new Value(d))]).Data;
            }, x[i]);
            Close.Equal(numeric, leaves[i].Grad, 1e-7, $"numeric, input {i} at [{string.Join(", ", x)}]:");
        }
    }

    private static void Unary(Gen<double> gen, Func<Value, Value> op, Func<double, double> derivative) =>
        gen.Sample(x => Check([x], v => op(v[0]), p => [derivative(p[0])]), iter: Iter);

    private static void Binary(Gen<double> gx, Gen<double> gy, Func<Value, Value, Value> op, Func<double, double, (double, double)> partials) =>
        Gen.Select(gx, gy).Sample((x, y) => Check([x, y], v => op(v[0], v[1]), p =>
        {
            var (a, b) = partials(p[0], p[1]);
            return [a, b];
        }), iter: Iter);

    [Fact] public void Add() => Binary(_any, _any, (x, y) => x + y, (x, y) => (1, 1));
    [Fact] public void Subtract() => Binary(_any, _any, (x, y) => x - y, (x, y) => (1, -1));
    [Fact] public void Multiply() => Binary(_any, _any, (x, y) => x * y, (x, y) => (y, x));
    [Fact] public void Divide() => Binary(_any, _awayFromZero, (x, y) => x / y, (x, y) => (1 / y, -x / (y * y)));
    [Fact] public void Max() => Gen.Select(_any, _any).Where(p => Math.Abs(p.Item1 - p.Item2) > 1e-3)
        .Sample((x, y) => Check([x, y], v => Value.Max(v[0], v[1]), _ => x > y ? [1, 0] : [0, 1]), iter: Iter);

    [Fact] public void Add_constant_on_either_side() =>
        Gen.Select(_any, _any).Sample((x, c) =>
        {
            Check([x], v => v[0] + c, _ => [1]);
            Check([x], v => c + v[0], _ => [1]);
            Check([x], v => v[0] - c, _ => [1]);
            Check([x], v => c - v[0], _ => [-1]);
        }, iter: Iter);

    [Fact] public void Multiply_and_divide_by_constant_on_either_side() =>
        Gen.Select(_awayFromZero, _awayFromZero).Sample((x, c) =>
        {
            Check([x], v => v[0] * c, _ => [c]);
            Check([x], v => c * v[0], _ => [c]);
            Check([x], v => v[0] / c, _ => [1 / c]);
            Check([x], v => c / v[0], _ => [-c / (x * x)]);
        }, iter: Iter);

    [Fact] public void Negate() => Unary(_any, x => -x, _ => -1);
    [Fact] public void Exp() => Unary(_any, x => x.Exp(), Math.Exp);
    [Fact] public void Log() => Unary(_positive, x => x.Log(), x => 1 / x);
    [Fact] public void Inverse() => Unary(_awayFromZero, x => x.Inverse(), x => -1 / (x * x));
    [Fact] public void Tanh() => Unary(_any, x => x.Tanh(), x => 1 - Math.Tanh(x) * Math.Tanh(x));
    [Fact] public void Sigmoid() => Unary(_any, x => x.Sigmoid(), x => Math.Exp(-x) / ((1 + Math.Exp(-x)) * (1 + Math.Exp(-x))));
    [Fact] public void ReLU() => Unary(_any.Where(x => Math.Abs(x) > 1e-3), x => x.ReLU(), x => x > 0 ? 1 : 0);

    [Fact]
    public void Pow() =>
        Gen.Select(Gen.Double[0.5, 3], Gen.Double[-3, 3].Where(p => Math.Abs(p) > 0.25))
            .Sample((x, p) => Check([x], v => v[0].Pow(p), _ => [p * Math.Pow(x, p - 1)]), iter: Iter);

    [Fact]
    public void A_composite_expression_passes_the_library_gradient_check()
    {
        // f = tanh(x·y + z) / (1 + e^z) + log(x²+1) − max(x, y)·σ(z)
        static Value F(Value[] v) =>
            (v[0] * v[1] + v[2]).Tanh() / (1 + v[2].Exp()) + (v[0].Pow(2) + 1).Log() - Value.Max(v[0], v[1]) * v[2].Sigmoid();
        Gen.Select(_any, _any, _any).Where(t => Math.Abs(t.Item1 - t.Item2) > 1e-3).Sample((x, y, z) =>
        {
            var report = GradientCheck.Check(F, [x, y, z]);
            // Where a partial derivative is exactly 0 (CsCheck finds x = 0, y = 2, z = 0: ∂f/∂z = 0.5 − 0.5)
            // the finite difference returns rounding noise ~1e-11 and the relative error is meaningless:
            // accept |a − n| ≤ 1e-9 there, relative error < 1e-7 everywhere else.
            Assert.True(report.Passed(1e-7, absoluteTolerance: 1e-9), report.ToString());
        }, iter: Iter);
    }

    [Fact]
    public void Sigmoid_neuron_from_the_cs231n_example_the_seed_cites()
    {
        // f(w, x) = 1 / (1 + e^−(w0·x0 + w1·x1 + w2)) with w = (2, −3, −3), x = (−1, −2): w·x + b = 1.
        var w0 = new Value(2, "w0"); var x0 = new Value(-1, "x0");
        var w1 = new Value(-3, "w1"); var x1 = new Value(-2, "x1");
        var w2 = new Value(-3, "w2");
        var dot = w0 * x0 + w1 * x1 + w2;
        // spelled out gate by gate: ·(−1), exp, +1, 1/x
        var f = ((-dot).Exp() + 1).Inverse();
        f.Backward();

        double s = 1 / (1 + Math.Exp(-1.0));       // σ(1) ≈ 0.73
        double ds = s * (1 - s);                   // σ'(1) ≈ 0.20
        Close.Equal(s, f.Data, 1e-14);
        Close.Equal(-1 * ds, w0.Grad, 1e-12);      // ∂f/∂w0 = x0·σ'
        Close.Equal(2 * ds, x0.Grad, 1e-12);       // ∂f/∂x0 = w0·σ'
        Close.Equal(-2 * ds, w1.Grad, 1e-12);
        Close.Equal(-3 * ds, x1.Grad, 1e-12);
        Close.Equal(ds, w2.Grad, 1e-12);

        // the same neuron with one SigmoidGate gives the same gradients
        var g0 = new Value(2); var g1 = new Value(-3); var g2 = new Value(-3);
        var g = (g0 * x0.Data + g1 * x1.Data + g2).Sigmoid();
        g.Backward();
        Close.Equal(w0.Grad, g0.Grad, 1e-12);
        Close.Equal(w1.Grad, g1.Grad, 1e-12);
        Close.Equal(w2.Grad, g2.Grad, 1e-12);
    }

    [Fact]
    public void Operations_use_the_expected_gates()
    {
        var x = new Value(2);
        var y = new Value(4);
        Assert.Equal("+", (x + y).Op);
        Assert.Equal("*", (x * y).Op);
        Assert.Equal("*-1", (-x).Op);
        Assert.Equal("+", (x - y).Op);                 // x + (−1)·y
        Assert.Equal("*-1", (x - y).Children[1].Op);
        Assert.Equal("*", (x / y).Op);                 // x · (1/y)
        Assert.Equal("1/x", (x / y).Children[1].Op);
        Assert.Equal("*0.5", (x / 2).Op);
        Assert.Equal("+3", (x + 3).Op);
        Assert.Equal("-3", (x - 3).Op);
        Assert.Equal("max", Value.Max(x, y).Op);
        Assert.Equal("^3", x.Pow(3).Op);
        Assert.Equal(8, x.Pow(3).Data);
        Assert.Equal(0.5, (x / y).Data);
        Assert.Equal(2, (y / x).Data);
    }

    [Fact]
    public void Bad_operands_throw_with_a_message()
    {
        var x = new Value(2);
        var div = Assert.Throws<ArgumentException>(() => x / 0.0);
        Assert.Contains("divide a Value by the constant 0", div.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => (x - 2).Log());
        Assert.Throws<ArgumentOutOfRangeException>(() => x / (x - 2));
        Assert.Throws<ArgumentNullException>(() => x + (Value)null!);
    }
}
