namespace CourseKit.Charts;

/// <summary>How <see cref="Charts.Curves(IEnumerable{Curve}, string, string, bool, bool, string?, IEnumerable{Band}?, ValueTuple{double, double}?)"/> draws one <see cref="Curve"/>.</summary>
public enum CurveStyle
{
    /// <summary>A solid line of the usual width.</summary>
    Line,
    /// <summary>A thick solid line: the curve the chart is about (a sum, an average).</summary>
    Thick,
    /// <summary>A thin solid line: one of many draws behind an average.</summary>
    Thin,
    /// <summary>A dotted line: a reference (the truth, a noise floor, a threshold).</summary>
    Dotted,
    /// <summary>Markers only: measured points.</summary>
    Markers,
    /// <summary>A line through markers: a few measured points joined in order (a loss once per epoch, against updates).</summary>
    MarkedLine,
}
