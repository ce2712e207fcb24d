using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Issue 5, "How it is checked": changing a derivation's claim makes the notebook's run fail. Notebook 08 states the
/// lecture's numbers for f = (x + y)·z in one check cell; claiming ∂f/∂z = 4 instead of 3 must stop the run there,
/// with the check's own message.
/// </summary>
public class Notebook08ChecksAreRealTests
{
    private const string NotebookName = "08-backprop-computation-graphs.ipynb";
    private const string Claim = "dfdz: 3.0";

    [Fact]
    public async Task Claiming_df_dz_is_4_instead_of_3_makes_notebook_08_fail_in_its_check_cell()
    {
        await KitBuild.EnsureAsync();
        var path = Path.Combine(KitBuild.NotebooksFolder, NotebookName);
        var notebook = NotebookFile.Load(path);
        var candidates = notebook.Cells.Select((cell, index) => (cell, index))
            .Where(c => c.cell.Kind == CellKind.Code && c.cell.Source.Contains(Claim, StringComparison.Ordinal)).ToList();
        var (checkCell, checkIndex) = Assert.Single(candidates);
        Assert.Equal(2, checkCell.Source.Split(Claim).Length);   // the claim occurs exactly once in that cell
        checkCell.Source = checkCell.Source.Replace(Claim, "dfdz: 4.0", StringComparison.Ordinal);

        var r = await NotebookRunner.RunAsync(notebook, path, new NotebookRunOptions());

        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.NotNull(r.FirstError);
        Assert.StartsWith($"cell {checkIndex + 1}:", r.FirstError);
        Assert.Contains("Check failed: ∂f/∂z = 4 (StarGate by hand, got 3)", r.FirstError);
        // the cells before it ran and passed; nothing after it ran
        Assert.All(r.Cells.Where(c => c.Key < checkIndex + 1), c => Assert.True(c.Value.Succeeded, $"cell {c.Key} should pass"));
        Assert.DoesNotContain(r.Cells.Keys, k => k > checkIndex + 1);
    }
}
