namespace CourseKit;

/// <summary>
/// Checks of hyper-parameters shared by optimisers, schedules and surfaces. Each throws an
/// <see cref="ArgumentOutOfRangeException"/> whose message names the argument, what it means, the range
/// expected and the value given: "γ (momentum decay) must lie in [0, 1), got 1.5."
/// </summary>
internal static class Require
{
    /// <summary>A learning rate, ε, a scale: positive and finite.</summary>
    public static double Positive(double value, string name, string meaning) =>
        value > 0 && !double.IsInfinity(value) ? value
            : throw Fail(value, name, meaning, "be a positive finite number");

    /// <summary>A penalty weight λ, a minimum rate: non-negative and finite.</summary>
    public static double NonNegative(double value, string name, string meaning) =>
        value >= 0 && !double.IsInfinity(value) ? value
            : throw Fail(value, name, meaning, "be a non-negative finite number");

    /// <summary>A decay rate such as γ, β1, β2, ρ: in [0, 1).</summary>
    public static double UnitInterval(double value, string name, string meaning) =>
        value >= 0 && value < 1 ? value
            : throw Fail(value, name, meaning, "lie in [0, 1)");

    /// <summary>A reduction factor: strictly between 0 and 1.</summary>
    public static double OpenUnitInterval(double value, string name, string meaning) =>
        value > 0 && value < 1 ? value
            : throw Fail(value, name, meaning, "lie strictly between 0 and 1");

    /// <summary>A count of steps: at least 1.</summary>
    public static int AtLeastOne(int value, string name, string meaning) =>
        value >= 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} ({meaning}) must be ≥ 1, got {value}.");

    private static ArgumentOutOfRangeException Fail(double value, string name, string meaning, string expected) =>
        new(name, value, $"{name} ({meaning}) must {expected}, got {NumberFormat.RoundTrip(value)}.");
}
