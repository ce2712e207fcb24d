using CourseKit.Grading.Composition;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Autograding;

/// <summary>
/// What a student runs before handing in (<c>coursekit validate</c>): the notebook exactly as it is, all
/// its cells, and each test cell it holds (the visible tests) scored as the grader scores it. The hidden
/// tests are not in a student's copy, so a full score here is necessary, not sufficient.
/// </summary>
public static class Validator
{
    /// <summary>Runs and scores a student's notebook.</summary>
    /// <param name="path">The notebook.</param>
    /// <param name="options">Engine options (time limit); <c>KeepGoing</c> is always on so that every test reports.</param>
    /// <param name="baseline">With a policy, solution cells are checked as the grader checks them; null runs them unchecked.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="NotebookFormatException">the notebook cannot be read.</exception>
    /// <exception cref="ExerciseFormatException">the notebook has no test cell.</exception>
    public static async Task<ValidationReport> ValidateAsync(string path, NotebookRunOptions options, CodePolicy? baseline = null, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookFile.Load(path);
        var composed = SubmissionComposer.AsIs(notebook, baseline);
        if (!composed.Tests.Any())
            throw new ExerciseFormatException(path, ["has no test cell (nbgrader grade: true); expected the student version of an assignment"]);
        var warnings = new List<string>();
        foreach (var cell in composed.Cells.Where(c => c.Role is CellRole.Test or CellRole.Locked))
            if (GradingMetadata.Read(cell.Cell) is { } grading && !CellChecksum.Matches(cell.Cell, grading))
                warnings.Add($"cell {cell.Number} ('{cell.GradeId}') is locked but was changed; the grader uses the original, so your change counts for nothing");
        var run = await NotebookRunner.RunAsync(composed.Notebook, path, options with { KeepGoing = true, Policy = composed.PolicyFor, OutputDirectory = null },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ValidationReport(path, Scorer.Score(composed, run), warnings);
    }
}
