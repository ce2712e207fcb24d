namespace CourseKit.Notebooks.Documents;

/// <summary>What a notebook cell holds.</summary>
public enum CellKind
{
    /// <summary>Markdown text (with LaTeX), rendered, never executed.</summary>
    Markdown,

    /// <summary>Code in the cell's kernel language; only C# is executed.</summary>
    Code,

    /// <summary>A Jupyter raw cell: kept as is, neither rendered nor executed.</summary>
    Raw,
}
