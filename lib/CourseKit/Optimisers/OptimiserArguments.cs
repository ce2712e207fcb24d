using System.Globalization;

namespace CourseKit.Optimisers;

/// <summary>Hyper-parameter checks shared by the optimisers; messages say what was expected.</summary>
internal static class OptimiserArguments
{
    /// <summary>A decay rate such as γ, β1, β2, ρ: in [0, 1).</summary>
    public static double UnitInterval(double value, string name, string meaning)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must lie in [0, 1), got {Show(value)}.");
        return value;
    }

    /// <summary>ε, a clip value or a norm bound: positive and finite.</summary>
    public static double Positive(double value, string name, string meaning)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must be a positive finite number, got {Show(value)}.");
        return value;
    }

    /// <summary>A penalty weight λ: non-negative and finite.</summary>
    public static double NonNegative(double value, string name, string meaning)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must be a non-negative finite number, got {Show(value)}.");
        return value;
    }

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
