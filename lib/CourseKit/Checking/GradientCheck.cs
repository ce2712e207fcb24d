using System.Globalization;
using CourseKit.Autograd;

namespace CourseKit.Checking;

/// <summary>
/// Numeric gradient checking (the lecture “Neural networks and back-propagation” / syllabus row 08, "numeric gradient check"): compare the gradient
/// back-propagation computes with the central finite difference
/// ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h,
/// entry by entry, by the relative error |a − n| / max(|a|, |n|, <see cref="Tiny"/>).
/// <para>
/// The core works on a <see cref="Span{T}"/> of numbers that some function reads
/// (<see cref="NumericInPlace"/>): a <c>double[]</c>, a tensor's storage or a layer's parameters are perturbed
/// in place, one entry at a time, and restored. Every other overload is a thin adapter over it and
/// <see cref="Compare"/>.
/// </para>
/// </summary>
public static partial class GradientCheck
{
    /// <summary>Default step h = 1e-5: central differences have error O(h²) ≈ 1e-10 against rounding error ≈ 1e-16/h ≈ 1e-11.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>Default relative tolerance 1e-7 for <see cref="GradientCheckReport.Passed"/>.</summary>
    public const double DefaultTolerance = 1e-7;

    /// <summary>
    /// The floor 1e-12 of the relative error's denominator. Both gradients exactly 0 give error 0;
    /// gradients smaller than 1e-12 in size are compared in absolute terms (|a − n| / 1e-12).
    /// </summary>
    public const double Tiny = 1e-12;

    /// <summary>|a − n| / max(|a|, |n|, <see cref="Tiny"/>); 0 when both are 0.</summary>
    public static double RelativeError(double analytic, double numeric) =>
        Math.Abs(analytic - numeric) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numeric)), Tiny);

    /// <summary>The central difference (f(x + h) − f(x − h)) / 2h of a function of one number.</summary>
    public static double Numeric(Func<double, double> f, double x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        double[] xs = [x];
        return NumericInPlace(() => f(xs[0]), xs, h, ["x"])[0];
    }

    /// <summary>
    /// The numeric gradient of f at <paramref name="x"/>: entry i is the central difference in xᵢ. Each entry of
    /// <paramref name="x"/> is perturbed in place and restored exactly, so f sees the caller's array.
    /// </summary>
    public static double[] Numeric(Func<double[], double> f, double[] x, double h = DefaultStep, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        return NumericInPlace(() => f(x), x, h, names);
    }

    /// <summary>
    /// The core: <paramref name="f"/> reads the numbers in <paramref name="x"/> (an array, a tensor's storage,
    /// a layer's weights). For each i it sets xᵢ + h, calls f, sets xᵢ − h, calls f, and restores xᵢ
    /// (also if f throws). Returns the central differences.
    /// A non-finite xᵢ or a non-finite f value gives an <see cref="ArgumentException"/> naming the entry.
    /// </summary>
    public static double[] NumericInPlace(Func<double> f, Span<double> x, double h = DefaultStep, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireStep(h);
        RequireNames(names, x.Length);
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            if (!double.IsFinite(xi))
                throw new ArgumentException($"Input {NameOf(names, i)} is {NumberFormat.Significant(xi)}; a gradient check needs finite inputs.", nameof(x));
            double plus, minus;
            try
            {
                x[i] = xi + h;
                plus = f();
                x[i] = xi - h;
                minus = f();
            }
            finally
            {
                x[i] = xi;
            }
            RequireFinite(plus, names, i, xi, h, "+", nameof(f));
            RequireFinite(minus, names, i, xi, h, "−", nameof(f));
            gradient[i] = (plus - minus) / (2 * h);
        }
        return gradient;
    }

    /// <summary>
    /// Compares two gradients entry by entry. Lengths must match; NaN or ±∞ in either gives an
    /// <see cref="ArgumentException"/> naming the entry. <paramref name="names"/> (optional) names the entries,
    /// otherwise they are shown as "[i]".
    /// </summary>
    public static GradientCheckReport Compare(ReadOnlySpan<double> analytic, ReadOnlySpan<double> numeric, IReadOnlyList<string>? names = null)
    {
        if (analytic.Length != numeric.Length)
            throw new ArgumentException($"The analytic gradient has {analytic.Length} entries but the numeric gradient has {numeric.Length}; expected the same number.", nameof(numeric));
        if (analytic.Length == 0)
            throw new ArgumentException("There are no gradient entries to compare; expected at least one.", nameof(analytic));
        RequireNames(names, analytic.Length);
        var entries = new GradientCheckEntry[analytic.Length];
        for (int i = 0; i < analytic.Length; i++)
        {
            string name = NameOf(names, i);
            if (!double.IsFinite(analytic[i]))
                throw new ArgumentException($"The analytic gradient is {NumberFormat.Significant(analytic[i])} at {name}; expected a finite number (look for a division by 0, log of 0 or overflow in backward).", nameof(analytic));
            if (!double.IsFinite(numeric[i]))
                throw new ArgumentException($"The numeric gradient is {NumberFormat.Significant(numeric[i])} at {name}; expected a finite number.", nameof(numeric));
            entries[i] = new GradientCheckEntry(i, name, analytic[i], numeric[i], RelativeError(analytic[i], numeric[i]));
        }
        return new GradientCheckReport(entries);
    }

    /// <summary>Checks a derivative of a function of one number at <paramref name="x"/>.</summary>
    public static GradientCheckReport Check(Func<double, double> f, Func<double, double> derivative, double x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(derivative);
        return Check(v => f(v[0]), v => [derivative(v[0])], [x], h, ["x"]);
    }

    /// <summary>
    /// Checks <paramref name="gradient"/> against central differences of <paramref name="f"/> at <paramref name="x"/>.
    /// Both functions get copies of <paramref name="x"/>; the caller's array is not changed.
    /// </summary>
    public static GradientCheckReport Check(Func<double[], double> f, Func<double[], double[]> gradient, double[] x,
        double h = DefaultStep, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        double[] point = [.. x];
        RequireFiniteValue(f(point), "f", nameof(f));
        double[] analytic = gradient([.. x])
            ?? throw new ArgumentException("The gradient function returned null; expected an array.", nameof(gradient));
        if (analytic.Length != x.Length)
            throw new ArgumentException($"The gradient function returned {analytic.Length} entries for {x.Length} inputs; expected one per input.", nameof(gradient));
        double[] numeric = Numeric(f, point, h, names);
        return Compare(analytic, numeric, names);
    }

    /// <summary>
    /// Checks back-propagation through a <see cref="Value"/> graph. <paramref name="build"/> turns leaves into a root;
    /// the analytic gradient is the leaves' <see cref="Value.Grad"/> after <c>root.Backward()</c>, the numeric one
    /// re-runs <paramref name="build"/> on perturbed leaves. Leaves are labelled with <paramref name="names"/>
    /// (default "x[0]", "x[1]", ...).
    /// <code>GradientCheck.Check(v => (v[0] + v[1]) * v[2], [-2, 5, -4]).AssertPassed();</code>
    /// </summary>
    public static GradientCheckReport Check(Func<Value[], Value> build, double[] x, double h = DefaultStep, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(x);
        RequireNames(names, x.Length);
        names ??= [.. Enumerable.Range(0, x.Length).Select(i => $"x[{i}]")];
        var leaves = x.Select((xi, i) => new Value(xi, names[i])).ToArray();
        var root = Evaluate(build, leaves);
        RequireFiniteValue(root.Data, "build(x).Data", nameof(build));
        root.Backward();
        double[] analytic = [.. leaves.Select(leaf => leaf.Grad)];

        double[] point = [.. x];
        double[] numeric = NumericInPlace(() => Evaluate(build, [.. point.Select(p => new Value(p))]).Data, point, h, names);
        return Compare(analytic, numeric, names);
    }

    private static Value Evaluate(Func<Value[], Value> build, Value[] leaves) =>
        build(leaves) ?? throw new ArgumentException("The build function returned null; expected the root Value.", nameof(build));

    private static void RequireStep(double h)
    {
        if (!(h > 0) || double.IsInfinity(h))
            throw new ArgumentOutOfRangeException(nameof(h), h, $"The finite-difference step h must be a finite number > 0, got {NumberFormat.RoundTrip(h)}.");
    }

    private static void RequireNames(IReadOnlyList<string>? names, int count)
    {
        if (names is not null && names.Count != count)
            throw new ArgumentException($"Got {names.Count} names for {count} gradient entries; expected one name per entry.", nameof(names));
    }

    private static void RequireFinite(double value, IReadOnlyList<string>? names, int i, double xi, double h, string sign, string paramName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(
                $"f is {NumberFormat.Significant(value)} at {NameOf(names, i)} {sign} h ({NameOf(names, i)} = {NumberFormat.Significant(xi)}, h = {NumberFormat.Significant(h)}); " +
                "the central difference needs f finite around the point.", paramName);
    }

    private static void RequireFiniteValue(double value, string what, string paramName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{what} is {NumberFormat.Significant(value)} at the checked point; expected a finite number.", paramName);
    }

    private static string NameOf(IReadOnlyList<string>? names, int i) => names?[i] ?? $"[{i}]";

}
