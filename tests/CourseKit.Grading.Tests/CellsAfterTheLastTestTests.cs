using CourseKit.Grading.Autograding;
using CourseKit.Grading.Feedback;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Tests;

/// <summary>
/// Cells after the last test cannot change a grade, so grading stops after the last test unless asked to run every
/// cell; the feedback says which cells did not run and why.
/// </summary>
public class CellsAfterTheLastTestTests
{
    private static ClassFolder ClassWithAnExperimentAtTheEnd()
    {
        var source = Sheet.Source();
        source.Cells.Add(Sheet.Markdown("## An experiment after the exercises"));
        source.Cells.Add(Sheet.Code("Console.WriteLine(\"the experiment ran\");"));
        var c = new ClassFolder(source);
        c.HandIn("ada", c.Correct());
        return c;
    }

    [Fact]
    public async Task Grading_stops_after_the_last_test_and_the_feedback_says_the_rest_did_not_run()
    {
        var c = ClassWithAnExperimentAtTheEnd();
        var grade = await new Grader(c.Source, ClassFolder.Options).GradeAsync(Submission.Find(c.SubmissionsFolder, "sheet.ipynb").Single());

        Assert.Equal(5, grade.Score);
        var experiment = grade.Executed!.Cells[^1];
        Assert.Null(experiment.ExecutionCount);
        Assert.Empty(experiment.Outputs);
        Assert.NotNull(grade.Executed.Cells.Single(cell => GradingMetadata.Read(cell)?.GradeId == "mean-test").ExecutionCount);
        var page = FeedbackPage.Render(grade);
        Assert.Contains("they cannot change your grade, so grading did not run them", page);
        Assert.True(page.IndexOf("did not run them", StringComparison.Ordinal) > page.IndexOf("Test mean-test", StringComparison.Ordinal),
            "the note stands after the last test");
    }

    [Fact]
    public async Task Run_every_cell_runs_the_cells_after_the_last_test_too()
    {
        var c = ClassWithAnExperimentAtTheEnd();
        var grader = new Grader(c.Source, ClassFolder.Options with { RunEveryCell = true });
        var grade = await grader.GradeAsync(Submission.Find(c.SubmissionsFolder, "sheet.ipynb").Single());

        Assert.Equal(5, grade.Score);
        Assert.Equal("the experiment ran\n", Assert.IsType<StreamOutput>(grade.Executed!.Cells[^1].Outputs.Single()).Text);
        Assert.DoesNotContain("did not run them", FeedbackPage.Render(grade));
    }
}
