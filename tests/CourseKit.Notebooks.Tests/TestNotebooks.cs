using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>Copies the test notebooks to a fresh folder and runs them there.</summary>
internal static class TestNotebooks
{
    public static string SourceFolder => Path.Combine(AppContext.BaseDirectory, "notebooks");

    /// <summary>A fresh temporary folder holding copies of all test notebooks.</summary>
    public static string CopyToTemp()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SourceFolder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Runs one of the test notebooks from a temporary copy, writing the executed copy to folder/out.</summary>
    public static async Task<NotebookRunResult> RunAsync(string name, TimeSpan? timeout = null, bool keepGoing = false, Action<string>? prepare = null)
    {
        var folder = CopyToTemp();
        prepare?.Invoke(folder);
        return await NotebookRunner.RunFileAsync(Path.Combine(folder, name), new NotebookRunOptions
        {
            OutputDirectory = Path.Combine(folder, "out"),
            CellTimeout = timeout ?? TimeSpan.FromSeconds(60),
            KeepGoing = keepGoing,
            Workers = TestWorkers.Pool,
        });
    }

    /// <summary>The outputs of the cell with 1-based number <paramref name="cell"/>.</summary>
    public static IReadOnlyList<CellOutput> Outputs(this NotebookRunResult result, int cell) => result.Executed!.Cells[cell - 1].Outputs;

    public static string Text(this CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        DisplayDataOutput d => string.Join("|", d.Data.Select(p => $"{p.Key}={p.Value}")),
        ErrorOutput e => e.Value,
        _ => "",
    };

    public static JsonObject Json(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
}
