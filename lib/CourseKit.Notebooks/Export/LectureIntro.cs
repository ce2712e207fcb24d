using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using Markdig;
using Markdig.Syntax;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// What a course notebook says about itself in its first markdown cell, read so the index never repeats it:
/// the heading <c># NN · Title</c>, the first paragraph (whose first sentence is the summary), the bullet list after
/// a paragraph ending in "able to:" (the learning objectives) and, if there is one, a paragraph labelled
/// <c>**Who it is for:**</c> (the audience; the welcome notebook's gives the course's). Texts stay markdown.
/// </summary>
/// <param name="Number">The lecture number before the <c>·</c> of the heading ("01"), or null.</param>
/// <param name="Title">The heading without its number; else the notebook's <see cref="NotebookPage.Title"/>.</param>
/// <param name="Summary">The first sentence of the paragraph after the heading, or null.</param>
/// <param name="Objectives">The learning objectives, one markdown text each; empty when the notebook lists none.</param>
/// <param name="Audience">The text of the paragraph labelled <c>**Who it is for:**</c>, or null.</param>
public sealed partial record LectureIntro(string? Number, string Title, string? Summary, IReadOnlyList<string> Objectives, string? Audience)
{
    private const string AudienceLabel = "**Who it is for:**";

    /// <summary>Reads the introduction of <paramref name="notebook"/> (from <paramref name="fileName"/>): its first markdown cell.</summary>
    public static LectureIntro From(Notebook notebook, string fileName)
    {
        var fallback = new LectureIntro(null, NotebookPage.Title(notebook, fileName), null, [], null);
        if (notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown) is not { } cell) return fallback;
        var text = cell.Source;
        var blocks = Markdown.Parse(text, SiteMarkdown.Pipeline).ToList();
        if (blocks.FirstOrDefault() is not HeadingBlock { Level: 1 } heading) return fallback;

        var (number, title) = SplitNumber(Source(text, heading).TrimStart('#').Trim());
        string? summary = null, audience = null;
        var objectives = new List<string>();
        for (int i = 1; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock paragraph) continue;
            var prose = Source(text, paragraph).Trim();
            if (summary is null && i == 1) summary = FirstSentence(prose);
            if (prose.StartsWith(AudienceLabel, StringComparison.Ordinal)) audience = prose[AudienceLabel.Length..].Trim();
            if (prose.EndsWith("able to:", StringComparison.Ordinal) && objectives.Count == 0 && i + 1 < blocks.Count && blocks[i + 1] is ListBlock list)
                objectives.AddRange(list.OfType<ListItemBlock>().Select(item => Source(text, item.OfType<ParagraphBlock>().First()).Trim()));
        }
        return new LectureIntro(number, title, summary, objectives, audience);
    }

    /// <summary>"01 · Gradient descent" → ("01", "Gradient descent"); a title without a number → (null, title).</summary>
    private static (string?, string) SplitNumber(string heading) =>
        NumberedTitle().Match(heading) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value) : (null, heading);

    [GeneratedRegex(@"^(\d+)\s*·\s*(.+)$")]
    private static partial Regex NumberedTitle();

    private static string Source(string text, Block block) => text.Substring(block.Span.Start, block.Span.Length);

    /// <summary>
    /// The markdown up to the first full stop (or ! or ?) that ends a sentence: followed by the end or by a space and a
    /// capital, outside parentheses, inline math and code. Line breaks become spaces.
    /// </summary>
    internal static string FirstSentence(string prose)
    {
        prose = prose.ReplaceLineEndings(" ");
        int depth = 0;
        bool math = false, code = false;
        for (int i = 0; i < prose.Length; i++)
        {
            switch (prose[i])
            {
                case '$' when !code: math = !math; break;
                case '`' when !math: code = !code; break;
                case '(' when !math && !code: depth++; break;
                case ')' when !math && !code && depth > 0: depth--; break;
                case '.' or '!' or '?' when !math && !code && depth == 0:
                    if (i + 1 == prose.Length || (i + 2 < prose.Length && prose[i + 1] == ' ' && char.IsUpper(prose[i + 2])))
                        return prose[..(i + 1)];
                    break;
            }
        }
        return prose;
    }
}
