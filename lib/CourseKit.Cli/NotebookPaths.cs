using CourseKit.Notebooks.Documents;

namespace CourseKit.Cli;

/// <summary>Expands the command line's PATH arguments: files as given, folders to their notebooks in name order (syllabus order NN-topic).</summary>
public static class NotebookPaths
{
    /// <summary>The notebook files named or contained (not recursively) by <paramref name="paths"/>; as full paths (running a notebook changes the current directory); missing paths are kept so that the run reports them.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                result.AddRange(Directory.GetFiles(Path.GetFullPath(path)).Where(NotebookFile.IsNotebookPath).Order(StringComparer.Ordinal));
            else
                result.Add(Path.GetFullPath(path));
        }
        return result;
    }
}
