using System.Diagnostics;
using CourseKit.Optimisers;
using CourseKit.Stopping;

namespace CourseKit.Surfaces;

/// <summary>
/// The path of an optimiser over a <see cref="Surface"/>. <see cref="Run"/> wraps the point in a
/// <see cref="Parameter"/> of shape [2] and drives the very <see cref="Optimiser"/> classes that train networks:
/// each step calls <see cref="Optimiser.LookAhead"/>, writes ∇J at the parameter into its gradient, and calls
/// <see cref="Optimiser.Step"/>. Newton without a Hessian source gets the surface's Hessian.
/// </summary>
/// <remarks>Entry k of every list is the state after k steps (entry 0 is the start). Points are where the
/// parameter sits after the step: θ for every optimiser, except <see cref="Nesterov"/> in its default reformulated
/// form, whose parameter holds the look-ahead point θ − γv (use <c>lookAhead: true</c> to record θ itself).</remarks>
public sealed class Trajectory
{
    private Trajectory(Surface surface, string optimiser, List<double> x, List<double> y, List<double> values,
        List<double> gradientNorms, string stopReason, bool diverged)
    {
        Surface = surface;
        Optimiser = optimiser;
        X = x;
        Y = y;
        Values = values;
        GradientNorms = gradientNorms;
        StopReason = stopReason;
        Diverged = diverged;
    }

    /// <summary>The surface.</summary>
    public Surface Surface { get; }
    /// <summary>The optimiser's description, e.g. "Adam(η = 0.01, β1 = 0.9, β2 = 0.999)".</summary>
    public string Optimiser { get; }
    /// <summary>x_k, k = 0..Steps.</summary>
    public IReadOnlyList<double> X { get; }
    /// <summary>y_k.</summary>
    public IReadOnlyList<double> Y { get; }
    /// <summary>J(x_k, y_k).</summary>
    public IReadOnlyList<double> Values { get; }
    /// <summary>‖∇J(x_k, y_k)‖.</summary>
    public IReadOnlyList<double> GradientNorms { get; }
    /// <summary>Why the run ended: the stopping criterion's reason, divergence, or the step limit.</summary>
    public string StopReason { get; }
    /// <summary>Whether the point or the value became infinite or NaN.</summary>
    public bool Diverged { get; }
    /// <summary>The path as points (x_k, y_k), the form <c>CourseKit.Charts</c>' contour and surface paths take.</summary>
    public IReadOnlyList<(double X, double Y)> Points => [.. X.Zip(Y)];
    /// <summary>The number of steps taken.</summary>
    public int Steps => X.Count - 1;
    /// <summary>The last point.</summary>
    public (double X, double Y) Final => (X[^1], Y[^1]);
    /// <summary>The last value.</summary>
    public double FinalValue => Values[^1];

    /// <summary>
    /// Runs an optimiser over a surface for at most <paramref name="maxSteps"/> steps, or until
    /// <paramref name="stop"/> fires or the run diverges.
    /// </summary>
    /// <param name="surface">The surface J.</param>
    /// <param name="optimiser">Builds the optimiser for the point's parameter, e.g. <c>p =&gt; new Adam([p], 0.05)</c>.</param>
    /// <param name="maxSteps">The step limit, ≥ 1.</param>
    /// <param name="stop">An optional criterion from <see cref="CourseKit.Stopping"/>; it receives the objective, its previous
    /// and initial values, the surface's known optimum, the step length ‖θ_k − θ_{k−1}‖ and the gradient norms.</param>
    /// <param name="start">The start point; <see cref="Surface.Start"/> by default.</param>
    /// <example><code>
    /// var path = Trajectory.Run(new Rosenbrock(), p =&gt; new Momentum([p], 1e-3), 2000, new RelativeGradient(1e-6));
    /// </code></example>
    public static Trajectory Run(Surface surface, Func<Parameter, Optimiser> optimiser, int maxSteps,
        StoppingCriterion? stop = null, (double X, double Y)? start = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(optimiser);
        if (maxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, $"maxSteps must be ≥ 1, got {maxSteps}.");
        var (x0, y0) = start ?? surface.Start;
        if (!double.IsFinite(x0) || !double.IsFinite(y0))
            throw new ArgumentException($"The start point must be finite, got ({x0}, {y0}).", nameof(start));

        var point = new Parameter("θ", Tensor.From([x0, y0]));
        var opt = optimiser(point) ?? throw new ArgumentException("The optimiser factory returned null.", nameof(optimiser));
        if (opt.Parameters.Count != 1 || !ReferenceEquals(opt.Parameters[0], point))
            throw new ArgumentException(
                $"The optimiser must update exactly the point's parameter it was given (p => new Adam([p]) ...); it has {opt.Parameters.Count} parameter(s) of its own.",
                nameof(optimiser));
        if (opt is Newton { Hessian: null } newton) newton.Hessian = () => surface.HessianTensor(point.Value.Span);
        stop?.Reset();

        List<double> xs = [x0], ys = [y0], values = [surface.Value(x0, y0)], norms = [GradientNorm(surface, x0, y0)];
        string reason = $"reached the step limit of {maxSteps}";
        bool diverged = false;
        var clock = Stopwatch.StartNew();
        for (int k = 1; k <= maxSteps; k++)
        {
            opt.LookAhead();
            opt.ZeroGrad();
            surface.Gradient(point.Value.Span, point.Grad.Span); // g ← ∇J at the parameter
            opt.Step();

            double x = point.Value[0], y = point.Value[1];
            double value = surface.Value(x, y), norm = GradientNorm(surface, x, y);
            double stepLength = Math.Sqrt((x - xs[^1]) * (x - xs[^1]) + (y - ys[^1]) * (y - ys[^1]));
            xs.Add(x); ys.Add(y); values.Add(value); norms.Add(norm);

            if (!double.IsFinite(value) || !double.IsFinite(x) || !double.IsFinite(y))
            {
                diverged = true;
                reason = $"diverged: J = {value} at ({x}, {y}) after step {k}";
                break;
            }
            if (stop is null) continue;
            var decision = stop.Check(new TrainingProgress(k, value)
            {
                Elapsed = clock.Elapsed,
                PreviousObjective = values[^2],
                InitialObjective = values[0],
                KnownOptimum = surface.MinimumValue,
                WeightChangeNorm = stepLength,
                GradientNorm = norm,
                InitialGradientNorm = norms[0],
            });
            if (decision.Stop)
            {
                reason = decision.Reason;
                break;
            }
        }
        return new Trajectory(surface, opt.ToString(), xs, ys, values, norms, reason, diverged);
    }

    private static double GradientNorm(Surface s, double x, double y)
    {
        var (gx, gy) = s.Gradient(x, y);
        return Math.Sqrt(gx * gx + gy * gy);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Optimiser} on {Surface.Name}: {Steps} steps, J = {FinalValue:G6} at ({X[^1]:G6}, {Y[^1]:G6}); {StopReason}";
}
