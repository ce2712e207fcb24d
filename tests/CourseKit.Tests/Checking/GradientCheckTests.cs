using CourseKit.Autograd;
using CourseKit.Checking;
using CsCheck;

namespace CourseKit.Tests.Checking;

public class GradientCheckTests
{
    [Fact]
    public void Numeric_derivative_of_known_functions()
    {
        Close.Equal(12, GradientCheck.Numeric(x => x * x * x, 2), 1e-9);     // d/dx x³ = 3x²
        Close.Equal(Math.Cos(1), GradientCheck.Numeric(Math.Sin, 1), 1e-9);
        Gen.Double[-3, 3].Sample(x => Close.Equal(Math.Exp(x), GradientCheck.Numeric(Math.Exp, x), 1e-9));
    }

    [Fact]
    public void Numeric_gradient_perturbs_each_entry_and_restores_it_exactly()
    {
        double[] x = [0.1, -0.7, 2.3];
        double[] original = [.. x];
        var seen = new List<double[]>();
        double F(double[] v) { seen.Add([.. v]); return v[0] * v[1] + v[2] * v[2]; }

        double[] g = GradientCheck.Numeric(F, x);

        Assert.Equal(original, x); // bit-for-bit: restored by assignment, not by subtracting h
        Close.Equal(-0.7, g[0], 1e-9);
        Close.Equal(0.1, g[1], 1e-9);
        Close.Equal(4.6, g[2], 1e-9);
        Assert.Equal(6, seen.Count);
        Assert.Equal(0.1 + 1e-5, seen[0][0]);
        Assert.Equal(0.1 - 1e-5, seen[1][0]);
        Assert.Equal(-0.7, seen[1][1]);   // only one entry moves at a time
        Assert.Equal(2.3 - 1e-5, seen[5][2]);
    }

    [Fact]
    public void Numeric_gradient_restores_the_entry_when_f_throws()
    {
        double[] x = [1, 2];
        Assert.Throws<InvalidOperationException>(() =>
            GradientCheck.Numeric(v => v[1] > 2 ? throw new InvalidOperationException() : v[0], x));
        Assert.Equal(new double[] { 1, 2 }, x);
    }

    [Fact]
    public void NumericInPlace_works_on_any_span_a_function_reads()
    {
        // the same mechanism a Tensor or a layer's weights use: f reads the storage being perturbed
        var storage = new double[] { 9, 1, 2, 3, 9 };
        var window = storage.AsSpan(1, 3);
        double[] g = GradientCheck.NumericInPlace(() => storage[1] * storage[2] * storage[3], window);
        Close.Equal(6, g[0], 1e-9);
        Close.Equal(3, g[1], 1e-9);
        Close.Equal(2, g[2], 1e-9);
        Assert.Equal(new double[] { 9, 1, 2, 3, 9 }, storage);
    }

    [Fact]
    public void Relative_error_definition_and_zeros()
    {
        Assert.Equal(0, GradientCheck.RelativeError(0, 0));
        Assert.Equal(0, GradientCheck.RelativeError(-4, -4));
        Assert.Equal(0.1 / 1.1, GradientCheck.RelativeError(1, 1.1), 15);
        Assert.Equal(2, GradientCheck.RelativeError(1, -1));
        Assert.Equal(0.1, GradientCheck.RelativeError(0, 1e-13), 12);   // below Tiny = 1e-12 the error is absolute / 1e-12
        Assert.Equal(1e-12, GradientCheck.Tiny);
    }

    [Fact]
    public void Check_passes_for_a_correct_gradient()
    {
        // f(x, y, z) = (x + y)·z, the lecture's function
        var report = GradientCheck.Check(v => (v[0] + v[1]) * v[2], v => [v[2], v[2], v[0] + v[1]], [-2, 5, -4],
            names: ["x", "y", "z"]);
        Assert.True(report.Passed());
        Assert.True(report.MaxRelativeError < 1e-9);
        Assert.Equal(new[] { "x", "y", "z" }, report.Entries.Select(e => e.Name));
        Assert.Equal(new[] { -4.0, -4.0, 3.0 }, report.Entries.Select(e => e.Analytic));
        Assert.Same(report, report.AssertPassed());
    }

    [Fact]
    public void Check_catches_a_wrong_gradient_and_puts_it_first()
    {
        // deliberately wrong ∂f/∂y: forgot the factor z
        var report = GradientCheck.Check(v => (v[0] + v[1]) * v[2], v => [v[2], 1, v[0] + v[1]], [-2, 5, -4],
            names: ["x", "y", "z"]);
        Assert.False(report.Passed());
        Assert.Equal("y", report.Worst.Name);
        Assert.Equal(1, report.Worst.Index);
        Close.Equal(5.0 / 4.0, report.MaxRelativeError, 1e-8); // |1 − (−4)| / 4
        Assert.Equal(new[] { "y", "x", "z" }.Take(1), report.WorstFirst.Take(1).Select(e => e.Name));

        var lines = report.ToString().Split('\n');
        Assert.StartsWith("Gradient check FAILED at relative tolerance 1e-7: 3 entries, max relative error 1.25e+00 at y", lines[0]);
        Assert.Matches(@"^\s+entry\s+analytic\s+numeric\s+abs\. error\s+rel\. error", lines[1]);
        Assert.Matches(@"^\s+y\s+1\s+-(3\.9999\d+|4(\.0000\d*)?)\s+5\.00e\+00\s+1\.25e\+00", lines[2]);

        var e = Assert.Throws<GradientCheckFailedException>(() => report.AssertPassed());
        Assert.Same(report, e.Report);
        Assert.Contains("FAILED", e.Message);
        Assert.Contains("at y", e.Message);
    }

    [Fact]
    public void Report_lists_the_worst_entries_first_and_truncates()
    {
        double[] analytic = [1, 2, 3, 4, 5];
        double[] numeric = [1, 2.2, 3, 4.0004, 5.5];
        var report = GradientCheck.Compare(analytic, numeric);
        Assert.Equal(new[] { 1, 4, 3, 0, 2 }, report.WorstFirst.Select(e => e.Index));
        Assert.Equal(new[] { "[0]", "[1]", "[2]", "[3]", "[4]" }, report.Entries.Select(e => e.Name));
        string text = report.ToString(1e-7, maxRows: 2);
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);                       // summary, header, 2 rows, "... more"
        Assert.Contains("[1]", rows[2]);
        Assert.Contains("[4]", rows[3]);
        Assert.Contains("... 3 more entries", rows[4]);
    }

    [Fact]
    public void An_absolute_floor_accepts_rounding_noise_on_an_exact_zero()
    {
        var report = GradientCheck.Compare([0.0, 2.0], [3e-11, 2.0]);
        Assert.False(report.Passed(1e-7));
        Assert.True(report.Passed(1e-7, absoluteTolerance: 1e-9));
        Assert.True(GradientCheck.Compare([0.0], [0.0]).Passed(0));
    }

    [Fact]
    public void Check_on_a_value_graph_uses_backward_and_re_evaluation()
    {
        var report = GradientCheck.Check(v => (v[0] + v[1]) * v[2], [-2, 5, -4]);
        Assert.True(report.Passed(1e-9), report.ToString());
        Assert.Equal(new[] { "x[0]", "x[1]", "x[2]" }, report.Entries.Select(e => e.Name));
        Assert.Equal(new[] { -4.0, -4.0, 3.0 }, report.Entries.Select(e => e.Analytic));
        Close.Equal(-4, report.Entries[0].Numeric, 1e-9);

        var named = GradientCheck.Check(v => v[0] * v[1], [2, 3], names: ["a", "b"]);
        Assert.Equal(new[] { "a", "b" }, named.Entries.Select(e => e.Name));
        var unused = GradientCheck.Check(v => v[0].Exp(), [1, 2]);
        Assert.Equal(0, unused.Entries[1].Analytic);
        Assert.Equal(0, unused.Entries[1].RelativeError);
    }

    [Fact]
    public void Scalar_check_of_a_derivative()
    {
        Assert.True(GradientCheck.Check(Math.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x), 0.4).Passed());
        var wrong = GradientCheck.Check(Math.Tanh, x => 1 + Math.Tanh(x) * Math.Tanh(x), 0.4);
        Assert.False(wrong.Passed());
        Assert.Equal("x", wrong.Worst.Name);
    }

    [Fact]
    public void NaN_in_the_analytic_gradient_names_the_entry()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            GradientCheck.Check(v => v[0] * v[1], v => [v[1], double.NaN], [2, 3], names: ["a", "b"]));
        Assert.Contains("analytic gradient is NaN at b", e.Message);
        var inf = Assert.Throws<ArgumentException>(() => GradientCheck.Compare([1, double.PositiveInfinity], [1, 1]));
        Assert.Contains("analytic gradient is Infinity at [1]", inf.Message);
    }

    [Fact]
    public void NaN_in_f_names_the_entry_and_the_side()
    {
        // √x at x = 0: f(0 − h) is NaN
        var e = Assert.Throws<ArgumentException>(() =>
            GradientCheck.Check(v => Math.Sqrt(v[0]) + Math.Sqrt(v[1]), v => [1, 1], [1, 0], names: ["u", "w"]));
        Assert.Contains("f is NaN at w − h (w = 0, h = 1E-05)", e.Message);

        var atPoint = Assert.Throws<ArgumentException>(() => GradientCheck.Check(v => Math.Log(v[0]), v => [1 / v[0]], [0]));
        Assert.Contains("f is -Infinity at the checked point", atPoint.Message);

        var valueGraph = Assert.Throws<ArgumentException>(() => GradientCheck.Check(v => v[0] * v[1], [double.NaN, 1]));
        Assert.Contains("build(x).Data is NaN", valueGraph.Message);

        var input = Assert.Throws<ArgumentException>(() => GradientCheck.Numeric(v => v[0], [double.NaN]));
        Assert.Contains("Input [0] is NaN", input.Message);
    }

    [Fact]
    public void Mismatched_or_empty_inputs_throw_with_the_sizes()
    {
        var len = Assert.Throws<ArgumentException>(() => GradientCheck.Compare([1, 2], [1, 2, 3]));
        Assert.Contains("analytic gradient has 2 entries but the numeric gradient has 3", len.Message);
        var empty = Assert.Throws<ArgumentException>(() => GradientCheck.Compare([], []));
        Assert.Contains("no gradient entries", empty.Message);
        var names = Assert.Throws<ArgumentException>(() => GradientCheck.Compare([1, 2], [1, 2], ["a"]));
        Assert.Contains("Got 1 names for 2 gradient entries", names.Message);
        var grad = Assert.Throws<ArgumentException>(() => GradientCheck.Check(v => v[0], v => [1, 2], [1]));
        Assert.Contains("returned 2 entries for 1 inputs", grad.Message);
        var h = Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Numeric(x => x, 1, h: 0));
        Assert.Contains("step h must be a finite number > 0", h.Message);
    }

    [Fact]
    public void Check_does_not_change_the_callers_array()
    {
        double[] x = [0.3, -1.2];
        GradientCheck.Check(v => v[0] * v[0] * v[1], v => { v[0] = 99; return [2 * 0.3 * -1.2, 0.09]; }, x);
        Assert.Equal(new[] { 0.3, -1.2 }, x);
    }
}
