namespace CourseKit.Charts;

/// <summary>A shaded, labelled stretch of the x axis in <see cref="Charts.Curves(IEnumerable{Curve}, string, string, bool, bool, string?, IEnumerable{Band}?, ValueTuple{double, double}?)"/>: "classical" from p = 2 to 30.</summary>
/// <param name="From">Where the band starts (an x value).</param>
/// <param name="To">Where it ends (greater than <paramref name="From"/>).</param>
/// <param name="Label">Written at the top of the band.</param>
public sealed record Band(double From, double To, string Label);
