using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Kernel.Install;
using CourseKit.Kernel.Server;

namespace CourseKit.Kernel.Tests;

/// <summary>
/// <c>jupyter nbconvert --to notebook --execute</c> runs a course notebook through the kernel (selected by the
/// notebook's own <c>.net-csharp</c> kernelspec) and its outputs equal <c>coursekit run</c>'s, once chart ids
/// are normalised, a trailing value's execute_result is read as the display_data the executor saves, and the
/// kernel's one plotly.js loader output is set aside.
/// </summary>
public partial class NbconvertTests
{
    /// <summary>What differs between any two runs: chart element ids and printed timings.</summary>
    [GeneratedRegex(@"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|\d+(\.\d+)?\s?(ms|s)\b")]
    private static partial Regex Id();

    private static string Text(JsonNode? node) => node is JsonArray a ? string.Concat(a.Select(x => (string)x!)) : (string?)node ?? "";

    /// <summary>Each code cell's outputs as comparable strings.</summary>
    private static List<string[]> Outputs(JsonObject notebook, bool fromKernel, List<string> loaders)
    {
        var cells = new List<string[]>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string)cell!["cell_type"]! != "code") continue;
            var list = new List<string>();
            foreach (var o in cell["outputs"]!.AsArray())
            {
                var type = (string)o!["output_type"]!;
                if (type == "stream") list.Add($"stream {o["name"]}: {Id().Replace(Text(o["text"]), "ID")}");
                else if (type == "error") list.Add($"error {o["ename"]}: {o["evalue"]}");
                else
                {
                    var data = o["data"]!.AsObject();
                    if (fromKernel && data["text/html"] is { } h && Text(h).Contains(PlotlyLoader.Marker))
                    {
                        loaders.Add(Text(h));
                        continue;
                    }
                    // the kernel sends a trailing value as execute_result; the executor saves it as display_data
                    list.Add("display " + string.Join(" | ", data.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {Id().Replace(Text(kv.Value).Replace("\r\n", "\n"), "ID")}")));
                }
            }
            cells.Add([.. list]);
        }
        return cells;
    }

    public static TheoryData<string> CourseNotebooks() =>
        [.. Directory.GetFiles(Path.Combine(Tools.RepositoryRoot, "notebooks"), "*.ipynb").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void A_course_notebook_executed_by_nbconvert_through_the_kernel_equals_coursekit_run(string name)
    {
        var root = Tools.TempFolder();
        var notebook = Tools.StageCourseNotebook(root, name);
        var env = Tools.JupyterEnvironment(root, KernelSpecInstaller.DefaultName);

        var ran = Tools.Run(Tools.Coursekit, ["run", notebook, "--out", Path.Combine(root, "run-out")]);
        Assert.True(ran.Exit == 0, ran.Stdout + ran.Stderr);
        var converted = Tools.Run(Tools.Python, ["-m", "nbconvert", "--to", "notebook", "--execute", "--output-dir", Path.Combine(root, "nbconvert-out"),
            "--ExecutePreprocessor.timeout=300", notebook], env);
        Assert.True(converted.Exit == 0, converted.Stderr);

        var loaders = new List<string>();
        var expected = Outputs(Tools.Json(File.ReadAllText(Path.Combine(root, "run-out", name))), false, loaders);
        var actual = Outputs(Tools.Json(File.ReadAllText(Path.Combine(root, "nbconvert-out", name))), true, loaders);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        Assert.Contains(expected.SelectMany(c => c), o => o.Contains("Plotly.newPlot"));
        // plotly.js went once, offline, with the notebook: no CDN address in it
        var loader = Assert.Single(loaders);
        Assert.True(loader.Length > 1_000_000, "the loader carries the whole plotly.js");
        Assert.DoesNotContain("cdn.plot.ly/plotly", loader[..2000]);
    }
}
