using System.Text.Json.Nodes;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Composition;

/// <summary>
/// Builds the notebook that is graded from the instructor's source and a student's submission.
/// </summary>
/// <remarks>
/// The rule, by grade_id (cells without one cannot be recognised and are the student's):
/// <list type="number">
/// <item>Test and locked cells always come from the source, hidden tests included, in the source's
/// order; the student's copy of them (edited or not, moved or not) counts for nothing.</item>
/// <item>A solution cell is the student's text under the source's metadata; one the student deleted is
/// restored from the student version (it throws <see cref="NotImplementedException"/>).</item>
/// <item>Every other cell of the submission is the student's and stays, after the graded cell it followed
/// in the submission (cells before any graded cell stay at the start). A restored solution is put before
/// those cells, so code the student moved into a cell of their own still takes effect.</item>
/// <item>Student and solution cells run under a policy: a solution cell its exercise's, a cell the
/// student added the strictest (every exercise's rules). A student cell identical to an ungraded cell
/// of the source is the instructor's code (a set-up cell with <c>#r</c>) and runs unrestricted.
/// A grade_id the source does not have, or a second copy of one, makes a plain student cell.</item>
/// </list>
/// Cells that tests need must therefore be locked: an ungraded instructor cell a student deletes is gone.
/// </remarks>
public static class SubmissionComposer
{
    /// <summary>The notebook to grade for <paramref name="submission"/>.</summary>
    public static ComposedNotebook Compose(ExerciseNotebook source, Notebook submission, CodePolicy baseline)
    {
        var present = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        var after = new Dictionary<string, List<NotebookCell>>(StringComparer.Ordinal);
        var head = new List<NotebookCell>();
        var current = head;
        foreach (var cell in submission.Cells)
        {
            if (GradingMetadata.Read(cell)?.GradeId is { } id && source.Find(id) is not null && present.TryAdd(id, cell))
                after[id] = current = new List<NotebookCell>();
            else
                current.Add(cell);
        }

        var trustedSources = source.Cells.Where(c => c.Role == CellRole.Plain && c.Cell.IsCSharp).Select(c => Normalise(c.Cell.Source)).ToHashSet(StringComparer.Ordinal);
        var studentPolicy = source.StudentCellPolicy(baseline);
        var cells = new List<(NotebookCell Cell, CellRole Role, CellOrigin Origin, ExerciseCell? Source, CodePolicy? Policy)>();

        void Student(List<NotebookCell> pending)
        {
            foreach (var cell in pending)
            {
                var copy = cell.CloneWithoutOutputs();
                copy.Metadata.Remove(GradingMetadata.Key);
                copy.Metadata.Remove(ExerciseRules.Key);
                var trusted = copy.IsCSharp && trustedSources.Contains(Normalise(copy.Source));
                cells.Add((copy, CellRole.Plain, trusted ? CellOrigin.Instructor : CellOrigin.Student, null, copy.IsCSharp && !trusted ? studentPolicy : null));
            }
            pending.Clear();
        }

        var waiting = head;
        foreach (var graded in source.Cells.Where(c => c.Role != CellRole.Plain))
        {
            var id = graded.GradeId!;
            if (present.TryGetValue(id, out var mine))
            {
                Student(waiting);
                if (graded.Role == CellRole.Solution)
                {
                    var copy = new NotebookCell(graded.Cell.Kind, mine.Source, graded.Cell.KernelName) { Metadata = (JsonObject)graded.Cell.Metadata.DeepClone() };
                    cells.Add((copy, CellRole.Solution, CellOrigin.Student, graded, source.SolutionPolicy(graded, baseline)));
                }
                else
                {
                    cells.Add((graded.Cell.CloneWithoutOutputs(), graded.Role, CellOrigin.Instructor, graded, null));
                }
                waiting = after[id];
            }
            else if (graded.Role == CellRole.Solution)
            {
                cells.Add((StudentVersion.Cell(graded), CellRole.Solution, CellOrigin.Restored, graded, source.SolutionPolicy(graded, baseline)));
            }
            else
            {
                Student(waiting);
                cells.Add((graded.Cell.CloneWithoutOutputs(), graded.Role, CellOrigin.Instructor, graded, null));
            }
        }
        Student(waiting);

        var notebook = new Notebook { Metadata = (JsonObject)source.Notebook.Metadata.DeepClone(), NbFormat = source.Notebook.NbFormat, NbFormatMinor = source.Notebook.NbFormatMinor };
        notebook.Cells.AddRange(cells.Select(c => c.Cell));
        var composed = cells.Select((c, i) => new ComposedCell(i + 1, c.Cell, c.Role, c.Origin, c.Source?.GradeId, c.Source?.Points ?? 0,
            c.Source is null ? null : source.ExerciseOf(c.Source), c.Policy, c.Role == CellRole.Test ? c.Source!.StudentSource : null));
        return new ComposedNotebook(notebook, [.. composed], studentPolicy);
    }

    /// <summary>
    /// A student's notebook as it is, for <c>coursekit validate</c>: roles from its own metadata, tests as
    /// the student has them (visible part only). With a baseline, solution cells run under their exercise's
    /// policy; other cells run unrestricted (the student's own machine, the set-up cell's <c>#r</c>).
    /// </summary>
    public static ComposedNotebook AsIs(Notebook notebook, CodePolicy? baseline)
    {
        var grading = notebook.Cells.Select(c => GradingMetadata.Read(c)).ToArray();
        var roles = grading.Select(g => g?.GradeId is null ? CellRole.Plain : g.Role).ToArray();
        var reserved = ReservedNames.Compute(
            notebook.Cells.Where((_, i) => roles[i] == CellRole.Test).Select(c => c.Source),
            notebook.Cells.Where((c, i) => c.IsCSharp && roles[i] is CellRole.Solution or CellRole.Plain).Select(c => c.Source));
        var copy = notebook.CloneWithoutOutputs();
        var cells = new List<ComposedCell>();
        string? exercise = null;
        for (var i = 0; i < copy.Cells.Count; i++)
        {
            var role = roles[i];
            var id = role == CellRole.Plain ? null : grading[i]!.GradeId;
            if (role == CellRole.Solution) exercise = id;
            var policy = role == CellRole.Solution && baseline is not null
                ? (ExerciseRules.Read(copy.Cells[i]) ?? ExerciseRules.None).Apply(baseline, id!, reserved)
                : null;
            cells.Add(new ComposedCell(i + 1, copy.Cells[i], role, role is CellRole.Test or CellRole.Locked ? CellOrigin.Instructor : CellOrigin.Student,
                id, role == CellRole.Test ? grading[i]!.Points : 0, role is CellRole.Test or CellRole.Solution ? exercise : null, policy,
                role == CellRole.Test ? copy.Cells[i].Source : null));
        }
        return new ComposedNotebook(copy, cells, null);
    }

    private static string Normalise(string source) => string.Join("\n", source.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}
