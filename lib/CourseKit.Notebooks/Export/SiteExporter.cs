using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// Builds the static course site from executed notebooks, in the given (course) order: the index (<see cref="IndexPage"/>),
/// one page per notebook linked to its neighbours (<see cref="NotebookPage"/>) and a copy of it, both as
/// <see cref="SiteOptions.View"/> publishes them, the run report (<see cref="ReportPage"/>) and the offline assets.
/// Everything is loaded from files next to the pages; nothing is fetched from the network.
/// </summary>
public static class SiteExporter
{
    /// <summary>The README beside the notebooks whose lecture-notes section the index shows.</summary>
    public const string ReadmeName = "README.md";

    /// <summary>Writes the site into <paramref name="siteFolder"/>, laid out by <see cref="OutputLayout.ForSite"/> for the results' notebooks.</summary>
    /// <returns>The results as published (see the other overload).</returns>
    /// <exception cref="OutputLayoutException">a page would replace a source, or the folder cannot be written.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static IReadOnlyList<NotebookRunResult> Export(IReadOnlyList<NotebookRunResult> results, string siteFolder, SiteOptions? options = null) =>
        Export(results, OutputLayout.ForSite(results.Select(r => r.SourcePath), siteFolder), options);

    /// <summary>
    /// Writes the site as <paramref name="layout"/> says: pages in the mirrored folders, linked to each other, the index and
    /// the assets by relative, URL-encoded links, and each notebook's copy at <see cref="OutputLayout.ExecutedCopyPath"/>.
    /// Pages and copies show what <see cref="SiteOptions.View"/> publishes; a notebook it refuses gets neither (an earlier
    /// build's are removed) and is reported as invalid with the view's reason. The lecture-notes table comes from
    /// <see cref="ReadmeName"/> in the notebooks' common folder, if there is one.
    /// </summary>
    /// <returns>The results as published: a refused notebook's is invalid, its first error the reason; a copy's path is its output path.</returns>
    /// <exception cref="ArgumentException">the layout is not a site's, or a result's notebook is not one of its sources.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static IReadOnlyList<NotebookRunResult> Export(IReadOnlyList<NotebookRunResult> results, OutputLayout layout, SiteOptions? options = null)
    {
        if (!layout.IsSite) throw new ArgumentException("the layout has executed copies only; expected one from OutputLayout.ForSite", nameof(layout));
        options ??= new SiteOptions();
        SiteAssets.Write(layout.AssetsFolder);

        var outcomes = results.Select(r => Publish(r, options.View, layout)).ToList();
        results = [.. outcomes.Select(o => o.Result)];
        var published = outcomes.Select(o => o.Published).ToList();

        var pagePaths = published.Select((p, i) => p is null ? null : layout.PagePath(results[i].SourcePath)).ToList();
        var titles = published.Select((p, i) => p is not null ? NotebookPage.Title(p.Page, results[i].SourcePath) : Path.GetFileNameWithoutExtension(results[i].SourcePath)).ToList();
        var withPages = Enumerable.Range(0, results.Count).Where(i => pagePaths[i] is not null).ToList();
        for (int k = 0; k < withPages.Count; k++)
        {
            var i = withPages[k];
            var page = pagePaths[i]!;
            PageLink Link(int j) => new(SiteUrl.Relative(page, pagePaths[j]!), titles[j]);
            var html = NotebookPage.Render(published[i]!.Page, titles[i], SiteUrl.Relative(page, layout.AssetsFolder), SiteUrl.Relative(page, layout.IndexPath),
                previous: k > 0 ? Link(withPages[k - 1]) : null, next: k + 1 < withPages.Count ? Link(withPages[k + 1]) : null);
            NotebookFile.WriteAtomically(page, html);
        }

        PageLink? From(string root, int i) => pagePaths[i] is { } p ? new PageLink(SiteUrl.Relative(root, p), titles[i]) : null;
        NotebookFile.WriteAtomically(layout.ReportPath, ReportPage.Render(results, [.. results.Select((_, i) => From(layout.ReportPath, i))],
            SiteUrl.Relative(layout.ReportPath, layout.AssetsFolder), SiteUrl.Relative(layout.ReportPath, layout.IndexPath)));

        var intros = published.Select((p, i) => LectureIntro.From(p?.Page ?? new Notebook(), results[i].SourcePath)).ToList();
        var readme = Path.Combine(layout.SourceRoot, ReadmeName);
        var lectureNotes = File.Exists(readme) ? IndexPage.LectureNotes(File.ReadAllText(readme)) : null;
        var index = IndexPage.Render(Course(options, intros),
            [.. intros.Select((intro, i) => (intro, From(layout.IndexPath, i)?.Href))], lectureNotes,
            new PageLink(SiteUrl.Relative(layout.IndexPath, layout.ReportPath), ReportPage.Summary(results)),
            SiteUrl.Relative(layout.IndexPath, layout.AssetsFolder));
        NotebookFile.WriteAtomically(layout.IndexPath, index);
        return results;
    }

    /// <summary>
    /// Publishes one run through <paramref name="view"/> and writes its copy; the result says where. A notebook that did not
    /// run or that the view refuses has no copy and no page: an earlier build's are removed, so the site never keeps what
    /// another view published (an instructor's page beside a student site). A refusal makes the result invalid, with the reason.
    /// </summary>
    private static (NotebookRunResult Result, PublishedNotebook? Published) Publish(NotebookRunResult result, ISiteView view, OutputLayout layout)
    {
        var copyPath = layout.ExecutedCopyPath(result.SourcePath);
        PublishedNotebook? published = null;
        if (result.Executed is { } executed)
        {
            try
            {
                published = view.Publish(executed, result.SourcePath);
            }
            catch (UnpublishableNotebookException e)
            {
                result = result with { Status = NotebookRunStatus.Invalid, FirstError = e.Message, Executed = null };
            }
        }
        if (published is null)
        {
            foreach (var stale in new[] { copyPath, layout.PagePath(result.SourcePath) }.Where(File.Exists))
                File.Delete(stale);
            return (result with { OutputPath = null }, null);
        }
        NotebookFile.Save(published.Copy, copyPath);
        return (result with { OutputPath = copyPath }, published);
    }

    /// <summary>The options with the course's title and audience filled in: as given, else from the welcome notebook (numbered 00; "Welcome to X" gives X), else the defaults.</summary>
    private static SiteOptions Course(SiteOptions options, IReadOnlyList<LectureIntro> intros)
    {
        var welcome = intros.FirstOrDefault(i => i.Number is { } n && int.TryParse(n, out var number) && number == 0);
        const string greeting = "Welcome to ";
        var title = welcome?.Title is { } t && t.StartsWith(greeting, StringComparison.OrdinalIgnoreCase) && t.Length > greeting.Length ? t[greeting.Length..] : welcome?.Title;
        return options with
        {
            CourseTitle = options.CourseTitle ?? title ?? SiteOptions.DefaultCourseTitle,
            Audience = options.Audience ?? welcome?.Audience ?? SiteOptions.DefaultAudience,
        };
    }
}
