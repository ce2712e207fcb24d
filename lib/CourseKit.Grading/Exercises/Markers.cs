using System.Text.RegularExpressions;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// The marker lines of the exercise format, in .ipynb and .dib alike: a line holding only
/// <c>// BEGIN SOLUTION</c> (spaces around it allowed) opens a region, <c>// END SOLUTION</c> closes it;
/// likewise <c>// BEGIN HIDDEN TESTS</c> / <c>// END HIDDEN TESTS</c>. Regions do not nest.
/// </summary>
public static partial class Markers
{
    /// <summary>Opens a solution region.</summary>
    public const string BeginSolution = "// BEGIN SOLUTION";

    /// <summary>Closes a solution region.</summary>
    public const string EndSolution = "// END SOLUTION";

    /// <summary>Opens a hidden-tests region.</summary>
    public const string BeginHiddenTests = "// BEGIN HIDDEN TESTS";

    /// <summary>Closes a hidden-tests region.</summary>
    public const string EndHiddenTests = "// END HIDDEN TESTS";

    /// <summary>The begin and end marker of a kind.</summary>
    public static (string Begin, string End) Of(MarkerKind kind) =>
        kind == MarkerKind.Solution ? (BeginSolution, EndSolution) : (BeginHiddenTests, EndHiddenTests);

    /// <summary>Whether any line of <paramref name="source"/> is a begin or end marker of <paramref name="kind"/>.</summary>
    public static bool Mentions(string source, MarkerKind kind) => Lines(source).Any(l => Is(l, kind, begin: true) || Is(l, kind, begin: false));

    /// <summary>
    /// The regions of <paramref name="kind"/> in <paramref name="source"/>. An unbalanced or nested marker is
    /// reported through <paramref name="problem"/> with its 1-based line and leaves that region out.
    /// </summary>
    public static IReadOnlyList<MarkedRegion> Find(string source, MarkerKind kind, Action<string> problem)
    {
        var (beginText, endText) = Of(kind);
        var regions = new List<MarkedRegion>();
        int? open = null;
        var lines = Lines(source);
        for (var i = 0; i < lines.Length; i++)
        {
            if (Is(lines[i], kind, begin: true))
            {
                if (open is { } previous)
                    problem($"line {i + 1}: {beginText} inside the region opened at line {previous + 1}; expected {endText} first (regions do not nest)");
                open = i;
            }
            else if (Is(lines[i], kind, begin: false))
            {
                if (open is { } begin) regions.Add(new MarkedRegion(begin, i));
                else problem($"line {i + 1}: {endText} without a {beginText} before it");
                open = null;
            }
        }
        if (open is { } unclosed)
            problem($"line {unclosed + 1}: {beginText} is never closed; expected a line {endText} after it");
        return regions;
    }

    /// <summary>The source without the regions' lines (markers included): how hidden tests leave a student's copy.</summary>
    public static string Remove(string source, IReadOnlyList<MarkedRegion> regions)
    {
        var lines = Lines(source).ToList();
        foreach (var region in regions.OrderByDescending(r => r.BeginLine))
            lines.RemoveRange(region.BeginLine, region.EndLine - region.BeginLine + 1);
        return string.Join("\n", lines);
    }

    /// <summary>The lines of a cell source ("\n" line ends, as the notebook model keeps them).</summary>
    public static string[] Lines(string source) => source.Split('\n');

    private static bool Is(string line, MarkerKind kind, bool begin)
    {
        var m = MarkerLine().Match(line);
        if (!m.Success) return false;
        var word = m.Groups["word"].Value;
        var what = m.Groups["what"].Value;
        return word == (begin ? "BEGIN" : "END") && what == (kind == MarkerKind.Solution ? "SOLUTION" : "HIDDEN TESTS");
    }

    [GeneratedRegex(@"^\s*//\s*(?<word>BEGIN|END)\s+(?<what>SOLUTION|HIDDEN TESTS)\s*\r?$")]
    private static partial Regex MarkerLine();
}
