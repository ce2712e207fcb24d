namespace CourseKit.Charts;

/// <summary>
/// The course's charts, one call each, returning a Plotly.NET <c>GenericChart</c> (<c>display(chart)</c> in a
/// notebook): <see cref="LossCurves"/>, <see cref="FunctionAndDerivative(Func{double, double}, Func{double, double}?, ValueTuple{double, double}, int, string, string?, string, string?)"/>,
/// <see cref="Contour"/>, <see cref="Surface"/>, <see cref="DecisionRegions"/>, <see cref="Fit"/>,
/// <see cref="ComputationGraph(Autograd.ComputationGraph, int, string?)"/> and the animations
/// <see cref="Animate"/>, <see cref="AnimatedPaths"/>, <see cref="AnimatedDecisionRegions"/>, <see cref="AnimatedFit"/>.
/// Inputs are plain .NET types; all share <see cref="ChartStyle"/> and <see cref="Palette"/>. Bad input
/// (an empty path, a range with min ≥ max, a function that is NaN everywhere) throws an
/// <see cref="ArgumentException"/> that says what was wrong.
/// </summary>
public static partial class Charts;
