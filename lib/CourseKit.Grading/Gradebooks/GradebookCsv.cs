using System.Globalization;
using System.Text;

namespace CourseKit.Grading.Gradebooks;

/// <summary>
/// The gradebook as CSV (RFC 4180, invariant culture): a header, then one line per test of each submission:
/// <c>student,assignment,grade_id,score,max_score,passed,message</c>. Text that a spreadsheet would read as a
/// formula (starting with = + - @) gets a leading apostrophe, since messages can carry what student code threw.
/// </summary>
public static class GradebookCsv
{
    /// <summary>The header line's columns.</summary>
    public static readonly IReadOnlyList<string> Columns = ["student", "assignment", "grade_id", "score", "max_score", "passed", "message"];

    /// <summary>Writes the gradebook's grade rows.</summary>
    public static void Write(Gradebook gradebook, TextWriter writer)
    {
        writer.Write(string.Join(",", Columns));
        writer.Write("\r\n");
        foreach (var g in gradebook.Grades())
        {
            writer.Write(string.Join(",", Text(g.Student), Text(g.Assignment), Text(g.GradeId), Number(g.Score), Number(g.MaxScore), g.Passed ? "true" : "false", Text(g.Message)));
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the CSV to a file atomically (UTF-8 without BOM).</summary>
    public static void Write(Gradebook gradebook, string path)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(gradebook, text);
        CourseKit.Notebooks.Documents.NotebookFile.WriteAtomically(path, text.ToString());
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0) return value;
        return new StringBuilder("\"").Append(value.Replace("\"", "\"\"")).Append('"').ToString();
    }
}
