using System.Runtime.InteropServices;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// POSIX process groups: a worker makes itself the leader of a new session (<c>setsid</c>), so that the
/// front end can end it together with every process its cells started, even those no longer its
/// children, with one signal to the group. Does nothing on Windows.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Makes the calling process the leader of a new session and process group (the worker calls it first).</summary>
    public static void BecomeLeader()
    {
        if (!OperatingSystem.IsWindows()) _ = setsid();
    }

    /// <summary>Sends SIGKILL to every process of the group led by <paramref name="leader"/>.</summary>
    public static void KillAll(int leader)
    {
        if (!OperatingSystem.IsWindows() && leader > 1) _ = kill(-leader, SigKill);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
