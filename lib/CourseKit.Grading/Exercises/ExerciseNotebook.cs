using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// An instructor's source notebook, checked against the exercise format: nbgrader metadata (schema 3)
/// on its cells, solution regions in solution cells, hidden tests in test cells, unique grade_ids. Every
/// authoring error is found at once and reported in one <see cref="ExerciseFormatException"/>.
/// </summary>
public sealed class ExerciseNotebook
{
    private readonly Dictionary<string, ExerciseCell> _byGradeId;

    private ExerciseNotebook(string path, Notebook notebook, IReadOnlyList<ExerciseCell> cells)
    {
        Path = path;
        Notebook = notebook;
        Cells = cells;
        _byGradeId = cells.Where(c => c.Role != CellRole.Plain).ToDictionary(c => c.GradeId!, StringComparer.Ordinal);
        ReservedNames = Exercises.ReservedNames.Compute(
            Tests.Select(t => t.Cell.Source),
            cells.Where(c => c.Cell.IsCSharp && c.Role is CellRole.Solution or CellRole.Plain).Select(c => c.Cell.Source));
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The assignment's name: the file name without its extension.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The notebook as the instructor wrote it.</summary>
    public Notebook Notebook { get; }

    /// <summary>Every cell, in order.</summary>
    public IReadOnlyList<ExerciseCell> Cells { get; }

    /// <summary>The test cells, in order.</summary>
    public IEnumerable<ExerciseCell> Tests => Cells.Where(c => c.Role == CellRole.Test);

    /// <summary>The solution cells, in order.</summary>
    public IEnumerable<ExerciseCell> Solutions => Cells.Where(c => c.Role == CellRole.Solution);

    /// <summary>The points of all tests.</summary>
    public double MaxScore => Tests.Sum(t => t.Points);

    /// <summary>Names student cells may not declare (see <see cref="Exercises.ReservedNames"/>).</summary>
    public IReadOnlyList<string> ReservedNames { get; }

    /// <summary>The solution, test or locked cell with this grade_id, or null.</summary>
    public ExerciseCell? Find(string gradeId) => _byGradeId.GetValueOrDefault(gradeId);

    /// <summary>The exercise a cell belongs to: the grade_id of the nearest solution cell at or before it, or null.</summary>
    public string? ExerciseOf(ExerciseCell cell) =>
        Cells.Take(cell.Number).LastOrDefault(c => c.Role == CellRole.Solution)?.GradeId;

    /// <summary>The policy of an exercise's solution cell: the baseline plus its own rules.</summary>
    public CodePolicy SolutionPolicy(ExerciseCell solution, CodePolicy baseline) =>
        (solution.Rules ?? ExerciseRules.None).Apply(baseline, solution.GradeId!, ReservedNames);

    /// <summary>The policy of a cell a student added: the baseline plus every exercise's forbidden symbols.</summary>
    public CodePolicy StudentCellPolicy(CodePolicy baseline) =>
        ExerciseRules.Combine(baseline, Solutions.Select(s => (s.GradeId!, s.Rules ?? ExerciseRules.None)), ReservedNames);

    /// <summary>Reads and checks a source notebook.</summary>
    /// <exception cref="NotebookFormatException">the file is not a readable notebook.</exception>
    /// <exception cref="ExerciseFormatException">the notebook breaks the exercise format.</exception>
    public static ExerciseNotebook Load(string path) => Read(NotebookFile.Load(path), path);

    /// <summary>Checks a loaded source notebook; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="ExerciseFormatException">the notebook breaks the exercise format.</exception>
    public static ExerciseNotebook Read(Notebook notebook, string path)
    {
        var problems = new List<string>();
        var cells = new List<ExerciseCell>();
        for (var i = 0; i < notebook.Cells.Count; i++)
            cells.Add(Check(notebook.Cells[i], i + 1, problems));
        foreach (var group in cells.Where(c => c.GradeId is not null).GroupBy(c => c.GradeId!, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"cells {Numbers(group.Select(c => c.Number))} all have grade_id '{group.Key}'; expected each grade_id once, so that the grader finds every cell in a student's copy");
        if (problems.Count > 0) throw new ExerciseFormatException(path, problems);
        return new ExerciseNotebook(path, notebook, cells);
    }

    private static ExerciseCell Check(NotebookCell cell, int number, List<string> problems)
    {
        var label = $"cell {number}";
        void Problem(string p) => problems.Add($"{label}: {p}");
        var grading = GradingMetadata.Read(cell, Problem);
        var rules = ExerciseRules.Read(cell, Problem);
        var role = grading?.Role ?? CellRole.Plain;
        if (grading?.GradeId is { } id) label = $"cell {number} ('{id}')";
        var kind = role switch { CellRole.Solution => "a solution cell", CellRole.Test => "a test cell", _ => "a locked cell" };

        if (grading is { Task: true })
            Problem("is an nbgrader task cell (graded by hand), which the autograder does not support; expected solution and test cells");
        if (grading is { Solution: true, Grade: true })
            Problem("is both a solution and a test cell (nbgrader's manually graded answer), which the autograder cannot grade; expected a solution cell and a separate test cell");
        if (role != CellRole.Plain && grading!.GradeId is null)
            Problem($"is {kind} without a grade_id; expected a unique grade_id in its nbgrader metadata");
        if (role is CellRole.Solution or CellRole.Test && !cell.IsCSharp)
            Problem($"is {kind} but not a C# code cell; expected C#");
        if (role == CellRole.Test && grading!.Points <= 0)
            Problem($"is a test cell with points {grading.Points}; expected points > 0");
        if (rules is not null && role != CellRole.Solution)
            Problem($"has {ExerciseRules.Key} rules but is not a solution cell; expected them on the exercise's solution cell");

        var studentSource = cell.Source;
        if (role == CellRole.Solution)
        {
            var regions = Markers.Find(cell.Source, MarkerKind.Solution, Problem);
            if (regions.Count == 0 && !Markers.Mentions(cell.Source, MarkerKind.Solution))
                Problem($"is a solution cell without solution markers; expected the lines a student writes between a line {Markers.BeginSolution} and a line {Markers.EndSolution}");
            if (regions.Count > 0) studentSource = SolutionStub.Make(cell.Source, regions, Problem);
        }
        else if (Markers.Mentions(cell.Source, MarkerKind.Solution))
        {
            Problem($"has solution markers but is not a solution cell (nbgrader solution: true), so its solution would reach the students");
        }
        if (role == CellRole.Test)
            studentSource = Markers.Remove(cell.Source, Markers.Find(cell.Source, MarkerKind.HiddenTests, Problem));
        else if (Markers.Mentions(cell.Source, MarkerKind.HiddenTests))
            Problem($"has hidden-test markers but is not a test cell (nbgrader grade: true), so its hidden tests would reach the students");
        return new ExerciseCell(number, cell, grading, rules, studentSource);
    }

    private static string Numbers(IEnumerable<int> numbers)
    {
        var all = numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return all.Length == 2 ? $"{all[0]} and {all[1]}" : string.Join(", ", all[..^1]) + " and " + all[^1];
    }
}
