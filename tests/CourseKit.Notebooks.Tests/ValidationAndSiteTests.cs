using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

public class ValidationAndSiteTests
{
    [Fact]
    public async Task Executed_notebooks_validate_against_the_nbformat_schema()
    {
        var folder = TestNotebooks.CopyToTemp();
        HelperAssembly.Emit(Path.Combine(folder, "helper", "NotebookHelper.dll"));
        var outDir = Path.Combine(folder, "out");
        var names = new[] { "state.ipynb", "display.ipynb", "stdout.ipynb", "runtime-error.ipynb", "compile-error.ipynb", "chart-dataframe.ipynb", "unsupported-kernel.ipynb" };
        foreach (var name in names)
            await NotebookRunner.RunFileAsync(Path.Combine(folder, name), new NotebookRunOptions { OutputDirectory = outDir, KeepGoing = true });
        ExternalTools.AssertValidNotebooks([.. names.Select(n => Path.Combine(outDir, n))]);
    }

    [Fact]
    public async Task The_exported_site_draws_charts_and_typesets_formulas_offline_in_headless_chromium()
    {
        var folder = TestNotebooks.CopyToTemp();
        var site = Path.Combine(folder, "site");
        var results = new List<NotebookRunResult>();
        foreach (var name in new[] { "state.ipynb", "chart-dataframe.ipynb" })
            results.Add(await NotebookRunner.RunFileAsync(Path.Combine(folder, name), new NotebookRunOptions()));
        SiteExporter.Export(results, site);

        foreach (var page in Directory.GetFiles(site, "*.html"))
            Assert.DoesNotMatch("(src=|<link[^>]*href=)\"(https?:)?//", File.ReadAllText(page)); // every loaded asset is a local file (doc links are plain anchors)

        var chart = ExternalTools.ChromiumDom(Path.Combine(site, "chart-dataframe.html"));
        Assert.Contains("class=\"main-svg\"", chart);   // plotly drew the chart's SVG
        Assert.Contains("class=\"scatterlayer", chart);
        var math = ExternalTools.ChromiumDom(Path.Combine(site, "state.html"));
        Assert.Contains("data-math-done=\"true\"", math);
        Assert.Contains("class=\"katex\"", math);        // KaTeX typeset the formula
        Assert.DoesNotContain("$$", math);
        Assert.DoesNotContain("\\(", math);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<a href=\"state.html\">State across cells</a>", index);
        Assert.Contains("<a class=\"report\" href=\"report.html\">", index);
        var report = File.ReadAllText(Path.Combine(site, "report.html"));
        Assert.Contains("<a href=\"state.html\">State across cells</a></td><td class=\"ok\">ok<", report);
    }
}
