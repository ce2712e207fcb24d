namespace CourseKit.Checking;

/// <summary>One compared gradient entry of a <see cref="GradientCheckReport"/>.</summary>
/// <param name="Index">Position in the gradient (flattened, row-major for tensors).</param>
/// <param name="Name">A name for the entry ("x", "W[2, 3]") or "[index]".</param>
/// <param name="Analytic">The gradient computed by back-propagation (or by hand).</param>
/// <param name="Numeric">The central finite difference (f(x + h) − f(x − h)) / 2h.</param>
/// <param name="RelativeError">|a − n| / max(|a|, |n|, <see cref="GradientCheck.Tiny"/>).</param>
public sealed record GradientCheckEntry(int Index, string Name, double Analytic, double Numeric, double RelativeError)
{
    /// <summary>|a − n|.</summary>
    public double AbsoluteError => Math.Abs(Analytic - Numeric);
}
