using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The process-wide <see cref="Console.Out"/>/<see cref="Console.Error"/> replacement: a write goes to
/// the cell running on the writer's async flow (<see cref="Current"/>), or to the original console when
/// no cell is running there. Several sessions in one process each get their own cell's output.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly AsyncLocal<CellContext?> _current = new();
    private static readonly object _installGate = new();
    private static bool _installed;

    private readonly TextWriter _fallback;
    private readonly string _stream;

    private ConsoleRouter(TextWriter fallback, string stream)
    {
        _fallback = fallback;
        _stream = stream;
    }

    /// <summary>The cell whose output this async flow writes to.</summary>
    public static CellContext? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    /// <summary>Installs the routers once per process.</summary>
    public static void Install()
    {
        lock (_installGate)
        {
            if (_installed) return;
            Console.SetOut(new ConsoleRouter(Console.Out, "stdout"));
            Console.SetError(new ConsoleRouter(Console.Error, "stderr"));
            _installed = true;
        }
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null) return;
        if (Current is { } cell) cell.Write(_stream, value);
        else _fallback.Write(value);
    }

    public override void WriteLine(string? value) => Write((value ?? "") + CoreNewLine.AsSpan().ToString());

    public override void Flush()
    {
        if (Current is null) _fallback.Flush();
    }
}
