namespace CourseKit.Optimisers;

/// <summary>
/// Updates a list of parameters from their gradients (the lectures “Optimisation: gradient descent and its variants”, “Optimisation methods and stopping criteria” and “Deep networks” §3). A subclass writes one
/// update, <see cref="Update"/>, for one parameter: it reads like the lecture's formula. The same
/// optimisers train networks and drive a point over a 2-D test surface (<see cref="CourseKit.Surfaces.Trajectory"/>).
/// </summary>
/// <remarks>
/// Protocol of one iteration: <see cref="LookAhead"/> (a no-op except for <see cref="Nesterov"/> in its
/// look-ahead form), forward and backward pass to fill the gradients, <see cref="Step"/>, <see cref="ZeroGrad"/>.
/// <see cref="Step"/> first applies <see cref="WeightDecay"/> (the lecture “Deep networks” Algorithm 15, φ ← (1 − λ)φ) to the
/// parameters with <see cref="Parameter.Decay"/>, then the optimiser's own update: together
/// φ_{t+1} = (1 − λ)φ_t − α·(update from ∂L[φ_t]/∂φ), the gradient being the one computed before the step.
/// </remarks>
public abstract class Optimiser
{
    private double _learningRate;
    private double _weightDecay;
    private readonly Dictionary<(Parameter, string), Tensor> _state = [];

    /// <param name="parameters">The parameters to update (at least one).</param>
    /// <param name="learningRate">η (α in the lecture “Deep networks”); must be positive.</param>
    protected Optimiser(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0)
            throw new ArgumentException("An optimiser needs at least one parameter to update; got none.", nameof(parameters));
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimiser updates.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>η, the step size; a schedule may change it between steps. Must be positive and finite.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value,
                $"The learning rate must be a positive finite number; got {NumberFormat.RoundTrip(value)}.");
    }

    /// <summary>
    /// λ of weight decay (the lecture “Deep networks” Algorithm 15): before each update φ ← (1 − λ)φ for every parameter with
    /// <see cref="Parameter.Decay"/>. 0 (the default) switches it off; must lie in [0, 1). For plain gradient
    /// descent this equals an L2 penalty λ/(2η)·‖φ‖² (see <see cref="L2Penalty"/>); for Adam it does not,
    /// which is why <see cref="AdamW"/> exists.
    /// </summary>
    public double WeightDecay
    {
        get => _weightDecay;
        set => _weightDecay = Require.UnitInterval(value, nameof(WeightDecay), "the weight-decay factor λ in φ ← (1 − λ)φ");
    }

    /// <summary>t, the number of <see cref="Step"/> calls made so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// Moves the parameters to the point where the next gradient must be evaluated. Every optimiser but
    /// <see cref="Nesterov"/> (look-ahead form) evaluates it where the parameters are, so this does nothing.
    /// A training loop that calls it before the forward pass supports every optimiser.
    /// </summary>
    public virtual void LookAhead() { }

    /// <summary>One update of every parameter from its current gradient: weight decay (if any), then the optimiser's step.</summary>
    public void Step()
    {
        StepCount++;
        BeginStep();
        foreach (var p in Parameters)
        {
            if (_weightDecay > 0 && p.Decay) p.Value.ScaleInPlace(1 - _weightDecay); // φ ← (1 − λ)φ
            Update(p);
        }
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>Work done once per step before the per-parameter updates (a whole-vector solve, undoing a look-ahead).</summary>
    protected virtual void BeginStep() { }

    /// <summary>The update of one parameter at step <see cref="StepCount"/> (t ≥ 1).</summary>
    protected abstract void Update(Parameter p);

    /// <summary>
    /// Per-parameter optimiser state (a velocity v, moments m and s, ...) under <paramref name="key"/>: a
    /// tensor of the parameter's shape, zero at first use (the lectures start every average at 0), kept
    /// between steps.
    /// </summary>
    protected Tensor State(Parameter p, string key)
    {
        if (!_state.TryGetValue((p, key), out var s))
            _state[(p, key)] = s = Tensor.ZerosLike(p.Value);
        return s;
    }

    /// <summary>The optimiser's name and learning rate, e.g. <c>Adam(η = 0.001)</c>.</summary>
    public override string ToString() => $"{GetType().Name}(η = {NumberFormat.RoundTrip(LearningRate)})";
}
