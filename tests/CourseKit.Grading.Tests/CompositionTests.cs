using CourseKit.Grading.Composition;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Tests;

public class CompositionTests
{
    private static readonly CodePolicy _baseline = new()
    {
        Rules = [new PolicyRule("file system", ["System.IO"])],
        Allowed = ["System.IO.Path"],
        AllowDirectives = false,
    };

    private static ExerciseNotebook Source(Action<Notebook>? change = null)
    {
        var notebook = Sheet.Source();
        notebook.Cells.Insert(1, Sheet.Code("using System.Text;"));   // an ungraded set-up cell the student may keep
        change?.Invoke(notebook);
        return ExerciseNotebook.Read(notebook, "sheet.ipynb");
    }

    private static Notebook StudentCopy(ExerciseNotebook source) => StudentVersion.Make(source);

    [Fact]
    public void Test_and_locked_cells_come_from_the_source_whatever_the_student_did_to_them()
    {
        var source = Source();
        var student = StudentCopy(source);
        student.Cell("relu-test").Source = "Console.WriteLine(\"all good\");";
        student.Cell("helpers").Source = "void Check(bool ok, string message) { }";
        var moved = student.Cell("mean-test");
        student.Cells.Remove(moved);
        student.Cells.Insert(0, moved);

        var composed = SubmissionComposer.Compose(source, student, _baseline);

        var tests = composed.Tests.ToArray();
        Assert.Equal(["relu-test", "mean-test"], tests.Select(t => t.GradeId));
        Assert.Equal(source.Find("relu-test")!.Cell.Source, tests[0].Cell.Source);   // hidden tests are back
        Assert.Contains(Sheet.HiddenMarker, tests[0].Cell.Source);
        Assert.Equal(source.Find("helpers")!.Cell.Source, composed.Cells.Single(c => c.GradeId == "helpers").Cell.Source);
        Assert.True(composed.Cells.Single(c => c.GradeId == "mean").Number < tests[1].Number, "a test runs after its solution, as in the source");
        Assert.All(composed.Cells.Where(c => c.GradeId is "relu-test" or "mean-test" or "helpers"), c =>
        {
            Assert.Equal(CellOrigin.Instructor, c.Origin);
            Assert.Null(composed.PolicyFor(c.Cell));
        });
        Assert.Equal("relu", tests[0].Exercise);
        Assert.Equal(2, tests[0].Points);
        Assert.DoesNotContain(Sheet.HiddenMarker, tests[0].VisibleSource);
    }

    [Fact]
    public void Solution_cells_are_the_students_and_a_deleted_one_is_restored_before_the_students_own_cells()
    {
        var source = Source();
        var student = StudentCopy(source).Solve("relu", Sheet.ReluSolution);
        var mean = student.Cell("mean");
        var index = student.Cells.IndexOf(mean);
        student.Cells[index] = Sheet.Code(Sheet.MeanSolution);   // the student rewrote the cell and lost its metadata

        var composed = SubmissionComposer.Compose(source, student, _baseline);

        var relu = composed.Cells.Single(c => c.GradeId == "relu");
        Assert.Equal(CellOrigin.Student, relu.Origin);
        Assert.Contains(Sheet.ReluSolution, relu.Cell.Source);
        var restored = composed.Cells.Single(c => c.GradeId == "mean");
        Assert.Equal(CellOrigin.Restored, restored.Origin);
        Assert.Contains("throw new NotImplementedException();", restored.Cell.Source);
        var own = composed.Cells.Single(c => c.Cell.Source == Sheet.MeanSolution);
        Assert.Equal(CellOrigin.Student, own.Origin);
        Assert.True(restored.Number < own.Number && own.Number < composed.Tests.Single(t => t.GradeId == "mean-test").Number,
            "the student's own definition comes after the restored stub and before the test");
    }

    [Fact]
    public void Policies_the_exercise_rules_for_solutions_every_rule_for_added_cells_none_for_instructor_code()
    {
        var source = Source(n =>
        {
            n.Cell("relu").Metadata[ExerciseRules.Key] = new System.Text.Json.Nodes.JsonObject
            {
                ["forbid"] = new System.Text.Json.Nodes.JsonArray("System.Math.Max"),
                ["allow"] = new System.Text.Json.Nodes.JsonArray("System.IO.File.Exists"),
                ["reason"] = "write max yourself",
            };
            n.Cell("mean").Metadata[ExerciseRules.Key] = new System.Text.Json.Nodes.JsonObject
            {
                ["allow"] = new System.Text.Json.Nodes.JsonArray("System.Threading.Tasks.Parallel", "System.Math.Max.Anything"),
            };
        });
        var student = StudentCopy(source);
        student.Cells.Add(Sheet.Code("double Helper() => 1;"));
        student.Cells.Add(Sheet.Code("double Forged() => 2;", Sheet.Grading("not-in-source", solution: true)));

        var composed = SubmissionComposer.Compose(source, student, _baseline);

        var relu = composed.PolicyFor(composed.Cells.Single(c => c.GradeId == "relu").Cell)!;
        Assert.Equal(["file system", "write max yourself"], relu.Rules.Select(r => r.Name));
        Assert.Equal(["System.IO.Path", "System.IO.File.Exists"], relu.Allowed);
        Assert.Equal(["Check"], relu.ReservedNames);
        Assert.False(relu.AllowDirectives);

        var mean = composed.PolicyFor(composed.Cells.Single(c => c.GradeId == "mean").Cell)!;
        Assert.Equal(["file system"], mean.Rules.Select(r => r.Name));
        Assert.Contains("System.Threading.Tasks.Parallel", mean.Allowed);

        var added = composed.Cells.Where(c => c.Cell.Source is "double Helper() => 1;" or "double Forged() => 2;").ToArray();
        Assert.Equal(2, added.Length);
        foreach (var cell in added)
        {
            Assert.Equal(CellRole.Plain, cell.Role);
            var policy = composed.PolicyFor(cell.Cell)!;
            Assert.Equal(["file system", "write max yourself"], policy.Rules.Select(r => r.Name));
            Assert.DoesNotContain("System.Math.Max.Anything", policy.Allowed);   // no exercise's allowance reopens another's rule
            Assert.Contains("System.Threading.Tasks.Parallel", policy.Allowed);
            Assert.Equal(["Check"], policy.ReservedNames);
        }

        var setup = composed.Cells.Single(c => c.Cell.Source == "using System.Text;");
        Assert.Equal(CellOrigin.Instructor, setup.Origin);
        Assert.Null(composed.PolicyFor(setup.Cell));
        Assert.Same(composed.DefaultPolicy, composed.PolicyFor(new NotebookCell(CellKind.Code, "unknown")));
        Assert.NotNull(composed.DefaultPolicy);
    }

    [Fact]
    public void Policies_follow_the_cell_into_the_engines_copy_of_the_notebook()
    {
        var source = Source();
        var composed = SubmissionComposer.Compose(source, StudentCopy(source), _baseline);
        var copy = composed.Notebook.CloneWithoutOutputs();
        var reread = IpynbFormat.Parse(IpynbFormat.Write(copy), "copy.ipynb");
        for (var i = 0; i < composed.Cells.Count; i++)
            Assert.Same(composed.Cells[i].Policy, composed.PolicyFor(reread.Cells[i]));
    }

    [Fact]
    public void Reserved_names_are_what_tests_look_up_that_no_writable_cell_or_test_declares()
    {
        var names = ReservedNames.Compute(
            ["""
             using static System.Math;
             var got = Relu(Sqrt(4));
             Check(got == 2, $"expected 2, got {got}");
             var point = new Point { X = 1 };
             Expect.Close(helper.Value, 1.0, tolerance: 1e-9);
             double Local(double y) => y;
             foreach (var item in Items) { }
             """],
            ["double Relu(double x) => x;", "var helper = new Helper();"]);
        Assert.Equal(["Check", "Expect", "Items", "Point", "Sqrt", "System"], names);
    }

    [Fact]
    public void A_student_notebook_as_is_checks_only_its_solution_cells()
    {
        var source = Source();
        var student = StudentCopy(source);
        var composed = SubmissionComposer.AsIs(student, _baseline);
        Assert.Equal(["relu-test", "mean-test"], composed.Tests.Select(t => t.GradeId));
        Assert.All(composed.Cells, c => Assert.Equal(c.Role == CellRole.Solution, composed.PolicyFor(c.Cell) is not null));
        Assert.Null(SubmissionComposer.AsIs(student, null).Cells.Select(c => c.Policy).FirstOrDefault(p => p is not null));
    }
}
