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
    /// <summary>Writes the site into <paramref name="siteFolder"/>, laid out by <see cref="OutputLayout.ForSite"/> for the results' notebooks.</summary>
    /// <exception cref="OutputLayoutException">a page would replace a source, or the folder cannot be written.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static void Export(IReadOnlyList<NotebookRunResult> results, string siteFolder) =>
        Export(results, OutputLayout.ForSite(results.Select(r => r.SourcePath), siteFolder));

    /// <summary>Writes the site as <paramref name="layout"/> says: pages in the mirrored folders, linked to the index and the assets by relative, URL-encoded links.</summary>
    /// <exception cref="ArgumentException">the layout is not a site's, or a result's notebook is not one of its sources.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static void Export(IReadOnlyList<NotebookRunResult> results, OutputLayout layout)
    {
        if (!layout.IsSite) throw new ArgumentException("the layout has executed copies only; expected one from OutputLayout.ForSite", nameof(layout));
        SiteAssets.Write(layout.AssetsFolder);
        var index = new StringBuilder(NotebookPage.Head("Course", SiteUrl.Relative(layout.IndexPath, layout.AssetsFolder)));
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
                var page = layout.PagePath(r.SourcePath);
                var html = NotebookPage.Render(notebook, title, SiteUrl.Relative(page, layout.AssetsFolder), SiteUrl.Relative(page, layout.IndexPath));
                Documents.NotebookFile.WriteAtomically(page, html);
                link = $"<a href=\"{WebUtility.HtmlEncode(SiteUrl.Relative(layout.IndexPath, page))}\">{WebUtility.HtmlEncode(title)}</a>";
            }
            else
            {
                link = WebUtility.HtmlEncode(name);
            }
            index.Append($"<tr><td>{number}</td><td>{link}</td><td class=\"{status}\">{status}</td><td>{r.Duration.TotalSeconds:0.0} s</td><td>{WebUtility.HtmlEncode(r.FirstError ?? "")}</td></tr>\n");
        }
        index.Append("</table>\n</body>\n</html>\n");
        Documents.NotebookFile.WriteAtomically(layout.IndexPath, index.ToString());
    }
}
