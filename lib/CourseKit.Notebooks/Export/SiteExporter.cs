using System.Net;
using System.Text;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// Builds the static course site from executed notebooks: one page per notebook, an index in the
/// given (syllabus) order with each notebook's status and run time, and the offline assets.
/// Everything is loaded from files next to the pages; nothing is fetched from the network.
/// </summary>
public static class SiteExporter
{
    /// <summary>Writes the site into <paramref name="siteFolder"/>.</summary>
    public static void Export(IReadOnlyList<NotebookRunResult> results, string siteFolder)
    {
        Directory.CreateDirectory(siteFolder);
        SiteAssets.Write(Path.Combine(siteFolder, "assets"));
        var index = new StringBuilder(NotebookPage.Head("Course", "assets"));
        index.Append("<h1>Course notebooks</h1>\n<table class=\"index\">\n<tr><th>#</th><th>notebook</th><th>status</th><th>time</th><th>first error</th></tr>\n");
        var number = 0;
        foreach (var r in results)
        {
            number++;
            var name = Path.GetFileNameWithoutExtension(r.SourcePath);
            var status = r.Status switch { NotebookRunStatus.Succeeded => "ok", NotebookRunStatus.Failed => "failed", _ => "invalid" };
            string link;
            if (r.Executed is { } notebook)
            {
                var title = NotebookPage.Title(notebook, r.SourcePath);
                var page = name + ".html";
                Documents.NotebookFile.WriteAtomically(Path.Combine(siteFolder, page), NotebookPage.Render(notebook, title));
                link = $"<a href=\"{WebUtility.HtmlEncode(page)}\">{WebUtility.HtmlEncode(title)}</a>";
            }
            else
            {
                link = WebUtility.HtmlEncode(name);
            }
            index.Append($"<tr><td>{number}</td><td>{link}</td><td class=\"{status}\">{status}</td><td>{r.Duration.TotalSeconds:0.0} s</td><td>{WebUtility.HtmlEncode(r.FirstError ?? "")}</td></tr>\n");
        }
        index.Append("</table>\n</body>\n</html>\n");
        Documents.NotebookFile.WriteAtomically(Path.Combine(siteFolder, "index.html"), index.ToString());
    }
}
