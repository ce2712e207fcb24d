namespace CourseKit.Charts;

/// <summary>One named set of values of <see cref="Charts.Histograms"/>: a unit's pre-activations over a batch, one layer's outputs.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Values">The values counted; NaN and ±∞ are not allowed.</param>
public sealed record HistogramSample(string Name, IReadOnlyList<double> Values);
