using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// A Polyglot-Notebooks-compatible notebook: cells plus the notebook-level metadata
/// (kernelspec <c>.net-csharp</c>, <c>polyglot_notebook</c> kernel info), unknown fields preserved.
/// </summary>
public sealed class Notebook
{
    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = new();

    /// <summary>Notebook metadata as read (or the Polyglot defaults for a new notebook).</summary>
    public JsonObject Metadata { get; set; } = DefaultMetadata();

    /// <summary>nbformat major version (always 4 when written).</summary>
    public int NbFormat { get; set; } = 4;

    /// <summary>nbformat minor version.</summary>
    public int NbFormatMinor { get; set; } = 2;

    /// <summary>The code cells in order, with their 1-based number among all cells.</summary>
    public IEnumerable<(int Number, NotebookCell Cell)> CodeCells =>
        Cells.Select((c, i) => (i + 1, c)).Where(p => p.c.Kind == CellKind.Code).Select(p => (p.Item1, p.c));

    /// <summary>A copy with the same cells and metadata and no outputs.</summary>
    public Notebook CloneWithoutOutputs()
    {
        var copy = new Notebook { Metadata = (JsonObject)Metadata.DeepClone(), NbFormat = NbFormat, NbFormatMinor = NbFormatMinor };
        copy.Cells.AddRange(Cells.Select(c => c.CloneWithoutOutputs()));
        return copy;
    }

    /// <summary>The metadata VS Code's Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject DefaultMetadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject
        {
            ["name"] = "polyglot-notebook",
        },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };
}
