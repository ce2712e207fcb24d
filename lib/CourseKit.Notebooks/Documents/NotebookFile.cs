namespace CourseKit.Notebooks.Documents;

/// <summary>Loads and saves notebooks by file extension (.ipynb or .dib).</summary>
public static class NotebookFile
{
    /// <summary>Whether a path has a notebook extension the kit reads.</summary>
    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a notebook.</summary>
    /// <exception cref="NotebookFormatException">missing, unreadable, not a notebook, or empty; the message names the file.</exception>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
            throw new NotebookFormatException(path, Directory.Exists(path)
                ? "is a folder, not a notebook file; expected a .ipynb or .dib file"
                : "file not found; expected an existing .ipynb or .dib file");
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new NotebookFormatException(path, $"cannot be read ({e.Message})", e); }
        catch (UnauthorizedAccessException e) { throw new NotebookFormatException(path, $"cannot be read ({e.Message})", e); }
        return path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? DibFormat.Parse(text, path) : IpynbFormat.Parse(text, path);
    }

    /// <summary>Writes a notebook atomically: to a temporary file in the same folder, then renamed over the target.</summary>
    public static void Save(Notebook notebook, string path)
    {
        var text = path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? DibFormat.Write(notebook) : IpynbFormat.Write(notebook);
        WriteAtomically(path, text);
    }

    /// <summary>Writes text to a temporary sibling file and moves it over <paramref name="path"/>, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
