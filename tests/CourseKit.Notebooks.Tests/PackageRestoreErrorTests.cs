using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>A package that does not exist fails fast, with one line that names it once and the cell once.</summary>
public class PackageRestoreErrorTests
{
    private const string Missing = "CourseKit.NoSuchPackage.Zz9";

    [Fact]
    public async Task The_restore_error_names_the_package_and_nuget_s_reason_without_a_cell_label_or_project_path()
    {
        var restorer = new PackageRestorer(Directory.CreateTempSubdirectory("coursekit-restore-").FullName);
        var e = await Assert.ThrowsAsync<PackageRestoreException>(() =>
            restorer.RestoreAsync([new PackageReference(Missing, "1.0.0")], [], CancellationToken.None));
        Assert.StartsWith($"could not restore {Missing}, 1.0.0: error NU1101: Unable to find package {Missing}.", e.Message);
        Assert.DoesNotContain("cell", e.Message);
        Assert.DoesNotContain("restore.csproj", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    // Passes once ExecutionSession's `catch (PackageRestoreException e)` passes e.Message on without "{label}: "
    // (checked by hand); ExecutionSession is being rewired for the worker process meanwhile.
    [Fact]
    public async Task A_run_names_the_cell_of_a_failed_restore_once()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-restore-").FullName;
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellKind.Code, $"#r \"nuget: {Missing}, 1.0.0\""));
        var path = Path.Combine(folder, "restore.ipynb");
        NotebookFile.Save(notebook, path);
        var r = await NotebookRunner.RunFileAsync(path, new NotebookRunOptions { PackageCacheDirectory = Path.Combine(folder, "cache") });
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.StartsWith($"cell 1: could not restore {Missing}, 1.0.0: error NU1101", r.FirstError);
    }

    [Fact]
    public async Task A_cell_s_packages_load_together_or_not_at_all()
    {
        var cache = Directory.CreateTempSubdirectory("coursekit-restore-").FullName;
        var session = new ExecutionSession(new ExecutionOptions { PackageCacheDirectory = cache });
        var r = await session.ExecuteAsync($"#r \"nuget: Plotly.NET.Interactive, 5.0.0\"\n#r \"nuget: {Missing}, 1.0.0\"");
        Assert.Equal(CellStatus.Unsupported, r.Status);
        Assert.Empty(session.Packages);
        // a rerun tries the restore again instead of taking the package for loaded
        Assert.Equal(CellStatus.Unsupported, (await session.ExecuteAsync($"#r \"nuget: {Missing}, 1.0.0\"")).Status);
    }
}
