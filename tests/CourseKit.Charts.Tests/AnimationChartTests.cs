using System.Text.Json;

namespace CourseKit.Charts.Tests;

public class AnimationChartTests
{
    private static double Bowl(double x, double y) => x * x + 10 * y * y;

    private static JsonElement[] Steps(Figure fig) => [.. fig.Layout.GetProperty("sliders")[0].GetProperty("steps").EnumerateArray()];

    private static JsonElement[] PlayFrames(Figure fig)
    {
        var play = fig.Layout.GetProperty("updatemenus")[0].GetProperty("buttons")[0];
        Assert.Equal("animate", play.Str("method"));
        return [.. play.GetProperty("args")[0].EnumerateArray()];
    }

    private static (double, double)[] Line(int n) => [.. Enumerable.Range(0, n).Select(i => (-2.0 + i * 0.1, 1.0 - i * 0.05))];

    [Fact]
    public void A_path_animation_has_one_slider_step_and_frame_per_step_with_the_contour_sent_once()
    {
        var fig = Figure.Of(Charts.AnimatedPaths(Bowl, (-3, 3), (-2, 2), [("A", Line(6)), ("B", Line(4))], resolution: 11));
        var steps = Steps(fig);
        var frames = PlayFrames(fig);
        Assert.Equal(6, steps.Length);
        Assert.Equal(6, frames.Length);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], steps.Select(s => s.Str("label")));
        Assert.Equal("animate", steps[2].Str("method"));
        Assert.Equal("2", steps[2].GetProperty("args")[0][0].Str("name"));
        // traces: contour, A (line, start, end), B (line, start, end); the contour and the starts never change
        Assert.Equal(7, fig.Data.Length);
        Assert.Equal([1, 3, 4, 6], frames[0].GetProperty("traces").EnumerateArray().Select(t => t.GetInt32()));
        var aLineAtStep3 = frames[3].GetProperty("data")[0];
        Assert.Equal(4, aLineAtStep3.GetProperty("x").GetArrayLength());
        var bLineAtStep5 = frames[5].GetProperty("data")[2]; // B ended at step 3 and stays there
        Assert.Equal(4, bLineAtStep5.GetProperty("x").GetArrayLength());
        Assert.Equal(2, fig.Layout.GetProperty("updatemenus")[0].GetProperty("buttons").GetArrayLength());
    }

    [Fact]
    public void A_long_path_is_shown_in_at_most_max_frames_including_both_ends()
    {
        var fig = Figure.Of(Charts.AnimatedPaths(Bowl, (-3, 3), (-2, 2), [("A", Line(200))], resolution: 5, maxFrames: 60));
        var steps = Steps(fig);
        Assert.Equal(60, steps.Length);
        Assert.Equal("0", steps[0].Str("label"));
        Assert.Equal("199", steps[^1].Str("label"));
    }

    [Fact]
    public void A_subsampled_path_is_labelled_in_optimiser_steps()
    {
        // 11 points, one every 20 steps: the slider reads 0, 20, ..., 200 and frame k still shows k + 1 points
        var fig = Figure.Of(Charts.AnimatedPaths(Bowl, (-3, 3), (-2, 2), [("A", Line(11))], resolution: 5, stepsPerPoint: 20));
        var steps = Steps(fig);
        Assert.Equal(11, steps.Length);
        Assert.Equal("20", steps[1].Str("label"));
        Assert.Equal("200", steps[^1].Str("label"));
        Assert.Equal(4, PlayFrames(fig)[3].GetProperty("data")[0].GetProperty("x").GetArrayLength());
        var ex = Assert.Throws<ArgumentException>(() => Charts.AnimatedPaths(Bowl, (-3, 3), (-2, 2), [("A", Line(3))], stepsPerPoint: 0));
        Assert.Contains("stepsPerPoint must be at least 1; got 0", ex.Message);
    }

    [Fact]
    public void Decision_regions_animation_changes_only_the_regions_per_epoch()
    {
        (double X, double Y)[] points = [(-1, -1), (1, 1), (1, -1)];
        int[] labels = [1, 1, 0];
        var classifiers = Enumerable.Range(0, 4).Select(e => (Func<double, double, int>)((x, y) => x > e * 0.3 - 0.5 ? 1 : 0)).ToList();
        var fig = Figure.Of(Charts.AnimatedDecisionRegions(points, labels, classifiers, resolution: 12));
        Assert.Equal(["1", "2", "3", "4"], Steps(fig).Select(s => s.Str("label")));
        var frames = PlayFrames(fig);
        Assert.Equal(4, frames.Length);
        Assert.All(frames, f => Assert.Equal([0], f.GetProperty("traces").EnumerateArray().Select(t => t.GetInt32())));
        Assert.Equal(12, frames[3].GetProperty("data")[0].GetProperty("z").GetArrayLength());
        Assert.Equal("epoch ", fig.Layout.GetProperty("sliders")[0].At("currentvalue", "prefix").GetString());
    }

    [Fact]
    public void Fit_animation_changes_only_the_model_curve_and_fixes_the_y_axis()
    {
        (double X, double Y)[] data = [(0, 0), (1, 1), (2, 4)];
        var models = new List<Func<double, double>> { x => 0, x => x, x => x * x };
        var fig = Figure.Of(Charts.AnimatedFit(data, models, frameLabels: ["a", "b", "c"], xRange: (0, 2), samples: 3));
        var frames = PlayFrames(fig);
        Assert.Equal(["a", "b", "c"], frames.Select(f => f.Str("name")));
        Assert.All(frames, f => Assert.Equal([1], f.GetProperty("traces").EnumerateArray().Select(t => t.GetInt32())));
        Assert.Equal([0.0, 1, 4], frames[2].GetProperty("data")[0].GetProperty("y").Doubles());
        Assert.Equal([-1.0, 5], fig.Layout.At("yaxis", "range").Doubles());
    }

    [Fact]
    public void Frames_must_agree_in_their_traces_and_labels()
    {
        var one = Charts.LossCurve([1.0, 2.0]);
        var two = Charts.LossCurves([("a", [1.0]), ("b", [2.0])]);
        Assert.Contains("Frame 1 has 2 traces but frame 0 has 1", Assert.Throws<ArgumentException>(() => Charts.Animate([one, two])).Message);
        Assert.Contains("2 frames but 1 labels", Assert.Throws<ArgumentException>(() => Charts.Animate([one, one], ["x"])).Message);
        Assert.Contains("at least one frame", Assert.Throws<ArgumentException>(() => Charts.Animate([])).Message);
        var contour = Charts.Contour(Bowl, (-1, 1), (-1, 1), resolution: 3);
        Assert.Contains("Trace 0 is a 'contour' in frame 1 but a 'scatter' in frame 0",
            Assert.Throws<ArgumentException>(() => Charts.Animate([one, contour])).Message);
    }
}
