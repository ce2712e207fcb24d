using System.Text.Json;
using Newtonsoft.Json.Linq;
using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// An animation made of charts: <paramref name="frames"/>[0] is shown first (its layout is kept), a slider
    /// steps through the frames and Play / Pause buttons run them, <paramref name="frameMilliseconds"/> apart.
    /// Every frame must have the same traces in the same order (the same number, the same types); traces that
    /// are identical in all frames (a contour background, the data points) are sent once, only the changing
    /// ones go into the frames.
    /// <para>
    /// Plotly.NET 6.0.0 cannot carry plotly.js <c>frames</c> (its figure JSON always has an empty frame list and
    /// its HTML calls <c>Plotly.newPlot</c> without them), so each slider step and the Play button hold their
    /// frame objects themselves (plotly.js <c>Plotly.animate</c> accepts frame objects as well as names).
    /// That works wherever the chart is displayed, with no script of our own.
    /// </para>
    /// </summary>
    /// <example><code>Charts.Animate(epochs.Select(e => Charts.Fit(data, models[e])).ToList(), labels)</code></example>
    public static GenericChart Animate(IReadOnlyList<GenericChart> frames, IReadOnlyList<string>? labels = null,
        int frameMilliseconds = 400, string sliderPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0) throw new ArgumentException("Expected at least one frame; got none.", nameof(frames));
        if (labels is not null && labels.Count != frames.Count)
            throw new ArgumentException($"Got {frames.Count} frames but {labels.Count} labels; expected one label per frame.", nameof(labels));
        Guard.AtLeast(frameMilliseconds, 1, nameof(frameMilliseconds));
        for (int k = 0; k < frames.Count; k++)
            if (frames[k] is null) throw new ArgumentException($"Frame {k} is null; expected a chart.", nameof(frames));

        var traces = frames.Select(f => GenericChart.getTraces(f).ToArray()).ToArray();
        var json = frames.Select(TraceJson).ToArray();
        int count = traces[0].Length;
        for (int k = 1; k < frames.Count; k++)
        {
            if (traces[k].Length != count)
                throw new ArgumentException($"Frame {k} has {traces[k].Length} traces but frame 0 has {count}; every frame must have the same traces in the same order.", nameof(frames));
            for (int t = 0; t < count; t++)
                if (json[k][t].Type != json[0][t].Type)
                    throw new ArgumentException($"Trace {t} is a '{json[k][t].Type}' in frame {k} but a '{json[0][t].Type}' in frame 0; every frame must have the same trace types in the same order.", nameof(frames));
        }
        int[] changing = [.. Enumerable.Range(0, count).Where(t => json.Any(frame => frame[t].Text != json[0][t].Text))];
        string Label(int k) => labels?[k] ?? (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var frameObjects = Enumerable.Range(0, frames.Count).Select(k => Dyn.Of(
            ("name", Label(k)),
            // the frame's trace JSON, written once above: Plotly.NET serializes a Trace nested in the layout (as
            // the sliders and buttons hold them) tens of milliseconds at a time, 20 s for a 40-frame animation
            ("data", changing.Select(t => (object)new JRaw(json[k][t].Text)).ToArray()),
            ("traces", changing))).ToArray();
        var stepOptions = Dyn.Of(("mode", "immediate"), ("frame", Dyn.Of(("duration", 0), ("redraw", true))), ("transition", Dyn.Of(("duration", 0))));
        var steps = frameObjects.Select((frame, k) => Dyn.Of(
            ("label", Label(k)), ("method", "animate"), ("args", new object[] { new object[] { frame }, stepOptions }))).ToArray();
        var playOptions = Dyn.Of(("mode", "immediate"), ("frame", Dyn.Of(("duration", frameMilliseconds), ("redraw", true))),
            ("transition", Dyn.Of(("duration", 0))));
        var pauseOptions = Dyn.Of(("mode", "immediate"), ("frame", Dyn.Of(("duration", 0), ("redraw", false))), ("transition", Dyn.Of(("duration", 0))));
        var buttons = new object[]
        {
            Dyn.Of(("label", "▶ Play"), ("method", "animate"), ("args", new object[] { frameObjects, playOptions })),
            Dyn.Of(("label", "❚❚ Pause"), ("method", "animate"), ("args", new object[] { new object?[] { null }, pauseOptions })),
        };

        var layout = CopyLayout(GenericChart.getLayout(frames[0]));
        layout.SetProperty("sliders", new object[]
        {
            Dyn.Of(("active", 0), ("steps", steps), ("x", 0.12), ("len", 0.88), ("y", 0), ("yanchor", "top"),
                ("pad", Dyn.Of(("t", 45), ("b", 10))),
                ("currentvalue", Dyn.Of(("prefix", sliderPrefix), ("visible", true), ("xanchor", "right"))),
                ("font", Dyn.Of(("size", 11)))),
        });
        layout.SetProperty("updatemenus", new object[]
        {
            Dyn.Of(("type", "buttons"), ("direction", "left"), ("showactive", false), ("buttons", buttons),
                ("x", 0.1), ("xanchor", "right"), ("y", 0), ("yanchor", "top"), ("pad", Dyn.Of(("t", 55), ("r", 10)))),
        });
        int height = layout.TryGetTypedPropertyValue<int>("height") is { } h ? h.Value : ChartStyle.Height;
        layout.SetProperty("height", height + 110);
        // The slider and buttons take the bottom: a legend placed there (contours) moves to the top right.
        layout.SetProperty("legend", Dyn.Of(("x", 1), ("xanchor", "right"), ("y", 1.02), ("yanchor", "bottom"), ("orientation", "h")));
        var margin = Dyn.Of(("l", 70), ("r", 30), ("t", 80), ("b", 150));
        layout.SetProperty("margin", margin);
        return ChartStyle.Chart(traces[0], layout);
    }

    private static (string Type, string Text)[] TraceJson(GenericChart chart)
    {
        using var doc = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        return [.. doc.RootElement.GetProperty("data").EnumerateArray()
            .Select(t => (t.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "", t.GetRawText()))];
    }

    private static Layout CopyLayout(Layout source)
    {
        var copy = new Layout();
        foreach (var property in source.GetProperties(false)) copy.SetProperty(property.Key, property.Value);
        return copy;
    }

    /// <summary>
    /// Optimiser paths moving over the contour plot of <paramref name="f"/>: frame k shows every path up to its
    /// k-th step (a path that has ended stays at its end). At most <paramref name="maxFrames"/> frames, evenly
    /// spread over the longest path. The contour is computed once and sent once. For a long run, pass every
    /// n-th point of each path and <paramref name="stepsPerPoint"/> = n: the slider then counts optimiser steps
    /// (point k is labelled step k·n), and the chart stays small.
    /// </summary>
    public static GenericChart AnimatedPaths(
        Func<double, double, double> f,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange,
        IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)> paths,
        int resolution = 81,
        int levels = 20,
        bool logLevels = false,
        bool equalAspect = false,
        (double X, double Y)? minimum = null,
        int maxFrames = 60,
        int frameMilliseconds = 150,
        string xLabel = AxisLabels.Theta1,
        string yLabel = AxisLabels.Theta2,
        string zLabel = AxisLabels.Cost,
        string? title = null,
        int stepsPerPoint = 1)
    {
        var pathList = PathTraces.Check(paths, nameof(paths));
        if (pathList.Count == 0) throw new ArgumentException("Expected at least one path to animate; got none.", nameof(paths));
        Guard.AtLeast(maxFrames, 2, nameof(maxFrames));
        Guard.AtLeast(stepsPerPoint, 1, nameof(stepsPerPoint));
        var contour = ContourTrace(f, xRange, yRange, resolution, levels, logLevels, zLabel);
        var layout = ContourLayout(xRange, yRange, equalAspect, xLabel, yLabel, title ?? $"{zLabel}: paths step by step");
        int longest = pathList.Max(p => p.Points.Count);
        var stepsShown = FrameIndices(longest, maxFrames);
        var charts = stepsShown.Select(step =>
        {
            var traces = new List<Trace> { contour };
            for (int p = 0; p < pathList.Count; p++) traces.AddRange(PathTraces.Flat(pathList[p].Name, pathList[p].Points, p, upTo: step + 1));
            if (minimum is { } m) traces.Add(MinimumTrace(m));
            return ChartStyle.Chart(traces, layout);
        }).ToList();
        return Animate(charts, [.. stepsShown.Select(s => ((long)s * stepsPerPoint).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            frameMilliseconds, "step ");
    }

    /// <summary>
    /// A training run's decision regions, one frame per entry of <paramref name="classifiers"/> (e.g. the model
    /// after each epoch), over the fixed data set. Class colours and the grid stay the same in every frame.
    /// </summary>
    public static GenericChart AnimatedDecisionRegions(
        IReadOnlyList<(double X, double Y)> points,
        IReadOnlyList<int> labels,
        IReadOnlyList<Func<double, double, int>> classifiers,
        IReadOnlyList<string>? frameLabels = null,
        (double Min, double Max)? xRange = null,
        (double Min, double Max)? yRange = null,
        int resolution = 60,
        IReadOnlyList<string>? classNames = null,
        int frameMilliseconds = 400,
        string xLabel = AxisLabels.X1,
        string yLabel = AxisLabels.X2,
        string? title = "Decision regions during training")
    {
        var list = Guard.NonEmpty(classifiers, "classifier (one per frame)", nameof(classifiers));
        for (int k = 0; k < list.Count; k++)
            if (list[k] is null) throw new ArgumentException($"Classifier {k} is null; expected one classifier per frame.", nameof(classifiers));
        var parts = list.Select(c => DecisionRegionParts(points, labels, c, xRange, yRange, resolution, classNames, xLabel, yLabel, title ?? "", null)).ToList();
        int most = parts.Max(p => p.Traces.Count);
        for (int k = 0; k < parts.Count; k++)
            if (parts[k].Traces.Count < most) // a class only some frames predict: give every frame all classes
                parts[k] = DecisionRegionParts(points, labels, list[k], xRange, yRange, resolution, classNames, xLabel, yLabel, title ?? "", most - 1);
        return Animate([.. parts.Select(p => ChartStyle.Chart(p.Traces, p.Layout))],
            frameLabels ?? [.. Enumerable.Range(1, list.Count).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            frameMilliseconds, "epoch ");
    }

    /// <summary>
    /// A regression model's fitted curve during training, one frame per entry of <paramref name="models"/>,
    /// over the fixed data. The y axis is fixed to the data's range plus 25 % so the frames can be compared.
    /// </summary>
    public static GenericChart AnimatedFit(
        IReadOnlyList<(double X, double Y)> points,
        IReadOnlyList<Func<double, double>> models,
        IReadOnlyList<string>? frameLabels = null,
        (double Min, double Max)? xRange = null,
        Func<double, double>? truth = null,
        int samples = 200,
        int frameMilliseconds = 400,
        string xLabel = AxisLabels.X,
        string yLabel = AxisLabels.Y,
        string? title = "Fit during training")
    {
        var list = Guard.NonEmpty(models, "model (one per frame)", nameof(models));
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("The data set is empty; expected at least one point.", nameof(points));
        var ys = points.Select(p => p.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double span = Math.Max(ys.Max() - ys.Min(), 1e-9);
        var yRange = (ys.Min() - 0.25 * span, ys.Max() + 0.25 * span);
        var charts = list.Select(m =>
        {
            var (traces, layout) = FitParts(points, m, xRange, truth, samples, "model", xLabel, yLabel, title, yRange);
            return ChartStyle.Chart(traces, layout);
        }).ToList();
        return Animate(charts,
            frameLabels ?? [.. Enumerable.Range(1, list.Count).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            frameMilliseconds, "epoch ");
    }

    /// <summary>Up to <paramref name="maxFrames"/> step indices from 0 to count − 1, evenly spread, both ends included.</summary>
    internal static int[] FrameIndices(int count, int maxFrames) =>
        count <= maxFrames
            ? [.. Enumerable.Range(0, count)]
            : [.. Enumerable.Range(0, maxFrames).Select(i => (int)Math.Round((double)i * (count - 1) / (maxFrames - 1))).Distinct()];
}
