using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput;

/// <summary>Text written to stdout or stderr (<c>output_type: stream</c>).</summary>
/// <param name="Name">"stdout" or "stderr".</param>
/// <param name="Text">The text, line ends included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>
/// A displayed value (<c>output_type: display_data</c>): a mime bundle such as
/// {"text/html": "..."} or {"text/plain": "..."}.
/// </summary>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data) : CellOutput
{
    /// <summary>Output metadata, kept on round trip.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Id given by <c>display(...)</c> so that a later update replaces this output (not saved to the file).</summary>
    public string? DisplayId { get; init; }

    /// <summary>Whether this came from <c>execute_result</c> in the file (written back the same way).</summary>
    public int? ExecuteResultCount { get; init; }

    /// <summary>A single-mime-type output.</summary>
    public static DisplayDataOutput Of(string mimeType, string value, string? displayId = null) =>
        new(new Dictionary<string, string> { [mimeType] = value }) { DisplayId = displayId };
}

/// <summary>A failure (<c>output_type: error</c>).</summary>
/// <param name="Name">ename: "Error", as VS Code saves every C# failure.</param>
/// <param name="Value">evalue: "ExceptionType: message" (runtime) or the compiler diagnostics (compile).</param>
/// <param name="Traceback">traceback lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
