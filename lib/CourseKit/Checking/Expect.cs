using System.Collections;
using System.Globalization;
using CourseKit.Stopping;

namespace CourseKit.Checking;

/// <summary>
/// Assertions for the test cells of exercises. A failure throws <see cref="ExpectationFailedException"/> whose
/// message a student can act on: what was expected, what came, and for which input; the test's optional hint
/// follows after a colon: "expected ∂L/∂W of shape [10, 128], got [128, 10]: did you forget the transpose?".
/// Name the input in <c>what</c> ("softmax([1, 2, 3])", "∂L/∂x for a batch of 1").
/// </summary>
/// <remarks>
/// Numbers are shown culture-invariant: values as they round-trip (two different numbers never print alike),
/// errors and tolerances in three significant digits. Closeness is the kit's one definition
/// (<see cref="GradientCheck.RelativeError"/>): a value is close when its relative error is at most the tolerance
/// or its absolute error at most the absolute tolerance. Expect never catches what the code under test throws:
/// a student's <see cref="NotImplementedException"/> reaches the grader unchanged.
/// </remarks>
public static class Expect
{
    /// <summary>The default relative tolerance, 1e-7 (that of <see cref="GradientCheck"/>): far below any formula mistake, far above rounding.</summary>
    public const double DefaultTolerance = GradientCheck.DefaultTolerance;

    /// <summary>The default absolute tolerance, 1e-12: an expected 0 accepts rounding noise.</summary>
    public const double DefaultAbsoluteTolerance = 1e-12;

    /// <summary>
    /// The default absolute tolerance of <see cref="Gradient(Func{Tensor, double}, Func{Tensor, Tensor}, Tensor, string, double, double, double, string?)"/>,
    /// 1e-8: a central difference carries rounding noise of about 1e-16·|f|/h ≈ 1e-11·|f|, so a gradient that is exactly 0 is not compared by relative error.
    /// </summary>
    public const double DefaultGradientAbsoluteTolerance = 1e-8;

    /// <summary>Expects <paramref name="got"/> close to <paramref name="expected"/>; NaN matches only NaN, ±∞ only itself.</summary>
    /// <param name="expected">The right value.</param>
    /// <param name="got">The value the student's code computed.</param>
    /// <param name="what">What the value is, best with its input: "sigmoid(0)".</param>
    /// <param name="tolerance">Largest relative error accepted.</param>
    /// <param name="absoluteTolerance">Largest absolute error accepted whatever the relative error.</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static void Close(double expected, double got, string what, double tolerance = DefaultTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance, string? hint = null)
    {
        RequireTolerances(tolerance, absoluteTolerance);
        if (IsClose(expected, got, tolerance, absoluteTolerance)) return;
        var error = double.IsFinite(expected) && double.IsFinite(got)
            ? $" (relative error {NumberFormat.Compact(GradientCheck.RelativeError(expected, got))}, tolerance {NumberFormat.Compact(tolerance)})"
            : "";
        throw Fail($"expected {what} = {Show(expected)}, got {Show(got)}{error}", hint);
    }

    /// <summary>
    /// Expects arrays of the same length, entry by entry close; a failure names the first differing entry with both
    /// values, how many entries differ and the largest relative error.
    /// </summary>
    /// <inheritdoc cref="Close(double, double, string, double, double, string?)"/>
    public static void Close(double[] expected, double[]? got, string what, double tolerance = DefaultTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        RequireTolerances(tolerance, absoluteTolerance);
        if (got is null)
            throw Fail($"expected {what} of length {Show(expected.Length)}, got null", hint);
        if (got.Length != expected.Length)
            throw Fail($"expected {what} of length {Show(expected.Length)}, got length {Show(got.Length)}", hint);
        if (FirstDifference(expected, got, tolerance, absoluteTolerance) is { } difference)
            throw Fail(difference.Describe(what, $"[{Show(difference.Index)}]", tolerance), hint);
    }

    /// <summary>
    /// Expects tensors of the same shape, entry by entry close. A shape mismatch names both shapes; otherwise a
    /// failure names the first differing index with both values, how many entries differ and the largest relative error.
    /// </summary>
    /// <inheritdoc cref="Close(double, double, string, double, double, string?)"/>
    public static void Close(Tensor expected, Tensor? got, string what, double tolerance = DefaultTolerance,
        double absoluteTolerance = DefaultAbsoluteTolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        RequireTolerances(tolerance, absoluteTolerance);
        Shape(got, [.. expected.Shape], what, hint);
        if (FirstDifference(expected.Span, got!.Span, tolerance, absoluteTolerance) is { } difference)
            throw Fail(difference.Describe(what, Index(difference.Index, expected.Shape), tolerance), hint);
    }

    /// <summary>
    /// Expects <paramref name="got"/> equal to <paramref name="expected"/> (<see cref="EqualityComparer{T}.Default"/>).
    /// Sequences other than strings (arrays, lists) are compared item by item, and a failure names the first
    /// differing position or both lengths. For numbers computed in floating point, use <see cref="Close(double, double, string, double, double, string?)"/>.
    /// </summary>
    /// <param name="expected">The right value.</param>
    /// <param name="got">The value the student's code computed.</param>
    /// <param name="what">What the value is, best with its input: "argmax([0.1, 0.7, 0.2])".</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static void Equal<T>(T expected, T got, string what, string? hint = null)
    {
        if (expected is IEnumerable expectedItems and not string && got is IEnumerable gotItems)
        {
            var e = expectedItems.Cast<object?>().ToList();
            var g = gotItems.Cast<object?>().ToList();
            if (e.Count != g.Count)
                throw Fail($"expected {what} = {Show(e)} ({Items(e.Count)}), got {Show(g)} ({Items(g.Count)})", hint);
            for (int i = 0; i < e.Count; i++)
            {
                if (!Equals(e[i], g[i]))
                    throw Fail($"expected {what}[{Show(i)}] = {Show(e[i])}, got {Show(g[i])}", hint);
            }
            return;
        }
        if (!EqualityComparer<T>.Default.Equals(expected, got))
            throw Fail($"expected {what} = {Show(expected)}, got {Show(got)}", hint);
    }

    /// <summary>Expects a claim about the student's result to hold: <c>Expect.True(p.Sum() == 1, "the probabilities to sum to 1")</c>.</summary>
    /// <param name="condition">Whether the claim holds.</param>
    /// <param name="claim">The claim, read after "expected": "the loss to fall below 0.1 within 100 steps".</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static void True(bool condition, string claim, string? hint = null)
    {
        if (!condition) throw Fail($"expected {claim}", hint);
    }

    /// <summary>Expects a tensor of the given shape: <c>Expect.Shape(h, 32, 10)</c>.</summary>
    public static void Shape(Tensor? got, params int[] shape) => Shape(got, shape, "a tensor");

    /// <summary>Expects a tensor of the given shape: <c>Expect.Shape(dW, [10, 128], "∂L/∂W", "did you forget the transpose?")</c>.</summary>
    /// <param name="got">The tensor the student's code returned.</param>
    /// <param name="shape">The expected shape.</param>
    /// <param name="what">What the tensor is.</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static void Shape(Tensor? got, int[] shape, string what, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0 || shape.Any(d => d < 1))
            throw new ArgumentException($"The expected shape {Tensor.FormatShape(shape)} is not a tensor shape; expected 1 to {Tensor.MaxRank} dimensions, each ≥ 1.", nameof(shape));
        if (got is null)
            throw Fail($"expected {what} of shape {Tensor.FormatShape(shape)}, got null", hint);
        if (!got.Shape.SequenceEqual(shape))
            throw Fail($"expected {what} of shape {Tensor.FormatShape(shape)}, got {got.ShapeString}", hint);
    }

    /// <summary>
    /// Expects <paramref name="action"/> to throw <typeparamref name="TException"/> or an exception derived from it, and
    /// returns it. Any other exception propagates unchanged; so does a <see cref="NotImplementedException"/> unless it is
    /// the one expected, so an unsolved exercise never passes a test that expects <see cref="Exception"/>.
    /// </summary>
    /// <param name="action">The call that should throw.</param>
    /// <param name="what">The call, as the student reads it: "softmax of an empty vector".</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static TException Throws<TException>(Action action, string what, string? hint = null) where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch (TException e) when (e is not NotImplementedException || typeof(TException) == typeof(NotImplementedException))
        {
            return e;
        }
        throw Fail($"expected {what} to throw {typeof(TException).Name}, but it returned normally", hint);
    }

    /// <summary>
    /// The gradient check of an exercise: expects the student's analytic <paramref name="gradient"/> (∂f/∂x, a tensor of
    /// x's shape) to match central differences of the student's <paramref name="forward"/> at <paramref name="x"/>, entry
    /// by entry (<see cref="GradientCheck.NumericInPlace"/>, <see cref="GradientCheck.Compare"/>). A failure names the
    /// worst failing entry with both values and how many entries differ. Returns the report, which a cell can show.
    /// </summary>
    /// <param name="forward">The student's scalar function of x (a loss, Σ layer(x) ⊙ G).</param>
    /// <param name="gradient">The student's ∂f/∂x; gets a copy of x, as forward does.</param>
    /// <param name="x">The point (not changed).</param>
    /// <param name="what">The gradient's name, used for entries too: "∂L/∂W" gives "∂L/∂W[0, 1]".</param>
    /// <param name="tolerance">Largest relative error accepted.</param>
    /// <param name="absoluteTolerance">Largest absolute error accepted whatever the relative error.</param>
    /// <param name="h">The finite-difference step.</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static GradientCheckReport Gradient(Func<Tensor, double> forward, Func<Tensor, Tensor> gradient, Tensor x, string what,
        double tolerance = DefaultTolerance, double absoluteTolerance = DefaultGradientAbsoluteTolerance,
        double h = GradientCheck.DefaultStep, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        RequireTolerances(tolerance, absoluteTolerance);
        RequireFiniteForward(forward(x.Clone()), what, hint);
        var analytic = gradient(x.Clone());
        Shape(analytic, [.. x.Shape], what, hint);
        var names = GradientCheck.EntryNames(what, x);
        var span = analytic.Span;
        for (int i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
                throw Fail($"expected {names[i]} to be a finite number, got {Show(span[i])}", hint);
        }
        var point = x.Clone();
        var numeric = GradientCheck.NumericInPlace(() => forward(point), point.Span, h, names);
        return Judge(GradientCheck.Compare(analytic.Span, numeric, names), tolerance, absoluteTolerance, hint);
    }

    /// <summary>The gradient check of a function of one number: the student's <paramref name="derivative"/> against central differences of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <param name="f">The student's function.</param>
    /// <param name="derivative">The student's f′.</param>
    /// <param name="x">The point.</param>
    /// <param name="what">The derivative's name: "sigmoid′".</param>
    /// <param name="tolerance">Largest relative error accepted.</param>
    /// <param name="absoluteTolerance">Largest absolute error accepted whatever the relative error.</param>
    /// <param name="h">The finite-difference step.</param>
    /// <param name="hint">Appended to a failure: what the student may have got wrong.</param>
    public static GradientCheckReport Gradient(Func<double, double> f, Func<double, double> derivative, double x, string what,
        double tolerance = DefaultTolerance, double absoluteTolerance = DefaultGradientAbsoluteTolerance,
        double h = GradientCheck.DefaultStep, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(derivative);
        RequireTolerances(tolerance, absoluteTolerance);
        var name = $"{what}({Show(x)})";
        RequireFiniteForward(f(x), name, hint);
        var analytic = derivative(x);
        if (!double.IsFinite(analytic))
            throw Fail($"expected {name} to be a finite number, got {Show(analytic)}", hint);
        var numeric = GradientCheck.Numeric(f, x, h);
        return Judge(GradientCheck.Compare([analytic], [numeric], [name]), tolerance, absoluteTolerance, hint);
    }

    private static GradientCheckReport Judge(GradientCheckReport report, double tolerance, double absoluteTolerance, string? hint)
    {
        bool Fails(GradientCheckEntry e) => e.RelativeError > tolerance && e.AbsoluteError > absoluteTolerance;
        var failing = report.WorstFirst.Where(Fails).ToList();
        if (failing.Count == 0) return report;
        var worst = failing[0];
        var count = report.Entries.Count == 1 ? "" : $"{Show(failing.Count)} of {Show(report.Entries.Count)} entries differ; ";
        throw Fail($"expected {worst.Name} = {Show(worst.Numeric)} (central difference of the forward pass), got {Show(worst.Analytic)} " +
                   $"({count}max relative error {NumberFormat.Compact(worst.RelativeError)}, tolerance {NumberFormat.Compact(tolerance)})", hint);
    }

    private static void RequireTolerances(double tolerance, double absoluteTolerance)
    {
        Require.NonNegative(tolerance, nameof(tolerance), "the largest relative error accepted");
        Require.NonNegative(absoluteTolerance, nameof(absoluteTolerance), "the largest absolute error accepted");
    }

    private static void RequireFiniteForward(double value, string what, string? hint)
    {
        if (!double.IsFinite(value))
            throw Fail($"expected the forward pass behind {what} to give a finite number, got {Show(value)}", hint);
    }

    /// <summary>Whether a value passes: NaN matches NaN, an infinity only itself, otherwise by relative or absolute error.</summary>
    private static bool IsClose(double expected, double got, double tolerance, double absoluteTolerance)
    {
        if (double.IsNaN(expected) || double.IsNaN(got)) return double.IsNaN(expected) && double.IsNaN(got);
        if (double.IsInfinity(expected) || double.IsInfinity(got)) return expected == got;
        return GradientCheck.RelativeError(expected, got) <= tolerance || Math.Abs(expected - got) <= absoluteTolerance;
    }

    /// <summary>The first entry that is not close, how many are not, and the largest relative error among them; null when all are close.</summary>
    private static Difference? FirstDifference(ReadOnlySpan<double> expected, ReadOnlySpan<double> got, double tolerance, double absoluteTolerance)
    {
        int first = -1, count = 0;
        double maxError = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (IsClose(expected[i], got[i], tolerance, absoluteTolerance)) continue;
            if (first < 0) first = i;
            count++;
            var error = double.IsFinite(expected[i]) && double.IsFinite(got[i])
                ? GradientCheck.RelativeError(expected[i], got[i])
                : double.PositiveInfinity;
            maxError = Math.Max(maxError, error);
        }
        return first < 0 ? null : new Difference(first, expected[first], got[first], count, expected.Length, maxError);
    }

    private sealed record Difference(int Index, double Expected, double Got, int Count, int Length, double MaxError)
    {
        public string Describe(string what, string index, double tolerance) =>
            $"expected {what}{index} = {Show(Expected)}, got {Show(Got)} (" +
            (Length == 1 ? "" : $"{Show(Count)} of {Show(Length)} entries differ; ") +
            $"max relative error {NumberFormat.Compact(MaxError)}, tolerance {NumberFormat.Compact(tolerance)})";
    }

    /// <summary>A flat row-major index as a tensor index: 5 in shape [2, 3] is [1, 2].</summary>
    private static string Index(int flat, IReadOnlyList<int> shape)
    {
        var index = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return Tensor.FormatShape(index);
    }

    private static ExpectationFailedException Fail(string message, string? hint) =>
        new(string.IsNullOrWhiteSpace(hint) ? message : $"{message}: {hint}");

    private static string Items(int n) => n == 1 ? "1 item" : $"{Show(n)} items";

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value as a student reads it, culture-invariant: numbers round-trip, strings quoted, sequences listed (first 10 items).</summary>
    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => NumberFormat.RoundTrip(d),
        float f => NumberFormat.RoundTrip(f),
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        char c => $"'{c}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(10).Select(Show)) + (items.Cast<object?>().Skip(10).Any() ? ", ..." : "") + "]",
        _ => value.ToString() ?? "",
    };
}
