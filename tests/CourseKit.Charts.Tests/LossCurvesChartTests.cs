namespace CourseKit.Charts.Tests;

public class LossCurvesChartTests
{
    private static readonly double[] _a = [2.0, 1.0, 0.5, 0.25];
    private static readonly double[] _b = [3.0, 2.5, 2.0];

    [Fact]
    public void Two_runs_are_two_line_traces_with_their_names_and_course_axis_titles()
    {
        var fig = Figure.Of(Charts.LossCurves([("lr = 0.1", _a), ("lr = 0.01", _b)]));
        Assert.Equal(["scatter", "scatter"], fig.Types);
        Assert.Equal(["lr = 0.1", "lr = 0.01"], fig.Names);
        Assert.Equal("epoch", fig.AxisTitle("xaxis"));
        Assert.Equal("J(θ)", fig.AxisTitle("yaxis"));
        Assert.Equal("linear", fig.Layout.Str("yaxis", "type"));
        Assert.Equal([1.0, 2, 3, 4], fig.Data[0].GetProperty("x").Doubles());
        Assert.Equal(_a, fig.Data[0].GetProperty("y").Doubles());
        Assert.NotEqual(fig.Data[0].Str("line", "color"), fig.Data[1].Str("line", "color"));
    }

    [Fact]
    public void LogY_makes_the_y_axis_logarithmic()
    {
        var fig = Figure.Of(Charts.LossCurves([("a", _a)], logY: true));
        Assert.Equal("log", fig.Layout.Str("yaxis", "type"));
    }

    [Fact]
    public void Step_axis_starts_and_steps_as_asked()
    {
        var fig = Figure.Of(Charts.LossCurve(_b, xLabel: "step", xStart: 0, xStep: 10));
        Assert.Equal([0.0, 10, 20], fig.Data[0].GetProperty("x").Doubles());
        Assert.Equal("step", fig.AxisTitle("xaxis"));
    }

    [Fact]
    public void Second_metric_goes_on_a_right_axis_dashed_in_its_runs_colour()
    {
        var fig = Figure.Of(Charts.LossCurves([("a", _a), ("b", _b)], secondMetric: [("b", [0.5, 0.7, 0.9])], secondLabel: "accuracy"));
        Assert.Equal(3, fig.Data.Length);
        var acc = fig.Trace("b · accuracy");
        Assert.Equal("y2", acc.Str("yaxis"));
        Assert.Equal("dash", acc.Str("line", "dash"));
        Assert.Equal(fig.Trace("b").Str("line", "color"), acc.Str("line", "color"));
        Assert.Equal("y", fig.Layout.Str("yaxis2", "overlaying"));
        Assert.Equal("accuracy", fig.AxisTitle("yaxis2"));
    }

    [Fact]
    public void Diverged_values_become_gaps()
    {
        var fig = Figure.Of(Charts.LossCurve([1.0, double.NaN, double.PositiveInfinity, 0.5]));
        var y = fig.Data[0].GetProperty("y");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, y[2].ValueKind);
        Assert.Equal(0.5, y[3].GetDouble());
    }

    [Fact]
    public void Log_scale_with_a_non_positive_value_is_refused_naming_run_and_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.LossCurves([("run A", [1.0, 0.0])], logY: true));
        Assert.Contains("log-scale", e.Message);
        Assert.Contains("run A", e.Message);
        Assert.Contains("index 1", e.Message);
    }

    [Fact]
    public void Empty_or_missing_runs_are_refused()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Charts.LossCurves([("a", Array.Empty<double>())])).Message);
        Assert.Contains("at least one run", Assert.Throws<ArgumentException>(() => Charts.LossCurves([])).Message);
        Assert.Contains("no finite value", Assert.Throws<ArgumentException>(() => Charts.LossCurve([double.NaN, double.NaN])).Message);
    }
}
