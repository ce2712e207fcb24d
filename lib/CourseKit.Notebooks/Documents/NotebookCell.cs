using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// One cell of a notebook. <see cref="Metadata"/> is the cell's whole metadata object, kept so that
/// fields this kit does not know survive a read/write round trip.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellKind kind, string source, string kernelName = "csharp")
    {
        Kind = kind;
        Source = source;
        KernelName = kernelName;
    }

    /// <summary>Markdown, code or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's text with "\n" line ends.</summary>
    public string Source { get; set; }

    /// <summary>Polyglot kernel name of a code cell ("csharp", "fsharp", "pwsh", ...); "markdown" for markdown cells.</summary>
    public string KernelName { get; set; }

    /// <summary>The cell's metadata (Polyglot's <c>polyglot_notebook</c> entry included), unknown fields preserved.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>Jupyter cell id (nbformat 4.5), if the file had one.</summary>
    public string? Id { get; set; }

    /// <summary>Execution count of a code cell, null when not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Outputs of a code cell, in order.</summary>
    public List<CellOutput> Outputs { get; } = new();

    /// <summary>Whether this is a C# code cell, the only kind the engine executes.</summary>
    public bool IsCSharp => Kind == CellKind.Code && KernelLanguages.IsCSharp(KernelName);

    /// <summary>The cell's tags (Jupyter <c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? "").ToArray()
            : Array.Empty<string>();

    /// <summary>Whether the cell is tagged <c>raises-exception</c>: its failure is expected and does not stop the run.</summary>
    public bool RaisesException => Tags.Contains("raises-exception");

    /// <summary>A copy with the same source and metadata and no outputs.</summary>
    public NotebookCell CloneWithoutOutputs() => new(Kind, Source, KernelName)
    {
        Metadata = (JsonObject)Metadata.DeepClone(),
        Id = Id,
    };
}
