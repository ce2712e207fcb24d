using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// The site's one markdown dialect (Markdig): notebook cells, the notebooks' introductions and the course README
/// are parsed and rendered alike, math left in place for KaTeX, headings given ids for the tables of contents.
/// </summary>
public static partial class SiteMarkdown
{
    // Jupyter-flavoured markdown: GitHub's tables, lists and links plus $…$ / $$…$$ math. Not Markdig's
    // "advanced" set: its generic attributes read a trailing {…} as HTML attributes, which eats LaTeX
    // such as \begin{pmatrix} or \textbf{…} at the end of a line inside a formula.
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .UseFootnotes()
        .Build();

    /// <summary>The pipeline, for code that reads a document's structure (headings, lists) itself.</summary>
    internal static MarkdownPipeline Pipeline => _pipeline;

    /// <summary>Parses <paramref name="markdown"/> as a notebook's markdown cell: display math spanning lines moved onto lines of its own, headings with ids.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(DisplayMathOnOwnLines(markdown), _pipeline);

    /// <summary>The document's HTML.</summary>
    public static string ToHtml(MarkdownDocument document) => document.ToHtml(_pipeline);

    /// <summary>The markdown's HTML.</summary>
    public static string ToHtml(string markdown) => ToHtml(Parse(markdown));

    /// <summary>The HTML of inline markdown (a title, a sentence, a list item) without the paragraph around it.</summary>
    public static string InlineHtml(string markdown)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        _pipeline.Setup(renderer);
        renderer.Render(Parse(markdown));
        return writer.ToString().Trim();
    }

    /// <summary>The HTML of a heading's (or paragraph's) inline content.</summary>
    public static string InlineHtml(ContainerInline? inline)
    {
        if (inline is null) return "";
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.WriteChildren(inline);
        return writer.ToString();
    }

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
}
