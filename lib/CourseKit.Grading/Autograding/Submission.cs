using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Autograding;

/// <summary>One student's hand-in: a folder named by the student's id, holding their copy of the notebook.</summary>
/// <param name="Student">The student's id: the folder's name.</param>
/// <param name="Folder">The folder.</param>
/// <param name="NotebookPath">The notebook to grade, or null when the folder holds none.</param>
public sealed record Submission(string Student, string Folder, string? NotebookPath)
{
    /// <summary>
    /// The submissions in <paramref name="directory"/>, one per sub-folder (hidden ones, such as .git, excepted), ordered by student id. The notebook is
    /// the file named like the source (<paramref name="notebookFileName"/>); failing that, the folder's only notebook
    /// file (students rename files), else none.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">the folder does not exist.</exception>
    public static IReadOnlyList<Submission> Find(string directory, string notebookFileName)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: submissions folder not found; expected a folder with one sub-folder per student");
        return [.. Directory.GetDirectories(directory)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .Select(folder =>
            {
                var named = Path.Combine(folder, notebookFileName);
                var notebooks = Directory.GetFiles(folder).Where(NotebookFile.IsNotebookPath).ToArray();
                var path = File.Exists(named) ? named : notebooks.Length == 1 ? notebooks[0] : null;
                return new Submission(Path.GetFileName(folder), folder, path);
            })
            .OrderBy(s => s.Student, StringComparer.Ordinal)];
    }
}
