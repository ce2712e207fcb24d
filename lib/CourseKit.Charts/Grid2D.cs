using System.Globalization;

namespace CourseKit.Charts;

/// <summary>A function of two variables sampled on a regular grid: <c>Z[j][i] = f(X[i], Y[j])</c> (rows are y).</summary>
internal sealed class Grid2D
{
    private Grid2D(double[] x, double[] y, double[][] z)
    {
        X = x;
        Y = y;
        Z = z;
        var finite = z.SelectMany(r => r).Where(double.IsFinite).ToArray();
        Min = finite.Min();
        Max = finite.Max();
    }

    public double[] X { get; }
    public double[] Y { get; }
    public double[][] Z { get; }
    public double Min { get; }
    public double Max { get; }

    /// <summary><paramref name="count"/> evenly spaced points from min to max, both included.</summary>
    public static double[] Linspace((double Min, double Max) range, int count) =>
        [.. Enumerable.Range(0, count).Select(i => i == count - 1 ? range.Max : range.Min + (range.Max - range.Min) * i / (count - 1))];

    public static Grid2D Sample(Func<double, double, double> f, (double Min, double Max) xRange, (double Min, double Max) yRange,
        int resolution, string functionName)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Range(xRange, "xRange");
        Guard.Range(yRange, "yRange");
        Guard.AtLeast(resolution, 2, "resolution");
        var x = Linspace(xRange, resolution);
        var y = Linspace(yRange, resolution);
        var z = y.Select(yj => x.Select(xi => f(xi, yj)).ToArray()).ToArray();
        if (!z.Any(row => row.Any(double.IsFinite)))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{functionName} returned NaN or ±∞ at every one of the {resolution}×{resolution} grid points of x ∈ [{Guard.N(xRange.Min)}, {Guard.N(xRange.Max)}], y ∈ [{Guard.N(yRange.Min)}, {Guard.N(yRange.Max)}]; expected finite values somewhere in the range."),
                nameof(f));
        return new Grid2D(x, y, z);
    }
}
