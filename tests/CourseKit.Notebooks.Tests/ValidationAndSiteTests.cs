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
        const string script = "import sys, nbformat\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))\nprint('valid', len(sys.argv) - 1)";
        var (exit, output) = ExternalTools.Run("/usr/bin/python3", ["-c", script, .. names.Select(n => Path.Combine(outDir, n))]);
        Assert.True(exit == 0, output);
        Assert.Contains($"valid {names.Length}", output);
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

        var chart = Dom(Path.Combine(site, "chart-dataframe.html"));
        Assert.Contains("class=\"main-svg\"", chart);   // plotly drew the chart's SVG
        Assert.Contains("class=\"scatterlayer", chart);
        var math = Dom(Path.Combine(site, "state.html"));
        Assert.Contains("data-math-done=\"true\"", math);
        Assert.Contains("class=\"katex\"", math);        // KaTeX typeset the formula
        Assert.DoesNotContain("$$", math);
        Assert.DoesNotContain("\\(", math);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<a href=\"state.html\">State across cells</a>", index);
        Assert.Contains("class=\"ok\">ok<", index);
    }

    /// <summary>The page's DOM after its scripts ran, from headless Chromium with networking to the outside disabled.</summary>
    private static string Dom(string page)
    {
        var profile = Path.Combine(Path.GetTempPath(), "coursekit-chromium", Guid.NewGuid().ToString("N"));
        var (exit, output) = ExternalTools.Run("/usr/bin/chromium",
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0, output);
        return output;
    }
}
