using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Notebooks.Documents;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// One executed notebook as a static HTML page: markdown rendered (math left for KaTeX), code highlighted, outputs
/// shown; links to the index and the previous and next lectures, and a table of contents of its sections (its
/// <c>##</c> headings) after the introduction.
/// </summary>
public static class NotebookPage
{
    /// <summary>The notebook's title: its first markdown heading, else the file name.</summary>
    public static string Title(Notebook notebook, string fileName)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
            foreach (var line in cell.Source.Split('\n'))
                if (line.StartsWith('#')) return line.TrimStart('#').Trim();
        return Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>
    /// The page's HTML; <paramref name="assets"/> and <paramref name="index"/> are the (URL-encoded) relative URLs of the
    /// assets folder and the index page, <paramref name="previous"/> and <paramref name="next"/> the neighbouring lectures' pages.
    /// </summary>
    public static string Render(Notebook notebook, string title, string assets = "assets", string index = "index.html",
        PageLink? previous = null, PageLink? next = null)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<(string Id, string Html)>();
        var cells = notebook.Cells.Select(c => c.Kind == CellKind.Markdown ? RenderMarkdown(c.Source, ids, sections) : RenderCell(c)).ToList();

        var navigation = Navigation(index, previous, next);
        var sb = new StringBuilder(Head(title, assets));
        sb.Append("<nav class=\"pages top\">").Append(navigation).Append("</nav>\n<main>\n");
        // the contents follow the introduction (the first cell, if it holds the title), else open the page
        var contentsAfter = notebook.Cells.FirstOrDefault() is { Kind: CellKind.Markdown } first && first.Source.TrimStart().StartsWith("# ", StringComparison.Ordinal) ? 1 : 0;
        for (int i = 0; i < cells.Count; i++)
        {
            if (i == contentsAfter) sb.Append(Contents(sections));
            sb.Append(cells[i]);
        }
        if (cells.Count <= contentsAfter) sb.Append(Contents(sections));
        sb.Append("</main>\n<nav class=\"pages bottom\">").Append(navigation).Append("</nav>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>One cell's HTML: markdown rendered, code highlighted with its outputs, raw text as is (also used by the grader's feedback pages).</summary>
    public static string RenderCell(NotebookCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                return RenderMarkdown(cell.Source, new HashSet<string>(StringComparer.Ordinal), []);
            case CellKind.Code:
                var sb = new StringBuilder("<div class=\"cell code\"><pre class=\"code\"><code class=\"language-csharp\">")
                    .Append(CSharpHighlighter.ToHtml(cell.Source)).Append("</code></pre>\n<div class=\"outputs\">\n");
                foreach (var output in cell.Outputs) sb.Append(RenderOutput(output)).Append('\n');
                return sb.Append("</div></div>\n").ToString();
            default:
                return $"<pre class=\"raw\">{WebUtility.HtmlEncode(cell.Source)}</pre>\n";
        }
    }

    /// <summary>
    /// A markdown cell's HTML. Every heading's id is made unique on the page (<paramref name="ids"/>: those taken by
    /// earlier cells), and each <c>##</c> heading is added to <paramref name="sections"/> for the table of contents.
    /// </summary>
    private static string RenderMarkdown(string markdown, HashSet<string> ids, List<(string Id, string Html)> sections)
    {
        var document = SiteMarkdown.Parse(markdown);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var stem = attributes.Id is { Length: > 0 } given ? given : "section";
            var id = stem;
            for (int n = 1; !ids.Add(id); n++) id = $"{stem}-{n}";
            attributes.Id = id;
            if (heading.Level == 2) sections.Add((id, SiteMarkdown.InlineHtml(heading.Inline)));
        }
        return $"<div class=\"cell markdown\">{SiteMarkdown.ToHtml(document)}</div>\n";
    }

    /// <summary>The table of contents: a link to each section; nothing when the page has no sections.</summary>
    private static string Contents(List<(string Id, string Html)> sections)
    {
        if (sections.Count == 0) return "";
        var sb = new StringBuilder("<nav class=\"contents\">\n<h2 class=\"contents-title\">Contents</h2>\n<ul>\n");
        foreach (var (id, html) in sections)
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{WebUtility.HtmlEncode(Uri.EscapeDataString(id))}\">{html}</a></li>\n");
        return sb.Append("</ul>\n</nav>\n").ToString();
    }

    /// <summary>The links to the index and to the previous and next lectures.</summary>
    private static string Navigation(string index, PageLink? previous, PageLink? next)
    {
        var sb = new StringBuilder($"<a class=\"index\" href=\"{WebUtility.HtmlEncode(index)}\">Course index</a>");
        if (previous is not null)
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"previous\" rel=\"prev\" href=\"{WebUtility.HtmlEncode(previous.Href)}\">&larr; {WebUtility.HtmlEncode(previous.Text)}</a>");
        if (next is not null)
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"next\" rel=\"next\" href=\"{WebUtility.HtmlEncode(next.Href)}\">{WebUtility.HtmlEncode(next.Text)} &rarr;</a>");
        return sb.ToString();
    }

    /// <summary>The document head: the kit's CSS, KaTeX and plotly.js from the local assets folder (<paramref name="assets"/>: its URL-encoded relative URL).</summary>
    public static string Head(string title, string assets)
    {
        assets = WebUtility.HtmlEncode(assets);
        return $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <link rel="stylesheet" href="{assets}/katex/katex.min.css">
        <link rel="stylesheet" href="{assets}/coursekit.css">
        <script src="{assets}/katex/katex.min.js"></script>
        <script src="{assets}/plotly.min.js"></script>
        <script src="{assets}/coursekit.js"></script>
        </head>
        <body>

        """;
    }

    private static string RenderOutput(CellOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"stream {s.Name}\">{WebUtility.HtmlEncode(s.Text)}</pre>",
        DisplayDataOutput d when d.Data.TryGetValue("text/html", out var html) => $"<div class=\"display\">{html}</div>",
        DisplayDataOutput d when d.Data.TryGetValue("text/plain", out var text) => $"<pre class=\"display\">{WebUtility.HtmlEncode(text)}</pre>",
        DisplayDataOutput => "",
        ErrorOutput e => $"<pre class=\"error\">{WebUtility.HtmlEncode(string.Join("\n", e.Traceback.Count > 0 ? e.Traceback : [e.Value]))}</pre>",
        _ => "",
    };
}
