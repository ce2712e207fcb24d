using System.Globalization;
using System.Text;

namespace CourseKit.Checking;

/// <summary>
/// The result of comparing an analytic gradient with a numeric one, entry by entry
/// (relative error |a − n| / max(|a|, |n|, tiny), see <see cref="GradientCheck.RelativeError"/>).
/// <see cref="ToString()"/> prints a table with the worst entries first.
/// </summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(IReadOnlyList<GradientCheckEntry> entries)
    {
        Entries = entries;
        WorstFirst = [.. entries.OrderByDescending(e => e.RelativeError).ThenBy(e => e.Index)];
    }

    /// <summary>Every entry, in gradient order.</summary>
    public IReadOnlyList<GradientCheckEntry> Entries { get; }

    /// <summary>Every entry, largest relative error first (ties in gradient order).</summary>
    public IReadOnlyList<GradientCheckEntry> WorstFirst { get; }

    /// <summary>The entry with the largest relative error.</summary>
    public GradientCheckEntry Worst => WorstFirst[0];

    /// <summary>The largest relative error over all entries.</summary>
    public double MaxRelativeError => Worst.RelativeError;

    /// <summary>
    /// True when every entry's relative error is at most <paramref name="tolerance"/>, or its absolute error
    /// |a − n| is at most <paramref name="absoluteTolerance"/> (default 0: relative error only). The absolute
    /// floor is for gradients that are exactly 0 where the finite difference only returns rounding noise.
    /// </summary>
    public bool Passed(double tolerance = GradientCheck.DefaultTolerance, double absoluteTolerance = 0)
    {
        RequireTolerance(tolerance, nameof(tolerance));
        RequireTolerance(absoluteTolerance, nameof(absoluteTolerance));
        return Entries.All(e => e.RelativeError <= tolerance || e.AbsoluteError <= absoluteTolerance);
    }

    /// <summary>
    /// Throws <see cref="GradientCheckFailedException"/>, whose message is this report, unless
    /// <see cref="Passed"/>; returns the report so a notebook cell can show it.
    /// </summary>
    public GradientCheckReport AssertPassed(double tolerance = GradientCheck.DefaultTolerance, double absoluteTolerance = 0)
    {
        if (!Passed(tolerance, absoluteTolerance))
            throw new GradientCheckFailedException(this, ToString(tolerance, 10, absoluteTolerance));
        return this;
    }

    /// <summary>The table with the 10 worst entries, judged at the default tolerance 1e-7.</summary>
    public override string ToString() => ToString(GradientCheck.DefaultTolerance, 10);

    /// <summary>
    /// A readable table: a summary line (entries, max relative error, PASSED/FAILED at <paramref name="tolerance"/>)
    /// and the <paramref name="maxRows"/> worst entries with analytic, numeric, absolute and relative error.
    /// </summary>
    public string ToString(double tolerance, int maxRows = 10, double absoluteTolerance = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var inv = CultureInfo.InvariantCulture;
        string verdict = Passed(tolerance, absoluteTolerance) ? "PASSED" : "FAILED";
        string absolute = absoluteTolerance > 0 ? $" (absolute {absoluteTolerance.ToString("0.###e+0", inv)})" : "";
        var sb = new StringBuilder();
        sb.Append(inv, $"Gradient check {verdict} at relative tolerance {tolerance.ToString("0.###e+0", inv)}{absolute}: ")
          .Append(inv, $"{Entries.Count} entr{(Entries.Count == 1 ? "y" : "ies")}, ")
          .Append(inv, $"max relative error {NumberFormat.Format(MaxRelativeError, "0.00e+00")} at {Worst.Name}").AppendLine();

        string[] header = ["entry", "analytic", "numeric", "abs. error", "rel. error"];
        var rows = WorstFirst.Take(maxRows).Select(e => new[]
        {
            e.Name, NumberFormat.Significant(e.Analytic, 12), NumberFormat.Significant(e.Numeric, 12), NumberFormat.Format(e.AbsoluteError, "0.00e+00"), NumberFormat.Format(e.RelativeError, "0.00e+00"),
        }).ToList();
        int[] width = [.. header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length)))];
        foreach (var row in rows.Prepend(header))
            sb.AppendLine("  " + string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(width[c]) : cell.PadLeft(width[c]))).TrimEnd());
        if (Entries.Count > rows.Count)
            sb.Append(inv, $"  ... {Entries.Count - rows.Count} more entries with smaller errors").AppendLine();
        return sb.ToString();
    }

    private static void RequireTolerance(double tolerance, string name) =>
        Require.NonNegative(tolerance, name, "a tolerance on the gradient check's errors");
}
