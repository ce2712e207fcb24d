namespace CourseKit.Charts;

/// <summary>Argument checks shared by the charts; every message says what was wrong and what was expected.</summary>
internal static class Guard
{
    public static string N(double x) => NumberFormat.Significant(x);

    public static void Range((double Min, double Max) range, string name)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max))
            throw new ArgumentException($"{name} must have finite ends; got [{N(range.Min)}, {N(range.Max)}].", name);
        if (range.Min >= range.Max)
            throw new ArgumentException($"{name} must have min < max; got min = {N(range.Min)}, max = {N(range.Max)}.", name);
    }

    public static void AtLeast(int value, int least, string name)
    {
        if (value < least) throw new ArgumentException($"{name} must be at least {least}; got {value}.", name);
    }

    public static void NotNull(object? value, string name)
    {
        if (value is null) throw new ArgumentNullException(name);
    }

    public static void Path(IReadOnlyList<(double X, double Y)>? points, string pathName, string name)
    {
        if (points is null) throw new ArgumentException($"Path '{pathName}' is null; expected a list of at least one point.", name);
        if (points.Count == 0) throw new ArgumentException($"Path '{pathName}' is empty; expected at least one point (its start).", name);
        for (int i = 0; i < points.Count; i++)
            if (!double.IsFinite(points[i].X) || !double.IsFinite(points[i].Y))
                throw new ArgumentException(
                    $"Path '{pathName}' has a non-finite point ({N(points[i].X)}, {N(points[i].Y)}) at index {i}; expected finite coordinates (a diverging optimiser: stop the path before it leaves the numbers).", name);
    }

    public static void Values(IReadOnlyList<double>? values, string seriesName, string name)
    {
        if (values is null) throw new ArgumentException($"Series '{seriesName}' is null; expected a list of values.", name);
        if (values.Count == 0) throw new ArgumentException($"Series '{seriesName}' is empty; expected at least one value.", name);
        if (!values.Any(double.IsFinite))
            throw new ArgumentException($"Series '{seriesName}' has no finite value (all {values.Count} are NaN or ±∞); expected at least one number to plot.", name);
    }

    public static List<T> NonEmpty<T>(IEnumerable<T>? items, string what, string name)
    {
        if (items is null) throw new ArgumentNullException(name);
        var list = items.ToList();
        if (list.Count == 0) throw new ArgumentException($"Expected at least one {what}; got none.", name);
        return list;
    }
}
