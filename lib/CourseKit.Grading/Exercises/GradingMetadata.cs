using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// A cell's nbgrader metadata, schema 3 (<c>metadata.nbgrader</c>): what the cell is in an exercise.
/// Read from the cell's metadata so that notebooks made with nbgrader's tools and ours are interchangeable.
/// </summary>
public sealed record GradingMetadata
{
    /// <summary>The metadata key nbgrader uses.</summary>
    public const string Key = "nbgrader";

    /// <summary>The schema version this kit reads and writes.</summary>
    public const int Schema = 3;

    /// <summary>The cell's id within the notebook, unique: how the grader finds the cell in every copy.</summary>
    public string? GradeId { get; init; }

    /// <summary>A solution cell: the student writes between its solution markers.</summary>
    public bool Solution { get; init; }

    /// <summary>A test cell: it earns <see cref="Points"/> when it runs without an exception.</summary>
    public bool Grade { get; init; }

    /// <summary>The student may not change the cell: the grader uses the instructor's copy.</summary>
    public bool Locked { get; init; }

    /// <summary>nbgrader's manually graded task cell (not supported by the autograder).</summary>
    public bool Task { get; init; }

    /// <summary>Points of a test cell.</summary>
    public double Points { get; init; }

    /// <summary>Checksum of a locked cell in the student version (see <see cref="CellChecksum"/>).</summary>
    public string? Checksum { get; init; }

    /// <summary>
    /// Reads the nbgrader metadata of a cell; null when it has none. Malformed fields are reported through
    /// <paramref name="problem"/> (one line each, naming the field and what was expected) and read as absent.
    /// </summary>
    public static GradingMetadata? Read(NotebookCell cell, Action<string>? problem = null)
    {
        if (cell.Metadata[Key] is not { } node) return null;
        if (node is not JsonObject o)
        {
            problem?.Invoke($"its {Key} metadata is {node.ToJsonString()}; expected an object like {{\"grade_id\": \"...\", \"solution\": true}}");
            return null;
        }
        if (o["schema_version"] is { } version && Number(version) != Schema)
            problem?.Invoke($"its {Key} metadata has schema_version {version.ToJsonString()}; expected {Schema}");
        return new GradingMetadata
        {
            GradeId = Text(o, "grade_id", problem),
            Solution = Flag(o, "solution", problem),
            Grade = Flag(o, "grade", problem),
            Locked = Flag(o, "locked", problem),
            Task = Flag(o, "task", problem),
            Points = o["points"] is { } p ? Number(p) ?? Report(problem, $"its {Key} points are {p.ToJsonString()}; expected a number") : 0,
            Checksum = Text(o, "checksum", problem),
        };
    }

    /// <summary>The cell's role in its exercise.</summary>
    public CellRole Role => Solution ? CellRole.Solution : Grade ? CellRole.Test : Locked ? CellRole.Locked : CellRole.Plain;

    /// <summary>Writes this metadata into the cell (fields of the existing object that this kit does not know are kept).</summary>
    public void WriteTo(NotebookCell cell)
    {
        var o = cell.Metadata[Key] as JsonObject ?? new JsonObject();
        if (GradeId is not null) o["grade_id"] = GradeId;
        o["solution"] = Solution;
        o["grade"] = Grade;
        o["locked"] = Locked || Grade;
        if (Grade) o["points"] = Points;
        if (Checksum is not null) o["checksum"] = Checksum;
        else o.Remove("checksum");
        o["schema_version"] = Schema;
        cell.Metadata[Key] = o;
    }

    private static double Report(Action<string>? problem, string message)
    {
        problem?.Invoke(message);
        return 0;
    }

    /// <summary>A JSON number (or a string holding one), whatever .NET type an in-memory node holds it as.</summary>
    private static double? Number(JsonNode node)
    {
        if (node is not JsonValue v) return null;
        var text = v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static bool Flag(JsonObject o, string name, Action<string>? problem)
    {
        if (o[name] is not { } node) return false;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        problem?.Invoke($"its {Key} field {name} is {node.ToJsonString()}; expected true or false");
        return false;
    }

    private static string? Text(JsonObject o, string name, Action<string>? problem)
    {
        if (o[name] is not { } node) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return string.IsNullOrWhiteSpace(s) ? null : s;
        problem?.Invoke($"its {Key} field {name} is {node.ToJsonString()}; expected a string");
        return null;
    }
}
