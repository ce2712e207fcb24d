using CourseKit.Initialisers;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class Conv2DTests
{
    [Fact]
    public void A_2x2_kernel_by_hand()
    {
        // x = 1..9 in a 3×3 image, K = [[1, 0], [0, −1]], b = 0.5: y[i, j] = x[i, j] − x[i+1, j+1] + 0.5 = −4 + 0.5
        var conv = new Conv2D(1, 1, 2);
        conv.K.Value.CopyFrom(Tensor.FromArray([1, 0, 0, -1], 1, 1, 2, 2));
        conv.B.Value[0] = 0.5;
        var y = conv.Forward(Tensor.Arange(1, 10).Reshape(1, 1, 3, 3));
        Assert.Equal([1, 1, 2, 2], y.Shape);
        Assert.Equal([-3.5, -3.5, -3.5, -3.5], y.ToArray());
    }

    /// <summary>
    /// The definition, written out with loops and explicit zero padding, independent of im2col; with the sum of the
    /// terms' magnitudes, which bounds the rounding error of any order of summation.
    /// </summary>
    private static (double Value, double Magnitude) Direct(Tensor x, Tensor k, Tensor b, int stride, int padding, int n, int o, int i, int j)
    {
        double s = b[o], magnitude = Math.Abs(b[o]);
        for (int c = 0; c < x.Shape[1]; c++)
            for (int u = 0; u < k.Shape[2]; u++)
                for (int v = 0; v < k.Shape[3]; v++)
                {
                    int row = i * stride + u - padding, col = j * stride + v - padding;
                    bool inside = row >= 0 && row < x.Shape[2] && col >= 0 && col < x.Shape[3];
                    double term = k[o, c, u, v] * (inside ? x[n, c, row, col] : 0);
                    s += term;
                    magnitude += Math.Abs(term);
                }
        return (s, magnitude);
    }

    private static Gen<(int Batch, int In, int Out, int Kernel, int Stride, int Padding, int Size, int Seed)> Shapes =>
        from batch in Gen.Int[1, 2]
        from inC in Gen.Int[1, 2]
        from outC in Gen.Int[1, 3]
        from kernel in Gen.Int[1, 3]
        from stride in Gen.Int[1, 2]
        from padding in Gen.Int[0, 1]
        from size in Gen.Int[Math.Max(1, kernel - 2 * padding), 5]
        from seed in Gen.Int
        select (batch, inC, outC, kernel, stride, padding, size, seed);

    [Fact]
    public void Forward_matches_the_definition_on_random_shapes() =>
        Shapes.Sample(s =>
        {
            var conv = new Conv2D(s.In, s.Out, s.Kernel, s.Stride, s.Padding, s.Seed, new Normal(1));
            conv.B.Value.CopyFrom(Tensor.Normal(s.Seed + 1, 0, 1, s.Out));
            var x = Tensor.Normal(s.Seed + 2, 0, 1, s.Batch, s.In, s.Size, s.Size + 1);
            var y = conv.Forward(x);
            int ho = (s.Size + 2 * s.Padding - s.Kernel) / s.Stride + 1, wo = (s.Size + 1 + 2 * s.Padding - s.Kernel) / s.Stride + 1;
            Assert.Equal([s.Batch, s.Out, ho, wo], y.Shape);
            for (int n = 0; n < s.Batch; n++)
                for (int o = 0; o < s.Out; o++)
                    for (int i = 0; i < ho; i++)
                        for (int j = 0; j < wo; j++)
                        {
                            // a sum that cancels to a small value has a large relative error whatever the code:
                            // the bound is relative to the terms' magnitudes (a few ulps per term)
                            var (expected, magnitude) = Direct(x, conv.K.Value, conv.B.Value, s.Stride, s.Padding, n, o, i, j);
                            Assert.True(Math.Abs(expected - y[n, o, i, j]) <= 1e-14 * magnitude,
                                $"y[{n}, {o}, {i}, {j}] = {y[n, o, i, j]:R}, the definition gives {expected:R} (terms of total magnitude {magnitude:G3})");
                        }
        }, iter: 40);

    [Fact]
    public void Gradients_pass_the_layer_check() =>
        Shapes.Sample(s =>
        {
            var conv = new Conv2D(s.In, s.Out, s.Kernel, s.Stride, s.Padding, s.Seed, new Normal(1));
            conv.B.Value.CopyFrom(Tensor.Normal(s.Seed + 1, 0, 1, s.Out));
            LayerCheck.Passes(conv, Tensor.Normal(s.Seed + 2, 0, 1, s.Batch, s.In, s.Size, s.Size + 1));
        }, iter: 40);

    [Fact]
    public void Conv_flatten_dense_passes_the_layer_check()
    {
        var model = new Sequential(new Conv2D(2, 3, 3, stride: 2, padding: 1, seed: 1), new Flatten(), new Dense(3 * 3 * 3, 2, seed: 2));
        var x = Tensor.Normal(3, 0, 1, 2, 2, 5, 5);
        var report = LayerCheck.Passes(model, x);
        Assert.Contains(report.Entries, e => e.Name == "conv.K[2, 1, 2, 2]");
        Assert.Contains(report.Entries, e => e.Name == "x[1, 1, 4, 4]");
        Assert.Equal([2, 27], new Flatten().Forward(Tensor.Zeros(2, 3, 3, 3)).Shape);
    }

    [Fact]
    public void Output_size_and_bad_input()
    {
        var conv = new Conv2D(3, 8, 3, stride: 2, padding: 1);
        Assert.Equal(14, conv.OutputSize(28));   // (28 + 2 − 3)/2 + 1
        Assert.Equal([8, 3, 3, 3], conv.K.Value.Shape);
        var e = Assert.Throws<ArgumentException>(() => conv.Forward(Tensor.Zeros(4, 1, 28, 28)));
        Assert.Equal("Conv2D(3 → 8, 3×3, stride 2, padding 1) expects input [batch, 3, height, width] with height and width ≥ 1, got [4, 1, 28, 28]. (Parameter 'x')", e.Message);
        Assert.Throws<InvalidOperationException>(() => conv.Backward(Tensor.Zeros(4, 8, 14, 14)));
        conv.Forward(Tensor.Zeros(4, 3, 28, 28));
        Assert.Contains("[4, 8, 14, 14]", Assert.Throws<ArgumentException>(() => conv.Backward(Tensor.Zeros(4, 8, 28, 28))).Message);
        Assert.Throws<ArgumentException>(() => new Conv2D(3, 8, 0));
        Assert.Contains("rank ≥ 2", Assert.Throws<ArgumentException>(() => new Flatten().Forward(Tensor.Zeros(3))).Message);
    }
}
