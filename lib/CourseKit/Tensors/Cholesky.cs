using CourseKit.Optimisers;

namespace CourseKit;

/// <summary>
/// Solves a small symmetric positive definite system (A + λI)·x = b by Cholesky, A + λI = LLᵀ, then two triangular
/// solves. The normal equations of least squares, (ΦᵀΦ + λI)w = Φᵀy, and their minimum-norm form
/// (ΦΦᵀ + λI)a = y, w = Φᵀa, are such systems (notebook 11). O(n³) in double: meant for a few hundred unknowns.
/// </summary>
public static class Cholesky
{
    /// <summary>Largest relative asymmetry |aᵢⱼ − aⱼᵢ| / max|a| accepted (round-off of a product such as ΦᵀΦ).</summary>
    public const double SymmetryTolerance = 1e-10;

    /// <summary>Solves (A + <paramref name="ridge"/>·I)·x = b and returns x, in the shape of <paramref name="b"/>.</summary>
    /// <param name="a">A square symmetric positive definite matrix [n, n] (not changed).</param>
    /// <param name="b">The right-hand side, a vector [n] or a column [n, 1] (not changed).</param>
    /// <param name="ridge">λ ≥ 0 added to the diagonal: 0 for the plain system, a small λ to guard against round-off.</param>
    /// <exception cref="ArgumentException">
    /// A is not square, not symmetric, or A + λI is not positive definite; b does not match A; λ is negative or not finite.
    /// </exception>
    public static Tensor Solve(Tensor a, Tensor b, double ridge = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Require.NonNegative(ridge, nameof(ridge), "the ridge λ added to the diagonal");
        if (a.Rank != 2 || a.Rows != a.Cols)
            throw new ArgumentException($"Cholesky.Solve needs a square matrix A; got shape {a.ShapeString}.", nameof(a));
        int n = a.Rows;
        if (!(b.Rank == 1 || (b.Rank == 2 && b.Cols == 1)) || b.Rows != n)
            throw new ArgumentException(
                $"Cholesky.Solve: b of shape {b.ShapeString} does not match A of shape {a.ShapeString}; expected [{n}] or [{n}, 1].", nameof(b));
        var l = a.Clone();
        var span = l.Span;
        double scale = 0;
        foreach (double v in span) scale = Math.Max(scale, Math.Abs(v));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (Math.Abs(span[i * n + j] - span[j * n + i]) > SymmetryTolerance * scale)
                    throw new ArgumentException(
                        $"Cholesky.Solve needs a symmetric A; A[{i}, {j}] = {NumberFormat.RoundTrip(span[i * n + j])} but A[{j}, {i}] = {NumberFormat.RoundTrip(span[j * n + i])}.",
                        nameof(a));
            }
            span[i * n + i] += ridge;
        }
        var x = b.Clone();
        try
        {
            LinearSolve.Cholesky(span, x.Span, n);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                $"Cholesky.Solve: A + λI ({n}×{n}, λ = {NumberFormat.RoundTrip(ridge)}) is not positive definite; expected a symmetric positive " +
                "definite matrix. A product ΦᵀΦ with more columns than rows is singular: use the n×n form ΦΦᵀ, or a larger λ.", nameof(a), e);
        }
        return x;
    }
}
