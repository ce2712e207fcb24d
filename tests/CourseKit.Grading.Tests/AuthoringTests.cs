using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Tests;

public class AuthoringTests
{
    private static ExerciseFormatException Problems(Notebook notebook) =>
        Assert.Throws<ExerciseFormatException>(() => ExerciseNotebook.Read(notebook, "course/sheet.ipynb"));

    private static Notebook With(params NotebookCell[] cells)
    {
        var notebook = new Notebook();
        notebook.Cells.AddRange(cells);
        return notebook;
    }

    private static NotebookCell Solution(string id, string body = "double F() { // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}") =>
        Sheet.Code(body.Replace("{ // BEGIN", "{\n    // BEGIN"), Sheet.Grading(id, solution: true));

    private static NotebookCell Test(string id, double? points = 1, string body = "if (F() != 1) throw new Exception(\"expected 1\");") =>
        Sheet.Code(body, Sheet.Grading(id, grade: true, locked: true, points: points));

    [Fact]
    public void The_source_sheet_is_valid()
    {
        var sheet = ExerciseNotebook.Read(Sheet.Source(), "sheet.ipynb");
        Assert.Equal(5, sheet.MaxScore);
        Assert.Equal(["relu-test", "mean-test"], sheet.Tests.Select(t => t.GradeId));
        Assert.Equal("relu", sheet.ExerciseOf(sheet.Find("relu-test")!));
        Assert.Equal("mean", sheet.ExerciseOf(sheet.Find("mean-test")!));
    }

    [Fact]
    public void A_duplicate_grade_id_names_the_file_and_both_cells()
    {
        var e = Problems(With(Solution("f"), Test("f-test"), Sheet.Markdown("text"), Test("f-test")));
        var line = Assert.Single(e.Lines);
        Assert.Equal("course/sheet.ipynb: cells 2 and 4 all have grade_id 'f-test'; expected each grade_id once, so that the grader finds every cell in a student's copy", line);
    }

    [Fact]
    public void Solution_and_test_cells_need_a_grade_id()
    {
        var solution = Solution("x");
        solution.Metadata[GradingMetadata.Key]!.AsObject().Remove("grade_id");
        var test = Test("y");
        test.Metadata[GradingMetadata.Key]!["grade_id"] = "";
        var e = Problems(With(solution, test));
        Assert.Contains("cell 1: is a solution cell without a grade_id; expected a unique grade_id in its nbgrader metadata", e.Problems);
        Assert.Contains("cell 2: is a test cell without a grade_id; expected a unique grade_id in its nbgrader metadata", e.Problems);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(null)]
    public void A_test_cell_needs_positive_points(double? points)
    {
        var e = Problems(With(Solution("f"), Test("f-test", points)));
        Assert.Equal($"cell 2 ('f-test'): is a test cell with points {points ?? 0}; expected points > 0", Assert.Single(e.Problems));
    }

    [Fact]
    public void Unbalanced_and_nested_markers_are_reported_with_their_lines()
    {
        var e = Problems(With(
            Solution("a", "double A()\n{\n    // BEGIN SOLUTION\n    return 1;\n}"),
            Solution("b", "double B()\n{\n    return 1;\n    // END SOLUTION\n}"),
            Solution("c", "// BEGIN SOLUTION\n// BEGIN SOLUTION\ndouble C() => 1;\n// END SOLUTION"),
            Test("t", body: "// BEGIN HIDDEN TESTS\nif (A() != 1) throw new Exception();")));
        Assert.Contains("cell 1 ('a'): line 3: // BEGIN SOLUTION is never closed; expected a line // END SOLUTION after it", e.Problems);
        Assert.Contains("cell 2 ('b'): line 4: // END SOLUTION without a // BEGIN SOLUTION before it", e.Problems);
        Assert.Contains("cell 3 ('c'): line 2: // BEGIN SOLUTION inside the region opened at line 1; expected // END SOLUTION first (regions do not nest)", e.Problems);
        Assert.Contains("cell 4 ('t'): line 1: // BEGIN HIDDEN TESTS is never closed; expected a line // END HIDDEN TESTS after it", e.Problems);
    }

    [Fact]
    public void A_solution_cell_without_markers_is_an_error()
    {
        var e = Problems(With(Sheet.Code("double F() => 1;", Sheet.Grading("f", solution: true)), Test("f-test")));
        Assert.Equal("cell 1 ('f'): is a solution cell without solution markers; expected the lines a student writes between a line // BEGIN SOLUTION and a line // END SOLUTION",
            Assert.Single(e.Problems));
    }

    [Fact]
    public void Markers_outside_their_kind_of_cell_would_leak_and_are_errors()
    {
        var e = Problems(With(
            Sheet.Code("// BEGIN SOLUTION\nvar answer = 42;\n// END SOLUTION"),
            Sheet.Code("// BEGIN HIDDEN TESTS\nvar secret = 1;\n// END HIDDEN TESTS", Sheet.Grading("notes", locked: true))));
        Assert.Contains("cell 1: has solution markers but is not a solution cell (nbgrader solution: true), so its solution would reach the students", e.Problems);
        Assert.Contains("cell 2 ('notes'): has hidden-test markers but is not a test cell (nbgrader grade: true), so its hidden tests would reach the students", e.Problems);
    }

    [Fact]
    public void Regions_whose_student_version_would_not_compile_are_errors()
    {
        var e = Problems(With(
            Solution("escape", "double F()\n{\n    // BEGIN SOLUTION\n    var y = 2.0;\n    // END SOLUTION\n    return y;\n}"),
            Solution("cut", "double G() => 1 +\n    // BEGIN SOLUTION\n    2;\n    // END SOLUTION"),
            Solution("untyped", "// BEGIN SOLUTION\nvar model = 3.0;\n// END SOLUTION"),
            Solution("empty", "double H()\n{\n    // BEGIN SOLUTION\n    // END SOLUTION\n}")));
        Assert.Contains("cell 1 ('escape'): lines 3-5: 'y' is declared between the solution markers and used outside them (line 6), so the student version would not compile; declare it before // BEGIN SOLUTION", e.Problems);
        Assert.Contains("cell 2 ('cut'): lines 2-4: the solution markers cut through a statement or expression; expected them to enclose whole statements of a body or whole declarations", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("cell 3 ('untyped'): lines 1-3: 'var model' at line 2 is a top-level variable between the solution markers", StringComparison.Ordinal));
        Assert.Contains("cell 4 ('empty'): lines 3-4: the solution markers enclose no code; expected the lines a student writes between them", e.Problems);
    }

    [Fact]
    public void Malformed_metadata_and_unsupported_cells_are_reported()
    {
        var manual = Sheet.Code("// BEGIN SOLUTION\ndouble F() => 1;\n// END SOLUTION", Sheet.Grading("manual", solution: true, grade: true, points: 1));
        var bad = Sheet.Code("var x = 1;", Sheet.Grading("bad", locked: true));
        bad.Metadata[GradingMetadata.Key]!["locked"] = "yes";
        bad.Metadata[GradingMetadata.Key]!["schema_version"] = 1;
        var rules = Sheet.Code("var y = 1;");
        rules.Metadata[ExerciseRules.Key] = new System.Text.Json.Nodes.JsonObject { ["forbid"] = "System.IO" };
        var e = Problems(With(manual, bad, rules));
        Assert.Contains("cell 1 ('manual'): is both a solution and a test cell (nbgrader's manually graded answer), which the autograder cannot grade; expected a solution cell and a separate test cell", e.Problems);
        Assert.Contains("cell 2: its nbgrader metadata has schema_version 1; expected 3", e.Problems);
        Assert.Contains("cell 2: its nbgrader field locked is \"yes\"; expected true or false", e.Problems);
        Assert.Contains("cell 3: its coursekit field forbid is \"System.IO\"; expected a list of fully-qualified names like [\"System.IO.File\"]", e.Problems);
        Assert.Contains("cell 3: has coursekit rules but is not a solution cell; expected them on the exercise's solution cell", e.Problems);
    }

    [Fact]
    public void Class_members_keep_their_signatures_and_lose_bodies_and_initializers()
    {
        var sheet = ExerciseNotebook.Read(With(Solution("model", """
            class Model
            {
                // BEGIN SOLUTION
                private double _scale = 2;
                public const double Rate = 0.5;
                public double Scale { get; } = 1;
                public double Forward(double x)
                {
                    return _scale * x;
                }
                // END SOLUTION
            }
            """), Test("model-test")), "m.ipynb");
        Assert.Equal("""
            class Model
            {
                // YOUR CODE HERE
                private double _scale;
                public const double Rate = 0.5;
                public double Scale { get; }
                public double Forward(double x) => throw new NotImplementedException();
            }
            """, sheet.Find("model")!.StudentSource);
    }

    [Fact]
    public void Top_level_statements_are_removed_and_a_throw_ends_the_region()
    {
        var sheet = ExerciseNotebook.Read(With(Solution("setup", """
            // BEGIN SOLUTION
            double[] weights = new double[3];
            const int Size = 3;
            for (var i = 0; i < Size; i++) weights[i] = i;
            // END SOLUTION
            """), Test("setup-test")), "m.ipynb");
        Assert.Equal("""
            // YOUR CODE HERE
            double[] weights;
            const int Size = 3;
            throw new NotImplementedException();
            """, sheet.Find("setup")!.StudentSource);
    }
}
