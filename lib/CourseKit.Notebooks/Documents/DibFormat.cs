using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Reads and writes Polyglot's plain-text <c>.dib</c> format: an optional <c>#!meta</c> block with the
/// kernel info as JSON, then cells, each introduced by a line <c>#!kernelName</c> (<c>#!csharp</c>,
/// <c>#!markdown</c>, ...). A .dib file stores no outputs.
/// </summary>
/// <remarks>
/// Polyglot's .dib has no cell metadata; this kit carries it (nbgrader's exercise metadata, for one) on
/// the cell's first line as a comment the kernels ignore: <c>// cell-metadata: {"nbgrader": {...}}</c> in a
/// code cell, <c>&lt;!-- cell-metadata: {...} --&gt;</c> in a markdown cell. Reading moves that line into
/// <see cref="NotebookCell.Metadata"/>; writing puts it back for any cell with metadata besides the kernel name.
/// </remarks>
public static class DibFormat
{
    /// <summary>Parses .dib text; <paramref name="path"/> only names the file in error messages.</summary>
    /// <exception cref="NotebookFormatException">empty, no cells, or a #!meta block that is not a JSON object of the right shape.</exception>
    public static Notebook Parse(string text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new NotebookFormatException(path, "the file is empty; expected a .dib notebook (cells introduced by lines like #!csharp)");
        var notebook = new Notebook();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string? kernel = null;
        var body = new List<string>();
        var defaultKernel = KernelLanguages.CSharp;

        void Flush()
        {
            var source = Trim(body);
            body.Clear();
            if (kernel is null)
            {
                // text before the first #! line belongs to an implicit cell of the default kernel
                if (source.Length > 0) notebook.Cells.Add(new NotebookCell(CellKind.Code, source, defaultKernel));
                return;
            }
            if (kernel == "meta")
            {
                JsonNode? parsed;
                try
                {
                    parsed = JsonNode.Parse(source, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
                }
                catch (JsonException e)
                {
                    throw new NotebookFormatException(path, $"the #!meta block is not JSON ({e.Message.ReplaceLineEndings(" ")})", e);
                }
                var fields = new JsonFields(path, "the #!meta block");
                if (parsed is not JsonObject meta)
                    throw fields.Wrong("its JSON", parsed, "an object with \"kernelInfo\"");
                notebook.Metadata["polyglot_notebook"] = meta;
                defaultKernel = fields.String(meta, "kernelInfo.defaultKernelName") ?? defaultKernel;
                return;
            }
            if (source.Length == 0) return;
            var markdown = kernel == "markdown";
            var metadata = TakeMetadata(ref source, markdown, notebook.Cells.Count + 1, path);
            var cell = markdown ? new NotebookCell(CellKind.Markdown, source, "markdown") : new NotebookCell(CellKind.Code, source, kernel);
            if (metadata is not null) cell.Metadata = metadata;
            notebook.Cells.Add(cell);
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && IsCellHeader(line[2..].Trim()))
            {
                Flush();
                kernel = line[2..].Trim();
                continue;
            }
            body.Add(line);
        }
        Flush();
        if (notebook.Cells.Count == 0)
            throw new NotebookFormatException(path, "the notebook is empty (no cells); expected at least one C# code cell");
        return notebook;
    }

    /// <summary>The word that introduces a cell's metadata line.</summary>
    public const string MetadataPrefix = "cell-metadata:";

    /// <summary>Removes the cell's metadata line from <paramref name="source"/> and returns the metadata, or null when there is none.</summary>
    private static JsonObject? TakeMetadata(ref string source, bool markdown, int cellNumber, string path)
    {
        var end = source.IndexOf('\n');
        var first = (end < 0 ? source : source[..end]).Trim();
        var (open, close) = markdown ? ("<!--", "-->") : ("//", "");
        if (!first.StartsWith(open, StringComparison.Ordinal) || !first.EndsWith(close, StringComparison.Ordinal)) return null;
        var inner = first[open.Length..^close.Length].Trim();
        if (!inner.StartsWith(MetadataPrefix, StringComparison.Ordinal)) return null;
        var json = inner[MetadataPrefix.Length..].Trim();
        try
        {
            if (JsonNode.Parse(json) is not JsonObject metadata) throw new JsonException("not an object");
            source = end < 0 ? "" : source[(end + 1)..].TrimStart('\n');
            return metadata;
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"cell {cellNumber}: its {MetadataPrefix} line is not a JSON object ({e.Message}); expected {open} {MetadataPrefix} {{\"nbgrader\": {{...}}}} {close}".TrimEnd());
        }
    }

    /// <summary>The metadata line of a cell, or null when it has no metadata besides its kernel name.</summary>
    private static string? MetadataLine(NotebookCell cell)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        metadata.Remove("polyglot_notebook");
        if (metadata.Count == 0) return null;
        var json = metadata.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return cell.Kind == CellKind.Markdown ? $"<!-- {MetadataPrefix} {json} -->" : $"// {MetadataPrefix} {json}";
    }

    /// <summary>Kernel names that start a new cell; other <c>#!</c> lines are magic commands inside a cell.</summary>
    private static bool IsCellHeader(string name) => name is "meta" or "markdown" or "csharp" or "c#" or "fsharp" or "f#"
        or "pwsh" or "powershell" or "javascript" or "js" or "html" or "sql" or "kql" or "mermaid" or "value" or "http";

    private static string Trim(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start])) start++;
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
        return string.Join("\n", lines.Skip(start).Take(end - start));
    }

    /// <summary>The notebook as .dib text (outputs are not part of the format and are dropped).</summary>
    public static string Write(Notebook notebook)
    {
        var sb = new StringBuilder();
        var meta = notebook.Metadata["polyglot_notebook"] ?? Notebook.DefaultMetadata()["polyglot_notebook"];
        sb.Append("#!meta\n\n").Append(meta!.ToJsonString(new JsonSerializerOptions { WriteIndented = false })).Append("\n\n");
        foreach (var cell in notebook.Cells)
        {
            var header = cell.Kind == CellKind.Markdown ? "markdown" : cell.KernelName;
            sb.Append("#!").Append(header).Append("\n\n");
            if (MetadataLine(cell) is { } line) sb.Append(line).Append('\n');
            sb.Append(cell.Source.TrimEnd('\n')).Append("\n\n");
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }
}
