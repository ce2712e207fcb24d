namespace CourseKit.Tests;

/// <summary>Assertions on doubles by relative error, written independently of the library's GradientCheck.</summary>
internal static class Close
{
    public static double Rel(double a, double b) =>
        a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-12);

    public static void Equal(double expected, double actual, double tolerance = 1e-7, string what = "")
    {
        double rel = Rel(expected, actual);
        Assert.True(rel < tolerance, $"{what} expected {expected:R}, got {actual:R}: relative error {rel:E2} ≥ {tolerance:E0}");
    }

    /// <summary>Central difference written out here, so gate tests do not rely on the code under test.</summary>
    public static double Derivative(Func<double, double> f, double x, double h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);
}
