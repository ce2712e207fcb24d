namespace CourseKit.Grading.Exercises;

/// <summary>
/// An exercise notebook that breaks the format (an authoring error): every problem found, one line each,
/// naming the file and the cell(s), saying what was wrong and what was expected.
/// </summary>
public sealed class ExerciseFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its problems.</summary>
    public ExerciseFormatException(string path, IReadOnlyList<string> problems)
        : base(string.Join("\n", problems.Select(p => $"{path}: {p}")))
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>The notebook that was read.</summary>
    public string Path { get; }

    /// <summary>The problems, without the file name.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The problems, each as one line with the file name.</summary>
    public IEnumerable<string> Lines => Problems.Select(p => $"{Path}: {p}");
}
