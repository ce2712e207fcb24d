using System.Diagnostics;
using CourseKit.Grading.Gradebooks;

namespace CourseKit.Grading.Tests;

/// <summary>
/// The hostile version of "resumable": `coursekit grade` is killed with SIGKILL (no clean-up of any kind)
/// while it grades a class, then run again; the gradebook loses no row, doubles none, and keeps the rows
/// recorded before the kill as they were.
/// </summary>
public class KilledRunTests
{
    [Fact]
    public async Task A_grading_process_killed_halfway_resumes_with_no_row_lost_or_doubled()
    {
        var c = new ClassFolder();
        var students = Enumerable.Range(1, 8).Select(i => $"student{i}").ToArray();
        foreach (var s in students) c.HandIn(s, c.Correct());
        string[] Grade() => ["grade", c.SourcePath, "--submissions", c.SubmissionsFolder, "--gradebook", c.GradebookPath, "--jobs", "1", "--timeout", "30"];

        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "CourseKit.Cli"), Grade())
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using (var first = Process.Start(start)!)
        {
            _ = first.StandardOutput.ReadToEndAsync();
            _ = first.StandardError.ReadToEndAsync();
            var recorded = 0;
            for (var i = 0; i < 600 && recorded < 2 && !first.HasExited; i++)
            {
                await Task.Delay(100);
                recorded = File.Exists(c.GradebookPath) ? ClassFolder.Count(c.GradebookPath).Submissions : 0;
            }
            Assert.False(first.HasExited, "the run ended before it could be killed halfway");
            first.Kill(); // SIGKILL, in the middle of the next submission
            await first.WaitForExitAsync();
        }

        var (submissions, grades) = ClassFolder.Count(c.GradebookPath);
        Assert.True(submissions is >= 2 and < 8, $"{submissions} submissions recorded at the kill");
        Assert.Equal(2 * submissions, grades); // a submission's rows are all there or none is
        string before;
        using (var book = Gradebook.Open(c.GradebookPath, readOnly: true))
            before = string.Join("\n", book.Submissions().Select(s => s.ToString()));

        var (exit, output, errors) = await CliTests.Run(Grade());
        Assert.True(exit == 0, output + errors);
        Assert.Equal((8, 16), ClassFolder.Count(c.GradebookPath));
        using (var book = Gradebook.Open(c.GradebookPath, readOnly: true))
        {
            foreach (var line in before.Split('\n'))
                Assert.Contains(line, book.Submissions().Select(s => s.ToString())); // recorded before the kill: untouched
            Assert.All(students, s => Assert.Equal(5, book.Find(s, "sheet")!.Score));
        }
    }
}
