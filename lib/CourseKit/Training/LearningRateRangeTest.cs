using System.Globalization;

namespace CourseKit.Training;

/// <summary>The result of a <see cref="LearningRateFinder"/> sweep: chart <see cref="Rates"/> (log scale)
/// against <see cref="SmoothedLosses"/>.</summary>
/// <param name="Rates">η_i of every recorded step, growing geometrically.</param>
/// <param name="Losses">The raw batch loss at each step.</param>
/// <param name="SmoothedLosses">The bias-corrected moving average of the loss.</param>
/// <param name="MinimumIndex">The step of the smallest smoothed loss (where the loss starts to rise).</param>
/// <param name="Diverged">Whether the sweep stopped early because the loss exploded.</param>
public sealed record LearningRateRangeTest(double[] Rates, double[] Losses, double[] SmoothedLosses, int MinimumIndex, bool Diverged)
{
    /// <summary>η at the minimum of the smoothed loss.</summary>
    public double RateAtMinimum => Rates[MinimumIndex];

    /// <summary>the lecture “Deep networks”, §4's choice: ten times smaller than where the loss starts to rise, η* = η_argmin / 10.</summary>
    public double SuggestedRate => RateAtMinimum / 10;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"range test: {Rates.Length} steps from η = {Rates[0]:G3} to {Rates[^1]:G3}{(Diverged ? " (stopped: the loss exploded)" : "")}; " +
        $"smoothed loss lowest ({SmoothedLosses[MinimumIndex]:G4}) at η = {RateAtMinimum:G3}; suggested η = {SuggestedRate:G3} (10× below)");
}
