using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Composition;

/// <summary>
/// A notebook ready to be run for grading: its cells, where each comes from, and the policy of each.
/// Policies are looked up by the cell ids this composition gave the cells (fresh random ids a student
/// cannot know), so they hold for any copy of the notebook the engine makes; a cell with an unknown id
/// gets <see cref="DefaultPolicy"/>.
/// </summary>
public sealed class ComposedNotebook
{
    private readonly Dictionary<string, ComposedCell> _byId;

    /// <summary>Creates the composition; every cell gets a fresh id.</summary>
    public ComposedNotebook(Notebook notebook, IReadOnlyList<ComposedCell> cells, CodePolicy? defaultPolicy)
    {
        Notebook = notebook;
        Cells = cells;
        DefaultPolicy = defaultPolicy;
        foreach (var cell in cells) cell.Cell.Id = Guid.NewGuid().ToString("N");
        _byId = cells.ToDictionary(c => c.Cell.Id!, StringComparer.Ordinal);
    }

    /// <summary>The notebook that runs (never written to disk: it holds the hidden tests).</summary>
    public Notebook Notebook { get; }

    /// <summary>Its cells, in order (<c>Cells[i].Number == i + 1</c>).</summary>
    public IReadOnlyList<ComposedCell> Cells { get; }

    /// <summary>The policy of a cell this composition does not know.</summary>
    public CodePolicy? DefaultPolicy { get; }

    /// <summary>The test cells, in order.</summary>
    public IEnumerable<ComposedCell> Tests => Cells.Where(c => c.IsTest);

    /// <summary>The number of the last test cell: no later cell can change a grade.</summary>
    public int LastTestNumber => Tests.Max(t => t.Number);

    /// <summary>The policy a cell runs under (the engine's <see cref="NotebookRunOptions.Policy"/> hook).</summary>
    public CodePolicy? PolicyFor(NotebookCell cell) =>
        cell.Id is { } id && _byId.TryGetValue(id, out var known) ? known.Policy : DefaultPolicy;
}
