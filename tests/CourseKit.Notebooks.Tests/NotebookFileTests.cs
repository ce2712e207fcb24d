using System.Diagnostics;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Tests;

/// <summary>Loading never blocks on special files; atomic writes leave no temporary files behind.</summary>
public class NotebookFileTests
{
    private static string NewFolder() => Directory.CreateTempSubdirectory("coursekit-file-").FullName;

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(file, args);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task A_fifo_named_like_a_notebook_is_refused_without_blocking()
    {
        if (!OperatingSystem.IsLinux()) return;   // FIFOs as the test makes them
        var path = Path.Combine(NewFolder(), "lesson.ipynb");
        Run("mkfifo", path);
        var load = Task.Run(() => NotebookFile.Load(path));
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))) == load;
        if (!finished)
            using (File.OpenWrite(path)) { }   // release the blocked reader before failing
        Assert.True(finished, "Load blocked on a FIFO");
        var e = await Assert.ThrowsAsync<NotebookFormatException>(() => load);
        Assert.Equal($"{path}: is not a regular file (a FIFO, socket or device); expected a .ipynb or .dib file", e.Message);
    }

    [Fact]
    public void A_link_to_a_device_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Path.Combine(NewFolder(), "lesson.dib");
        File.CreateSymbolicLink(path, "/dev/zero");   // reading it would never end
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.Contains("is not a regular file", e.Message);
    }

    [Fact]
    public void A_link_to_a_notebook_is_read()
    {
        var folder = NewFolder();
        var target = Path.Combine(folder, "real.ipynb");
        File.Copy(Path.Combine(TestNotebooks.SourceFolder, "state.ipynb"), target);
        var link = Path.Combine(folder, "link.ipynb");
        File.CreateSymbolicLink(link, target);
        Assert.NotEmpty(NotebookFile.Load(link).Cells);
    }

    private static string TempName(string file, int pid) => $".{file}.{pid}.{Guid.NewGuid():N}.tmp";

    private static int DeadPid()
    {
        using var p = Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_write_removes_temporary_files_of_processes_that_are_gone_and_keeps_those_of_running_ones()
    {
        var folder = NewFolder();
        using var sleeper = Process.Start("sleep", "300")!;
        try
        {
            var dead = Path.Combine(folder, TempName("lesson.ipynb", DeadPid()));
            var mine = Path.Combine(folder, TempName("lesson.ipynb", Environment.ProcessId));
            var running = Path.Combine(folder, TempName("other.ipynb", sleeper.Id));
            var reused = Path.Combine(folder, TempName("old.ipynb", 1));   // pid 1 started long after this file was written
            var unrelated = Path.Combine(folder, ".notes.tmp");
            foreach (var file in new[] { dead, mine, running, reused, unrelated }) File.WriteAllText(file, "half a notebook");
            File.SetLastWriteTimeUtc(reused, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

            NotebookFile.WriteAtomically(Path.Combine(folder, "lesson.ipynb"), "{}\n");

            Assert.False(File.Exists(dead), "the temporary file of a process that ended was left");
            Assert.False(File.Exists(reused), "the temporary file of a process whose number was reused was left");
            Assert.True(File.Exists(mine));
            Assert.True(File.Exists(running));
            Assert.True(File.Exists(unrelated));
            Assert.Equal("{}\n", File.ReadAllText(Path.Combine(folder, "lesson.ipynb")));
            Assert.Equal(3, Directory.GetFiles(folder, "*.tmp").Length);   // none of its own
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        var folder = NewFolder();
        var target = Path.Combine(folder, "lesson.ipynb");
        Directory.CreateDirectory(target);   // the move over it fails
        Assert.ThrowsAny<IOException>(() => NotebookFile.WriteAtomically(target, "{}"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
