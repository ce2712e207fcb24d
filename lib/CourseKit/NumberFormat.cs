using System.Globalization;

namespace CourseKit;

/// <summary>
/// How the kit writes a number into text: error messages, gate names, stop reasons, tables, claims, chart labels.
/// Always culture-invariant, so a run prints "0.5" on every machine and never "0,5". Pick the form by what the
/// number is for: <see cref="Significant"/> for most text, <see cref="RoundTrip(double)"/> for the exact value a
/// check rejected, <see cref="Compact(double)"/> for short reasons, <see cref="Format"/> for a fixed layout.
/// </summary>
public static class NumberFormat
{
    /// <summary>
    /// <paramref name="digits"/> significant digits (.NET's "G" form): "0.000583742", "1.5E-07", "NaN", "Infinity";
    /// with <paramref name="infinitySymbol"/>, ±∞ is written "∞" and "-∞" (a divergence report).
    /// </summary>
    public static string Significant(double value, int digits = 6, bool infinitySymbol = false) =>
        infinitySymbol && double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞")
            : value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double: "0.001", "1E-08", "NaN".</summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same float: "0.1" (not "0.10000000149011612").</summary>
    public static string RoundTrip(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Three significant digits, with a short exponent outside [0.001, 10⁶): "0.0123", "3.2e-9", "1.5e6". Stop
    /// reasons and tolerances, where the size matters more than the last digits.
    /// </summary>
    public static string Compact(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude != 0 && double.IsFinite(magnitude) && (magnitude < 1e-3 || magnitude >= 1e6))
            return value.ToString("0.##E+0", CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E", "e");
        return value.ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>A duration in seconds, as <see cref="Compact(double)"/>: "1.5 s".</summary>
    public static string Compact(TimeSpan duration) => Compact(duration.TotalSeconds) + " s";

    /// <summary>Any .NET numeric format, culture-invariant: "F4" gives "0.1235", "0.00e+00" gives "1.23e-04".</summary>
    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
