using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Reads typed fields of a notebook's JSON. A field that is present with the wrong type is a
/// <see cref="NotebookFormatException"/> that names the file, the place ("cell 3, output 1") and the field,
/// says what was found and what was expected; a missing field (or JSON null) reads as null.
/// Nested fields are named by dotted paths ("metadata.polyglot_notebook.kernelName").
/// </summary>
/// <param name="path">The file, for the message.</param>
/// <param name="place">Where in the file, for the message ("cell 3"); null for the notebook itself.</param>
internal sealed class JsonFields(string path, string? place)
{
    /// <summary>The file, for the message.</summary>
    public string Path { get; } = path;

    /// <summary>Where in the file, for the message; null for the notebook itself.</summary>
    public string? Place { get; } = place;

    /// <summary>The same file, a place inside this one ("cell 3" then "cell 3, output 1").</summary>
    public JsonFields Inside(string where) => new(Path, Place is null ? where : $"{Place}, {where}");

    /// <summary>A string field, or null when missing; <paramref name="expected"/> says what it should be in the message.</summary>
    public string? String(JsonObject parent, string field, string expected = "a string") => AsString(Find(parent, field), $"\"{field}\"", expected);

    /// <summary>A whole-number field, or null when missing.</summary>
    public int? Integer(JsonObject parent, string field)
    {
        var node = Find(parent, field);
        if (node is null) return null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n)
            ? n
            : throw Wrong($"\"{field}\"", node, "a whole number");
    }

    /// <summary>An object field, or null when missing.</summary>
    public JsonObject? Object(JsonObject parent, string field) => Find(parent, field) switch
    {
        null => null,
        JsonObject o => o,
        var other => throw Wrong($"\"{field}\"", other, "an object"),
    };

    /// <summary>A list field, or null when missing.</summary>
    public JsonArray? List(JsonObject parent, string field) => Find(parent, field) switch
    {
        null => null,
        JsonArray a => a,
        var other => throw Wrong($"\"{field}\"", other, "a list"),
    };

    /// <summary>A list of strings (tags, traceback); empty when missing.</summary>
    public IReadOnlyList<string> Strings(JsonObject parent, string field) =>
        List(parent, field)?.Select((item, i) => AsString(item, $"item {i + 1} of \"{field}\"") ?? throw Wrong($"item {i + 1} of \"{field}\"", item, "a string")).ToArray()
        ?? [];

    /// <summary>An nbformat multiline string field (a string, or a list of strings to concatenate); "" when missing.</summary>
    public string Lines(JsonObject parent, string field) => Lines(Find(parent, field), $"\"{field}\"");

    /// <summary>An nbformat multiline string (a string, or a list of strings to concatenate); <paramref name="label"/> names it in the message.</summary>
    public string Lines(JsonNode? node, string label) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select((line, i) =>
            line is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Wrong($"item {i + 1} of {label}", line, "a string (one line)"))),
        _ => AsString(node, label, "a string or a list of strings")!,
    };

    /// <summary>The error for a value of the wrong type: "cell 3: "source" is the number 5; expected a string or a list of strings".</summary>
    public NotebookFormatException Wrong(string label, JsonNode? found, string expected) => Error($"{label} is {Describe(found)}; expected {expected}");

    /// <summary>The error for a required field that is missing (or null).</summary>
    public NotebookFormatException Missing(string label, string expected) => Error($"{label} is missing; expected {expected}");

    private NotebookFormatException Error(string problem) => new(Path, Place is null ? problem : $"{Place}: {problem}");

    private string? AsString(JsonNode? node, string label, string expected = "a string") => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Wrong(label, node, expected),
    };

    /// <summary>The node at a dotted path; null when a step is missing; an error when a step on the way is not an object.</summary>
    private JsonNode? Find(JsonObject parent, string field)
    {
        JsonNode? node = parent;
        var steps = field.Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            if (node is not JsonObject o) throw Wrong($"\"{string.Join('.', steps[..i])}\"", node, "an object");
            node = o[steps[i]];
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>What a JSON value is, for a message: "an object", "a list", "the number 5", "the string \"4\"", "true", "null".</summary>
    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string {Shorten(v.ToJsonString())}",
            JsonValueKind.Number => $"the number {Shorten(v.ToJsonString())}",
            _ => v.ToJsonString(),
        },
        _ => node.GetValueKind().ToString(),
    };

    private static string Shorten(string json) => json.Length <= 40 ? json : json[..37] + "...";
}
