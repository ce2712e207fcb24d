using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// A notebook whose first cell loads a project's build output by path (as the course notebooks load the kit) gets
/// that project built when the output is missing or older than its sources, and a clear one-line error when the
/// build fails: a student who opens a notebook before building never sees CS0006.
/// </summary>
public class ProjectBuildTests
{
    private static string TinyProject(string folder, string text, string? extra = null)
    {
        var project = Path.Combine(folder, "tiny");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Tiny.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(project, "Greeting.cs"), $"namespace Tiny; public static class Greeting {{ public const string Text = \"{text}\"; {extra} }}");
        return project;
    }

    private static string Notebook(string folder) => WorkerIsolationTests.Notebook(folder, "uses-tiny.dib",
        "#r \"tiny/bin/Release/net10.0/Tiny.dll\"", "Console.WriteLine(Tiny.Greeting.Text);");

    [Fact]
    public async Task A_missing_or_stale_project_output_is_built_by_the_cell_that_loads_it()
    {
        var folder = WorkerIsolationTests.TempFolder();
        var project = TinyProject(folder, "first");
        var notebook = Notebook(folder);

        var first = await NotebookRunner.RunFileAsync(notebook, new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(4) });
        Assert.True(first.Status == NotebookRunStatus.Succeeded, first.FirstError);
        Assert.Contains("building tiny (dotnet build tiny -c Release): Tiny.dll is missing", first.Outputs(1).Single().Text());
        Assert.Equal("first\n", first.Outputs(2).Single().Text());

        var again = await NotebookRunner.RunFileAsync(notebook, new NotebookRunOptions());
        Assert.Empty(again.Outputs(1)); // up to date: nothing is built

        File.WriteAllText(Path.Combine(project, "Greeting.cs"), "namespace Tiny; public static class Greeting { public const string Text = \"second\"; }");
        File.SetLastWriteTimeUtc(Path.Combine(project, "Greeting.cs"), DateTime.UtcNow.AddSeconds(5));
        var edited = await NotebookRunner.RunFileAsync(notebook, new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(4) });
        Assert.True(edited.Status == NotebookRunStatus.Succeeded, edited.FirstError);
        Assert.Contains("Tiny.dll is older than its sources", edited.Outputs(1).Single().Text());
        Assert.Equal("second\n", edited.Outputs(2).Single().Text());
    }

    [Fact]
    public async Task A_project_that_does_not_build_gives_one_line_saying_what_to_run()
    {
        var folder = WorkerIsolationTests.TempFolder();
        TinyProject(folder, "broken", extra: "public static int Oops => undefinedName;");
        var r = await NotebookRunner.RunFileAsync(Notebook(folder), new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(4) });
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.Equal(CellStatus.CompileError, r.Cells[1].Status);
        var error = r.FirstError!;
        Assert.Contains("cell 1: Tiny.dll was missing and building it failed (", error);
        Assert.Contains("error CS0103: The name 'undefinedName' does not exist", error);
        Assert.Contains($"run `dotnet build tiny -c Release` in {folder}", error);
        Assert.DoesNotContain('\n', error);
    }
}
