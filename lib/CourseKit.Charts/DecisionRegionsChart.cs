using System.Globalization;
using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A labelled 2-D data set as a scatter (class k always in <see cref="Palette.Color"/>(k)) over the model's
    /// decision regions: <paramref name="classifier"/> evaluated on a <paramref name="resolution"/>² grid and
    /// drawn as a heat map in light tints of the same class colours. Without a classifier only the points are
    /// drawn. The ranges default to the data's bounding box plus 10 % on each side.
    /// </summary>
    /// <example><code>Charts.DecisionRegions(xor, labels, (x1, x2) => net.Predict(x1, x2), classNames: ["0", "1"])</code></example>
    public static GenericChart DecisionRegions(
        IReadOnlyList<(double X, double Y)> points,
        IReadOnlyList<int> labels,
        Func<double, double, int>? classifier = null,
        (double Min, double Max)? xRange = null,
        (double Min, double Max)? yRange = null,
        int resolution = 100,
        IReadOnlyList<string>? classNames = null,
        string xLabel = AxisLabels.X1,
        string yLabel = AxisLabels.X2,
        string? title = null)
    {
        var (traces, layout) = DecisionRegionParts(points, labels, classifier, xRange, yRange, resolution, classNames, xLabel, yLabel,
            title ?? (classifier is null ? "Data" : "Decision regions"), classesSeen: null);
        return ChartStyle.Chart(traces, layout);
    }

    internal static (List<Trace> Traces, Layout Layout) DecisionRegionParts(
        IReadOnlyList<(double X, double Y)> points, IReadOnlyList<int> labels, Func<double, double, int>? classifier,
        (double Min, double Max)? xRange, (double Min, double Max)? yRange, int resolution, IReadOnlyList<string>? classNames,
        string xLabel, string yLabel, string title, int? classesSeen)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (points.Count == 0) throw new ArgumentException("The data set is empty; expected at least one point.", nameof(points));
        if (labels.Count != points.Count)
            throw new ArgumentException($"Got {points.Count} points but {labels.Count} labels; expected one label per point.", nameof(labels));
        for (int i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i].X) || !double.IsFinite(points[i].Y))
                throw new ArgumentException($"Point {i} is ({Guard.N(points[i].X)}, {Guard.N(points[i].Y)}); expected finite coordinates.", nameof(points));
            if (labels[i] < 0) throw new ArgumentException($"Label {i} is {labels[i]}; expected a class index 0, 1, 2, ...", nameof(labels));
        }
        Guard.AtLeast(resolution, 2, nameof(resolution));
        var xr = xRange ?? Padded(points.Select(p => p.X));
        var yr = yRange ?? Padded(points.Select(p => p.Y));
        Guard.Range(xr, nameof(xRange));
        Guard.Range(yr, nameof(yRange));

        int[][]? regions = null;
        double[]? gx = null, gy = null;
        if (classifier is not null)
        {
            gx = Grid2D.Linspace(xr, resolution);
            gy = Grid2D.Linspace(yr, resolution);
            regions = [.. gy.Select(y => gx.Select(x => classifier(x, y)).ToArray())];
            for (int j = 0; j < resolution; j++)
                for (int i = 0; i < resolution; i++)
                    if (regions[j][i] < 0)
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"The classifier returned {regions[j][i]} at ({Guard.N(gx[i])}, {Guard.N(gy[j])}); expected a class index 0, 1, 2, ..."), nameof(classifier));
        }
        int classes = Math.Max(labels.Max() + 1, regions is null ? 0 : regions.Max(r => r.Max()) + 1);
        if (classesSeen is { } atLeast) classes = Math.Max(classes, atLeast);
        if (classNames is not null && classNames.Count < classes)
            throw new ArgumentException($"Got {classNames.Count} class names for {classes} classes; expected one name per class.", nameof(classNames));
        string ClassName(int k) => classNames?[k] ?? $"class {k}";

        var traces = new List<Trace>();
        if (regions is not null)
        {
            // A step colour scale: class k covers [k/K, (k+1)/K]; with zmin = −0.5 and zmax = K − 0.5, z = k lands in its middle.
            var scale = Enumerable.Range(0, classes).SelectMany(k => new[]
                { ((double)k / classes, Palette.Tint(k)), ((double)(k + 1) / classes, Palette.Tint(k)) });
            traces.Add(Dyn.Trace("heatmap", ("name", "decision regions"), ("x", gx), ("y", gy), ("z", regions),
                ("zmin", -0.5), ("zmax", classes - 0.5), ("colorscale", Dyn.Scale(scale)), ("showscale", false),
                ("zsmooth", false), ("showlegend", false),
                ("hovertemplate", "(%{x:.3g}, %{y:.3g}) → class %{z}<extra></extra>")));
        }
        for (int k = 0; k < classes; k++)
        {
            var members = Enumerable.Range(0, points.Count).Where(i => labels[i] == k).ToArray();
            traces.Add(Dyn.Trace("scatter", ("name", ClassName(k)), ("mode", "markers"),
                ("x", members.Select(i => points[i].X).ToArray()), ("y", members.Select(i => points[i].Y).ToArray()),
                ("marker", Dyn.Of(("color", Palette.Color(k)), ("size", 8), ("line", Dyn.Of(("color", "white"), ("width", 1)))))));
        }
        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { xr.Min, xr.Max }), ("showgrid", regions is null), ("zeroline", false))),
            ("yaxis", ChartStyle.Axis(yLabel, ("range", new[] { yr.Min, yr.Max }), ("showgrid", regions is null), ("zeroline", false))));
        return (traces, layout);
    }

    private static (double Min, double Max) Padded(IEnumerable<double> values)
    {
        double min = values.Min(), max = values.Max();
        double pad = max > min ? 0.1 * (max - min) : 1;
        return (min - pad, max + pad);
    }
}
