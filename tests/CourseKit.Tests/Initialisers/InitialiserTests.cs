using CourseKit.Initialisers;

namespace CourseKit.Tests.Initialisers;

/// <summary>
/// Sample moments of 400 000 weights (fan-in D = 1000, fan-out D′ = 400, fixed seeds) against the formulas of
/// the lecture “Deep networks”, §3, written out here. Tolerance: 5 standard errors. For n draws with variance σ², the sample mean has
/// standard error σ/√n; the sample variance has σ²√(2/n) for a normal (Var w² = 2σ⁴) and σ²√(0.8/n) for a
/// uniform on [−r, r] (E w⁴ = r⁴/5, σ² = r²/3, so Var w² = r⁴/5 − r⁴/9 = 0.8σ⁴).
/// </summary>
public class InitialiserTests
{
    private const int FanIn = 1000, FanOut = 400, N = FanIn * FanOut;

    public static TheoryData<string, double, bool> Cases => new()
    {
        { "XavierNormal", 2.0 / (FanIn + FanOut), false },
        { "XavierUniform", 2.0 / (FanIn + FanOut), true },
        { "HeNormal", 2.0 / FanIn, false },
        { "HeNormal.FanOut", 2.0 / FanOut, false },
        { "HeNormal.Average", 4.0 / (FanIn + FanOut), false },
        { "HeUniform", 2.0 / FanIn, true },
        { "HeUniform.FanOut", 2.0 / FanOut, true },
        { "HeUniform.Average", 4.0 / (FanIn + FanOut), true },
        { "LeCunNormal", 1.0 / FanIn, false },
        { "LeCunUniform", 1.0 / FanIn, true },
        { "Normal(0.05)", 0.05 * 0.05, false },
        { "Uniform(0.1)", 0.1 * 0.1 / 3, true },
    };

    private static Initialiser Make(string name) => name switch
    {
        "XavierNormal" => new XavierNormal(),
        "XavierUniform" => new XavierUniform(),
        "HeNormal" => new HeNormal(),
        "HeNormal.FanOut" => new HeNormal(FanMode.FanOut),
        "HeNormal.Average" => new HeNormal(FanMode.Average),
        "HeUniform" => new HeUniform(),
        "HeUniform.FanOut" => new HeUniform(FanMode.FanOut),
        "HeUniform.Average" => new HeUniform(FanMode.Average),
        "LeCunNormal" => new LeCunNormal(),
        "LeCunUniform" => new LeCunUniform(),
        "Normal(0.05)" => new Normal(0.05),
        "Uniform(0.1)" => new Uniform(0.1),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_mean_and_variance_match_the_formula(string name, double variance, bool uniform)
    {
        var init = Make(name);
        var w = init.Create(FanIn, FanOut, new Random(42));
        Assert.Equal([FanOut, FanIn], w.Shape);
        double mean = w.Mean();
        double sampleVariance = (w - mean).Square().Mean();
        Assert.True(Math.Abs(mean) < 5 * Math.Sqrt(variance / N), $"{name}: mean {mean}");
        double se = variance * Math.Sqrt((uniform ? 0.8 : 2.0) / N);
        Assert.True(Math.Abs(sampleVariance - variance) < 5 * se, $"{name}: variance {sampleVariance} vs {variance} (5 SE = {5 * se})");
        Assert.Equal(variance, init.Variance(FanIn, FanOut), 15);
        if (uniform)
        {
            double r = Math.Sqrt(3 * variance);   // r = √(3σ²)
            Assert.True(w.Abs().Max() <= r, $"{name}: |w| up to {w.Abs().Max()} > r = {r}");
            Assert.True(w.Abs().Max() > 0.999 * r);   // 400 000 draws reach the edge
        }
    }

    [Fact]
    public void Same_seed_same_weights()
    {
        Assert.Equal(new HeUniform().Create(30, 20, new Random(5)).ToArray(), new HeUniform().Create(30, 20, new Random(5)).ToArray());
        Assert.NotEqual(new HeUniform().Create(30, 20, new Random(5)).ToArray(), new HeUniform().Create(30, 20, new Random(6)).ToArray());
    }

    [Fact]
    public void Zeros_and_constant_fill_every_entry()
    {
        var w = Tensor.Ones(3, 4);
        new Zeros().Fill(w, 4, 3, new Random(1));
        Assert.All(w.ToArray(), v => Assert.Equal(0, v));
        new Constant(0.7).Fill(w, 4, 3, new Random(1));
        Assert.All(w.ToArray(), v => Assert.Equal(0.7, v));
        Assert.Equal(0, new Constant(0.7).Variance(4, 3));
    }

    [Fact]
    public void Bad_arguments_are_reported()
    {
        Assert.Contains("got fan-in 0 and fan-out 3", Assert.Throws<ArgumentException>(() => new HeNormal().Create(0, 3, new Random(1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Uniform(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Normal(-1));
        Assert.Throws<ArgumentException>(() => new Constant(double.NaN));
        Assert.Throws<ArgumentException>(() => new HeNormal((FanMode)7).Variance(3, 3));
    }
}
