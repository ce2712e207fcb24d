namespace CourseKit.Charts;

/// <summary>
/// One named curve y(x) of <see cref="Charts.Curves(IEnumerable{Curve}, string, string, bool, bool, string?, IEnumerable{Band}?, ValueTuple{double, double}?)"/>, at x values of any spacing. Curves with the same
/// <see cref="Group"/> share one legend entry and, unless <see cref="Colour"/> says otherwise, one colour.
/// </summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, as many as x; NaN and ±∞ leave a gap.</param>
public sealed record Curve(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Line, thick, thin, dotted or markers.</summary>
    public CurveStyle Style { get; init; } = CurveStyle.Line;

    /// <summary>The series colour (<see cref="Palette.Color"/>); null takes the next colour in order (or the group's).</summary>
    public int? Colour { get; init; }

    /// <summary>Curves of one group (e.g. 20 fits on 20 training sets) show one legend entry; null: a group of its own.</summary>
    public string? Group { get; init; }
}
