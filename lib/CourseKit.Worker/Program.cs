using CourseKit.Kernel.Completion;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Workers;

// The worker: one notebook's execution session, driven over standard input and output by a front end.
ScriptCompletion? completion = null;
var exit = await WorkerHost.RunAsync((session, kind, content) =>
{
    completion ??= new ScriptCompletion(session);
    var code = (string?)content["code"] ?? "";
    var cursor = (int?)content["cursor_pos"] ?? 0;
    return kind == "inspect" ? completion.Inspect(code, cursor) : completion.Complete(code, cursor);
});
// leave even if a cell left a foreground thread running
Environment.Exit(exit);
