using CourseKit.Checking;
using CourseKit.Tests.Layers;
using CourseKit.Activations;
using CourseKit.Losses;
using CsCheck;

namespace CourseKit.Tests.Losses;

/// <summary>Every loss: Backward against the numeric gradient of Forward (relative error &lt; 1e-7) on random inputs.</summary>
public class LossGradientTests
{
    private const int Iter = 60;
    private static readonly Gen<double[]> _twelve = Gen.Double[-3, 3].Array[12];
    private static readonly Gen<int[]> _labels = Gen.Int[0, 3].Array[3];

    private static void Check(Loss loss, Tensor prediction, Tensor target, double h = 1e-5) =>
        GradientCheck.Check(loss, prediction, target, h).AssertPassed(LayerCheck.Relative, LayerCheck.Absolute);

    [Fact]
    public void MeanSquaredError_all_three_forms() =>
        Gen.Select(_twelve, _twelve).Sample((o, t) =>
        {
            foreach (var loss in new[] { new MeanSquaredError(), MeanSquaredError.HalfSum(), MeanSquaredError.Sum() })
                Check(loss, Tensor.FromArray(o, 3, 4), Tensor.FromArray(t, 3, 4));
        }, iter: Iter);

    [Fact]
    public void BinaryCrossEntropy_on_probabilities() =>
        Gen.Select(Gen.Double[0.02, 0.98].Array[12], Gen.Double[0, 1].Array[12]).Sample((p, t) =>
            // h = 1e-6: ℓ‴ = 2t/p³ reaches 10⁴ here, so h = 1e-5 would leave a truncation error ≈ h²ℓ‴/6 ≈ 1e-7 in the numeric side
            Check(new BinaryCrossEntropy(), Tensor.FromArray(p, 6, 2), Tensor.FromArray(t, 6, 2), h: 1e-6), iter: Iter);

    [Fact]
    public void BinaryCrossEntropy_on_logits() =>
        Gen.Select(Gen.Double[-8, 8].Array[12], Gen.Double[0, 1].Array[12]).Sample((s, t) =>
            Check(new BinaryCrossEntropyWithLogits(), Tensor.FromArray(s, 12), Tensor.FromArray(t, 12)), iter: Iter);

    [Fact]
    public void SoftmaxCrossEntropy_with_indices_smoothing_and_distributions() =>
        Gen.Select(_twelve, _labels, Gen.Double[0.01, 1].Array[12]).Sample((z, y, w) =>
        {
            var labels = Tensor.From([.. y.Select(v => (double)v)]);
            Check(new SoftmaxCrossEntropy(), Tensor.FromArray(z, 3, 4), labels);
            Check(new SoftmaxCrossEntropy(labelSmoothing: 0.1), Tensor.FromArray(z, 3, 4), labels);
            // soft targets: rows of w normalised
            var q = Tensor.FromArray(w, 3, 4);
            for (int r = 0; r < 3; r++) { double sum = q.Row(r).Sum(); for (int c = 0; c < 4; c++) q[r, c] /= sum; }
            Check(new SoftmaxCrossEntropy(labelSmoothing: 0.2), Tensor.FromArray(z, 3, 4), q);
            var ce = new SoftmaxCrossEntropy();
            GradientCheck.Check(p => ce.Forward(p, y), p => { ce.Forward(p, y); return ce.Backward(); }, Tensor.FromArray(z, 3, 4)).AssertPassed(LayerCheck.Relative, LayerCheck.Absolute);
        }, iter: Iter);

    [Fact]
    public void NegativeLogLikelihood_on_log_probabilities() =>
        Gen.Select(_twelve, _labels).Sample((z, y) =>
        {
            var logP = new LogSoftmax().Forward(Tensor.FromArray(z, 3, 4)) - 0.01; // strictly < 0 so ±h stays a log-probability
            Check(new NegativeLogLikelihood(), logP, Tensor.From([.. y.Select(v => (double)v)]));
        }, iter: Iter);

    [Fact]
    public void GaussianNLL_means_and_log_variances() =>
        Gen.Select(Gen.Double[-3, 3].Array[8], Gen.Double[-2, 2].Array[8], Gen.Double[-3, 3].Array[8]).Sample((mu, s, y) =>
        {
            // d = 1: [8, 2] = (μ, log σ²); d = 2: [4, 4] = (μ₁, μ₂, s₁, s₂)
            var one = Tensor.Zeros(8, 2);
            for (int i = 0; i < 8; i++) { one[i, 0] = mu[i]; one[i, 1] = s[i]; }
            Check(new GaussianNLL(), one, Tensor.From(y));
            var two = Tensor.Zeros(4, 4);
            for (int i = 0; i < 4; i++) { two[i, 0] = mu[2 * i]; two[i, 1] = mu[2 * i + 1]; two[i, 2] = s[2 * i]; two[i, 3] = s[2 * i + 1]; }
            Check(new GaussianNLL(includeConstant: true), two, Tensor.FromArray(y, 4, 2));
        }, iter: Iter);

    [Fact]
    public void KLDivergence_in_the_prediction() =>
        Gen.Select(Gen.Double[0.05, 0.95].Array[12], _twelve).Sample((p, z) =>
        {
            var t = new Softmax().Forward(Tensor.FromArray(z, 3, 4));
            t[0, 1] = 0; // a zero-probability class: 0·log 0 = 0, no gradient
            double rest = t[0, 0] + t[0, 2] + t[0, 3];
            for (int c = 0; c < 4; c++) t[0, c] /= rest;
            Check(new KLDivergence(), Tensor.FromArray(p, 3, 4), t, h: 1e-6); // −t log p: large ℓ‴ near p = 0.05, as for BCE
        }, iter: Iter);

    [Fact]
    public void Hinge_away_from_the_kink() =>
        Gen.Select(Gen.Double[-3, 3].Array[10], Gen.Bool.Array[10]).Where((s, b) =>
            s.Select((v, i) => Math.Abs(1 - (b[i] ? 1 : -1) * v)).Min() > 1e-3).Sample((s, b) =>
            Check(new Hinge(), Tensor.From(s), Tensor.From([.. b.Select(v => v ? 1.0 : -1.0)])), iter: Iter);

    [Fact]
    public void MulticlassHinge_away_from_the_kinks() =>
        Gen.Select(_twelve, _labels).Where((z, y) =>
            Enumerable.Range(0, 3).All(i => Enumerable.Range(0, 4).All(j => j == y[i] || Math.Abs(1 - (z[4 * i + y[i]] - z[4 * i + j])) > 1e-3)))
            .Sample((z, y) => Check(new MulticlassHinge(), Tensor.FromArray(z, 3, 4), Tensor.From([.. y.Select(v => (double)v)])), iter: Iter);
}
