namespace CourseKit.Optimisers;

/// <summary>
/// Nesterov accelerated gradient (the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”; the lecture “Deep networks” Algorithm 10): jump along the old velocity
/// first, measure the gradient where you land, then correct:
/// v_t ← γv_{t−1} + η∇J(θ − γv_{t−1}), θ ← θ − v_t (γ = 0.9, v_0 = 0).
/// </summary>
/// <remarks>
/// <see cref="Optimiser.Step"/> only sees the gradient already computed, so the look-ahead point has to be
/// handled in one of two equivalent ways (a test shows both give the same θ on a quadratic):
/// <list type="bullet">
/// <item><b>Reformulated</b> (default, what the trainer uses; no change to the training loop). The parameter
/// holds the look-ahead point φ = θ − γv instead of θ, so the gradient the trainer computes at the parameter is
/// ∇J(θ − γv). Substituting θ = φ + γv into the lecture's two lines gives
/// v ← γv + η∇J(φ), φ ← φ − (γv + η∇J(φ)). At the start v = 0 so φ = θ; at any time θ = φ + γv.</item>
/// <item><b>Look-ahead</b> (<c>lookAhead: true</c>, the lecture's literal protocol). The parameter holds θ;
/// <see cref="LookAhead"/> moves it to θ − γv before the gradient is computed, and <see cref="Optimiser.Step"/>
/// moves it back to θ and applies v ← γv + η∇J, θ ← θ − v. The trajectory runner calls <see cref="LookAhead"/>
/// before every gradient, so in this form it plots θ itself.</item>
/// </list>
/// the lecture “Deep networks”'s averaged form m ← βm + (1 − β)∂L[φ − αβm]/∂φ, φ ← φ − αm is this method with γ = β, η = α(1 − β).
/// </remarks>
public sealed class Nesterov : Optimiser
{
    private bool _lookedAhead;

    /// <param name="parameters">The parameters.</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="gamma">γ in [0, 1); 0.9 by default.</param>
    /// <param name="lookAhead">Use the look-ahead protocol (parameters hold θ; call <see cref="LookAhead"/> before
    /// each gradient). By default the reformulated update (parameters hold θ − γv) is used.</param>
    public Nesterov(IEnumerable<Parameter> parameters, double learningRate = 0.01, double gamma = 0.9, bool lookAhead = false)
        : base(parameters, learningRate)
    {
        Gamma = Require.UnitInterval(gamma, nameof(gamma), "the momentum factor γ in v ← γv + η∇J(θ − γv)");
        UsesLookAhead = lookAhead;
    }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>Whether the look-ahead protocol is used (otherwise the reformulated update).</summary>
    public bool UsesLookAhead { get; }

    /// <summary>
    /// Look-ahead form: moves every parameter from θ to θ − γv, where the next gradient must be computed.
    /// Calling it twice before a step moves only once. Reformulated form: does nothing (the parameters
    /// already hold the look-ahead point).
    /// </summary>
    public override void LookAhead()
    {
        if (!UsesLookAhead || _lookedAhead) return;
        foreach (var p in Parameters) p.Value.AddScaledInPlace(State(p, "v"), -Gamma); // θ → θ − γv
        _lookedAhead = true;
    }

    /// <inheritdoc/>
    protected override void BeginStep()
    {
        if (!UsesLookAhead) return;
        if (!_lookedAhead)
            throw new InvalidOperationException(
                "Nesterov in look-ahead form expects LookAhead() before the gradient is computed, then Step(); " +
                "Step() was called without LookAhead(). Use the default (reformulated) form for a plain training loop.");
        foreach (var p in Parameters) p.Value.AddScaledInPlace(State(p, "v"), Gamma); // back to θ = (θ − γv) + γv
        _lookedAhead = false;
    }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, v = State(p, "v").Span;
        double eta = LearningRate;
        if (UsesLookAhead)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                v[i] = Gamma * v[i] + eta * g[i]; // v ← γv + η∇J(θ − γv)
                theta[i] -= v[i];                 // θ ← θ − v
            }
        }
        else
        {
            for (int i = 0; i < theta.Length; i++)
            {
                v[i] = Gamma * v[i] + eta * g[i];    // v ← γv + η∇J(φ)
                theta[i] -= Gamma * v[i] + eta * g[i]; // φ ← φ − (γv + η∇J(φ))
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Nesterov(η = {NumberFormat.RoundTrip(LearningRate)}, γ = {NumberFormat.RoundTrip(Gamma)}{(UsesLookAhead ? ", look-ahead" : "")})";
}
