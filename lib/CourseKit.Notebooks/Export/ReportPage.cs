using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Export;

/// <summary>The run report page: each notebook's status, run time and first error, in course order, for the instructor who built the site.</summary>
public static class ReportPage
{
    /// <summary>
    /// The page's HTML; <paramref name="pages"/> holds each result's page link (null when it has none: the notebook could
    /// not be read), <paramref name="assets"/> and <paramref name="index"/> the relative URLs of the assets folder and the index.
    /// </summary>
    public static string Render(IReadOnlyList<NotebookRunResult> results, IReadOnlyList<PageLink?> pages, string assets, string index)
    {
        var sb = new StringBuilder(NotebookPage.Head("Run report", assets));
        sb.Append(CultureInfo.InvariantCulture, $"<nav class=\"pages top\"><a class=\"index\" href=\"{WebUtility.HtmlEncode(index)}\">Course index</a></nav>\n<main>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Run report</h1>\n<p class=\"run-summary\">{WebUtility.HtmlEncode(Summary(results))}</p>\n");
        sb.Append("<table class=\"report\">\n<tr><th>#</th><th>notebook</th><th>status</th><th>time</th><th>first error</th></tr>\n");
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var status = Status(r);
            var name = pages[i] is { } page
                ? $"<a href=\"{WebUtility.HtmlEncode(page.Href)}\">{WebUtility.HtmlEncode(page.Text)}</a>"
                : WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(r.SourcePath));
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{name}</td><td class=\"{status}\">{status}</td><td>{r.Duration.TotalSeconds:0.0} s</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"first-error\">{WebUtility.HtmlEncode(r.FirstError ?? "")}</td></tr>\n");
        }
        return sb.Append("</table>\n</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>One line for the index and the report: how many notebooks ran cleanly, and the total run time.</summary>
    public static string Summary(IReadOnlyList<NotebookRunResult> results)
    {
        var ok = results.Count(r => r.Status == NotebookRunStatus.Succeeded);
        var time = results.Sum(r => r.Duration.TotalSeconds);
        return ok == results.Count
            ? $"All {results.Count} notebooks ran without an error ({time:0} s of notebook time)."
            : $"{ok} of {results.Count} notebooks ran without an error; {results.Count - ok} did not ({time:0} s of notebook time).";
    }

    /// <summary>The status word, also the CSS class of its cell: ok, failed or invalid.</summary>
    private static string Status(NotebookRunResult r) =>
        r.Status switch { NotebookRunStatus.Succeeded => "ok", NotebookRunStatus.Failed => "failed", _ => "invalid" };
}
