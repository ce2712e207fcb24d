using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Documents;

/// <summary>Loads and saves notebooks by file extension (.ipynb or .dib).</summary>
public static partial class NotebookFile
{
    /// <summary>Whether a path has a notebook extension the kit reads.</summary>
    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a notebook.</summary>
    /// <exception cref="NotebookFormatException">missing, not a regular file, unreadable, not a notebook, or empty; the message names the file.</exception>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
            throw new NotebookFormatException(path, Directory.Exists(path)
                ? "is a folder, not a notebook file; expected a .ipynb or .dib file"
                : "file not found; expected an existing .ipynb or .dib file");
        if (FileKind.IsSpecial(path))
            throw new NotebookFormatException(path, "is not a regular file (a FIFO, socket or device); expected a .ipynb or .dib file");
        string text;
        try
        {
            // nothing to read in a zero-length entry; not opening it also keeps a FIFO from blocking where FileKind cannot tell
            text = new FileInfo(path).Length == 0 ? "" : File.ReadAllText(path);
        }
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

    /// <summary>
    /// Writes text to a temporary sibling file and moves it over <paramref name="path"/>, so readers never see half a file.
    /// The bytes are ready before the temporary file is created, which is removed again if writing fails. A process killed
    /// in between leaves it behind: such files of processes that are no longer running are removed by the next write into the folder.
    /// </summary>
    public static void WriteAtomically(string path, string text)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        RemoveStaleTempFiles(folder);
        var temp = TempPathFor(path);
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            try { File.Delete(temp); }   // gone already after the move
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>A fresh temporary sibling of <paramref name="path"/>: <c>.NAME.PID.GUID.tmp</c>, so that its owner can be told.</summary>
    internal static string TempPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    [GeneratedRegex(@"^\..+\.(?<pid>\d{1,10})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();

    /// <summary>Removes the temporary files (named by <see cref="TempPathFor"/>) that processes no longer running left in <paramref name="folder"/>.</summary>
    private static void RemoveStaleTempFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            if (TempName().Match(Path.GetFileName(file)) is not { Success: true } m || !int.TryParse(m.Groups["pid"].Value, out var pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid, File.GetLastWriteTimeUtc(file))) continue;
            try { File.Delete(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // removed by another writer, or not ours to remove
        }
    }

    /// <summary>
    /// Whether the process that wrote a file at <paramref name="written"/> may still be running under <paramref name="pid"/>.
    /// A process started well after the write only reuses the number; when in doubt the answer is yes.
    /// </summary>
    private static bool IsRunning(int pid, DateTime written)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime() < written + TimeSpan.FromMinutes(1);
        }
        catch (ArgumentException) { return false; }            // no process has this number
        catch (InvalidOperationException) { return false; }    // it exited meanwhile
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or NotSupportedException) { return true; }
    }
}
