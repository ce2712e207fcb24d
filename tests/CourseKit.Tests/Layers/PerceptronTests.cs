using CourseKit.Checking;
using CourseKit.Layers;

namespace CourseKit.Tests.Layers;

public class PerceptronTests
{
    private static readonly Tensor _corners = Tensor.FromArray([0, 0, 0, 1, 1, 0, 1, 1], 4, 2);

    [Fact]
    public void First_epoch_on_AND_by_hand_then_it_converges()
    {
        var p = new Perceptron(2);
        int[] and = [0, 0, 0, 1];
        int[] errors = p.Fit(_corners, and, 1);
        // w = 0, b = 0, η = 1.  (0,0): s = 0 → y = 1 ≠ 0, δ = −1: w = (0, 0), b = −1.
        // (0,1): s = −1 → 0 ✓.  (1,0): s = −1 → 0 ✓.  (1,1): s = −1 → 0 ≠ 1, δ = +1: w = (1, 1), b = 0.
        Assert.Equal([2], errors);
        Assert.Equal([1, 1], p.W.Value.ToArray());
        Assert.Equal(0, p.B.Value[0]);

        int[] more = p.Fit(_corners, and, 100);
        Assert.Equal(0, more[^1]);
        Assert.True(more.Length < 100);
        Assert.Equal(and, p.Predict(_corners));
        Assert.Equal(and, p.Forward(_corners).ToArray().Select(v => (int)v));
    }

    [Fact]
    public void Never_separates_XOR()
    {
        var p = new Perceptron(2);
        int[] errors = p.Fit(_corners, [0, 1, 1, 0], 200);
        // No line separates XOR, so an epoch without a mistake (which would leave a separating w, b) is impossible.
        Assert.Equal(200, errors.Length);
        Assert.All(errors, e => Assert.True(e >= 1));
        Assert.NotEqual([0, 1, 1, 0], p.Predict(_corners));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.01)]
    public void Total_mistakes_on_separable_data_stay_within_Novikoffs_bound(int seed, double eta)
    {
        // Points in [−1, 1]², labelled by a hyperplane w*·(x, 1) > 0 and kept only with margin ≥ 0.1.
        // Novikoff: from w = 0 the rule makes at most (R/γ)² mistakes in total, R = max ‖(x, 1)‖, γ = the margin
        // of the unit w*; η only rescales w, so the bound holds for every η.
        var rng = new Random(seed);
        double[] star = [rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1, rng.NextDouble() - 0.5];
        double norm = Math.Sqrt(star.Sum(v => v * v));
        var rows = new List<double>();
        var labels = new List<int>();
        double r2 = 0, gamma = double.MaxValue;
        while (labels.Count < 200)
        {
            double x1 = rng.NextDouble() * 2 - 1, x2 = rng.NextDouble() * 2 - 1;
            double margin = (star[0] * x1 + star[1] * x2 + star[2]) / norm;
            if (Math.Abs(margin) < 0.1) continue;
            rows.AddRange([x1, x2]);
            labels.Add(margin > 0 ? 1 : 0);
            r2 = Math.Max(r2, x1 * x1 + x2 * x2 + 1);
            gamma = Math.Min(gamma, Math.Abs(margin));
        }
        var x = Tensor.FromArray([.. rows], 200, 2);
        var p = new Perceptron(2, eta);
        int[] errors = p.Fit(x, [.. labels], 10_000);
        Assert.Equal(0, errors[^1]);
        Assert.True(errors.Sum() <= r2 / (gamma * gamma), $"{errors.Sum()} mistakes > (R/γ)² = {r2 / (gamma * gamma)}");
        Assert.Equal(labels, p.Predict(x));
    }

    [Fact]
    public void The_step_has_zero_gradient_which_the_layer_check_confirms()
    {
        var p = new Perceptron(3);
        p.W.Value.CopyFrom(Tensor.FromArray([0.5, -1, 2], 1, 3));
        p.B.Value[0] = 0.25;
        var x = Tensor.Normal(5, 0, 1, 4, 3);
        var report = GradientCheck.Check(p, x).AssertPassed();
        Assert.All(report.Entries, e => Assert.Equal(0, e.Analytic));
        Assert.Equal(1, Perceptron.Step(0));
        Assert.Equal(0, Perceptron.Step(-1e-300));
    }

    [Fact]
    public void Bad_input_is_reported()
    {
        var p = new Perceptron(2);
        Assert.Contains("label 2 at index 1", Assert.Throws<ArgumentException>(() => p.Fit(_corners, [0, 2, 1, 0], 5)).Message);
        Assert.Contains("4 examples but 3 labels", Assert.Throws<ArgumentException>(() => p.Fit(_corners, [0, 1, 1], 5)).Message);
        Assert.Contains("got [4, 3]", Assert.Throws<ArgumentException>(() => p.Forward(Tensor.Zeros(4, 3))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Fit(_corners, [0, 1, 1, 0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Perceptron(2, 0));
        Assert.Throws<InvalidOperationException>(() => new Perceptron(2).Backward(Tensor.Zeros(4, 1)));
    }
}
