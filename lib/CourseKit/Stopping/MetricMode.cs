namespace CourseKit.Stopping;

/// <summary>Whether a smaller or a larger monitored metric is better.</summary>
public enum MetricMode
{
    /// <summary>Lower is better (a loss, an error rate).</summary>
    Minimize,
    /// <summary>Higher is better (accuracy).</summary>
    Maximize,
}
