using CourseKit.Losses;

namespace CourseKit.Tests.Losses;

/// <summary>Bad input: each message names what was expected and what was given.</summary>
public class LossInputTests
{
    private static string Message(Action action) => Assert.ThrowsAny<ArgumentException>(action).Message;

    [Fact]
    public void Wrong_target_shape_names_both_shapes()
    {
        Assert.Contains("the target has shape [3, 2] but the prediction has shape [3, 1]; expected the same shape",
            Message(() => new MeanSquaredError().Forward(Tensor.Zeros(3, 1), Tensor.Zeros(3, 2))));
        Assert.Contains("expected class indices of shape [2] (or a one-hot/probability target [2, 3]), got [2, 2]",
            Message(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(2, 2))));
        Assert.Contains("got 3 labels for a batch of 2",
            Message(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), new[] { 0, 1, 2 })));
        Assert.Contains("expected logits of shape [batch, classes], got [6]",
            Message(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(6), Tensor.Zeros(6))));
        Assert.Contains("expected a prediction of shape [batch, 2d] (d means, then d log-variances), got [4, 3]",
            Message(() => new GaussianNLL().Forward(Tensor.Zeros(4, 3), Tensor.Zeros(4))));
        Assert.Contains("the target must be [4, 1] or [4], got [4, 2]",
            Message(() => new GaussianNLL().Forward(Tensor.Zeros(4, 2), Tensor.Zeros(4, 2))));
    }

    [Fact]
    public void Labels_out_of_range()
    {
        Assert.Contains("label 3 of example 1 is not a class index; expected a whole number in [0, 2] (3 classes)",
            Message(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), Tensor.From([0.0, 3]))));
        Assert.Contains("label 1.5 of example 0 is not a class index",
            Message(() => new NegativeLogLikelihood().Forward(Tensor.Full(-1, 2, 3), Tensor.From([1.5, 0]))));
        Assert.Contains("label -1 of example 0 is out of range; expected a class index in [0, 2] (3 classes)",
            Message(() => new MulticlassHinge().Forward(Tensor.Zeros(1, 3), new[] { -1 })));
        Assert.Contains("label 0 at [1] is not a ±1 label; expected −1 or +1 (for 0/1 labels use 2y − 1)",
            Message(() => new Hinge().Forward(Tensor.Zeros(2), Tensor.From([1.0, 0]))));
    }

    [Fact]
    public void Probabilities_outside_0_1()
    {
        Assert.Contains("BinaryCrossEntropy: predictions must be probabilities in [0, 1], got 1.2 at [1, 0]",
            Message(() => new BinaryCrossEntropy().Forward(Tensor.FromArray([0.5, 1.2], 2, 1), Tensor.Zeros(2, 1))));
        Assert.Contains("targets must be probabilities in [0, 1], got -0.1 at [0]",
            Message(() => new BinaryCrossEntropyWithLogits().Forward(Tensor.Zeros(1), Tensor.From([-0.1]))));
        Assert.Contains("each row of the target must be a distribution summing to 1, but row 0 sums to 0.9",
            Message(() => new KLDivergence().Forward(Tensor.FromArray([0.5, 0.5], 1, 2), Tensor.FromArray([0.4, 0.5], 1, 2))));
        Assert.Contains("predictions must be probabilities in [0, 1], got NaN",
            Message(() => new KLDivergence().Forward(Tensor.FromArray([double.NaN, 0.5], 1, 2), Tensor.FromArray([0.5, 0.5], 1, 2))));
        Assert.Contains("expected log-probabilities (≤ 0, e.g. from LogSoftmax), got 0.3 at [0, 1]",
            Message(() => new NegativeLogLikelihood().Forward(Tensor.FromArray([-1, 0.3], 1, 2), new[] { 0 })));
        Assert.Contains("each row of the target must be a distribution summing to 1, but row 1 sums to 2",
            Message(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 2), Tensor.From(new double[,] { { 0.5, 0.5 }, { 1, 1 } }))));
    }

    [Fact]
    public void Bad_constructor_arguments_and_backward_before_forward()
    {
        Assert.Contains("label smoothing ε in [0, 1), got 1", Message(() => _ = new SoftmaxCrossEntropy(1)));
        Assert.Contains("clamp ε in (0, 0.5), got 0", Message(() => _ = new BinaryCrossEntropy(0)));
        Assert.Contains("finite factor > 0, got -1", Message(() => _ = new MeanSquaredError(-1)));
        Assert.Contains("margin Δ > 0, got 0", Message(() => _ = new MulticlassHinge(0)));
        Assert.Contains("Backward was called before Forward", Assert.Throws<InvalidOperationException>(() => new Hinge().Backward()).Message);
    }
}
