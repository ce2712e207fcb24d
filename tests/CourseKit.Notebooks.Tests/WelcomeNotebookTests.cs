using System.Diagnostics;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

public class WelcomeNotebookTests
{
    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CourseKit.sln"))) return d.FullName;
        throw new InvalidOperationException("CourseKit.sln not found above the test folder");
    }

    [Fact]
    public async Task The_welcome_notebook_runs_and_shows_a_tensor_the_gate_example_and_a_chart()
    {
        var root = RepositoryRoot();
        // the notebook loads the Release build of the library, as a student's set-up command makes it
        using (var build = Process.Start("dotnet", ["build", Path.Combine(root, "lib", "CourseKit"), "-c", "Release", "--nologo", "-v", "q"]))
        {
            await build.WaitForExitAsync();
            Assert.Equal(0, build.ExitCode);
        }
        var r = await NotebookRunner.RunFileAsync(Path.Combine(root, "notebooks", "00-welcome.ipynb"), new NotebookRunOptions());
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        var outputs = r.Executed!.Cells.SelectMany(c => c.Outputs).ToArray();
        Assert.Contains(outputs.OfType<DisplayDataOutput>(), d => d.Data.TryGetValue("text/html", out var h) && h.Contains("Tensor[2, 3]"));
        Assert.Contains(outputs.OfType<StreamOutput>(), s => s.Text == "f = -12, df/dx = -4, df/dy = -4, df/dz = 3\n");
        Assert.Contains(outputs.OfType<DisplayDataOutput>(), d => d.Data.TryGetValue("text/html", out var h) && h.Contains("Plotly.newPlot"));
    }
}
