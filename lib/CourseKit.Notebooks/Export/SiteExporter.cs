using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// Builds the static course site from executed notebooks, in the given (course) order: the index (<see cref="IndexPage"/>),
/// one page per notebook linked to its neighbours (<see cref="NotebookPage"/>), the run report (<see cref="ReportPage"/>)
/// and the offline assets. Everything is loaded from files next to the pages; nothing is fetched from the network.
/// </summary>
public static class SiteExporter
{
    /// <summary>The README beside the notebooks whose lecture-notes section the index shows.</summary>
    public const string ReadmeName = "README.md";

    /// <summary>Writes the site into <paramref name="siteFolder"/>, laid out by <see cref="OutputLayout.ForSite"/> for the results' notebooks.</summary>
    /// <exception cref="OutputLayoutException">a page would replace a source, or the folder cannot be written.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static void Export(IReadOnlyList<NotebookRunResult> results, string siteFolder, SiteOptions? options = null) =>
        Export(results, OutputLayout.ForSite(results.Select(r => r.SourcePath), siteFolder), options);

    /// <summary>
    /// Writes the site as <paramref name="layout"/> says: pages in the mirrored folders, linked to each other, the index and
    /// the assets by relative, URL-encoded links. The lecture-notes table comes from <see cref="ReadmeName"/> in the
    /// notebooks' common folder, if there is one.
    /// </summary>
    /// <exception cref="ArgumentException">the layout is not a site's, or a result's notebook is not one of its sources.</exception>
    /// <exception cref="SiteExportException">the offline assets are missing.</exception>
    public static void Export(IReadOnlyList<NotebookRunResult> results, OutputLayout layout, SiteOptions? options = null)
    {
        if (!layout.IsSite) throw new ArgumentException("the layout has executed copies only; expected one from OutputLayout.ForSite", nameof(layout));
        SiteAssets.Write(layout.AssetsFolder);

        var pagePaths = results.Select(r => r.Executed is null ? null : layout.PagePath(r.SourcePath)).ToList();
        var titles = results.Select(r => r.Executed is { } n ? NotebookPage.Title(n, r.SourcePath) : Path.GetFileNameWithoutExtension(r.SourcePath)).ToList();
        var withPages = Enumerable.Range(0, results.Count).Where(i => pagePaths[i] is not null).ToList();
        for (int k = 0; k < withPages.Count; k++)
        {
            var i = withPages[k];
            var page = pagePaths[i]!;
            PageLink Link(int j) => new(SiteUrl.Relative(page, pagePaths[j]!), titles[j]);
            var html = NotebookPage.Render(results[i].Executed!, titles[i], SiteUrl.Relative(page, layout.AssetsFolder), SiteUrl.Relative(page, layout.IndexPath),
                previous: k > 0 ? Link(withPages[k - 1]) : null, next: k + 1 < withPages.Count ? Link(withPages[k + 1]) : null);
            NotebookFile.WriteAtomically(page, html);
        }

        PageLink? From(string root, int i) => pagePaths[i] is { } p ? new PageLink(SiteUrl.Relative(root, p), titles[i]) : null;
        NotebookFile.WriteAtomically(layout.ReportPath, ReportPage.Render(results, [.. results.Select((_, i) => From(layout.ReportPath, i))],
            SiteUrl.Relative(layout.ReportPath, layout.AssetsFolder), SiteUrl.Relative(layout.ReportPath, layout.IndexPath)));

        var intros = results.Select(r => r.Executed is { } n ? LectureIntro.From(n, r.SourcePath) : LectureIntro.From(new Notebook(), r.SourcePath)).ToList();
        var readme = Path.Combine(layout.SourceRoot, ReadmeName);
        var lectureNotes = File.Exists(readme) ? IndexPage.LectureNotes(File.ReadAllText(readme)) : null;
        var index = IndexPage.Render(Course(options ?? new SiteOptions(), intros),
            [.. intros.Select((intro, i) => (intro, From(layout.IndexPath, i)?.Href))], lectureNotes,
            new PageLink(SiteUrl.Relative(layout.IndexPath, layout.ReportPath), ReportPage.Summary(results)),
            SiteUrl.Relative(layout.IndexPath, layout.AssetsFolder));
        NotebookFile.WriteAtomically(layout.IndexPath, index);
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
