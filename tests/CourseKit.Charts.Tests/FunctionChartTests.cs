namespace CourseKit.Charts.Tests;

public class FunctionChartTests
{
    [Fact]
    public void Function_and_exact_derivative_are_two_traces_sampled_on_the_range()
    {
        var fig = Figure.Of(Charts.FunctionAndDerivative(x => x * x, x => 2 * x, (-3, 3), samples: 7));
        Assert.Equal(["f(x)", "f′(x)"], fig.Names);
        var x = fig.Data[0].GetProperty("x").Doubles();
        Assert.Equal([-3.0, -2, -1, 0, 1, 2, 3], x);
        Assert.Equal(x.Select(v => v * v), fig.Data[0].GetProperty("y").Doubles());
        Assert.Equal(x.Select(v => 2 * v), fig.Data[1].GetProperty("y").Doubles());
        Assert.Equal("x", fig.AxisTitle("xaxis"));
    }

    [Fact]
    public void Without_a_derivative_the_central_difference_is_drawn_and_named_so()
    {
        var fig = Figure.Of(Charts.FunctionAndDerivative(Math.Sin, (0, 3), samples: 31));
        Assert.Contains("central difference", fig.Names[1]);
        var x = fig.Data[1].GetProperty("x").Doubles();
        var dy = fig.Data[1].GetProperty("y").Doubles();
        for (int i = 0; i < x.Length; i++) Assert.Equal(Math.Cos(x[i]), dy[i], 1e-8);
    }

    [Fact]
    public void Bad_range_samples_and_functions_are_refused()
    {
        Assert.Contains("min < max", Assert.Throws<ArgumentException>(() => Charts.FunctionAndDerivative(x => x, (1, 1))).Message);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => Charts.FunctionAndDerivative(x => x, (0, 1), samples: 1)).Message);
        Assert.Contains("NaN or ±∞ at all", Assert.Throws<ArgumentException>(() => Charts.FunctionAndDerivative(x => double.NaN, (0, 1))).Message);
        Assert.Contains("finite ends", Assert.Throws<ArgumentException>(() => Charts.FunctionAndDerivative(x => x, (0, double.PositiveInfinity))).Message);
    }
}
