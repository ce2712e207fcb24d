using System.Globalization;
using CourseKit.Grading.Feedback;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Workers;

namespace CourseKit.Grading.Autograding;

/// <summary>
/// Grades a class into a gradebook, resumable and idempotent: a submission whose content hash, source hash
/// (and feedback page, when asked for) are as recorded is skipped; any other is graded, its feedback page
/// written, then its rows replaced in one transaction. A run that is cancelled or killed records nothing
/// for the submissions it had not finished, so the next run picks up exactly those.
/// </summary>
public static class GradingRun
{
    /// <summary>Grades the submissions of <paramref name="options"/>' shard, <see cref="GradingRunOptions.Jobs"/> at a time.</summary>
    /// <param name="grader">The assignment's grader.</param>
    /// <param name="submissions">The whole class (the shard is taken here).</param>
    /// <param name="gradebook">Where rows are recorded.</param>
    /// <param name="options">Jobs, regrade, feedback folder, shard.</param>
    /// <param name="finished">Called (from any thread) as each submission is done.</param>
    /// <param name="cancellationToken">Stops the run; finished submissions stay recorded.</param>
    /// <returns>One entry per submission of the shard, in student order.</returns>
    public static async Task<IReadOnlyList<GradingRunEntry>> RunAsync(Grader grader, IReadOnlyList<Submission> submissions, Gradebook gradebook,
        GradingRunOptions options, Action<GradingRunEntry>? finished = null, CancellationToken cancellationToken = default)
    {
        var slice = submissions.Where(s => options.Shard.Contains(s.Student)).ToArray();
        var entries = new GradingRunEntry[slice.Length];
        var sourceHash = ContentHash.OfFile(grader.Source.Path);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancellationToken };
        // each submission gets a fresh worker; the pool starts the next ones while the current ones run
        await using var workers = new WorkerPool(grader.Options.WorkerProcess, spares: parallel.MaxDegreeOfParallelism, sessions: slice.Length);
        await Parallel.ForEachAsync(Enumerable.Range(0, slice.Length), parallel, async (i, token) =>
        {
            entries[i] = await GradeOneAsync(grader, slice[i], sourceHash, gradebook, options, workers, token).ConfigureAwait(false);
            finished?.Invoke(entries[i]);
        }).ConfigureAwait(false);
        return entries;
    }

    private static async Task<GradingRunEntry> GradeOneAsync(Grader grader, Submission submission, string sourceHash, Gradebook gradebook,
        GradingRunOptions options, WorkerPool workers, CancellationToken cancellationToken)
    {
        var assignment = grader.Source.Name;
        var feedback = options.FeedbackDirectory is { } folder ? FeedbackPage.PathFor(folder, submission.Student, assignment) : null;
        var recorded = gradebook.Find(submission.Student, assignment);
        if (!options.Regrade && recorded is not null && recorded.Hash == ContentHash.OfFile(submission.NotebookPath)
            && recorded.SourceHash == sourceHash && (feedback is null || File.Exists(feedback)))
            return new GradingRunEntry(submission.Student, SubmissionStatus.Skipped, recorded.Score, recorded.MaxScore, null);
        SubmissionGrade grade;
        try
        {
            grade = await grader.GradeAsync(submission, workers, cancellationToken).ConfigureAwait(false);
            if (feedback is not null) NotebookFile.WriteAtomically(feedback, FeedbackPage.Render(grade));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new GradingRunEntry(submission.Student, SubmissionStatus.Failed, 0, grader.Source.MaxScore, $"grading failed: {e.GetType().Name}: {Scorer.FirstLine(e.Message)}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        gradebook.Record(
            new SubmissionRecord(grade.Student, assignment, grade.Hash, sourceHash, grade.Score, grade.MaxScore, at),
            grade.Tests.Select(t => new GradeRecord(grade.Student, assignment, t.GradeId, t.Score, t.Points, t.Passed, t.Message)));
        return new GradingRunEntry(submission.Student, SubmissionStatus.Graded, grade.Score, grade.MaxScore, grade.Problem);
    }
}
