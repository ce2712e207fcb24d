using CourseKit.Checking;
using CourseKit.Layers;

namespace CourseKit.Tests.Checking;

public class TensorGradientCheckTests
{
    [Fact]
    public void Tensor_function_check_passes_for_the_right_gradient_and_names_entries()
    {
        var x = Tensor.FromArray([0.5, -1.5, 2, 3, -0.25, 1], 2, 3);
        var report = GradientCheck.Check(t => t.Square().Sum(), t => t * 2, x).AssertPassed();   // ∂Σx²/∂x = 2x
        Assert.Equal(["x[0, 0]", "x[0, 1]", "x[0, 2]", "x[1, 0]", "x[1, 1]", "x[1, 2]"], report.Entries.Select(e => e.Name));
        Assert.Equal(-3, report.Entries[1].Analytic, 12);
        Assert.Equal([0.5, -1.5, 2, 3, -0.25, 1], x.ToArray());   // the caller's tensor is untouched
    }

    [Fact]
    public void Tensor_function_check_fails_for_a_wrong_gradient()
    {
        var x = Tensor.FromArray([0.5, -1.5, 2], 3);
        var report = GradientCheck.Check(t => t.Square().Sum(), t => t * 1.999, x, name: "v");
        Assert.False(report.Passed());
        Assert.StartsWith("v[", report.Worst.Name);
        Assert.Throws<GradientCheckFailedException>(() => report.AssertPassed());
    }

    [Fact]
    public void Tensor_function_check_rejects_a_gradient_of_the_wrong_shape()
    {
        var x = Tensor.Zeros(2, 3);
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.Check(t => t.Sum(), _ => Tensor.Zeros(3, 2), x));
        Assert.Contains("[3, 2]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void Entry_names_run_in_row_major_order()
    {
        Assert.Equal(["W[0, 0, 0]", "W[0, 0, 1]", "W[0, 1, 0]", "W[0, 1, 1]", "W[1, 0, 0]"],
            GradientCheck.EntryNames("W", Tensor.Zeros(2, 2, 2)).Take(5));
    }

    [Fact]
    public void Layer_check_covers_input_and_every_parameter_and_passes_for_dense()
    {
        var dense = new Dense(3, 2, seed: 1);
        var x = Tensor.Normal(2, 0, 1, 4, 3);
        var report = GradientCheck.Check(dense, x).AssertPassed();
        Assert.Equal(4 * 3 + 2 * 3 + 2, report.Entries.Count);
        Assert.Contains(report.Entries, e => e.Name == "x[3, 2]");
        Assert.Contains(report.Entries, e => e.Name == "dense.W[1, 2]");
        Assert.Contains(report.Entries, e => e.Name == "dense.b[1]");
        Assert.Equal(2 * 3 + 2, GradientCheck.Check(dense, x, checkInput: false).Entries.Count);   // parameters only
    }

    /// <summary>A dense layer whose weight gradient is off by a factor 2: the layer check must catch it.</summary>
    private sealed class BrokenDense : Layer
    {
        private Tensor? _x;
        public Parameter W { get; } = new("broken.W", Tensor.FromArray([0.3, -0.2, 0.5, 0.1], 2, 2));
        public override Tensor Forward(Tensor x) => Tensor.MatMulNT(_x = x, W.Value);
        public override Tensor Backward(Tensor dOut)
        {
            W.Grad.AddInPlace(Tensor.MatMulTN(dOut, _x!) * 2);
            return Tensor.MatMul(dOut, W.Value);
        }
        public override IEnumerable<Parameter> Parameters() => [W];
    }

    [Fact]
    public void Layer_check_finds_a_wrong_parameter_gradient_and_names_it()
    {
        var report = GradientCheck.Check(new BrokenDense(), Tensor.Normal(3, 0, 1, 3, 2));
        Assert.False(report.Passed());
        Assert.StartsWith("broken.W[", report.Worst.Name);
        Assert.Equal(0.5, report.Worst.Numeric / report.Worst.Analytic, 6);
        Assert.All(report.Entries.Where(e => e.Name.StartsWith("x[", StringComparison.Ordinal)), e => Assert.True(e.RelativeError < 1e-7));
    }

    [Fact]
    public void Layer_check_rejects_an_upstream_gradient_of_the_wrong_shape()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            GradientCheck.Check(new Dense(3, 2), Tensor.Zeros(4, 3), upstream: Tensor.Zeros(4, 3)));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }
}
