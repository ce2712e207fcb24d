using System.Diagnostics;

namespace CourseKit.Kernel.Server;

/// <summary>
/// Ends the kernel with the front end that started it, as ipykernel does: Jupyter passes its own process
/// id in <c>JPY_PARENT_PID</c>; once that process is gone the kernel shuts down instead of living on with
/// its ports bound (and its worker with it).
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(1);
    private readonly Timer? _timer;

    /// <summary>Watches the parent named by <c>JPY_PARENT_PID</c>, if any, and calls <paramref name="parentGone"/> once it is gone.</summary>
    public ParentWatch(Action parentGone)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var parent) || parent <= 1) return;
        var fired = 0;
        _timer = new Timer(_ =>
        {
            if (IsAlive(parent) || Interlocked.Exchange(ref fired, 1) != 0) return;
            parentGone();
        }, null, _interval, _interval);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
