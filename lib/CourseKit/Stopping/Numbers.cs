using System.Globalization;

namespace CourseKit.Stopping;

/// <summary>Compact number formatting for stop reasons: 3 significant digits, "3.2e-9" rather than "3.2E-09".</summary>
internal static class Numbers
{
    public static string Show(double value)
    {
        double a = Math.Abs(value);
        if (a != 0 && double.IsFinite(a) && (a < 1e-3 || a >= 1e6))
            return value.ToString("0.##E+0", CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E", "e");
        return value.ToString("G3", CultureInfo.InvariantCulture);
    }

    public static string Show(TimeSpan t) => Show(t.TotalSeconds) + " s";

    public static double Epsilon(double epsilon, string what)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon,
                $"ε ({what}) must be a positive finite number, got {epsilon.ToString("R", CultureInfo.InvariantCulture)}.");
        return epsilon;
    }

    public static double Require(double? value, string property, string criterion) =>
        value ?? throw new ArgumentException(
            $"{criterion} needs TrainingProgress.{property}, which is not set; fill it in the progress you pass.", "progress");
}
