using CourseKit.Optimisers;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Optimisers;

/// <summary>Every optimiser, with settings a student might pick, makes progress on Rosenbrock from (−1.2, 1), J = 24.2.</summary>
public class RaceTests
{
    public static TheoryData<string, Func<Parameter, Optimiser>> Racers => new()
    {
        { "GD", p => new GradientDescent([p], 1e-3) },
        { "Momentum", p => new Momentum([p], 1e-4) },
        { "EmaMomentum", p => new EmaMomentum([p], 1e-3) },
        { "Nesterov", p => new Nesterov([p], 1e-4) },
        { "Nesterov look-ahead", p => new Nesterov([p], 1e-4, lookAhead: true) },
        { "AdaGrad", p => new AdaGrad([p], 0.1) },
        { "Adadelta", p => new Adadelta([p]) },
        { "RMSProp", p => new RMSProp([p], 1e-2) },
        { "Adam", p => new Adam([p], 1e-2) },
        { "NAdam", p => new NAdam([p], 1e-2) },
        { "AdaMax", p => new AdaMax([p], 1e-2) },
        { "AdamW", p => new AdamW([p], 1e-2, decoupledDecay: 1e-3) },
        { "NormalisedGD", p => new NormalisedGD([p], 1e-3) },
        { "Newton", p => new Newton([p]) },
    };

    [Theory]
    [MemberData(nameof(Racers))]
    public void Reduces_the_Rosenbrock_value(string name, Func<Parameter, Optimiser> make)
    {
        var path = Trajectory.Run(new Rosenbrock(), make, 2000);
        Assert.False(path.Diverged, $"{name}: {path}");
        Assert.Equal(24.2, path.Values[0], 1e-12); // (1 + 1.2)² + 100(1 − 1.44)² = 4.84 + 19.36
        Assert.True(path.FinalValue < 0.5 * path.Values[0], $"{name}: {path}");
    }
}
