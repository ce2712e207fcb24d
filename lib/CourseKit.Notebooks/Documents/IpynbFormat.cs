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
    /// <exception cref="NotebookFormatException">not JSON, not an nbformat 4 notebook, or no cells.</exception>
    public static Notebook Parse(string json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new NotebookFormatException(path, "the file is empty; expected an nbformat 4 notebook (JSON with a \"cells\" array)");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path,
                $"not JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}); expected an nbformat 4 notebook", e);
        }
        if (root is not JsonObject obj || obj["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, "JSON but not a notebook: no \"cells\" array; expected an nbformat 4 notebook");
        var major = obj["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : 4;
        if (major != 4)
            throw new NotebookFormatException(path, $"nbformat {major} is not supported; expected nbformat 4");
        if (cells.Count == 0)
            throw new NotebookFormatException(path, "the notebook is empty (no cells); expected at least one C# code cell");

        var notebook = new Notebook
        {
            Metadata = obj["metadata"] as JsonObject is { } md ? (JsonObject)md.DeepClone() : new JsonObject(),
            NbFormat = 4,
            NbFormatMinor = obj["nbformat_minor"] is JsonValue mv && mv.TryGetValue<int>(out var minor) ? minor : 2,
        };
        var defaultKernel = DefaultKernelName(notebook.Metadata);
        var number = 0;
        foreach (var node in cells)
        {
            number++;
            if (node is not JsonObject cell)
                throw new NotebookFormatException(path, $"cell {number} is not a JSON object");
            notebook.Cells.Add(ReadCell(cell, number, defaultKernel, path));
        }
        return notebook;
    }

    /// <summary>The notebook's default kernel: Polyglot's defaultKernelName, else the kernelspec's language, else C#.</summary>
    private static string DefaultKernelName(JsonObject metadata)
    {
        if (metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue d && d.TryGetValue<string>(out var name))
            return name;
        if (metadata["kernelspec"]?["name"] is JsonValue k && k.TryGetValue<string>(out var spec))
        {
            if (spec.Contains("csharp", StringComparison.OrdinalIgnoreCase)) return KernelLanguages.CSharp;
            if (spec.Contains("fsharp", StringComparison.OrdinalIgnoreCase)) return "fsharp";
            if (spec.Contains("powershell", StringComparison.OrdinalIgnoreCase)) return "pwsh";
            if (!spec.StartsWith(".net", StringComparison.OrdinalIgnoreCase)) return spec;
        }
        return KernelLanguages.CSharp;
    }

    private static NotebookCell ReadCell(JsonObject cell, int number, string defaultKernel, string path)
    {
        var type = cell["cell_type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var kind = type switch
        {
            "markdown" => CellKind.Markdown,
            "code" => CellKind.Code,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(path, $"cell {number} has cell_type \"{type}\"; expected \"code\", \"markdown\" or \"raw\""),
        };
        var metadata = cell["metadata"] as JsonObject is { } md ? (JsonObject)md.DeepClone() : new JsonObject();
        var kernel = kind == CellKind.Markdown ? "markdown"
            : metadata["polyglot_notebook"]?["kernelName"] is JsonValue kn && kn.TryGetValue<string>(out var k1) ? k1
            : metadata["dotnet_interactive"]?["language"] is JsonValue dl && dl.TryGetValue<string>(out var k2) ? k2
            : defaultKernel;
        var result = new NotebookCell(kind, JoinLines(cell["source"]), kernel)
        {
            Metadata = metadata,
            Id = cell["id"] is JsonValue idv && idv.TryGetValue<string>(out var id) ? id : null,
            ExecutionCount = cell["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var count) ? count : null,
        };
        if (cell["outputs"] is JsonArray outputs)
            foreach (var o in outputs.OfType<JsonObject>())
                if (ReadOutput(o) is { } output) result.Outputs.Add(output);
        return result;
    }

    private static CellOutput? ReadOutput(JsonObject o)
    {
        var type = o["output_type"]?.GetValue<string>();
        switch (type)
        {
            case "stream":
                return new StreamOutput(o["name"]?.GetValue<string>() ?? "stdout", JoinLines(o["text"]));
            case "display_data":
            case "execute_result":
                var data = new Dictionary<string, string>();
                if (o["data"] is JsonObject bundle)
                    foreach (var (mime, value) in bundle)
                        data[mime] = value is JsonObject ? value.ToJsonString() : JoinLines(value);
                return new DisplayDataOutput(data)
                {
                    Metadata = o["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : null,
                    ExecuteResultCount = type == "execute_result" && o["execution_count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : null,
                };
            case "error":
                return new ErrorOutput(
                    o["ename"]?.GetValue<string>() ?? "Error",
                    o["evalue"]?.GetValue<string>() ?? "",
                    (o["traceback"] as JsonArray)?.Select(x => x?.GetValue<string>() ?? "").ToArray() ?? Array.Empty<string>());
            default:
                return null;
        }
    }

    /// <summary>nbformat "multiline string": a string or a list of strings that are concatenated.</summary>
    private static string JoinLines(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

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
            foreach (var output in cell.Outputs) outputs.Add(WriteOutput(output));
            o["outputs"] = outputs;
        }
        else
        {
            o["metadata"] = metadata;
        }
        o["source"] = SplitLines(cell.Source);
        return o;
    }

    private static JsonObject WriteOutput(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = SplitLines(s.Text) },
        DisplayDataOutput d => WriteDisplay(d),
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output kind {output.GetType().Name}; expected stream, display_data or error", nameof(output)),
    };

    private static JsonObject WriteDisplay(DisplayDataOutput d)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in d.Data)
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) && TryParse(value) is { } json ? json : SplitLines(value);
        var o = new JsonObject { ["data"] = data, ["metadata"] = d.Metadata?.DeepClone() ?? new JsonObject() };
        if (d.ExecuteResultCount is { } n)
        {
            o["execution_count"] = n;
            o["output_type"] = "execute_result";
        }
        else
        {
            o["output_type"] = "display_data";
        }
        return o;
    }

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return null; }
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
