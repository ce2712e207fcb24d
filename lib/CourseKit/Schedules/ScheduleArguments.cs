using System.Globalization;

namespace CourseKit.Schedules;

/// <summary>Argument checks shared by the schedules; messages say what was expected.</summary>
internal static class ScheduleArguments
{
    public static double Positive(double value, string name, string meaning)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must be a positive finite number, got {Show(value)}.");
        return value;
    }

    public static double NonNegative(double value, string name, string meaning)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must be a non-negative finite number, got {Show(value)}.");
        return value;
    }

    public static double BetweenZeroAndOne(double value, string name, string meaning)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} ({meaning}) must lie strictly between 0 and 1, got {Show(value)}.");
        return value;
    }

    public static int PositiveInt(int value, string name, string meaning)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(name, value, $"{name} ({meaning}) must be ≥ 1, got {value}.");
        return value;
    }

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
