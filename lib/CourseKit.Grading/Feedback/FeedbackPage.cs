using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Grading.Autograding;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;
using CourseKit.Notebooks.Formatting;

namespace CourseKit.Grading.Feedback;

/// <summary>
/// One student's feedback on one assignment as a self-contained HTML page (styles inline, plotly.js inline
/// when a chart is shown; nothing loaded from elsewhere): the score, a table of the tests with their points
/// and failure messages, then the notebook as graded — the student's cells with their outputs, rendered
/// as the course site renders them — where each test cell shows only its name, points and result.
/// The source of a test cell (and so of its hidden tests) is never written into the page.
/// </summary>
public static class FeedbackPage
{
    private const string Style = """
        .total { font-size: 1.2rem; font-weight: 600; }
        table.tests td, table.tests th { padding: .25rem .7rem; text-align: left; vertical-align: top; }
        .test { margin: 1rem 0; padding: .5rem .8rem; border-left: 4px solid; }
        .test.passed { border-color: #067d17; background: #eef8ef; }
        .test.failed { border-color: #a00; background: #fdecec; }
        .passed .result { color: #067d17; } .failed .result { color: #a00; }
        .problem { color: #a00; font-weight: 600; }
        """;

    /// <summary>Where the page of a student's assignment goes: <c>DIR/student/assignment.html</c>.</summary>
    public static string PathFor(string directory, string student, string assignment) =>
        Path.Combine(directory, student, assignment + ".html");

    /// <summary>The page's HTML.</summary>
    public static string Render(SubmissionGrade grade)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(grade.Assignment)}: feedback for {Encode(grade.Student)}</h1>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"total\">Score: {Points(grade.Score)} / {Points(grade.MaxScore)}</p>\n");
        if (grade.Problem is { } problem) body.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{Encode(problem)}</p>\n");
        body.Append("<table class=\"tests\">\n<tr><th>test</th><th>points</th><th>result</th></tr>\n");
        foreach (var test in grade.Tests)
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"{Class(test)}\"><td>{Encode(test.GradeId)}</td><td>{Points(test.Score)} / {Points(test.Points)}</td><td class=\"result\">{Result(test)}</td></tr>\n");
        body.Append("</table>\n");

        if (grade.Composed is { } composed && grade.Executed is { } executed)
        {
            var outcomes = grade.Tests.ToDictionary(t => t.GradeId, StringComparer.Ordinal);
            body.Append("<h2>Your notebook as graded</h2>\n");
            var lastTest = composed.LastTestNumber;
            var unrunNoted = false;
            foreach (var cell in composed.Cells)
            {
                var ran = executed.Cells[cell.Number - 1] is not { Kind: CellKind.Code, ExecutionCount: null };
                if (cell.Number > lastTest && !ran && !unrunNoted)
                {
                    body.Append("<p class=\"unrun\">The cells below come after the last test: they cannot change your grade, so grading did not run them.</p>\n");
                    unrunNoted = true;
                }
                if (cell.IsTest)
                {
                    var test = outcomes[cell.GradeId!];
                    body.Append(CultureInfo.InvariantCulture, $"<div class=\"test {Class(test)}\"><strong>Test {Encode(test.GradeId)}</strong> ({Points(test.Score)} / {Points(test.Points)} points): <span class=\"result\">{Result(test)}</span></div>\n");
                }
                else
                {
                    body.Append(NotebookPage.RenderCell(executed.Cells[cell.Number - 1]));
                }
            }
        }

        var html = body.ToString();
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(grade.Assignment)}: feedback for {Encode(grade.Student)}</title>\n")
            .Append("<style>\n").Append(SiteAssets.Css).Append('\n').Append(Style).Append("\n</style>\n");
        if (html.Contains("Plotly.", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(EmbeddedPlotlyJs.Open());
            page.Append("<script>\n").Append(reader.ReadToEnd()).Append("\n</script>\n");
        }
        page.Append("</head>\n<body>\n").Append(html).Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static string Class(TestOutcome test) => test.Passed ? "passed" : "failed";

    private static string Result(TestOutcome test) => test.Passed ? "passed" : "failed: " + Encode(test.Message);

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
