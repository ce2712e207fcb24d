using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string> Generators => new() { "xor", "moons", "circles", "spirals", "line", "sine" };

    private static DataSet Make(string name, int seed, double noise = 0.1) => name switch
    {
        "xor" => Synthetic.Xor(200, noise, seed),
        "moons" => Synthetic.Moons(200, noise, seed),
        "circles" => Synthetic.Circles(200, noise, seed),
        "spirals" => Synthetic.Spirals(200, noise, seed, classes: 3),
        "line" => Synthetic.NoisyLine(200, noise, seed),
        "sine" => Synthetic.NoisySine(200, noise, seed),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Same_seed_same_data_other_seed_other_data(string name)
    {
        var a = Make(name, 7); var b = Make(name, 7); var c = Make(name, 8);
        Assert.Equal(a.Features.Cast<double>(), b.Features.Cast<double>());
        Assert.Equal((IEnumerable<int>?)a.Labels ?? [], (IEnumerable<int>?)b.Labels ?? []);
        Assert.Equal((IEnumerable<double>?)a.Targets ?? [], (IEnumerable<double>?)b.Targets ?? []);
        Assert.NotEqual(a.Features.Cast<double>(), c.Features.Cast<double>());
        Assert.Equal(200, a.Count);
        // the Random overload with the same seed gives the same data as the seed overload
        var fromRng = name switch
        {
            "xor" => Synthetic.Xor(200, 0.1, new Random(7)),
            "moons" => Synthetic.Moons(200, 0.1, new Random(7)),
            "circles" => Synthetic.Circles(200, 0.1, new Random(7)),
            "spirals" => Synthetic.Spirals(200, 0.1, new Random(7), classes: 3),
            "line" => Synthetic.NoisyLine(200, 0.1, new Random(7)),
            _ => Synthetic.NoisySine(200, 0.1, new Random(7)),
        };
        Assert.Equal(a.Features.Cast<double>(), fromRng.Features.Cast<double>());
    }

    [Fact]
    public void Xor_without_noise_is_the_truth_table()
    {
        var d = Synthetic.Xor(4, 0, seed: 1);
        for (int i = 0; i < 4; i++)
        {
            int a = (int)d.Features[i, 0], b = (int)d.Features[i, 1];
            Assert.Equal(a ^ b, d.Labels![i]);
        }
        Assert.Equal(4, Enumerable.Range(0, 4).Select(i => (d.Features[i, 0], d.Features[i, 1])).Distinct().Count());
        Assert.Equal([2, 2], d.ClassCounts());
    }

    [Fact]
    public void Circles_lie_on_radius_one_and_factor()
    {
        var d = Synthetic.Circles(300, 0, seed: 3, factor: 0.3);
        for (int i = 0; i < d.Count; i++)
        {
            double r = Math.Sqrt(d.Features[i, 0] * d.Features[i, 0] + d.Features[i, 1] * d.Features[i, 1]);
            Assert.Equal(d.Labels![i] == 0 ? 1.0 : 0.3, r, 1e-12);
        }
        Assert.Equal([150, 150], d.ClassCounts());
        Assert.ThrowsAny<ArgumentException>(() => Synthetic.Circles(10, 0, 1, factor: 1.0));
    }

    [Fact]
    public void Moons_lie_on_their_half_circles()
    {
        var d = Synthetic.Moons(200, 0, seed: 5);
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.Features[i, 0], y = d.Features[i, 1];
            if (d.Labels![i] == 0) { Assert.Equal(1.0, x * x + y * y, 1e-12); Assert.True(y >= 0); }
            else { Assert.Equal(1.0, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12); Assert.True(y <= 0.5); }
        }
    }

    [Fact]
    public void Spiral_points_satisfy_the_arm_equation()
    {
        const int classes = 3; const double turns = 1.5;
        var d = Synthetic.Spirals(300, 0, seed: 9, classes, turns);
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.Features[i, 0], y = d.Features[i, 1], r = Math.Sqrt(x * x + y * y);
            double phi = 2 * Math.PI * turns * r + 2 * Math.PI * d.Labels![i] / classes;
            Assert.Equal(r * Math.Cos(phi), x, 1e-9);
            Assert.Equal(r * Math.Sin(phi), y, 1e-9);
            Assert.InRange(r, 0, 1);
        }
        Assert.Equal([100, 100, 100], d.ClassCounts());
    }

    [Fact]
    public void Noisy_line_without_noise_is_the_line_and_with_noise_has_the_stated_spread()
    {
        var exact = Synthetic.NoisyLine(50, 0, seed: 2, w0: -1, w1: 3);
        for (int i = 0; i < exact.Count; i++) Assert.Equal(-1 + 3 * exact.Features[i, 0], exact.Targets![i], 1e-12);

        var noisy = Synthetic.NoisyLine(20000, 0.5, seed: 2, w0: -1, w1: 3);
        var residuals = Enumerable.Range(0, noisy.Count).Select(i => noisy.Targets![i] - (-1 + 3 * noisy.Features[i, 0])).ToArray();
        double mean = residuals.Average();
        double sd = Math.Sqrt(residuals.Select(e => (e - mean) * (e - mean)).Average());
        Assert.InRange(mean, -0.02, 0.02);   // 4 standard errors: 4·0.5/√20000 ≈ 0.014
        Assert.InRange(sd, 0.49, 0.51);
        Assert.All(RealDataSetTests.Column(noisy, 0), x => Assert.InRange(x, -1, 1));
    }

    [Fact]
    public void Noisy_sine_without_noise_is_the_sine()
    {
        var d = Synthetic.NoisySine(100, 0, seed: 4);
        for (int i = 0; i < d.Count; i++)
        {
            Assert.InRange(d.Features[i, 0], 0, 2 * Math.PI);
            Assert.Equal(Math.Sin(d.Features[i, 0]), d.Targets![i], 1e-15);
        }
    }

    [Fact]
    public void Bad_arguments_say_what_was_expected()
    {
        Assert.Contains("non-negative finite noise", Assert.ThrowsAny<ArgumentException>(() => Synthetic.Moons(10, -0.1, 1)).Message);
        Assert.Contains("at least 2 samples", Assert.ThrowsAny<ArgumentException>(() => Synthetic.Circles(1, 0, 1)).Message);
        Assert.Contains("at least 2 spiral arms", Assert.ThrowsAny<ArgumentException>(() => Synthetic.Spirals(10, 0, 1, classes: 1)).Message);
        Assert.Contains("xMin < xMax", Assert.Throws<ArgumentException>(() => Synthetic.NoisySine(10, 0, 1, xMin: 1, xMax: 0)).Message);
    }
}
