namespace CourseKit.Optimisers;

/// <summary>
/// Small dense linear solves for <see cref="Newton"/>: H·d = g by Cholesky (H symmetric positive definite,
/// H = LLᵀ) or by LU with partial pivoting (any non-singular H). O(n³): fine for the few parameters Newton's
/// method is meant for (the lecture “Optimisation: gradient descent and its variants”: "πολυπλοκότητα O(n³)").
/// </summary>
internal static class LinearSolve
{
    /// <summary>Relative size below which a pivot counts as zero (a singular matrix).</summary>
    private const double Tiny = 1e-13;

    /// <summary>Solves A·x = b in place: <paramref name="a"/> (n×n row-major) is overwritten by L, <paramref name="b"/> by x.</summary>
    /// <exception cref="InvalidOperationException">A is not (numerically) positive definite.</exception>
    public static void Cholesky(Span<double> a, Span<double> b, int n)
    {
        double scale = MaxAbsDiagonal(a, n);
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > Tiny * scale))
                throw new InvalidOperationException(
                    $"The Hessian is not positive definite: Cholesky pivot {j + 1} of {n} is {d:G4} (expected > 0). " +
                    "At this point J curves down (or is flat) in some direction, so a Newton step would not go downhill; " +
                    "use a gradient method here, or Newton with requirePositiveDefinite: false to jump to the stationary point anyway.");
            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / ljj;
            }
        }
        for (int i = 0; i < n; i++) // L·y = b
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= a[i * n + k] * b[k];
            b[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) // Lᵀ·x = y
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= a[k * n + i] * b[k];
            b[i] = s / a[i * n + i];
        }
    }

    /// <summary>Solves A·x = b in place by Gaussian elimination with partial pivoting; <paramref name="b"/> becomes x.</summary>
    /// <exception cref="InvalidOperationException">A is (numerically) singular.</exception>
    public static void LU(Span<double> a, Span<double> b, int n)
    {
        double scale = 0;
        foreach (double x in a) scale = Math.Max(scale, Math.Abs(x));
        for (int j = 0; j < n; j++)
        {
            int pivot = j;
            for (int i = j + 1; i < n; i++)
                if (Math.Abs(a[i * n + j]) > Math.Abs(a[pivot * n + j])) pivot = i;
            if (!(Math.Abs(a[pivot * n + j]) > Tiny * scale))
                throw new InvalidOperationException(
                    $"The Hessian is singular: no non-zero pivot in column {j + 1} of {n}. " +
                    "J is flat in some direction here, so the Newton step H⁻¹∇J does not exist.");
            if (pivot != j)
            {
                for (int k = 0; k < n; k++) (a[j * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[j * n + k]);
                (b[j], b[pivot]) = (b[pivot], b[j]);
            }
            for (int i = j + 1; i < n; i++)
            {
                double f = a[i * n + j] / a[j * n + j];
                for (int k = j; k < n; k++) a[i * n + k] -= f * a[j * n + k];
                b[i] -= f * b[j];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= a[i * n + k] * b[k];
            b[i] = s / a[i * n + i];
        }
    }

    private static double MaxAbsDiagonal(Span<double> a, int n)
    {
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.Max(m, Math.Abs(a[i * n + i]));
        return m > 0 ? m : 1;
    }
}
