using CourseKit.Checking;
using CourseKit.Tests.Layers;
using CourseKit.Activations;
using CsCheck;

namespace CourseKit.Tests.Activations;

public class SoftmaxTests
{
    private static readonly Gen<double[]> _logits = Gen.Double[-10, 10].Array[12];

    [Fact]
    public void Rows_sum_to_one_and_adding_a_constant_changes_nothing() =>
        Gen.Select(_logits, Gen.Double[-500, 500]).Sample((z, c) =>
        {
            var y = new Softmax().Forward(Tensor.FromArray(z, 3, 4));
            var shifted = new Softmax().Forward(Tensor.FromArray([.. z.Select(v => v + c)], 3, 4));
            for (int r = 0; r < 3; r++)
            {
                double sum = 0;
                for (int j = 0; j < 4; j++) { sum += y[r, j]; Assert.InRange(y[r, j], 0, 1); }
                Assert.True(Math.Abs(sum - 1) < 1e-15, $"row {r} sums to {sum:R}");
            }
            Assert.True(y.AllClose(shifted, 1e-9, 1e-15), "softmax(z + c) = softmax(z)");
        });

    [Fact]
    public void Softmax_by_hand_and_at_extremes()
    {
        // softmax(0, ln 2, ln 5) = (1, 2, 5)/8
        var y = new Softmax().Forward(Tensor.From([0, Math.Log(2), Math.Log(5)]));
        Close.Equal(0.125, y[0], 1e-15);
        Close.Equal(0.25, y[1], 1e-15);
        Close.Equal(0.625, y[2], 1e-15);
        var big = new Softmax().Forward(Tensor.From(new double[,] { { 1000, -1000, 0 }, { -1000, -1000, -1000 } }));
        Assert.Equal(new double[] { 1, 0, 0 }, big.Row(0).ToArray());
        Close.Equal(1.0 / 3, big[1, 1], 1e-15);
        var log = new LogSoftmax().Forward(Tensor.From([1000, -1000, 0]));
        Assert.Equal(0.0, log[0]);
        Assert.Equal(-2000.0, log[1]);
        Assert.Equal(-1000.0, log[2]);
    }

    [Fact]
    public void Softmax_is_a_soft_argmax()
    {
        // scaling the logits up sharpens the distribution toward the one-hot argmax (the lecture “Neural networks and back-propagation”)
        double[] z = [1, 3, 2];
        var p = new Softmax().Forward(Tensor.From([.. z.Select(v => v * 50)]));
        Assert.True(p[1] > 1 - 1e-15);
        Assert.Equal(1, Tensor.From(z).ArgMax(0)[0]);
    }

    [Fact]
    public void Log_softmax_is_the_log_of_softmax() =>
        _logits.Sample(z =>
        {
            var p = new Softmax().Forward(Tensor.FromArray(z, 3, 4));
            var logP = new LogSoftmax().Forward(Tensor.FromArray(z, 3, 4));
            Assert.True(p.Log().AllClose(logP, 1e-12, 1e-12));
        });

    [Fact]
    public void Softmax_backward_passes_the_gradient_check() =>
        Gen.Select(_logits, Gen.Double[-1, 1].Array[12]).Sample((z, g) =>
            GradientCheck.Check(new Softmax(), Tensor.FromArray(z, 3, 4), Tensor.FromArray(g, 3, 4))
                .AssertPassed(LayerCheck.Relative, LayerCheck.Absolute), iter: 50);

    [Fact]
    public void LogSoftmax_backward_passes_the_gradient_check() =>
        Gen.Select(_logits, Gen.Double[-1, 1].Array[12]).Sample((z, g) =>
            GradientCheck.Check(new LogSoftmax(), Tensor.FromArray(z, 3, 4), Tensor.FromArray(g, 3, 4))
                .AssertPassed(LayerCheck.Relative, LayerCheck.Absolute), iter: 50);

    [Fact]
    public void Softmax_backward_is_the_full_jacobian_vector_product()
    {
        // J_ij = y_i(δ_ij − y_j); dz = Jᵀ·dy written out
        double[] z = [0.3, -1.2, 2.0, 0.7];
        double[] dy = [0.5, -1, 0.25, 2];
        var softmax = new Softmax();
        var y = softmax.Forward(Tensor.From(z)).ToArray();
        var dz = softmax.Backward(Tensor.From(dy)).ToArray();
        for (int j = 0; j < 4; j++)
        {
            double expected = 0;
            for (int i = 0; i < 4; i++) expected += dy[i] * y[i] * ((i == j ? 1 : 0) - y[j]);
            Close.Equal(expected, dz[j], 1e-13, $"dz[{j}]");
        }
    }
}
