namespace CourseKit.Activations;

/// <summary>Overflow-free forms of the logistic function and softplus shared by the activations and losses.</summary>
internal static class Stable
{
    /// <summary>σ(z) = 1/(1 + e^(−z)), written so that e^(…) never overflows: for z &lt; 0 it is e^z/(1 + e^z).</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1 / (1 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1 + e);
    }

    /// <summary>softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|)).</summary>
    public static double Softplus(double z) => Math.Max(z, 0) + Log1P(Math.Exp(-Math.Abs(z)));

    /// <summary>ln(1 + u) accurate also for tiny u (Goldberg's trick: with w = 1 ⊕ u, ln(1 + u) ≈ u·ln(w)/(w − 1),
    /// which cancels the rounding of 1 + u); <c>double.LogP1</c> is ln(1 ⊕ u) and loses those digits.</summary>
    public static double Log1P(double u)
    {
        double w = 1 + u;
        if (w == 1) return u;
        return double.IsPositiveInfinity(w) ? w : Math.Log(w) * u / (w - 1);
    }

    /// <summary>e^x − 1 accurate also for tiny x (Kahan's trick: with u = e^x rounded, (u − 1)·x / ln u cancels the
    /// rounding of u); <c>double.ExpM1</c> is e^x ⊖ 1 and loses those digits.</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1 || double.IsPositiveInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }
}
