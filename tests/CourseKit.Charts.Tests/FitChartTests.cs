namespace CourseKit.Charts.Tests;

public class FitChartTests
{
    [Fact]
    public void Fit_draws_data_model_and_true_function()
    {
        (double X, double Y)[] data = [(0, 0.1), (1, 0.9), (2, 2.2)];
        var fig = Figure.Of(Charts.Fit(data, x => x, truth: x => x, samples: 5, xRange: (0, 2)));
        Assert.Equal(["data", "model", "true function"], fig.Names);
        Assert.Equal("markers", fig.Trace("data").Str("mode"));
        Assert.Equal([0.0, 0.5, 1, 1.5, 2], fig.Trace("model").GetProperty("y").Doubles());
        Assert.Contains("NaN or ±∞ at all", Assert.Throws<ArgumentException>(() => Charts.Fit(data, x => double.NaN)).Message);
    }
}
