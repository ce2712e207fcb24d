using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// The site's front page, read as a course: its title and audience, how to start, every lecture with its summary
/// and learning objectives (from the notebooks' introductions), the lecture-notes table of the notebooks' README,
/// and a link to the run report.
/// </summary>
public static class IndexPage
{
    /// <summary>The README section the lecture-notes table is taken from.</summary>
    public const string LectureNotesHeading = "The lecture notes";

    /// <summary>
    /// The page's HTML. <paramref name="course"/> has the title and audience resolved; each lecture comes with its page's
    /// relative URL (null when it has no page); <paramref name="lectureNotes"/> is markdown or null (then the section is left out).
    /// </summary>
    public static string Render(SiteOptions course, IReadOnlyList<(LectureIntro Intro, string? Href)> lectures, string? lectureNotes,
        PageLink report, string assets)
    {
        var title = course.CourseTitle ?? SiteOptions.DefaultCourseTitle;
        var sb = new StringBuilder(NotebookPage.Head(title, assets));
        sb.Append(CultureInfo.InvariantCulture, $"<header class=\"course\">\n<h1>{WebUtility.HtmlEncode(title)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"audience\">{SiteMarkdown.InlineHtml(course.Audience ?? SiteOptions.DefaultAudience)}</p>\n</header>\n<main>\n");
        sb.Append("<section id=\"start\">\n<h2>How to start</h2>\n").Append(SiteMarkdown.ToHtml(course.HowToStart)).Append("</section>\n");

        sb.Append("<section id=\"lectures\">\n<h2>Lectures</h2>\n<ol class=\"lectures\">\n");
        foreach (var (intro, href) in lectures) sb.Append(Lecture(intro, href));
        sb.Append("</ol>\n</section>\n");

        if (lectureNotes is not null)
            sb.Append(CultureInfo.InvariantCulture, $"<section id=\"lecture-notes\">\n<h2>{LectureNotesHeading}</h2>\n").Append(SiteMarkdown.ToHtml(lectureNotes)).Append("</section>\n");

        sb.Append(CultureInfo.InvariantCulture, $"</main>\n<footer>\n<p class=\"run-summary\">{WebUtility.HtmlEncode(report.Text)} ")
            .Append(CultureInfo.InvariantCulture, $"<a class=\"report\" href=\"{WebUtility.HtmlEncode(report.Href)}\">Run report</a> (status, time and first error of each notebook)</p>\n")
            .Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>One lecture: its number and linked title, the summary and the objectives.</summary>
    private static string Lecture(LectureIntro intro, string? href)
    {
        var title = SiteMarkdown.InlineHtml(intro.Title);
        var sb = new StringBuilder("<li class=\"lecture\">\n<h3>")
            .Append(intro.Number is { } n ? $"<span class=\"number\">{WebUtility.HtmlEncode(n)}</span> " : "")
            .Append(href is null ? title : $"<a href=\"{WebUtility.HtmlEncode(href)}\">{title}</a>").Append("</h3>\n");
        if (intro.Summary is { } summary) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">{SiteMarkdown.InlineHtml(summary)}</p>\n");
        if (intro.Objectives.Count > 0)
        {
            sb.Append("<p class=\"objectives-lead\">You will be able to:</p>\n<ul class=\"objectives\">\n");
            foreach (var objective in intro.Objectives) sb.Append(CultureInfo.InvariantCulture, $"<li>{SiteMarkdown.InlineHtml(objective)}</li>\n");
            sb.Append("</ul>\n");
        }
        return sb.Append("</li>\n").ToString();
    }

    /// <summary>
    /// The markdown of the <c>## The lecture notes</c> section of a README (without its heading, up to the next heading of
    /// the same or a higher level), or null when the README has no such section.
    /// </summary>
    public static string? LectureNotes(string readme)
    {
        var blocks = Markdown.Parse(readme, SiteMarkdown.Pipeline).ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock { Level: 2 } h && Text(readme, h) == LectureNotesHeading);
        if (start < 0) return null;
        var end = blocks.FindIndex(start + 1, b => b is HeadingBlock { Level: <= 2 });
        var section = blocks[(start + 1)..(end < 0 ? blocks.Count : end)];
        return section.Count == 0 ? null : readme[section[0].Span.Start..(section[^1].Span.End + 1)];
    }

    private static string Text(string source, HeadingBlock heading) =>
        source.Substring(heading.Span.Start, heading.Span.Length).Trim().TrimStart('#').Trim();
}
