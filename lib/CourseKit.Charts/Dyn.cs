using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// Builds Plotly.NET's dynamic objects with the plotly.js attribute names (so every setting can be looked up
/// in the plotly.js reference). Properties whose value is null are left out.
/// </summary>
internal static class Dyn
{
    public static DynamicObj.DynamicObj Of(params (string Name, object? Value)[] properties) =>
        Fill(new DynamicObj.DynamicObj(), properties);

    public static Trace Trace(string type, params (string Name, object? Value)[] properties) =>
        Fill(new Trace(type), properties);

    public static T Fill<T>(T target, (string Name, object? Value)[] properties) where T : DynamicObj.DynamicObj
    {
        foreach (var (name, value) in properties)
            if (value is not null) target.SetProperty(name, value);
        return target;
    }

    /// <summary>A plotly.js colour scale: [[position, colour], ...].</summary>
    public static object[][] Scale(IEnumerable<(double Position, string Color)> stops) =>
        [.. stops.Select(s => new object[] { s.Position, s.Color })];

    /// <summary>Finite numbers as they are, NaN and ±∞ as null (plotly.js leaves a gap).</summary>
    public static double?[] Gaps(IEnumerable<double> values) =>
        [.. values.Select(v => double.IsFinite(v) ? v : (double?)null)];
}
