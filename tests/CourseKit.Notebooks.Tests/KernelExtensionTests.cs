using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Formatting;

namespace CourseKit.Notebooks.Tests;

/// <summary>Plotly.NET.Interactive is emulated through the formatter plugin registry, not restored.</summary>
public class KernelExtensionTests
{
    [Fact]
    public void Plotly_NET_Interactive_is_found_by_any_case_and_brings_the_chart_plugin_and_the_host_s_Plotly_NET()
    {
        var extension = KernelExtension.Find("plotly.net.interactive");
        Assert.NotNull(extension);
        Assert.Same(PlotlyFormatterPlugin.Instance, extension.Plugin);
        Assert.Contains(typeof(Plotly.NET.GenericChart).Assembly, extension.Assemblies);
        Assert.Null(KernelExtension.Find("Plotly.NET"));
    }

    [Fact]
    public async Task Loading_it_restores_nothing_and_a_chart_then_displays_as_plotly_html()
    {
        // an unusable cache folder: a restore would fail, so the cell only succeeds if nothing is restored
        var cache = Path.Combine(Directory.CreateTempSubdirectory("coursekit-ext-").FullName, "file");
        File.WriteAllText(cache, "");
        var session = new ExecutionSession(new ExecutionOptions { PackageCacheDirectory = cache });
        var load = await session.ExecuteAsync("#r \"nuget: Plotly.NET.Interactive, 5.0.0\"");
        Assert.True(load.Succeeded, string.Join("\n", load.Error?.Traceback ?? []));
        Assert.Contains(session.Packages, p => p.Name == "Plotly.NET.Interactive");
        var chart = await session.ExecuteAsync("Plotly.NET.GenericChart.ofTraceObject(false, new Plotly.NET.Trace2D(\"scatter\"))");
        Assert.True(chart.Succeeded, string.Join("\n", chart.Error?.Traceback ?? []));
        var html = Assert.IsType<CourseKit.Notebooks.Documents.DisplayDataOutput>(Assert.Single(chart.Outputs)).Data["text/html"];
        Assert.Contains("Plotly.newPlot(", html);
    }
}
