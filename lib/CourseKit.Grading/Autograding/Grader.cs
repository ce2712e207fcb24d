using CourseKit.Grading.Composition;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Workers;

namespace CourseKit.Grading.Autograding;

/// <summary>
/// Grades submissions of one assignment: composes each with the instructor's source (see
/// <see cref="SubmissionComposer"/>), runs it through the engine's <see cref="NotebookRunner"/> in an
/// isolated, sandboxed worker under the cells' policies, and scores it from the cell results
/// (<see cref="Scorer"/>). The composed notebook, which holds the hidden tests, is never written to disk.
/// </summary>
public sealed class Grader
{
    private readonly ExerciseNotebook _source;
    private readonly GradingOptions _options;

    /// <summary>Creates a grader for a checked source notebook.</summary>
    /// <exception cref="ExerciseFormatException">the source has no test cell.</exception>
    public Grader(ExerciseNotebook source, GradingOptions options)
    {
        if (!source.Tests.Any())
            throw new ExerciseFormatException(source.Path, ["has no test cell; expected at least one cell with nbgrader grade: true and points > 0"]);
        _source = source;
        _options = options;
    }

    /// <summary>The source being graded against.</summary>
    public ExerciseNotebook Source => _source;

    /// <summary>The grading settings.</summary>
    public GradingOptions Options => _options;

    /// <summary>
    /// Grades one submission. A missing or unreadable notebook scores 0 on every test with a message saying
    /// so; anything the student's code does costs only its own tests.
    /// </summary>
    /// <param name="submission">The student's folder and notebook.</param>
    /// <param name="workers">Warm worker processes started with <see cref="GradingOptions.WorkerProcess"/>; null to start one.</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <exception cref="OperationCanceledException">the run was cancelled; nothing about it may be recorded.</exception>
    public async Task<SubmissionGrade> GradeAsync(Submission submission, WorkerPool? workers = null, CancellationToken cancellationToken = default)
    {
        var hash = ContentHash.OfFile(submission.NotebookPath);
        if (submission.NotebookPath is null)
            return Nothing(submission, hash, $"no notebook handed in: expected {Path.GetFileName(_source.Path)} in the folder {submission.Student}");
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Load(submission.NotebookPath);
        }
        catch (NotebookFormatException e)
        {
            return Nothing(submission, hash, $"the notebook cannot be read: {e.Problem}");
        }
        var composed = SubmissionComposer.Compose(_source, notebook, _options.BaselinePolicy);
        var run = await NotebookRunner.RunAsync(composed.Notebook, _source.Path, _options.RunOptions(composed) with { Workers = workers }, cancellationToken: cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new SubmissionGrade(submission.Student, _source.Name, hash, Scorer.Score(composed, run), composed, run.Executed, null);
    }

    private SubmissionGrade Nothing(Submission submission, string hash, string problem) =>
        new(submission.Student, _source.Name, hash,
            [.. _source.Tests.Select(t => new TestOutcome(t.GradeId!, t.Points, 0, false, problem))], null, null, problem);
}
