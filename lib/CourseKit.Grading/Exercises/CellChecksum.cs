using System.Security.Cryptography;
using System.Text;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// The checksum of a locked cell, stored in its nbgrader metadata by <c>coursekit assign</c> (as nbgrader
/// does) so that <c>coursekit validate</c> can tell a student that a locked cell was changed. It covers the
/// cell's kind and its source with line ends and trailing spaces normalised, as an editor may change those.
/// </summary>
public static class CellChecksum
{
    /// <summary>The lowercase hex SHA-256 of the cell's kind and normalised source.</summary>
    public static string Of(NotebookCell cell)
    {
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd());
        var text = cell.Kind + "\n" + string.Join("\n", lines).Trim('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether the cell still matches the checksum in its metadata (true when it has none).</summary>
    public static bool Matches(NotebookCell cell, GradingMetadata metadata) => metadata.Checksum is null || metadata.Checksum == Of(cell);
}
