namespace CourseKit.Charts.Tests;

public class StyleTests
{
    [Fact]
    public void Tint_mixes_a_palette_colour_with_white()
    {
        Assert.Equal("rgb(0,114,178)", Palette.Tint(0, 1)); // #0072B2
        Assert.Equal("rgb(255,255,255)", Palette.Tint(0, 0));
        Assert.Equal("rgb(128,185,217)", Palette.Tint(0, 0.5)); // 255 − 0.5·(255 − c), halves rounded up: 184.5 → 185, 216.5 → 217
        Assert.Equal(Palette.Color(0), Palette.Color(Palette.Series.Count));
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => Palette.Tint(0, 1.5)).Message);
        Assert.Contains("0 or more", Assert.Throws<ArgumentException>(() => Palette.Color(-1)).Message);
    }

    [Fact]
    public void Every_chart_carries_the_course_template_with_the_palette_as_colour_way()
    {
        var charts = new[]
        {
            Charts.LossCurve([1.0, 0.5]),
            Charts.FunctionAndDerivative(x => x, (0, 1), samples: 3),
            Charts.Contour((x, y) => x + y, (0, 1), (0, 1), resolution: 3),
            Charts.Surface((x, y) => x + y, (0, 1), (0, 1), resolution: 3),
            Charts.DecisionRegions([(0.0, 0.0)], [0]),
        };
        foreach (var chart in charts)
        {
            var colorway = Figure.Of(chart).Layout.At("template", "layout", "colorway").Strings();
            Assert.Equal(Palette.Series, colorway);
        }
    }

    [Fact]
    public void Apply_gives_a_foreign_chart_the_template_and_keeps_its_traces()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0], Name: "mine");
        var fig = Figure.Of(ChartStyle.Apply(chart));
        Assert.Equal(["mine"], fig.Names);
        Assert.Equal(ChartStyle.FontFamily, fig.Layout.Str("template", "layout", "font", "family"));
    }

    [Fact]
    public void Standalone_html_inlines_plotly_and_declares_utf8()
    {
        string html = ChartHtml.Standalone(Charts.LossCurve([1.0, 0.5]));
        Assert.Contains("Plotly.newPlot", html);
        Assert.DoesNotContain("<script src=", html); // no CDN reference: works offline
        Assert.Contains("charset=\"utf-8\"", html);
        Assert.True(html.Length > 1_000_000, "plotly.js (several MB) should be inlined");
        Assert.Contains("J(θ)", html);
    }
}
