using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CourseKit.Notebooks.Documents;
using Microsoft.CodeAnalysis;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The error output of a failed cell, shaped as VS Code saves a C# failure (ename "Error"): compiler errors with
/// their lines in the cell, an exception with the cell lines of its stack, or the engine's own message (a refused
/// directive, a time limit, a failed restore). Traceback lines name the cell ("cell 3, line 2").
/// </summary>
public static class CellErrors
{
    /// <summary>The engine's message about a cell; <paramref name="type"/> (an exception type name) prefixes it when given.</summary>
    public static ErrorOutput Message(string message, string label, string? type = null)
    {
        var value = type is null ? message : $"{type}: {message}";
        return new ErrorOutput("Error", value, [value, $"   at {label}"]);
    }

    /// <summary>What a <see cref="CodePolicy"/> forbids, one line per violation (each already naming the cell).</summary>
    public static ErrorOutput PolicyViolation(IReadOnlyList<string> lines) =>
        new("Error", $"PolicyViolation: {lines[0]}", lines);

    /// <summary>The compiler's errors: the value as the compiler prints them ("(line,column): error CS…"), the traceback by cell and line.</summary>
    public static ErrorOutput CompileError(IEnumerable<Diagnostic> diagnostics, string label)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var lines = errors.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return ($"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}",
                $"{label}, line {span.StartLinePosition.Line + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }).ToArray();
        return new ErrorOutput("Error", string.Join("\n", lines.Select(l => l.Item1)), lines.Select(l => l.Item2).ToArray());
    }

    /// <summary>
    /// An exception thrown by a cell: "Type: message", then its stack with frames in cells named by cell and line
    /// (<paramref name="cellLabels"/> maps each cell's script file name to its label) and at most eight other frames.
    /// </summary>
    public static ErrorOutput RuntimeError(Exception exception, string label, IReadOnlyDictionary<string, string> cellLabels)
    {
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        var head = $"{exception.GetType().FullName}: {exception.Message}";
        var traceback = new List<string> { head };
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var others = 0;
        foreach (var frame in frames)
        {
            var file = frame.GetFileName();
            if (file is not null && cellLabels.TryGetValue(Path.GetFileName(file), out var cellName))
            {
                traceback.Add($"   at {cellName}, line {frame.GetFileLineNumber()}");
            }
            else if (frame.GetMethod() is { } method && others++ < 8 && method.DeclaringType?.Assembly.IsDynamic != true)
            {
                traceback.Add($"   at {method.DeclaringType?.FullName}.{method.Name}");
            }
        }
        if (!traceback.Skip(1).Any(l => l.StartsWith("   at cell", StringComparison.Ordinal) || l.StartsWith($"   at {label}", StringComparison.Ordinal)))
            traceback.Add($"   at {label}");
        return new ErrorOutput("Error", head, traceback);
    }
}
