using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Reads and writes Jupyter nbformat 4 (<c>.ipynb</c>) the way VS Code's Polyglot Notebooks saves it:
/// one-space indentation, sorted keys, source and text as lists of lines, cell metadata
/// <c>polyglot_notebook.kernelName</c>. Metadata the kit does not know is kept on round trip.
/// </summary>
public static class IpynbFormat
{
    /// <summary>Parses notebook JSON; <paramref name="path"/> only names the file in error messages.</summary>
    /// <exception cref="NotebookFormatException">
    /// not JSON, not an nbformat 4 notebook, no cells, or a field of the wrong type (the message names the cell and the field).
    /// </exception>
    public static Notebook Parse(string json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new NotebookFormatException(path, "the file is empty; expected an nbformat 4 notebook (JSON with a \"cells\" array)");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : e.Message.ReplaceLineEndings(" ").TrimEnd('.');
            throw new NotebookFormatException(path, $"not JSON ({where}); expected an nbformat 4 notebook", e);
        }
        if (root is not JsonObject obj)
            throw new NotebookFormatException(path, "JSON but not a notebook: no \"cells\" array; expected an nbformat 4 notebook");
        var fields = new JsonFields(path, null);
        var major = fields.Integer(obj, "nbformat") ?? 4;
        if (major < 4)
            throw new NotebookFormatException(path, $"nbformat {major} is not supported; convert with `jupyter nbconvert --to notebook`");
        if (major > 4)
            throw new NotebookFormatException(path, $"nbformat {major} is not supported; expected nbformat 4");
        var cells = fields.List(obj, "cells")
            ?? throw new NotebookFormatException(path, "JSON but not a notebook: no \"cells\" array; expected an nbformat 4 notebook");
        if (cells.Count == 0)
            throw new NotebookFormatException(path, "the notebook is empty (no cells); expected at least one C# code cell");

        var notebook = new Notebook
        {
            Metadata = fields.Object(obj, "metadata") is { } md ? (JsonObject)md.DeepClone() : new JsonObject(),
            NbFormat = 4,
            NbFormatMinor = fields.Integer(obj, "nbformat_minor") ?? 2,
        };
        var defaultKernel = DefaultKernelName(obj, fields);
        var number = 0;
        foreach (var node in cells)
        {
            number++;
            if (node is not JsonObject cell)
                throw fields.Wrong($"cell {number}", node, "an object with \"cell_type\" and \"source\"");
            notebook.Cells.Add(ReadCell(cell, defaultKernel, fields.Inside($"cell {number}")));
        }
        return notebook;
    }

    /// <summary>The notebook's default kernel: Polyglot's defaultKernelName, else the kernelspec's language, else C#.</summary>
    private static string DefaultKernelName(JsonObject notebook, JsonFields fields)
    {
        var name = fields.String(notebook, "metadata.polyglot_notebook.kernelInfo.defaultKernelName");
        var spec = fields.String(notebook, "metadata.kernelspec.name");
        if (name is not null)
            return name;
        if (spec is not null)
        {
            if (spec.Contains("csharp", StringComparison.OrdinalIgnoreCase)) return KernelLanguages.CSharp;
            if (spec.Contains("fsharp", StringComparison.OrdinalIgnoreCase)) return "fsharp";
            if (spec.Contains("powershell", StringComparison.OrdinalIgnoreCase)) return "pwsh";
            if (!spec.StartsWith(".net", StringComparison.OrdinalIgnoreCase)) return spec;
        }
        return KernelLanguages.CSharp;
    }

    private static NotebookCell ReadCell(JsonObject cell, string defaultKernel, JsonFields fields)
    {
        const string cellTypes = "\"code\", \"markdown\" or \"raw\"";
        var type = fields.String(cell, "cell_type", cellTypes);
        var kind = type switch
        {
            "markdown" => CellKind.Markdown,
            "code" => CellKind.Code,
            "raw" => CellKind.Raw,
            null => throw fields.Missing("\"cell_type\"", cellTypes),
            _ => throw fields.Wrong("\"cell_type\"", cell["cell_type"], cellTypes),
        };
        var metadata = fields.Object(cell, "metadata") is { } md ? (JsonObject)md.DeepClone() : new JsonObject();
        fields.Strings(cell, "metadata.tags");   // read by NotebookCell.Tags: checked here, where the file is known
        var polyglotKernel = fields.String(cell, "metadata.polyglot_notebook.kernelName");
        var interactiveKernel = fields.String(cell, "metadata.dotnet_interactive.language");
        var kernel = kind == CellKind.Markdown ? "markdown" : polyglotKernel ?? interactiveKernel ?? defaultKernel;
        var result = new NotebookCell(kind, fields.Lines(cell, "source"), kernel)
        {
            Metadata = metadata,
            Id = fields.String(cell, "id"),
            ExecutionCount = kind == CellKind.Code ? fields.Integer(cell, "execution_count") : null,
        };
        if (kind == CellKind.Code && fields.List(cell, "outputs") is { } outputs)
        {
            var number = 0;
            foreach (var node in outputs)
            {
                number++;
                if (node is not JsonObject output)
                    throw fields.Wrong($"output {number}", node, "an object with \"output_type\"");
                result.Outputs.Add(ReadOutput(output, fields.Inside($"output {number}")));
            }
        }
        return result;
    }

    private const string OutputTypes = "\"stream\", \"display_data\", \"execute_result\" or \"error\"";

    private static CellOutput ReadOutput(JsonObject o, JsonFields fields)
    {
        var type = fields.String(o, "output_type", OutputTypes);
        switch (type)
        {
            case "stream":
                return new StreamOutput(fields.String(o, "name") ?? "stdout", fields.Lines(o, "text"));
            case "display_data":
            case "execute_result":
                var data = new Dictionary<string, string>();
                if (fields.Object(o, "data") is { } bundle)
                    foreach (var (mime, value) in bundle)
                        data[mime] = mime.EndsWith("json", StringComparison.Ordinal) && value is not null && value.GetValueKind() != JsonValueKind.String
                            ? value.ToJsonString()   // JSON mime types hold the JSON itself
                            : fields.Lines(value, $"\"{mime}\" in \"data\"");
                return new DisplayDataOutput(data)
                {
                    Metadata = fields.Object(o, "metadata") is { } m ? (JsonObject)m.DeepClone() : null,
                    ExecuteResultCount = type == "execute_result" ? fields.Integer(o, "execution_count") : null,
                };
            case "error":
                return new ErrorOutput(fields.String(o, "ename") ?? "Error", fields.String(o, "evalue") ?? "", fields.Strings(o, "traceback"));
            case null:
                throw fields.Missing("\"output_type\"", OutputTypes);
            default:
                throw fields.Wrong("\"output_type\"", o["output_type"], OutputTypes);
        }
    }

    /// <summary>Splits text into lines each keeping its "\n", as Jupyter writes multiline strings.</summary>
    public static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }

    /// <summary>The notebook as nbformat 4 JSON (one-space indentation, sorted keys, trailing newline).</summary>
    public static string Write(Notebook notebook)
    {
        var cells = new JsonArray();
        foreach (var cell in notebook.Cells)
            cells.Add(WriteCell(cell));
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = notebook.NbFormatMinor,
        };
        return Serialize(root);
    }

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var o = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Markdown => "markdown", CellKind.Raw => "raw", _ => "code" },
        };
        if (cell.Id is not null) o["id"] = cell.Id;
        if (cell.Kind == CellKind.Code)
        {
            var polyglot = metadata["polyglot_notebook"] as JsonObject;
            if (polyglot is null) metadata["polyglot_notebook"] = polyglot = new JsonObject();
            polyglot["kernelName"] = cell.KernelName;
            o["execution_count"] = cell.ExecutionCount;
            o["metadata"] = metadata;
            var outputs = new JsonArray();
            foreach (var output in cell.Outputs) outputs.Add(CellOutputJson.WriteForFile(output));
            o["outputs"] = outputs;
        }
        else
        {
            o["metadata"] = metadata;
        }
        o["source"] = SplitLines(cell.Source);
        return o;
    }

    private static string Serialize(JsonNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteSorted(writer, root);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes a node with object keys in ordinal order, as Jupyter's <c>json.dumps(sort_keys=True)</c>.</summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteSorted(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
