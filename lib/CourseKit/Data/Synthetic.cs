using System.Globalization;

namespace CourseKit.Data;

/// <summary>
/// Seeded synthetic data for demos: XOR, two moons, circles, spirals (classification, 2 features) and a
/// noisy line and sine (regression, 1 feature "x"). <c>noise</c> is the standard deviation of Gaussian noise
/// added to each coordinate (classification) or to y (regression); noise 0 gives the exact geometry. Every
/// generator takes an explicit seed or an explicit <see cref="Random"/>: the same seed gives the same data.
/// Classes are balanced: sample i belongs to class i mod C.
/// </summary>
public static class Synthetic
{
    /// <summary>XOR: points around the four corners of the unit square, label = x1 XOR x2 of the corner.
    /// Sample i uses corner i mod 4 of (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0; with noise 0 and count 4 this is
    /// exactly the truth table a perceptron cannot learn.</summary>
    public static DataSet Xor(int count, double noise, Random rng)
    {
        Check(count, 4, noise, rng);
        var x = new double[count, 2];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            int a = (i % 4) >> 1, b = i % 2;
            x[i, 0] = a + noise * Gaussian(rng);
            x[i, 1] = b + noise * Gaussian(rng);
            y[i] = a ^ b;
        }
        return DataSet.Classification("xor", x, y, ["x1", "x2"], ["0", "1"],
            $"XOR: {count} points at the corners of the unit square, label x1 XOR x2, Gaussian noise σ = {noise}.");
    }

    /// <inheritdoc cref="Xor(int, double, Random)"/>
    public static DataSet Xor(int count, double noise, int seed) => Xor(count, noise, new Random(seed));

    /// <summary>Two interleaving half circles: class 0 on (cos θ, sin θ), class 1 on (1 − cos θ, 0.5 − sin θ),
    /// θ uniform in [0, π] (both radius 1, centres (0, 0) and (1, 0.5)).</summary>
    public static DataSet Moons(int count, double noise, Random rng)
    {
        Check(count, 2, noise, rng);
        var x = new double[count, 2];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            double theta = Math.PI * rng.NextDouble();
            y[i] = i % 2;
            (x[i, 0], x[i, 1]) = y[i] == 0 ? (Math.Cos(theta), Math.Sin(theta)) : (1 - Math.Cos(theta), 0.5 - Math.Sin(theta));
            x[i, 0] += noise * Gaussian(rng);
            x[i, 1] += noise * Gaussian(rng);
        }
        return DataSet.Classification("moons", x, y, ["x1", "x2"], ["0", "1"],
            $"Two moons: {count} points on two interleaving half circles of radius 1, Gaussian noise σ = {noise}.");
    }

    /// <inheritdoc cref="Moons(int, double, Random)"/>
    public static DataSet Moons(int count, double noise, int seed) => Moons(count, noise, new Random(seed));

    /// <summary>Two concentric circles around the origin: class 0 on radius 1, class 1 on radius
    /// <paramref name="factor"/> (0 &lt; factor &lt; 1), angle uniform in [0, 2π). Not linearly separable.</summary>
    public static DataSet Circles(int count, double noise, Random rng, double factor = 0.5)
    {
        Check(count, 2, noise, rng);
        Require.OpenUnitInterval(factor, nameof(factor), "the inner circle's radius as a fraction of the outer one");
        var x = new double[count, 2];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            double phi = 2 * Math.PI * rng.NextDouble();
            y[i] = i % 2;
            double r = y[i] == 0 ? 1.0 : factor;
            x[i, 0] = r * Math.Cos(phi) + noise * Gaussian(rng);
            x[i, 1] = r * Math.Sin(phi) + noise * Gaussian(rng);
        }
        return DataSet.Classification("circles", x, y, ["x1", "x2"], ["outer", "inner"],
            $"Circles: {count} points on radii 1 (class 0) and {factor} (class 1), Gaussian noise σ = {noise}.");
    }

    /// <inheritdoc cref="Circles(int, double, Random, double)"/>
    public static DataSet Circles(int count, double noise, int seed, double factor = 0.5) => Circles(count, noise, new Random(seed), factor);

    /// <summary>Interleaved spiral arms, one per class: a point of class c at radius r uniform in (0, 1] has
    /// angle 2π·turns·r + 2πc/classes, i.e. (r cos φ, r sin φ).</summary>
    public static DataSet Spirals(int count, double noise, Random rng, int classes = 2, double turns = 1.0)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"Expected at least 2 spiral arms (classes), got {classes}.");
        Require.Positive(turns, nameof(turns), "the number of turns of each spiral arm");
        Check(count, classes, noise, rng);
        var x = new double[count, 2];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = i % classes;
            double r = 1.0 - rng.NextDouble();   // (0, 1]
            double phi = 2 * Math.PI * turns * r + 2 * Math.PI * y[i] / classes;
            x[i, 0] = r * Math.Cos(phi) + noise * Gaussian(rng);
            x[i, 1] = r * Math.Sin(phi) + noise * Gaussian(rng);
        }
        return DataSet.Classification("spirals", x, y, ["x1", "x2"], Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray(),
            $"Spirals: {count} points on {classes} arms of {turns} turn(s), Gaussian noise σ = {noise}.");
    }

    /// <inheritdoc cref="Spirals(int, double, Random, int, double)"/>
    public static DataSet Spirals(int count, double noise, int seed, int classes = 2, double turns = 1.0) =>
        Spirals(count, noise, new Random(seed), classes, turns);

    /// <summary>A noisy line y = w0 + w1·x + noise·ε, ε ~ N(0, 1), x uniform in [xMin, xMax) — the linear
    /// regression example y = w0 + w1·x of the lecture “Gradient descent: the basics”.</summary>
    public static DataSet NoisyLine(int count, double noise, Random rng, double w0 = 1.0, double w1 = 2.0, double xMin = -1.0, double xMax = 1.0) =>
        Curve("noisy line", count, noise, rng, xMin, xMax, x => w0 + w1 * x, $"y = {w0} + {w1}·x");

    /// <inheritdoc cref="NoisyLine(int, double, Random, double, double, double, double)"/>
    public static DataSet NoisyLine(int count, double noise, int seed, double w0 = 1.0, double w1 = 2.0, double xMin = -1.0, double xMax = 1.0) =>
        NoisyLine(count, noise, new Random(seed), w0, w1, xMin, xMax);

    /// <summary>A noisy sine y = sin(x) + noise·ε, ε ~ N(0, 1), x uniform in [xMin, xMax) (default one period).</summary>
    public static DataSet NoisySine(int count, double noise, Random rng, double xMin = 0.0, double xMax = 2 * Math.PI) =>
        Curve("noisy sine", count, noise, rng, xMin, xMax, Math.Sin, "y = sin(x)");

    /// <inheritdoc cref="NoisySine(int, double, Random, double, double)"/>
    public static DataSet NoisySine(int count, double noise, int seed, double xMin = 0.0, double xMax = 2 * Math.PI) =>
        NoisySine(count, noise, new Random(seed), xMin, xMax);

    private static DataSet Curve(string name, int count, double noise, Random rng, double xMin, double xMax, Func<double, double> f, string formula)
    {
        Check(count, 1, noise, rng);
        if (!(xMax > xMin) || !double.IsFinite(xMin) || !double.IsFinite(xMax))
            throw new ArgumentException($"Expected a finite interval with xMin < xMax, got [{xMin}, {xMax}).");
        var x = new double[count, 1];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i, 0] = xMin + (xMax - xMin) * rng.NextDouble();
            y[i] = f(x[i, 0]) + noise * Gaussian(rng);
        }
        return DataSet.Regression(name, x, y, ["x"], $"{name}: {count} points of {formula} on [{xMin}, {xMax}) plus Gaussian noise σ = {noise}.");
    }

    private static void Check(int count, int minimum, double noise, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (count < minimum)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected at least {minimum} samples, got {count}.");
        if (!(noise >= 0) || double.IsInfinity(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"Expected a non-negative finite noise level (standard deviation), got {NumberFormat.RoundTrip(noise)}.");
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1], so the log is finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
