using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// What every course notebook keeps to, so that it reads as teaching material: short code cells whose lines fit the
/// site without scrolling, lectures cited by title (never by a file number the reader does not have), and the plumbing
/// (checks, number formatting, charts) in the library rather than copied into each notebook.
/// </summary>
public partial class CourseNotebookStyleTests
{
    private const int MaxCellLines = 25;
    private const double MaxMedianCellLines = 12;
    private const int MaxLineLength = 110;

    /// <summary>The course notebooks.</summary>
    public static TheoryData<string> CourseNotebooks() =>
        [.. Directory.GetFiles(KitBuild.NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order()];

    private static Notebook Load(string file) => NotebookFile.Load(Path.Combine(KitBuild.NotebooksFolder, file));

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Code_cells_are_short_and_their_lines_fit_the_page(string file)
    {
        var cells = Load(file).CodeCells.Select(c => (c.Number, Lines: c.Cell.Source.TrimEnd().Split('\n'))).ToArray();
        var tooLong = cells.Where(c => c.Lines.Length > MaxCellLines).Select(c => $"cell {c.Number} ({c.Lines.Length} lines)").ToArray();
        Assert.True(tooLong.Length == 0, $"{file}: code cells over {MaxCellLines} lines: {string.Join(", ", tooLong)}");
        var wide = cells.SelectMany(c => c.Lines.Select((l, i) => (c.Number, Line: i + 1, l.Length)))
            .Where(l => l.Length > MaxLineLength).Select(l => $"cell {l.Number} line {l.Line} ({l.Length} characters)").ToArray();
        Assert.True(wide.Length == 0, $"{file}: code lines over {MaxLineLength} characters: {string.Join(", ", wide)}");
        var sorted = cells.Select(c => c.Lines.Length).Order().ToArray();
        double median = sorted.Length == 0 ? 0 : (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2.0;
        Assert.True(median <= MaxMedianCellLines, $"{file}: the median code cell has {median} lines; at most {MaxMedianCellLines}");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Lectures_are_cited_by_title_never_by_seed_number(string file)
    {
        var citations = Load(file).Cells.Select((c, i) => (Number: i + 1, Match: SeedCitation().Match(c.Source)))
            .Where(c => c.Match.Success).Select(c => $"cell {c.Number}: \"{c.Match.Value}\"").ToArray();
        Assert.True(citations.Length == 0,
            $"{file} cites lecture notes by file number, which readers do not have (cite the lecture's title from notebooks/README.md): {string.Join("; ", citations)}");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Checks_and_charts_come_from_the_library(string file)
    {
        var cells = Load(file).CodeCells.ToArray();
        var copies = cells.Where(c => LocalHelper().IsMatch(c.Cell.Source)).Select(c => $"cell {c.Number}").ToArray();
        Assert.True(copies.Length == 0,
            $"{file} defines its own Check/Near/N/Show/MaxAbsDiff ({string.Join(", ", copies)}); use CourseKit.Checking.Claims");
        var plotly = cells.Where(c => c.Cell.Source.Split('\n').Any(l => !l.TrimStart().StartsWith("#r", StringComparison.Ordinal) && l.Contains("Plotly.NET.", StringComparison.Ordinal)))
            .Select(c => $"cell {c.Number}").ToArray();
        Assert.True(plotly.Length == 0, $"{file} uses Plotly.NET directly ({string.Join(", ", plotly)}); chart plumbing belongs in CourseKit.Charts");
    }

    [GeneratedRegex(@"\b[Ss]eeds?\s+\**0\d\d|\b[Ss]eed\s+\**00")]
    private static partial Regex SeedCitation();

    [GeneratedRegex(@"^\s*(static\s+)?(void|bool|string|double)\s+(Check|Near|N|Show|MaxAbsDiff)\s*\(", RegexOptions.Multiline)]
    private static partial Regex LocalHelper();
}
