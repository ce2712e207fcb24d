using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

public class NotebookPageTests
{
    private static string Page(string markdown)
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellKind.Markdown, markdown));
        return NotebookPage.Render(notebook, "t");
    }

    [Fact]
    public void Display_math_spanning_lines_inside_a_paragraph_reaches_KaTeX_whole()
    {
        var html = Page("""
            The gradient of one example is
            $$\nabla J_i = 2 r_i \begin{pmatrix} 1 \\ x_i \end{pmatrix},
            \quad \textbf{unbiased}$$
            as derived above.
            """);
        Assert.Contains("class=\"math\"", html);
        Assert.Contains(@"\begin{pmatrix}", html);   // a trailing {…} is LaTeX, not an HTML attribute
        Assert.Contains(@"\textbf{unbiased}", html);
        Assert.DoesNotContain("pmatrix=", html);
    }

    [Fact]
    public void Inline_and_block_math_are_marked_for_KaTeX()
    {
        var html = Page("Let $f = (x+y)z$.\n\n$$\nq = x + y\n$$\n");
        Assert.Contains(@"<span class=""math"">\(f = (x+y)z\)</span>", html);
        Assert.Contains(@"<div class=""math"">", html);
    }

    [Theory]
    [InlineData("$$a = 1$$\n\n$$b = 2$$")]
    [InlineData("$$\na = 1\n$$\n\n$$\nb = 2\n$$")]
    [InlineData("First $$a = 1$$\n$$b = 2$$ last.")]
    [InlineData("$$a =\n1$$\n$$b =\n2$$")]
    public void Consecutive_display_formulas_each_reach_KaTeX(string markdown)
    {
        var html = Page(markdown);
        var body = html[html.IndexOf("<div class=\"cell markdown\">", StringComparison.Ordinal)..];
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(body, "class=\"math\""));
        Assert.DoesNotContain("$$", body);
    }
}
