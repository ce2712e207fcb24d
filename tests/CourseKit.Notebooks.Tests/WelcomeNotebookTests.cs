using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

public class WelcomeNotebookTests
{
    [Fact]
    public async Task The_welcome_notebook_runs_and_shows_a_tensor_the_gate_example_and_a_chart()
    {
        await KitBuild.EnsureAsync();
        var r = await NotebookRunner.RunFileAsync(Path.Combine(KitBuild.NotebooksFolder, "00-welcome.ipynb"), new NotebookRunOptions());
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        var outputs = r.Executed!.Cells.SelectMany(c => c.Outputs).ToArray();
        Assert.Contains(outputs.OfType<DisplayDataOutput>(), d => d.Data.TryGetValue("text/html", out var h) && h.Contains("Tensor[2, 3]"));
        Assert.Contains(outputs.OfType<StreamOutput>(), s => s.Text == "f = -12, df/dx = -4, df/dy = -4, df/dz = 3\n");
        Assert.Contains(outputs.OfType<DisplayDataOutput>(), d => d.Data.TryGetValue("text/html", out var h) && h.Contains("Plotly.newPlot"));
    }
}
