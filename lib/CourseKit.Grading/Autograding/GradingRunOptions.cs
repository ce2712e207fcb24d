namespace CourseKit.Grading.Autograding;

/// <summary>How a class is graded: parallelism, what to redo, where feedback goes, which slice.</summary>
public sealed record GradingRunOptions
{
    /// <summary>Submissions graded at once (each in its own worker process).</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Grade every submission again, also those whose content and source are unchanged.</summary>
    public bool Regrade { get; init; }

    /// <summary>Folder for the feedback pages (<c>DIR/student/assignment.html</c>), or null for none.</summary>
    public string? FeedbackDirectory { get; init; }

    /// <summary>The slice of the class to grade.</summary>
    public Shard Shard { get; init; } = Shard.All;
}
