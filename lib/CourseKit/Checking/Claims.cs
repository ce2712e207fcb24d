using System.Globalization;

namespace CourseKit.Checking;

/// <summary>
/// What a notebook uses to turn a sentence of its text into a check the run performs: <c>using static
/// CourseKit.Checking.Claims;</c>, then <c>Check(gap &lt; 1e-9, $"… (largest gap {gap:E1})")</c>. A claim that holds
/// prints "✓ claim"; one that does not stops the run with <see cref="ClaimFailedException"/>, its message the claim.
/// Numbers in claims are shown culture-invariant, so a run prints the same on every machine.
/// </summary>
public static class Claims
{
    /// <summary>Prints "✓ <paramref name="claim"/>" when <paramref name="holds"/>; otherwise throws.</summary>
    /// <exception cref="ClaimFailedException">The claim does not hold.</exception>
    public static void Check(bool holds, string claim)
    {
        if (!holds) throw new ClaimFailedException(claim);
        Console.WriteLine("✓ " + claim);
    }

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> agree to <paramref name="tolerance"/>, relative to the larger of
    /// their magnitudes and 1 (so values near 0 are compared absolutely): |a − b| ≤ tol·max(1, |a|, |b|).
    /// </summary>
    public static bool Near(double a, double b, double tolerance = 1e-12) =>
        Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>A number for a sentence, in <paramref name="digits"/> significant digits: "0.000583742", "1.5E-07".</summary>
    public static string N(double value, int digits = 6) =>
        NumberFormat.Significant(value, digits);

    /// <summary>A short vector for a sentence: "[0.1234, -2.0000]" in the .NET <paramref name="format"/> given.</summary>
    public static string Show(IEnumerable<double> values, string format = "F4")
    {
        ArgumentNullException.ThrowIfNull(values);
        return "[" + string.Join(", ", values.Select(v => NumberFormat.Format(v, format))) + "]";
    }

    /// <summary>The largest entry-wise gap max |a − b| of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ (both are named).</exception>
    public static double MaxAbsDiff(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a - b).Abs().Max();
    }

    /// <summary>
    /// A try-it cell's question: compares what the student predicted (before running) with what the run shows, and
    /// says which. It never fails: a wrong prediction is the point of the exercise. A prediction left null asks for one.
    /// </summary>
    /// <param name="question">What was to be predicted: "does GD converge with η = 0.19?".</param>
    /// <param name="prediction">The student's answer, written in the cell before running it; null when not yet written.</param>
    /// <param name="outcome">What the run shows.</param>
    /// <returns>Whether the prediction matched (false when none was written).</returns>
    public static bool Prediction<T>(string question, T? prediction, T outcome)
    {
        var shown = Format(outcome);
        if (prediction is null)
        {
            Console.WriteLine($"? {question} Write your prediction in the cell first, then run it again.");
            return false;
        }
        var right = EqualityComparer<T>.Default.Equals(prediction, outcome);
        Console.WriteLine(right
            ? $"✓ {question} You predicted {Format(prediction)}, and the run shows {shown}."
            : $"✗ {question} You predicted {Format(prediction)}; the run shows {shown}. Work out why before you go on.");
        return right;
    }

    private static string Format<T>(T value) => value switch
    {
        double d => N(d),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "nothing",
    };
}
