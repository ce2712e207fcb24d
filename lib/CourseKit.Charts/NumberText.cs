using System.Globalization;

namespace CourseKit.Charts;

/// <summary>Numbers as the slides print them: fixed decimals, a real minus sign (−), exponent form when tiny or huge;
/// the digits come from the core's culture-invariant <see cref="NumberFormat"/>.</summary>
internal static class NumberText
{
    public static string Format(double value, int decimals = 2)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "∞";
        if (double.IsNegativeInfinity(value)) return "−∞";
        double magnitude = Math.Abs(value);
        string text = value == 0 || (magnitude >= Math.Pow(10, -decimals) && magnitude < 1e5)
            ? NumberFormat.Format(value, "F" + decimals.ToString(CultureInfo.InvariantCulture))
            : NumberFormat.Format(value, "0.##e+0");
        if (text.StartsWith('-') && text.TrimStart('-').All(c => c is '0' or '.')) text = text[1..]; // no "−0.00"
        return text.Replace('-', '−');
    }

    /// <summary>Three significant digits (tick labels): 2509 → "2.51e+3", 108.6 → "109", −0.5 → "−0.5".</summary>
    public static string Compact(double value) =>
        (Math.Abs(value) >= 1e3 ? NumberFormat.Format(value, "0.##e+0") : NumberFormat.Significant(value, 3)).Replace('-', '−');
}
