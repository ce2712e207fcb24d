using CourseKit.Activations;
using CourseKit.Losses;
using CsCheck;

namespace CourseKit.Tests.Losses;

/// <summary>Loss values computed by hand, and the relations between the losses.</summary>
public class LossValueTests
{
    [Fact]
    public void Half_sum_squared_error_gives_seed_001_gradient_o_minus_t()
    {
        // one example, o⁽²⁾ = (0.5, −1, 2), t = (1, 0, 2): E = ½(0.25 + 1 + 0) = 0.625, ∂E/∂o⁽²⁾ = o⁽²⁾ − t = (−0.5, −1, 0)
        var loss = MeanSquaredError.HalfSum();
        Assert.Equal(0.625, loss.Forward(Tensor.FromArray([0.5, -1, 2], 1, 3), Tensor.FromArray([1, 0, 2], 1, 3)));
        Assert.Equal(new double[] { -0.5, -1, 0 }, loss.Backward().ToArray());
    }

    [Fact]
    public void Mean_squared_error_default_and_sum_forms_by_hand()
    {
        // two examples × two outputs, differences (1, −2), (0, 3): squares 1, 4, 0, 9, total 14
        var o = Tensor.From(new double[,] { { 1, -2 }, { 0, 3 } });
        var t = Tensor.Zeros(2, 2);
        var mse = new MeanSquaredError();
        Assert.Equal(14.0 / 4, mse.Forward(o, t));        // mean over batch and outputs (the 1/k form of “Neural networks and back-propagation”)
        Assert.Equal(new double[] { 0.5, -1, 0, 1.5 }, mse.Backward().ToArray()); // 2(o − t)/4
        Assert.Equal(14.0 / 2, MeanSquaredError.Sum().Forward(o, t));     // “Deep networks”: Σ(y − f)², mean over the batch
        Assert.Equal(14.0 / 4, MeanSquaredError.HalfSum().Forward(o, t)); // ½·14/2
    }

    [Fact]
    public void Binary_cross_entropy_at_one_half_is_ln_2()
    {
        Close.Equal(Math.Log(2), new BinaryCrossEntropy().Forward(Tensor.Full(0.5, 4, 1), Tensor.FromArray([0, 1, 1, 0], 4, 1)), 1e-15);
        Close.Equal(Math.Log(2), new BinaryCrossEntropyWithLogits().Forward(Tensor.Zeros(4, 1), Tensor.FromArray([0, 1, 1, 0], 4, 1)), 1e-15);
        // p = 0.8, t = 1: −ln 0.8 = 0.2231435513142097
        Close.Equal(0.2231435513142097, new BinaryCrossEntropy().Forward(Tensor.From([0.8]), Tensor.From([1.0])), 1e-15);
    }

    [Fact]
    public void Logits_form_equals_sigmoid_then_probabilities_form() =>
        Gen.Select(Gen.Double[-15, 15].Array[6], Gen.Double[0, 1].Array[6]).Sample((s, t) =>
        {
            var logits = Tensor.From(s);
            double viaLogits = new BinaryCrossEntropyWithLogits().Forward(logits, Tensor.From(t));
            double viaProbabilities = new BinaryCrossEntropy().Forward(new Sigmoid().Forward(logits), Tensor.From(t));
            Close.Equal(viaProbabilities, viaLogits, 1e-8);
        });

    [Fact]
    public void Binary_cross_entropy_is_finite_at_extremes()
    {
        var bce = new BinaryCrossEntropy();
        double value = bce.Forward(Tensor.From([0.0, 1.0]), Tensor.From([1.0, 0.0]));
        Close.Equal(-Math.Log(1e-12), value, 1e-15, "each entry costs −ln ε");
        Assert.All(bce.Backward().ToArray(), g => Assert.True(double.IsFinite(g)));
        var logits = new BinaryCrossEntropyWithLogits();
        Assert.Equal(1000.0, logits.Forward(Tensor.From([-1000.0]), Tensor.From([1.0])));
        Assert.Equal(-1.0, logits.Backward()[0]); // σ(−1000) − 1
    }

    [Fact]
    public void Cross_entropy_of_uniform_logits_is_ln_K()
    {
        foreach (int k in new[] { 2, 3, 10 })
            Close.Equal(Math.Log(k), new SoftmaxCrossEntropy().Forward(Tensor.Full(3.7, 5, k), new int[5]), 1e-15, $"K = {k}");
    }

    [Fact]
    public void Cross_entropy_by_hand_and_its_gradient_softmax_minus_onehot()
    {
        // logits (0, ln 2, ln 5): softmax = (1, 2, 5)/8; label 1: −ln(2/8) = ln 4
        var ce = new SoftmaxCrossEntropy();
        var logits = Tensor.FromArray([0, Math.Log(2), Math.Log(5)], 1, 3);
        Close.Equal(Math.Log(4), ce.Forward(logits, [1]), 1e-15);
        var g = ce.Backward().ToArray();
        Close.Equal(0.125, g[0], 1e-15);
        Close.Equal(0.25 - 1, g[1], 1e-15);
        Close.Equal(0.625, g[2], 1e-15);
        Close.Equal(0.25, ce.Probabilities![0, 1], 1e-15);
        // the same with a one-hot tensor and with a tensor of indices
        Close.Equal(Math.Log(4), ce.Forward(logits, Tensor.FromArray([0, 1, 0], 1, 3)), 1e-15);
        Close.Equal(Math.Log(4), ce.Forward(logits, Tensor.From([1.0])), 1e-15);
        // stable at ±1000: the right class wins by 2000 → loss 0; the wrong one loses → loss 2000
        Assert.Equal(0.0, ce.Forward(Tensor.FromArray([1000, -1000], 1, 2), [0]));
        Assert.Equal(2000.0, ce.Forward(Tensor.FromArray([1000, -1000], 1, 2), [1]));
    }

    [Fact]
    public void Label_smoothing_by_hand_and_the_seeds_split()
    {
        // K = 3, ε = 0.3, label 2: q = (1 − ε)·(0, 0, 1) + ε/3 = (0.1, 0.1, 0.8).
        // That is the lecture “Deep networks”'s "correct label 1 − ρ, the others equal": ρ = 0.2, ε = ρK/(K − 1) = 0.2·3/2 = 0.3.
        // softmax(0, ln 2, ln 5) = (1/8, 2/8, 5/8): loss = −(0.1 ln(1/8) + 0.1 ln(2/8) + 0.8 ln(5/8)) ≈ 0.72258
        var ce = new SoftmaxCrossEntropy(labelSmoothing: 0.3);
        double loss = ce.Forward(Tensor.FromArray([0, Math.Log(2), Math.Log(5)], 1, 3), [2]);
        Close.Equal(-(0.1 * Math.Log(1.0 / 8) + 0.1 * Math.Log(2.0 / 8) + 0.8 * Math.Log(5.0 / 8)), loss, 1e-14);
        // gradient softmax − q = (1/8 − 0.1, 2/8 − 0.1, 5/8 − 0.8)
        var g = ce.Backward().ToArray();
        Close.Equal(0.025, g[0], 1e-13);
        Close.Equal(0.15, g[1], 1e-13);
        Close.Equal(-0.175, g[2], 1e-13);
    }

    [Fact]
    public void LogSoftmax_then_NLL_is_softmax_cross_entropy() =>
        Gen.Select(Gen.Double[-5, 5].Array[12], Gen.Int[0, 3].Array[3]).Sample((z, y) =>
        {
            var logits = Tensor.FromArray(z, 3, 4);
            var ce = new SoftmaxCrossEntropy();
            var logSoftmax = new LogSoftmax();
            var nll = new NegativeLogLikelihood();
            Close.Equal(ce.Forward(logits, y), nll.Forward(logSoftmax.Forward(logits), y), 1e-13);
            Assert.True(ce.Backward().AllClose(logSoftmax.Backward(nll.Backward()), 1e-10, 1e-14));
        });

    [Fact]
    public void Gaussian_NLL_with_unit_variance_is_half_squared_error_plus_a_constant() =>
        Gen.Select(Gen.Double[-3, 3].Array[5], Gen.Double[-3, 3].Array[5]).Sample((mu, y) =>
        {
            var prediction = Tensor.Zeros(5, 2); // log σ² = 0 → σ² = 1
            for (int i = 0; i < 5; i++) prediction[i, 0] = mu[i];
            var target = Tensor.From(y);
            double halfSquared = MeanSquaredError.HalfSum().Forward(Tensor.FromArray(mu, 5, 1), Tensor.FromArray(y, 5, 1));
            Close.Equal(halfSquared, new GaussianNLL().Forward(prediction, target), 1e-14);
            Close.Equal(halfSquared + 0.5 * Math.Log(2 * Math.PI), new GaussianNLL(includeConstant: true).Forward(prediction, target), 1e-14);
        });

    [Fact]
    public void Gaussian_NLL_by_hand_with_a_predicted_variance()
    {
        // μ = 1, log σ² = ln 4 (σ² = 4), y = 3: ½(ln 4 + (3 − 1)²/4) = ½(1.3862943611198906 + 1) = 1.1931471805599453
        var nll = new GaussianNLL();
        Close.Equal(0.5 * (Math.Log(4) + 1), nll.Forward(Tensor.FromArray([1, Math.Log(4)], 1, 2), Tensor.From([3.0])), 1e-15);
        var g = nll.Backward().ToArray();
        Close.Equal(-(3 - 1) / 4.0, g[0], 1e-15);           // −(y − μ)/σ²
        Close.Equal(0.5 * (1 - 4 / 4.0), g[1], 1e-15);       // ½(1 − (y − μ)²/σ²) = 0: σ² = (y − μ)² is the best variance
    }

    [Fact]
    public void KL_divergence_is_zero_for_equal_distributions_nonnegative_and_asymmetric()
    {
        double[] p = [0.5, 0.5], q = [0.9, 0.1];
        Assert.Equal(0.0, KLDivergence.Divergence(p, p));
        // KL(p‖q) = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = 0.5108256237659907; KL(q‖p) = 0.9 ln 1.8 + 0.1 ln 0.2 = 0.3680642071684971
        Close.Equal(0.5 * Math.Log(0.5 / 0.9) + 0.5 * Math.Log(5), KLDivergence.Divergence(p, q), 1e-15);
        Close.Equal(0.5108256237659907, KLDivergence.Divergence(p, q), 1e-14);
        Close.Equal(0.3680642071684971, KLDivergence.Divergence(q, p), 1e-14);
        // as a loss: target t plays p (the data), prediction the model q
        var kl = new KLDivergence();
        Close.Equal(0.5108256237659907, kl.Forward(Tensor.FromArray(q, 1, 2), Tensor.FromArray(p, 1, 2)), 1e-14);
        Assert.Equal(0.0, kl.Forward(Tensor.FromArray(p, 1, 2), Tensor.FromArray(p, 1, 2)));
        Gen.Select(Gen.Double[0.01, 1].Array[4], Gen.Double[0.01, 1].Array[4]).Sample((a, b) =>
        {
            double[] pa = [.. a.Select(v => v / a.Sum())], pb = [.. b.Select(v => v / b.Sum())];
            Assert.True(KLDivergence.Divergence(pa, pb) >= 0);
        });
    }

    [Fact]
    public void Hinge_by_hand_is_the_mean_SVM_slack()
    {
        // scores (2, 0.5, −0.3, 1), labels (+1, +1, +1, −1): slacks max(0, 1 − y·s) = (0, 0.5, 1.3, 2): mean 0.95
        var hinge = new Hinge();
        Close.Equal(0.95, hinge.Forward(Tensor.From([2, 0.5, -0.3, 1]), Tensor.From([1.0, 1, 1, -1])), 1e-15);
        Assert.Equal(new double[] { 0, -0.25, -0.25, 0.25 }, hinge.Backward().ToArray()); // −y/4 where the margin is violated
        // multiclass: scores (3, 1, 2.5), true class 0: max(0, 1 − 2) + max(0, 1 − 0.5) = 0.5
        var multi = new MulticlassHinge();
        Assert.Equal(0.5, multi.Forward(Tensor.FromArray([3, 1, 2.5], 1, 3), [0]));
        Assert.Equal(new double[] { -1, 0, 1 }, multi.Backward().ToArray());
    }
}
