using System.Globalization;
using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A confusion matrix C[actual, predicted] (as <c>Metrics.ConfusionMatrix</c> returns it) as a heat map: one row per
    /// actual class (the first class at the top), one column per predicted class, each cell labelled with its count.
    /// A good classifier shows a dark diagonal; an off-diagonal cell says which class is taken for which.
    /// </summary>
    /// <example><code>Charts.ConfusionMatrix(Metrics.ConfusionMatrix(scores, labels), ["0", "1", "2"])</code></example>
    public static GenericChart ConfusionMatrix(int[,] counts, IReadOnlyList<string>? classNames = null, string? title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.GetLength(0);
        if (k == 0 || counts.GetLength(1) != k)
            throw new ArgumentException($"Expected a square K × K confusion matrix with K ≥ 1, got {counts.GetLength(0)} × {counts.GetLength(1)}.", nameof(counts));
        if (classNames is not null && classNames.Count != k)
            throw new ArgumentException($"Got {classNames.Count} class names for {k} classes; expected one name per class.", nameof(classNames));
        for (int a = 0; a < k; a++)
            for (int p = 0; p < k; p++)
                if (counts[a, p] < 0)
                    throw new ArgumentException($"Count [{a}, {p}] is {counts[a, p]}; expected counts ≥ 0.", nameof(counts));
        string[] names = [.. Enumerable.Range(0, k).Select(i => classNames?[i] ?? i.ToString(CultureInfo.InvariantCulture))];
        int[][] z = [.. Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Select(p => counts[a, p]).ToArray())];
        string[][] text = [.. z.Select(row => row.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray())];
        var heat = Dyn.Trace("heatmap", ("name", "counts"), ("x", names), ("y", names), ("z", z), ("text", text),
            ("texttemplate", "%{text}"), ("colorscale", Dyn.Scale([(0.0, "#FFFFFF"), (1.0, Palette.Blue)])),
            ("xgap", 1), ("ygap", 1), ("showscale", true),
            ("hovertemplate", "actual %{y}, predicted %{x}: %{z}<extra></extra>"));
        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis("predicted class", ("type", "category"), ("side", "bottom"))),
            ("yaxis", ChartStyle.Axis("actual class", ("type", "category"), ("autorange", "reversed"))),
            ("width", 560), ("height", 520));
        return ChartStyle.Chart([heat], layout);
    }
}
