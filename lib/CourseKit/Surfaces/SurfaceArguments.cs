namespace CourseKit.Surfaces;

/// <summary>Argument checks for the surfaces; messages say what was expected.</summary>
internal static class SurfaceArguments
{
    public static double Positive(double value, string name, string meaning)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} ({meaning}) must be a positive finite number, got {value}.");
        return value;
    }
}
