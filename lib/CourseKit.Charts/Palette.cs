using System.Globalization;

namespace CourseKit.Charts;

/// <summary>
/// The course's colours: the Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2008), which stays
/// distinguishable for the common forms of colour blindness. Series, runs, paths and classes take colours in
/// the order of <see cref="Series"/>, so "run 0" or "class 0" has the same colour in every chart.
/// </summary>
public static class Palette
{
    /// <summary>Blue.</summary>
    public const string Blue = "#0072B2";
    /// <summary>Vermillion.</summary>
    public const string Vermillion = "#D55E00";
    /// <summary>Bluish green.</summary>
    public const string BluishGreen = "#009E73";
    /// <summary>Orange.</summary>
    public const string Orange = "#E69F00";
    /// <summary>Reddish purple.</summary>
    public const string ReddishPurple = "#CC79A7";
    /// <summary>Sky blue.</summary>
    public const string SkyBlue = "#56B4E9";
    /// <summary>Yellow (last: weak contrast on white).</summary>
    public const string Yellow = "#F0E442";
    /// <summary>Black, for text and outlines.</summary>
    public const string Black = "#000000";
    /// <summary>Dark grey for text, arrows and grid-free annotations.</summary>
    public const string Ink = "#2B2B2B";

    /// <summary>The order in which series take colours: blue, vermillion, bluish green, orange, purple, sky blue, yellow.</summary>
    public static IReadOnlyList<string> Series { get; } = [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Yellow];

    /// <summary>The colour of series (run, path, class) number <paramref name="index"/>; cycles after 7.</summary>
    public static string Color(int index)
    {
        if (index < 0) throw new ArgumentException($"A series index must be 0 or more; got {index}.", nameof(index));
        return Series[index % Series.Count];
    }

    /// <summary>
    /// Colour number <paramref name="index"/> mixed with white: <paramref name="strength"/> 1 is the colour,
    /// 0 is white. Used for decision regions, so that the points on top keep their full colour.
    /// </summary>
    public static string Tint(int index, double strength = 0.35)
    {
        if (!(strength >= 0 && strength <= 1)) throw new ArgumentException($"Tint strength must be in [0, 1]; got {strength}.", nameof(strength));
        string hex = Color(index);
        int Mix(int offset)
        {
            int c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return (int)Math.Round(255 - strength * (255 - c), MidpointRounding.AwayFromZero);
        }
        return string.Create(CultureInfo.InvariantCulture, $"rgb({Mix(1)},{Mix(3)},{Mix(5)})");
    }

    /// <summary>
    /// The colour scale for surfaces and contours (a light-to-dark blue ramp, monotone in lightness, so it
    /// reads in grey-scale and for colour-blind readers and leaves the saturated path colours standing out).
    /// </summary>
    public static IReadOnlyList<(double Position, string Color)> SurfaceScale { get; } =
    [
        (0.0, "#F7FBFF"), (0.15, "#DEEBF7"), (0.3, "#C6DBEF"), (0.45, "#9ECAE1"),
        (0.6, "#6BAED6"), (0.75, "#4292C6"), (0.9, "#2171B5"), (1.0, "#08306B"),
    ];
}
