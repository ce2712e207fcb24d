using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The cooperative interrupt of running cell code. <see cref="InterruptRewriter"/> puts a call to
/// <see cref="Check"/> at the top of every loop body and every method, local function and lambda body
/// of a cell, so that cancelling a cell (an interrupt, or its time limit) stops even
/// <c>while (true) {}</c> or a deep recursion: the next check throws <see cref="OperationCanceledException"/>
/// and the session stays usable. .NET has no thread abort, so this is the only way to stop such code.
/// </summary>
/// <remarks>
/// The fast path is one volatile read of a process-wide counter of cells whose cancellation is pending;
/// only while some cell is being cancelled does a check look up its own cell (an async-local read), so
/// several sessions in one process never stop each other's cells.
/// </remarks>
public static class CellInterrupt
{
    private static int _pending;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell running on this flow has been cancelled; otherwise returns at once.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (Volatile.Read(ref _pending) != 0) CheckSlow();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckSlow() => ConsoleRouter.Current?.ThrowIfInterrupted();

    /// <summary>Whether some cell in the process has a pending cancellation (for tests).</summary>
    internal static bool AnyPending => Volatile.Read(ref _pending) != 0;

    internal static void Raise() => Interlocked.Increment(ref _pending);

    internal static void Lower() => Interlocked.Decrement(ref _pending);
}
