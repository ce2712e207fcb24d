using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// The course's look: one template (white background, light grid, the <see cref="Palette"/> colour way, one
/// font), titled axes and a legend. Every chart of <see cref="Charts"/> is built through it; apply it to a
/// chart of your own with <see cref="Apply"/>.
/// </summary>
public static class ChartStyle
{
    /// <summary>The font stack of titles, labels and node texts.</summary>
    public const string FontFamily = "\"Segoe UI\", \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif";

    /// <summary>Default chart width in pixels.</summary>
    public const int Width = 760;

    /// <summary>Default chart height in pixels.</summary>
    public const int Height = 500;

    /// <summary>The plotly.js template (layout defaults) every chart uses.</summary>
    public static DynamicObj.DynamicObj Template()
    {
        DynamicObj.DynamicObj AxisDefaults() => Dyn.Of(
            ("gridcolor", "#E6E6E6"), ("zerolinecolor", "#B0B0B0"), ("zerolinewidth", 1),
            ("linecolor", "#555555"), ("showline", true), ("ticks", "outside"), ("tickcolor", "#555555"),
            ("automargin", true), ("title", Dyn.Of(("standoff", 8))));
        return Dyn.Of(("layout", Dyn.Of(
            ("font", Dyn.Of(("family", FontFamily), ("size", 14), ("color", Palette.Ink))),
            ("title", Dyn.Of(("x", 0.02), ("xanchor", "left"), ("font", Dyn.Of(("size", 18))))),
            ("paper_bgcolor", "white"), ("plot_bgcolor", "white"),
            ("colorway", Palette.Series.ToArray()),
            ("xaxis", AxisDefaults()), ("yaxis", AxisDefaults()),
            ("legend", Dyn.Of(("bgcolor", "rgba(255,255,255,0.85)"), ("bordercolor", "#CCCCCC"), ("borderwidth", 1))),
            ("hoverlabel", Dyn.Of(("font", Dyn.Of(("family", FontFamily))))),
            ("margin", Dyn.Of(("l", 70), ("r", 30), ("t", 60), ("b", 60))))));
    }

    /// <summary>An axis with a title and optional plotly.js axis settings (e.g. ("type", "log")).</summary>
    public static DynamicObj.DynamicObj Axis(string title, params (string Name, object? Value)[] settings) =>
        Dyn.Fill(Dyn.Of(("title", Dyn.Of(("text", title)))), settings);

    /// <summary>A layout with the course template, a title, a size and further plotly.js layout settings.</summary>
    public static Layout Layout(string? title, params (string Name, object? Value)[] settings)
    {
        var layout = new Layout();
        layout.SetProperty("template", Template());
        if (!string.IsNullOrEmpty(title)) layout.SetProperty("title", Dyn.Of(("text", title)));
        layout.SetProperty("width", Width);
        layout.SetProperty("height", Height);
        return Dyn.Fill(layout, settings);
    }

    /// <summary>The chart of these traces under this layout.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(layout);
        var chart = GenericChart.ofTraceObjects(false, traces.ToList());
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>
    /// Gives a chart made elsewhere (e.g. with Plotly.NET.CSharp's <c>Chart.Line</c>) the course template,
    /// keeping its own layout settings.
    /// </summary>
    public static GenericChart Apply(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty("template", Template());
        return GenericChart.setLayout(layout, chart);
    }
}
