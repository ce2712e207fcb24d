namespace CourseKit.Stopping;

/// <summary>Argument checks shared by the stopping criteria (their numbers are written with <see cref="NumberFormat.Compact(double)"/>).</summary>
internal static class Numbers
{
    public static double Epsilon(double epsilon, string what)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon,
                $"ε ({what}) must be a positive finite number, got {NumberFormat.RoundTrip(epsilon)}.");
        return epsilon;
    }

    public static double Require(double? value, string property, string criterion, string paramName) =>
        value ?? throw new ArgumentException(
            $"{criterion} needs TrainingProgress.{property}, which is not set; fill it in the progress you pass.", paramName);
}
