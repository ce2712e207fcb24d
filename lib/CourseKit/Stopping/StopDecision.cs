namespace CourseKit.Stopping;

/// <summary>The verdict of a stopping criterion and why, e.g.
/// "stopped: |Q(k) − Q(k−1)| = 3.2e-9 &lt; ε = 1e-8 at iteration 412".</summary>
/// <param name="Stop">Whether training should stop now.</param>
/// <param name="Reason">A human-readable explanation, starting with "stopped:" or "continue:".</param>
public readonly record struct StopDecision(bool Stop, string Reason)
{
    /// <summary>A decision to stop; the reason gets the "stopped: " prefix.</summary>
    public static StopDecision Stopped(string reason) => new(true, "stopped: " + reason);
    /// <summary>A decision to go on; the reason gets the "continue: " prefix.</summary>
    public static StopDecision Continue(string reason) => new(false, "continue: " + reason);

    /// <inheritdoc/>
    public override string ToString() => Reason;
}
