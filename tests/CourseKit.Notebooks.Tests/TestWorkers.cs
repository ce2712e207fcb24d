using CourseKit.Notebooks.Workers;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// One warm spare worker for the notebook runs of this test assembly, as `coursekit run` keeps one for a
/// course: the next test's worker starts up while the current one runs. Each run still gets a fresh process.
/// </summary>
internal static class TestWorkers
{
    public static WorkerPool Pool { get; } = new(spares: 1);
}
