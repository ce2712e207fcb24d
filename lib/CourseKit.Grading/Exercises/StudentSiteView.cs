using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// The course site as students see it (the default of <c>coursekit export</c>). The instructor's source runs, so every
/// other cell shows real outputs, but each solution cell is shown as its stub and each test cell without its hidden
/// tests, both without outputs (a test's output can give its expected values away); the copy beside the page is the
/// notebook <c>coursekit assign</c> hands out (<see cref="StudentVersion"/>). A notebook without exercises is published
/// as it ran. One whose exercises break the format is refused: its student version cannot be made, and publishing it
/// as it ran would show the solutions.
/// </summary>
public sealed class StudentSiteView : ISiteView
{
    /// <inheritdoc />
    public PublishedNotebook Publish(Notebook executed, string sourcePath)
    {
        ExerciseNotebook exercises;
        try
        {
            exercises = ExerciseNotebook.Read(executed, sourcePath);
        }
        catch (ExerciseFormatException e)
        {
            throw new UnpublishableNotebookException(
                $"{sourcePath}: not published: its exercises break the format, so the student view (solutions and hidden tests " +
                $"hidden) cannot be made; fix: {string.Join("; ", e.Problems)}");
        }
        if (exercises.Cells.All(c => c.Role == CellRole.Plain)) return new PublishedNotebook(executed, executed);

        var page = new Notebook { Metadata = executed.Metadata, NbFormat = executed.NbFormat, NbFormatMinor = executed.NbFormatMinor };
        page.Cells.AddRange(exercises.Cells.Select(c => c.Role is CellRole.Solution or CellRole.Test ? StudentVersion.Cell(c) : c.Cell));
        return new PublishedNotebook(page, StudentVersion.Make(exercises));
    }
}
