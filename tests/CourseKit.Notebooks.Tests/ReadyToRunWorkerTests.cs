using CourseKit.Notebooks.Workers;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Front ends start the precompiled worker (<c>worker/</c>, published by the worker's build) only when it is the
/// same build as themselves: a stale one would speak an older protocol or run older engine code.
/// </summary>
public class ReadyToRunWorkerTests
{
    private static readonly string _engine = typeof(WorkerProcess).Assembly.Location;

    [Fact]
    public void The_build_carries_a_ready_worker_of_the_same_build_and_front_ends_start_it()
    {
        var (file, arguments) = WorkerProcess.Command();
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "worker", "CourseKit.Worker"), file);
        Assert.Empty(arguments);
        // precompiled: a ReadyToRun image of Roslyn is several times the size of its IL-only package copy
        var ready = new FileInfo(Path.Combine(AppContext.BaseDirectory, "worker", "Microsoft.CodeAnalysis.CSharp.dll")).Length;
        var plain = new FileInfo(Path.Combine(AppContext.BaseDirectory, "Microsoft.CodeAnalysis.CSharp.dll")).Length;
        Assert.True(ready > 2 * plain, $"worker/Microsoft.CodeAnalysis.CSharp.dll is {ready} bytes, the plain one {plain}");
    }

    [Fact]
    public void A_ready_worker_of_another_build_is_passed_over_for_the_plain_one()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-ready-").FullName;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "CourseKit.Worker.dll"), Path.Combine(folder, "CourseKit.Worker.dll"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "CourseKit.Worker"), Path.Combine(folder, "CourseKit.Worker"));
            Directory.CreateDirectory(Path.Combine(folder, "worker"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "CourseKit.Worker"), Path.Combine(folder, "worker", "CourseKit.Worker"));

            // another assembly under the engine's name: a different module version id, as after a rebuild
            var other = typeof(CourseKit.Tensor).Assembly.Location;
            File.Copy(other, Path.Combine(folder, "worker", Path.GetFileName(_engine)));
            Assert.Equal(Path.Combine(folder, "CourseKit.Worker"), WorkerProcess.Command(folder).File);

            // the same engine build: taken
            File.Copy(_engine, Path.Combine(folder, "worker", Path.GetFileName(_engine)), overwrite: true);
            Assert.Equal(Path.Combine(folder, "worker", "CourseKit.Worker"), WorkerProcess.Command(folder).File);

            // a damaged file is not an engine
            File.WriteAllText(Path.Combine(folder, "worker", Path.GetFileName(_engine)), "not an assembly");
            Assert.Equal(Path.Combine(folder, "CourseKit.Worker"), WorkerProcess.Command(folder).File);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
