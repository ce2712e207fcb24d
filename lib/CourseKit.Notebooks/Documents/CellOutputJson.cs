using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// The one mapping of a <see cref="CellOutput"/> to Jupyter's JSON, in its two forms: as messages carry it (the
/// content of <c>stream</c>, <c>display_data</c>, <c>execute_result</c> and <c>error</c>, with <c>output_type</c> and
/// the transient display id: the kernel's iopub messages and the worker's pipe) and as an nbformat 4 file stores it
/// (<see cref="IpynbFormat"/>: text as lists of lines, JSON mime data as JSON, no display id).
/// </summary>
public static class CellOutputJson
{
    /// <summary>The output as a message carries it: text as strings, the display id under <c>transient</c>.</summary>
    public static JsonObject Write(CellOutput output) => ToJson(output, inFile: false);

    /// <summary>The output as an nbformat 4 file stores it: multi-line text as lists of lines, JSON mime data as JSON, no display id.</summary>
    public static JsonObject WriteForFile(CellOutput output) => ToJson(output, inFile: true);

    /// <summary>The message type (<c>output_type</c>) and the content of the Jupyter message that carries the output.</summary>
    public static (string Type, JsonObject Content) Message(CellOutput output)
    {
        var content = Write(output);
        var type = (string)content["output_type"]!;
        content.Remove("output_type");
        return (type, content);
    }

    private static JsonObject ToJson(CellOutput output, bool inFile) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = TextNode(s.Text, inFile) },
        DisplayDataOutput d => WriteDisplay(d, inFile),
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output kind {output.GetType().Name}; expected stream, display_data or error", nameof(output)),
    };

    private static JsonObject WriteDisplay(DisplayDataOutput d, bool inFile)
    {
        var o = new JsonObject
        {
            ["output_type"] = d.ExecuteResultCount is null ? "display_data" : "execute_result",
            ["data"] = new JsonObject(d.Data.Select(kv => KeyValuePair.Create(kv.Key, inFile ? FileData(kv.Key, kv.Value) : JsonValue.Create(kv.Value)))),
            ["metadata"] = d.Metadata?.DeepClone() ?? new JsonObject(),
        };
        if (!inFile) o["transient"] = d.DisplayId is { } id ? new JsonObject { ["display_id"] = id } : new JsonObject();
        if (d.ExecuteResultCount is { } n) o["execution_count"] = n;
        return o;
    }

    /// <summary>Text as a file stores it (a list of lines, each with its "\n") or as a message carries it (one string).</summary>
    private static JsonNode? TextNode(string text, bool inFile) => inFile ? IpynbFormat.SplitLines(text) : JsonValue.Create(text);

    /// <summary>A mime bundle's value in a file: JSON mime types hold the JSON itself, others their text as lines.</summary>
    private static JsonNode? FileData(string mimeType, string value) =>
        mimeType.EndsWith("json", StringComparison.Ordinal) && TryParse(value) is { } json ? json : IpynbFormat.SplitLines(value);

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="FormatException">The JSON is not an output of a known type.</exception>
    public static CellOutput Read(JsonObject o)
    {
        var type = Text(o, "output_type");
        switch (type)
        {
            case "stream":
                return new StreamOutput(Text(o, "name"), Text(o, "text"));
            case "display_data" or "execute_result":
                var data = (o["data"] as JsonObject ?? throw new FormatException("a display output without a data bundle"))
                    .ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");
                return new DisplayDataOutput(data)
                {
                    Metadata = o["metadata"] is JsonObject { Count: > 0 } m ? (JsonObject)m.DeepClone() : null,
                    DisplayId = (string?)o["transient"]?["display_id"],
                    ExecuteResultCount = (int?)o["execution_count"],
                };
            case "error":
                return new ErrorOutput(Text(o, "ename"), Text(o, "evalue"),
                    (o["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToArray() ?? []);
            default:
                throw new FormatException($"unknown output_type '{type}'; expected stream, display_data, execute_result or error");
        }
    }

    private static string Text(JsonObject o, string field) =>
        o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"the output's '{field}' is missing or not a string");
}
