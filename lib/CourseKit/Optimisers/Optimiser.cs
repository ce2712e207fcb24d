namespace CourseKit.Optimisers;

/// <summary>
/// Updates a list of parameters from their gradients (seeds 000, 002, 004 §3). A subclass writes one
/// update, <see cref="Update"/>, for one parameter: it reads like the lecture's formula. The same
/// optimisers train networks and drive a point over a 2-D test surface.
/// </summary>
public abstract class Optimiser
{
    private double _learningRate;

    /// <param name="parameters">The parameters to update (at least one).</param>
    /// <param name="learningRate">η (α in seed 004); must be positive.</param>
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
                $"The learning rate must be a positive finite number; got {value}.");
    }

    /// <summary>t, the number of <see cref="Step"/> calls made so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>One update θ ← θ − (the optimiser's step) of every parameter, from its current gradient.</summary>
    public void Step()
    {
        StepCount++;
        foreach (var p in Parameters) Update(p);
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>The update of one parameter at step <see cref="StepCount"/> (t ≥ 1).</summary>
    protected abstract void Update(Parameter p);
}
