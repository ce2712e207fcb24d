namespace CourseKit.Stopping;

/// <summary>Stop as soon as any of the criteria says so (e.g. an iteration limit or |ΔQ| &lt; ε). Every
/// criterion is checked each time, so stateful ones (<see cref="EarlyStopping"/>) see every evaluation.</summary>
public sealed class AnyOf : StoppingCriterion
{
    private readonly StoppingCriterion[] _criteria;

    /// <param name="criteria">At least one criterion.</param>
    public AnyOf(params StoppingCriterion[] criteria) => _criteria = Combination.Validate(criteria, nameof(AnyOf));

    /// <summary>The combined criteria.</summary>
    public IReadOnlyList<StoppingCriterion> Criteria => _criteria;
    /// <summary>The criteria that said stop at the last check.</summary>
    public IReadOnlyList<StoppingCriterion> Fired { get; private set; } = [];

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        var decisions = _criteria.Select(c => (criterion: c, decision: c.Check(progress))).ToArray();
        Fired = decisions.Where(d => d.decision.Stop).Select(d => d.criterion).ToArray();
        return Fired.Count > 0
            ? new StopDecision(true, string.Join("; ", decisions.Where(d => d.decision.Stop).Select(d => d.decision.Reason)))
            : StopDecision.Continue(string.Join("; ", decisions.Select(d => Combination.Strip(d.decision.Reason))));
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        foreach (var c in _criteria) c.Reset();
        Fired = [];
    }
}
