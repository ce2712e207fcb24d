using CourseKit.Optimisers;

namespace CourseKit.Tests.Optimisers;

/// <summary>Drives an optimiser on a one-number parameter θ with a given gradient sequence or gradient function.</summary>
internal static class OptimiserTesting
{
    public static Parameter Scalar(double theta0, bool decay = true) => new("θ", Tensor.From([theta0]), decay);

    /// <summary>θ after each step when the gradients are <paramref name="gradients"/>, one per step.</summary>
    public static double[] Steps(Func<Parameter, Optimiser> make, double theta0, params double[] gradients)
    {
        var p = Scalar(theta0);
        var opt = make(p);
        var thetas = new double[gradients.Length];
        for (int t = 0; t < gradients.Length; t++)
        {
            opt.LookAhead();
            p.Grad[0] = gradients[t];
            opt.Step();
            thetas[t] = p.Value[0];
        }
        return thetas;
    }

    /// <summary>The parameter's value after each of <paramref name="steps"/> steps when ∇J = <paramref name="gradient"/>(θ at the parameter).</summary>
    public static double[] Run(Optimiser opt, Parameter p, Func<double, double> gradient, int steps)
    {
        var thetas = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            opt.LookAhead();
            p.Grad[0] = gradient(p.Value[0]);
            opt.Step();
            thetas[t] = p.Value[0];
        }
        return thetas;
    }

    public static void Equal(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"step {i + 1}: expected {expected[i]:R}, got {actual[i]:R} (difference {Math.Abs(expected[i] - actual[i]):E2} > {tolerance:E0})");
    }
}
