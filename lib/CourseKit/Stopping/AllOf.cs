namespace CourseKit.Stopping;

/// <summary>Stop only when every criterion says so (e.g. |ΔQ| &lt; ε and ‖Δw‖ &lt; ε together).</summary>
public sealed class AllOf : StoppingCriterion
{
    private readonly StoppingCriterion[] _criteria;

    /// <param name="criteria">At least one criterion.</param>
    public AllOf(params StoppingCriterion[] criteria) => _criteria = Combination.Validate(criteria, nameof(AllOf));

    /// <summary>The combined criteria.</summary>
    public IReadOnlyList<StoppingCriterion> Criteria => _criteria;

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        var decisions = _criteria.Select(c => c.Check(progress)).ToArray();
        string reasons = string.Join("; ", decisions.Select(d => Combination.Strip(d.Reason)));
        return decisions.All(d => d.Stop) ? StopDecision.Stopped(reasons) : StopDecision.Continue(reasons);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        foreach (var c in _criteria) c.Reset();
    }
}

internal static class Combination
{
    public static StoppingCriterion[] Validate(StoppingCriterion[]? criteria, string name)
    {
        if (criteria is null || criteria.Length == 0)
            throw new ArgumentException($"{name} needs at least one stopping criterion, got none.", nameof(criteria));
        for (int i = 0; i < criteria.Length; i++)
            if (criteria[i] is null)
                throw new ArgumentException($"{name}: criterion {i} is null; expected a stopping criterion.", nameof(criteria));
        return criteria.ToArray();
    }

    public static string Strip(string reason) =>
        reason.StartsWith("stopped: ", StringComparison.Ordinal) ? reason["stopped: ".Length..]
        : reason.StartsWith("continue: ", StringComparison.Ordinal) ? reason["continue: ".Length..]
        : reason;
}
