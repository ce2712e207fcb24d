using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

/// <summary>Every course notebook in notebooks/ runs headless, its own check cells pass, and it is seeded.</summary>
public partial class CourseNotebooksTests
{
    public static TheoryData<string> CourseNotebooks() =>
        [.. Directory.GetFiles(KitBuild.NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Course_notebook_runs_its_checks_pass_and_its_page_renders(string file)
    {
        var (r, output) = await FirstRunAsync(file);
        Assert.True(r.Status == NotebookRunStatus.Succeeded, $"{file}: {r.FirstError}");

        // the executed copy is a valid notebook, and its page of the site shows every formula typeset and every chart drawn
        ExternalTools.AssertValidNotebooks(Path.Combine(output, file));
        var site = Path.Combine(output, "site");
        SiteExporter.Export([r], site);
        var dom = ExternalTools.ChromiumDom(Path.Combine(site, Path.ChangeExtension(file, ".html")));
        Assert.DoesNotContain("$$", dom);
        Assert.DoesNotContain("katex-error", dom);
        int charts = r.Executed!.Cells.SelectMany(c => c.Outputs).OfType<DisplayDataOutput>()
            .Count(d => d.Data.TryGetValue("text/html", out var h) && h.Contains("Plotly.newPlot"));
        Assert.Equal(charts, Regex.Count(dom, "class=\"plot-container plotly\"")); // one per chart plotly.js drew
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Course_notebook_is_committed_without_outputs_and_with_polyglot_metadata(string file)
    {
        var notebook = NotebookFile.Load(Path.Combine(KitBuild.NotebooksFolder, file));
        Assert.All(notebook.Cells, c => Assert.Empty(c.Outputs));
        Assert.All(notebook.Cells.Where(c => c.Kind == CellKind.Code), c => Assert.Equal("csharp", c.KernelName));
        await Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Course_notebook_gives_the_same_outputs_twice(string file)
    {
        var first = Normalise((await FirstRunAsync(file)).Result);
        var second = Normalise(await RunAsync(file));
        Assert.Equal(first, second);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<(NotebookRunResult Result, string Output)>>> _firstRuns = new();

    /// <summary>Each notebook's first run, with its executed copy in a fresh folder: shared by the checks-and-page test and the run-twice test.</summary>
    private static Task<(NotebookRunResult Result, string Output)> FirstRunAsync(string file) =>
        _firstRuns.GetOrAdd(file, f => new Lazy<Task<(NotebookRunResult, string)>>(async () =>
        {
            var output = Directory.CreateTempSubdirectory("coursekit-course-").FullName;
            return (await RunAsync(f, output), output);
        })).Value;

    private static async Task<NotebookRunResult> RunAsync(string file, string? outputDirectory = null)
    {
        await KitBuild.EnsureAsync();
        return await NotebookRunner.RunFileAsync(Path.Combine(KitBuild.NotebooksFolder, file),
            // the time limit is a safety net: on a loaded 2-core CI machine a notebook may run several times slower
            new NotebookRunOptions { OutputDirectory = outputDirectory, CellTimeout = TimeSpan.FromMinutes(5), Workers = TestWorkers.Pool });
    }

    /// <summary>The outputs with what legitimately differs between runs (chart element ids with or without dashes, timings) masked.</summary>
    private static string[] Normalise(NotebookRunResult r) =>
        [.. r.Executed!.Cells.SelectMany(c => c.Outputs).Select(o => Volatile().Replace(Text(o), "#"))];

    private static string Text(CellOutput output) => output switch
    {
        StreamOutput s => $"{s.Name}: {s.Text}",
        DisplayDataOutput d => string.Join("\n", d.Data.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")),
        ErrorOutput e => $"{e.Name}: {e.Value}",
        _ => output.GetType().Name,
    };

    [GeneratedRegex(@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}|\d+(\.\d+)?\s?(ms|s)\b")]
    private static partial Regex Volatile();
}
