using System.Globalization;
using System.Text;

namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>Axes longer than this are shown as their first and last <see cref="EdgeItems"/> entries.</summary>
    public const int PrintThreshold = 6;

    /// <summary>How many entries are shown at each end of a truncated axis.</summary>
    public const int EdgeItems = 3;

    /// <summary>
    /// True when every element satisfies |a − b| ≤ atol + rtol·|b| (numpy's allclose); false when the
    /// shapes differ.
    /// </summary>
    public bool AllClose(Tensor other, double rtol = 1e-9, double atol = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other)) return false;
        ReadOnlySpan<double> a = Span, b = other.Span;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Equals(b[i])) continue; // equal infinities and NaN == NaN
            if (!(Math.Abs(a[i] - b[i]) <= atol + rtol * Math.Abs(b[i]))) return false;
        }
        return true;
    }

    /// <summary>
    /// numpy-like text: a header with the shape, then nested brackets; axes longer than 6 are truncated
    /// to their first and last 3 entries around "...". Numbers share one format, right-aligned to a common
    /// width: fixed with 4 decimals when all shown magnitudes lie in [1e-4, 1e5), otherwise scientific.
    /// </summary>
    public override string ToString()
    {
        var shown = ShownValues();
        string format = shown.All(v => v == 0 || !double.IsFinite(v) || (Math.Abs(v) >= 1e-4 && Math.Abs(v) < 1e5))
            ? "0.0000" : "0.0000e+00";
        int width = shown.Select(v => Number(v, format).Length).DefaultIfEmpty(1).Max();
        var text = new StringBuilder("Tensor").Append(ShapeString).Append('\n');
        AppendAxis(text, 0, 0, format, width);
        return text.ToString();
    }

    private void AppendAxis(StringBuilder text, int axis, int offset, string format, int width)
    {
        int n = _shape[axis];
        int stride = 1;
        for (int d = axis + 1; d < Rank; d++) stride *= _shape[d];
        text.Append('[');
        bool last = axis == Rank - 1;
        // Rows of a matrix go on separate lines; blocks of higher ranks are separated by blank lines.
        string separator = last ? ", " : "," + new string('\n', Rank - axis - 1) + new string(' ', axis + 1);
        bool first = true;
        foreach (int i in ShownIndices(n))
        {
            if (!first) text.Append(separator);
            first = false;
            if (i < 0)
            {
                text.Append("...");
                continue;
            }
            if (last) text.Append(Number(_data[_offset + offset + i], format).PadLeft(width));
            else AppendAxis(text, axis + 1, offset + i * stride, format, width);
        }
        text.Append(']');
    }

    /// <summary>The indices shown along an axis of length n; −1 marks the "..." gap.</summary>
    private static IEnumerable<int> ShownIndices(int n)
    {
        if (n <= PrintThreshold) return Enumerable.Range(0, n);
        return Enumerable.Range(0, EdgeItems).Append(-1).Concat(Enumerable.Range(n - EdgeItems, EdgeItems));
    }

    private List<double> ShownValues()
    {
        var values = new List<double>();
        void Walk(int axis, int offset)
        {
            int stride = 1;
            for (int d = axis + 1; d < Rank; d++) stride *= _shape[d];
            foreach (int i in ShownIndices(_shape[axis]).Where(i => i >= 0))
                if (axis == Rank - 1) values.Add(_data[_offset + offset + i]);
                else Walk(axis + 1, offset + i * stride);
        }
        Walk(0, 0);
        return values;
    }

    private static string Number(double v, string format) =>
        double.IsNaN(v) ? "nan"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : NumberFormat.Format(v, format);
}
