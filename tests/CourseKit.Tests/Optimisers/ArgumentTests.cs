using CourseKit.Optimisers;
using static CourseKit.Tests.Optimisers.OptimiserTesting;

namespace CourseKit.Tests.Optimisers;

/// <summary>Bad hyper-parameters give an ArgumentException saying what was expected.</summary>
public class ArgumentTests
{
    private static void Rejects(Func<Parameter, object> make, params string[] fragments)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => make(Scalar(1)));
        foreach (var f in fragments) Assert.Contains(f, ex.Message);
    }

    [Fact]
    public void Learning_rate_must_be_positive()
    {
        Rejects(p => new GradientDescent([p], 0), "learning rate must be a positive finite number", "got 0");
        Rejects(p => new Adam([p], -0.1), "positive finite");
        Rejects(p => new Momentum([p], double.NaN), "positive finite");
    }

    [Fact]
    public void Decay_rates_must_lie_in_zero_one()
    {
        Rejects(p => new Momentum([p], 0.1, gamma: 1), "gamma", "[0, 1)", "got 1");
        Rejects(p => new Nesterov([p], 0.1, gamma: -0.5), "[0, 1)", "got -0.5");
        Rejects(p => new EmaMomentum([p], 0.1, beta: 1.5), "beta", "[0, 1)");
        Rejects(p => new Adam([p], beta1: 1), "beta1", "[0, 1)");
        Rejects(p => new Adam([p], beta2: 1.001), "beta2", "[0, 1)");
        Rejects(p => new NAdam([p], beta1: -0.1), "beta1");
        Rejects(p => new AdaMax([p], beta2: 2), "beta2");
        Rejects(p => new RMSProp([p], gamma: 1), "gamma", "[0, 1)");
        Rejects(p => new Adadelta([p], rho: 1), "rho", "[0, 1)");
        Rejects(p => new GradientDescent([p]) { WeightDecay = 1 }, "WeightDecay", "[0, 1)");
    }

    [Fact]
    public void Epsilon_must_be_positive()
    {
        Rejects(p => new AdaGrad([p], epsilon: 0), "epsilon", "positive finite", "got 0");
        Rejects(p => new RMSProp([p], epsilon: -1e-8), "epsilon");
        Rejects(p => new Adam([p], epsilon: 0), "epsilon");
        Rejects(p => new Adadelta([p], epsilon: 0), "epsilon");
        Rejects(p => new NormalisedGD([p], epsilon: 0), "epsilon");
        Rejects(p => new AdamW([p], decoupledDecay: -1), "decoupledDecay", "non-negative");
    }

    [Fact]
    public void Regulariser_bounds_must_be_positive()
    {
        Rejects(p => GradientClipping.ByValue([p], 0), "positive");
        Rejects(p => GradientClipping.ByNorm([p], -1), "maxNorm", "positive");
        Rejects(p => MaxNorm.Apply([p], 0), "positive");
        Rejects(p => L2Penalty.Apply([p], -0.1), "lambda", "non-negative");
    }

    [Fact]
    public void An_optimiser_needs_parameters()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Adam([]));
        Assert.Contains("at least one parameter", ex.Message);
    }

    [Fact]
    public void Nesterov_look_ahead_form_requires_LookAhead_before_Step()
    {
        var p = Scalar(1);
        var ex = Assert.Throws<InvalidOperationException>(() => new Nesterov([p], lookAhead: true).Step());
        Assert.Contains("LookAhead()", ex.Message);
    }

    [Fact]
    public void Nesterov_LookAhead_is_idempotent_and_a_no_op_in_the_reformulated_form()
    {
        var p = Scalar(1);
        var look = new Nesterov([p], 0.1, lookAhead: true);
        p.Grad[0] = 1; look.LookAhead(); look.Step(); // v = 0.1, θ = 0.9
        look.LookAhead(); look.LookAhead();         // once: 0.9 − 0.9·0.1 = 0.81
        Assert.Equal(0.81, p.Value[0], 1e-15);
        var q = Scalar(1);
        var reform = new Nesterov([q], 0.1);
        q.Grad[0] = 1; reform.Step(); // φ = 0.81
        reform.LookAhead();
        Assert.Equal(0.81, q.Value[0], 1e-15);
    }
}
