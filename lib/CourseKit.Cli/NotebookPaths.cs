using CourseKit.Notebooks.Documents;

namespace CourseKit.Cli;

/// <summary>Expands the command line's PATH arguments: files as given, folders to their notebooks in name order (syllabus order NN-topic).</summary>
public static class NotebookPaths
{
    /// <summary>The notebook files named or contained (not recursively) by the arguments, as full paths, and the folders that hold none.</summary>
    /// <param name="Files">Files in argument order, each folder's in ordinal name order; missing paths are kept so that the run reports them.</param>
    /// <param name="EmptyFolders">Folders given that contain no notebook (a usage error).</param>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> EmptyFolders);

    /// <summary>Expands <paramref name="paths"/>.</summary>
    public static Expansion Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var empty = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(Path.GetFullPath(path)).Where(NotebookFile.IsNotebookPath).Order(StringComparer.Ordinal).ToArray();
                if (found.Length == 0) empty.Add(Path.GetFullPath(path));
                files.AddRange(found);
            }
            else
            {
                files.Add(Path.GetFullPath(path));
            }
        }
        return new Expansion(files, empty);
    }
}
