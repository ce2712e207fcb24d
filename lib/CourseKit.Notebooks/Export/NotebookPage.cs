using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using Markdig;

namespace CourseKit.Notebooks.Export;

/// <summary>One executed notebook as a static HTML page: markdown rendered (math left for KaTeX), code highlighted, outputs shown.</summary>
public static partial class NotebookPage
{
    // Jupyter-flavoured markdown: GitHub's tables, lists and links plus $…$ / $$…$$ math. Not Markdig's
    // "advanced" set: its generic attributes read a trailing {…} as HTML attributes, which eats LaTeX
    // such as \begin{pmatrix} or \textbf{…} at the end of a line inside a formula.
    private static readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .UseFootnotes()
        .Build();

    /// <summary>
    /// Jupyter and VS Code typeset a <c>$$…$$</c> formula that runs over several lines inside a paragraph; Markdig
    /// recognises display math only as a block with <c>$$</c> on lines of their own, and would otherwise treat the
    /// formula as text (eating the backslash of <c>\\</c>). Such formulas are moved onto lines of their own;
    /// fenced code is left alone.
    /// </summary>
    internal static string DisplayMathOnOwnLines(string markdown)
    {
        var parts = FencedCode().Split(markdown);   // even indices: prose, odd: fenced code blocks
        for (int i = 0; i < parts.Length; i += 2)
            parts[i] = SpanningFormulasOnOwnLines(parts[i]);
        return string.Concat(parts);
    }

    /// <summary>Pairs the <c>$$</c> delimiters in order (opening, closing, opening, ...) and puts every formula whose
    /// text contains a line break on lines of its own.</summary>
    private static string SpanningFormulasOnOwnLines(string prose)
    {
        var sb = new StringBuilder();
        int done = 0;
        for (int open = prose.IndexOf("$$", StringComparison.Ordinal); open >= 0;)
        {
            int close = prose.IndexOf("$$", open + 2, StringComparison.Ordinal);
            if (close < 0) break;
            var tex = prose[(open + 2)..close];
            if (tex.Contains('\n'))
            {
                sb.Append(prose, done, open - done).Append("\n\n$$\n").Append(tex.Trim()).Append("\n$$\n\n");
                done = close + 2;
            }
            open = prose.IndexOf("$$", close + 2, StringComparison.Ordinal);
        }
        return sb.Append(prose, done, prose.Length - done).ToString();
    }

    [GeneratedRegex(@"(^```.*?^```[^\n]*$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    /// <summary>The notebook's title: its first markdown heading, else the file name.</summary>
    public static string Title(Notebook notebook, string fileName)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
            foreach (var line in cell.Source.Split('\n'))
                if (line.StartsWith('#')) return line.TrimStart('#').Trim();
        return Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>The page's HTML; <paramref name="assets"/> and <paramref name="index"/> are the (URL-encoded) relative URLs of the assets folder and the index page.</summary>
    public static string Render(Notebook notebook, string title, string assets = "assets", string index = "index.html")
    {
        var sb = new StringBuilder();
        sb.Append(Head(title, assets));
        sb.Append($"<p><a href=\"{WebUtility.HtmlEncode(index)}\">&larr; course index</a></p>\n");
        foreach (var cell in notebook.Cells) sb.Append(RenderCell(cell));
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>One cell's HTML: markdown rendered, code highlighted with its outputs, raw text as is (also used by the grader's feedback pages).</summary>
    public static string RenderCell(NotebookCell cell)
    {
        var sb = new StringBuilder();
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                sb.Append("<div class=\"cell markdown\">").Append(Markdown.ToHtml(DisplayMathOnOwnLines(cell.Source), _markdown)).Append("</div>\n");
                break;
            case CellKind.Code:
                sb.Append("<div class=\"cell code\"><pre class=\"code\"><code class=\"language-csharp\">")
                    .Append(CSharpHighlighter.ToHtml(cell.Source)).Append("</code></pre>\n<div class=\"outputs\">\n");
                foreach (var output in cell.Outputs) sb.Append(RenderOutput(output)).Append('\n');
                sb.Append("</div></div>\n");
                break;
            default:
                sb.Append("<pre class=\"raw\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre>\n");
                break;
        }
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
