using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class MetricsTests
{
    // Five examples, three classes; arg max of each row: 0, 2, 1, 1, 2.
    private static readonly Tensor _scores = Tensor.From(new double[,]
    {
        { 2.0, 1.0, 0.1 },
        { 0.1, 0.2, 0.7 },
        { -1, 3, 0 },
        { 0.3, 0.4, 0.3 },
        { 0, 0, 1 },
    });
    private static readonly int[] _labels = [0, 2, 2, 1, 0];

    [Fact]
    public void Accuracy_counts_arg_max_hits()
    {
        Assert.Equal([0, 2, 1, 1, 2], Metrics.PredictedClasses(_scores));
        Assert.Equal(3.0 / 5, Metrics.Accuracy(_scores, _labels));                 // examples 0, 1, 3
        Assert.Equal(3.0 / 5, Metrics.Accuracy(_scores, CourseKit.Data.DataSetTensors.OneHot(_labels, 3)));
        Assert.Equal(3.0 / 5, Metrics.Accuracy(_scores, Tensor.FromArray([0, 2, 2, 1, 0], 5, 1)));
    }

    [Fact]
    public void Binary_accuracy_thresholds_one_probability()
    {
        var p = Tensor.FromArray([0.9, 0.4, 0.5, 0.1], 4, 1);
        Assert.Equal(0.5, Metrics.BinaryAccuracy(p, [1, 1, 0, 0]));               // 0.9→1 ✓, 0.4→0 ✗, 0.5→1 ✗, 0.1→0 ✓
    }

    [Fact]
    public void Confusion_matrix_precision_and_recall_by_hand()
    {
        var c = Metrics.ConfusionMatrix(_scores, _labels);
        // (actual, predicted): (0,0) (2,2) (2,1) (1,1) (0,2)
        int[,] expected = { { 1, 0, 1 }, { 0, 1, 0 }, { 0, 1, 1 } };
        Assert.Equal(expected, c);
        // precision = diagonal / column sums (1, 2, 2); recall = diagonal / row sums (2, 1, 2)
        Assert.Equal([1.0, 0.5, 0.5], Metrics.Precision(c));
        Assert.Equal([0.5, 1.0, 0.5], Metrics.Recall(c));
        Assert.True(double.IsNaN(Metrics.Precision(new int[,] { { 1, 0 }, { 1, 0 } })[1])); // class 1 never predicted
    }

    [Fact]
    public void Mse_and_r_squared_by_hand()
    {
        var y = Tensor.FromArray([1, 2, 3, 4], 4, 1);
        var p = Tensor.FromArray([1, 3, 3, 3], 4, 1);
        // residuals 0, −1, 0, 1 → SS_res = 2, MSE = 0.5; ȳ = 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5; R² = 1 − 2/5
        Assert.Equal(0.5, Metrics.MeanSquaredError(p, y));
        Close.Equal(0.6, Metrics.RSquared(p, y), 1e-14);
        Assert.Equal(1.0, Metrics.RSquared(y, y));
    }

    [Fact]
    public void Bad_input_is_explained()
    {
        Assert.Contains("label 3 of example 4 is out of range; expected 0..2",
            Assert.Throws<ArgumentException>(() => Metrics.Accuracy(_scores, [0, 1, 2, 0, 3])).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Expected 5 labels (one per example), got 2",
            Assert.Throws<ArgumentException>(() => Metrics.Accuracy(_scores, [0, 1])).Message);
        Assert.Contains("got [5, 1]; for a single probability column use BinaryAccuracy",
            Assert.Throws<ArgumentException>(() => Metrics.PredictedClasses(Tensor.Zeros(5, 1))).Message);
        Assert.Contains("prediction [3, 1] and target [3] must have the same shape",
            Assert.Throws<ArgumentException>(() => Metrics.MeanSquaredError(Tensor.Zeros(3, 1), Tensor.Zeros(3))).Message);
        Assert.Contains("target column 0 is constant",
            Assert.Throws<ArgumentException>(() => Metrics.RSquared(Tensor.Zeros(3, 1), Tensor.Ones(3, 1))).Message);
    }
}
