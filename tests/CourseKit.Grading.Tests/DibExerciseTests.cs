using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Tests;

/// <summary>A .dib cell carries its nbgrader metadata on its first line, a comment every kernel ignores.</summary>
public class DibExerciseTests
{
    private const string Source = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

        #!markdown

        <!-- cell-metadata: {"nbgrader":{"grade_id":"intro","locked":true,"schema_version":3}} -->
        # Sheet in .dib

        #!csharp

        // cell-metadata: {"nbgrader":{"grade_id":"square","solution":true,"schema_version":3}}
        double Square(double x)
        {
            // BEGIN SOLUTION
            return x * x;
            // END SOLUTION
        }

        #!csharp

        // cell-metadata: {"nbgrader":{"grade_id":"square-test","grade":true,"locked":true,"points":1,"schema_version":3}}
        if (Square(3) != 9) throw new Exception("expected Square(3) = 9");
        // BEGIN HIDDEN TESTS
        if (Square(-2) != 4) throw new Exception("expected Square(-2) = 4");
        // END HIDDEN TESTS
        """;

    [Fact]
    public async Task A_dib_exercise_is_assigned_and_graded_like_an_ipynb()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-grading-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var sourcePath = Path.Combine(folder, "square.dib");
        File.WriteAllText(sourcePath, Source);

        var source = ExerciseNotebook.Load(sourcePath);
        Assert.Equal(["intro", "square", "square-test"], source.Cells.Select(c => c.GradeId));
        Assert.StartsWith("double Square", source.Find("square")!.Cell.Source);   // the metadata line is not code

        var studentPath = Path.Combine(folder, "release", "square.dib");
        NotebookFile.Save(StudentVersion.Make(source), studentPath);
        var text = File.ReadAllText(studentPath);
        Assert.Contains("// cell-metadata: {\"nbgrader\":{\"grade_id\":\"square-test\"", text);
        Assert.Contains("<!-- cell-metadata: {\"nbgrader\":{\"grade_id\":\"intro\"", text);
        Assert.DoesNotContain("Square(-2)", text);
        Assert.DoesNotContain("x * x", text);
        var reread = NotebookFile.Load(studentPath);
        Assert.Equal(CellChecksum.Of(reread.Cells[2]), GradingMetadata.Read(reread.Cells[2])!.Checksum);

        var correct = Path.Combine(folder, "submissions", "ada", "square.dib");
        Directory.CreateDirectory(Path.GetDirectoryName(correct)!);
        File.WriteAllText(correct, text.Replace("// YOUR CODE HERE\n    throw new NotImplementedException();", "return x * x;"));
        var blank = Path.Combine(folder, "submissions", "bob", "square.dib");
        Directory.CreateDirectory(Path.GetDirectoryName(blank)!);
        File.Copy(studentPath, blank);

        using var book = Gradebook.Open(Path.Combine(folder, "book.db"));
        await GradingRun.RunAsync(new Grader(source, ClassFolder.Options), Submission.Find(Path.Combine(folder, "submissions"), "square.dib"), book, new GradingRunOptions());
        Assert.Equal(1, book.Find("ada", "square")!.Score);
        Assert.Equal(0, book.Find("bob", "square")!.Score);
    }

    [Fact]
    public void A_metadata_line_that_is_not_json_names_the_cell()
    {
        var e = Assert.Throws<NotebookFormatException>(() => DibFormat.Parse("#!csharp\n\n// cell-metadata: {oops\nvar x = 1;\n", "bad.dib"));
        Assert.StartsWith("bad.dib: cell 1: its cell-metadata: line is not a JSON object", e.Message);
    }
}
