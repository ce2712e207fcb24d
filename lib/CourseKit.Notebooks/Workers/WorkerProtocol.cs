using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// The messages between a front end and its worker, each a JSON object with a <c>type</c>.
/// Front end to worker: <c>start</c> (the session's options), <c>execute</c> (a cell, with its label and
/// policy), <c>interrupt</c> (cancel the running cell), <c>request</c> (completion, inspection), <c>exit</c>.
/// Worker to front end: <c>started</c>, <c>output</c> (each output as it happens, stream writes
/// coalesced), <c>executed</c> (how the cell ended; its outputs were all sent before), <c>reply</c>.
/// </summary>
internal static class WorkerProtocol
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string TypeOf(JsonObject message) => (string?)message["type"] ?? "";

    public static JsonObject Start(ExecutionOptions options) =>
        new() { ["type"] = "start", ["options"] = JsonSerializer.SerializeToNode(options, _json) };

    public static ExecutionOptions ReadStart(JsonObject message) =>
        message["options"].Deserialize<ExecutionOptions>(_json) ?? throw new InvalidDataException("a start message without options");

    public static JsonObject Execute(long id, string code, string label, CodePolicy? policy) => new()
    {
        ["type"] = "execute", ["id"] = id, ["code"] = code, ["label"] = label,
        ["policy"] = policy is null ? null : JsonSerializer.SerializeToNode(policy, _json),
    };

    public static CodePolicy? ReadPolicy(JsonObject message) => message["policy"].Deserialize<CodePolicy>(_json);

    public static JsonObject Interrupt() => new() { ["type"] = "interrupt" };

    public static JsonObject Exit() => new() { ["type"] = "exit" };

    public static JsonObject Request(long id, string kind, JsonObject content) =>
        new() { ["type"] = "request", ["id"] = id, ["kind"] = kind, ["content"] = content };

    public static JsonObject Started() => new() { ["type"] = "started" };

    public static JsonObject Output(OutputEventArgs e) => new()
    {
        ["type"] = "output", ["output"] = CellOutputJson.Write(e.Output), ["update"] = e.IsUpdate, ["result"] = e.IsResult,
    };

    public static (CellOutput Output, bool Update, bool Result) ReadOutput(JsonObject message) =>
        (CellOutputJson.Read(message["output"] as JsonObject ?? throw new InvalidDataException("an output message without output")),
            (bool?)message["update"] ?? false, (bool?)message["result"] ?? false);

    public static JsonObject Executed(long id, CellExecutionResult result, string? broken) => new()
    {
        ["type"] = "executed", ["id"] = id, ["status"] = result.Status.ToString(),
        ["seconds"] = result.Duration.TotalSeconds, ["count"] = result.ExecutionCount, ["broken"] = broken,
    };

    public static (CellStatus Status, TimeSpan Duration, int Count, string? Broken) ReadExecuted(JsonObject message) =>
        (Enum.TryParse<CellStatus>((string?)message["status"], out var status) ? status : throw new InvalidDataException("an executed message without a known status"),
            TimeSpan.FromSeconds((double?)message["seconds"] ?? 0), (int?)message["count"] ?? 0, (string?)message["broken"]);

    public static JsonObject Reply(long id, JsonObject content) => new() { ["type"] = "reply", ["id"] = id, ["content"] = content };
}
