using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Tests;

public class StudentVersionTests
{
    [Fact]
    public void Solutions_become_stubs_hidden_tests_go_outputs_are_cleared_and_locked_cells_are_checksummed()
    {
        var source = Sheet.Source();
        source.Cell("relu").Outputs.Add(new StreamOutput("stdout", "instructor output"));
        source.Cell("relu").ExecutionCount = 4;
        var classFolder = new ClassFolder(source);
        var student = StudentVersion.Make(classFolder.Source);
        var path = Path.Combine(classFolder.Root, "release", "sheet.ipynb");
        NotebookFile.Save(student, path);
        var text = File.ReadAllText(path);

        Assert.DoesNotContain(Sheet.HiddenMarker, text);
        Assert.DoesNotContain("Relu(-2)", text);
        Assert.DoesNotContain(Sheet.ReluSolution, text);
        Assert.DoesNotContain("xs.Sum()", text);
        Assert.DoesNotContain("instructor output", text);
        Assert.DoesNotContain("BEGIN", text);
        Assert.Null(student.Cell("relu").ExecutionCount);
        Assert.Equal("""
            double Relu(double x)
            {
                // YOUR CODE HERE
                throw new NotImplementedException();
            }
            """, student.Cell("relu").Source);
        Assert.Equal("""
            // YOUR CODE HERE
            double Mean(double[] xs) => throw new NotImplementedException();
            """, student.Cell("mean").Source);
        Assert.Contains("expected Relu(3) = 3", student.Cell("relu-test").Source);   // the visible test stays

        foreach (var id in new[] { "helpers", "relu-test", "mean-test" })
        {
            var grading = GradingMetadata.Read(student.Cell(id))!;
            Assert.Equal(CellChecksum.Of(student.Cell(id)), grading.Checksum);
        }
        Assert.Null(GradingMetadata.Read(student.Cell("relu"))!.Checksum);
        Assert.Equal(3, GradingMetadata.Read(NotebookFile.Load(path).Cell("mean-test"))!.Points);
    }

    public static TheoryData<string, string> Shapes => new()
    {
        {
            "region inside a loop of a method",
            """
            double SumOfSquares(double[] xs)
            {
                var total = 0.0;
                foreach (var x in xs)
                {
                    // BEGIN SOLUTION
                    total += x * x;
                    // END SOLUTION
                }
                return total;
            }
            """
        },
        {
            "region of declarations and statements at the top level",
            """
            // BEGIN SOLUTION
            double Square(double x)
            {
                return x * x;
            }
            double offset = 0;
            Console.WriteLine("defined");
            // END SOLUTION
            double SumOfSquares(double[] xs) => xs.Sum(Square) + offset;
            """
        },
        {
            "region of members inside a class",
            """
            class Squarer
            {
                // BEGIN SOLUTION
                private readonly double _scale = 1;
                public double Scale { get; } = 1;
                public double Apply(double x) => _scale * Scale * x * x;
                // END SOLUTION
            }
            double SumOfSquares(double[] xs) => xs.Sum(new Squarer().Apply);
            """
        },
        {
            "region inside a lambda and a switch section",
            """
            Func<double, double> square = x =>
            {
                switch (x)
                {
                    default:
                        // BEGIN SOLUTION
                        return x * x;
                        // END SOLUTION
                }
            };
            double SumOfSquares(double[] xs) => xs.Sum(square);
            """
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_student_version_compiles_and_its_test_fails_with_NotImplementedException(string shape, string solution)
    {
        var source = new Notebook();
        source.Cells.Add(Sheet.Code(solution, Sheet.Grading("squares", solution: true)));
        source.Cells.Add(Sheet.Code("""
            var got = SumOfSquares(new[] { 1.0, 2.0 });
            if (got != 5) throw new Exception($"expected 5, got {got}");
            """, Sheet.Grading("squares-test", grade: true, locked: true, points: 1)));
        var exercise = ExerciseNotebook.Read(source, "squares.ipynb");
        var path = Path.Combine(Path.GetTempPath(), "coursekit-grading-tests", Guid.NewGuid().ToString("N"), "squares.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new NotebookRunOptions { KeepGoing = true, CellTimeout = TimeSpan.FromSeconds(30) };

        var original = await NotebookRunner.RunAsync(source, path, options);
        Assert.True(original.Status == NotebookRunStatus.Succeeded, $"{shape}: the instructor's version fails: {original.FirstError}");

        var student = await NotebookRunner.RunAsync(StudentVersion.Make(exercise), path, options);
        var test = student.Cells[2];
        Assert.True(test.Status == CellStatus.RuntimeError, $"{shape}: the test ended {test.Status}: {test.Error?.Value}\n{StudentVersion.Make(exercise).Cells[0].Source}");
        Assert.StartsWith("System.NotImplementedException", test.Error!.Value);
        Assert.NotEqual(CellStatus.CompileError, student.Cells[1].Status);
    }
}
