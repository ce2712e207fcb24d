namespace CourseKit.Optimisers;

/// <summary>
/// Newton's method (the lecture “Optimisation: gradient descent and its variants”, from the second-order Taylor expansion
/// J(θ) ≈ J(θ0) + ∇J(θ0)ᵀ(θ − θ0) + ½(θ − θ0)ᵀ∇²J(θ0)(θ − θ0), whose minimiser is θ* = θ0 − ∇²J(θ0)⁻¹∇J(θ0)):
/// θ ← θ − η·H⁻¹∇J(θ), η = 1 by default. All parameters form one vector (in the order of
/// <see cref="Optimiser.Parameters"/>, each flattened row-major) and H is its n×n Hessian. Solving H·d = ∇J costs
/// O(n³), which is why it is only for small problems (the lecture “Optimisation: gradient descent and its variants”) and why networks use first-order methods.
/// </summary>
/// <remarks>The Hessian comes from a delegate evaluated at the current parameters each step (a test surface's
/// <see cref="CourseKit.Surfaces.Surface.Hessian(double, double)"/>; <see cref="CourseKit.Surfaces.Trajectory"/> supplies it
/// when none is given). By default H must be positive definite (Cholesky): at a point where J curves down, or at a
/// saddle, the step throws instead of walking uphill. With <c>requirePositiveDefinite: false</c> an LU solve is used
/// and the step jumps to the stationary point of the quadratic model, which may be a saddle or a maximum (the lecture “Optimisation methods and stopping criteria”'s
/// warning about saddle points, made visible).</remarks>
public sealed class Newton : Optimiser
{
    private readonly Dictionary<Parameter, int> _offsets = [];
    private readonly double[] _matrix, _direction;

    /// <param name="parameters">The parameters θ (together at most a few hundred numbers).</param>
    /// <param name="hessian">Returns ∇²J at the current parameters, an [n, n] tensor; may be set later through <see cref="Hessian"/>.</param>
    /// <param name="learningRate">η &gt; 0, a damping factor; 1 is the pure Newton step.</param>
    /// <param name="requirePositiveDefinite">Refuse indefinite Hessians (Cholesky) rather than solve them (LU).</param>
    public Newton(IEnumerable<Parameter> parameters, Func<Tensor>? hessian = null, double learningRate = 1.0, bool requirePositiveDefinite = true)
        : base(parameters, learningRate)
    {
        int n = 0;
        foreach (var p in Parameters)
        {
            if (_offsets.ContainsKey(p))
                throw new ArgumentException($"Parameter '{p.Name}' is listed twice; Newton needs each parameter once.", nameof(parameters));
            _offsets[p] = n;
            n += p.Value.Length;
        }
        Size = n;
        _matrix = new double[n * n];
        _direction = new double[n];
        Hessian = hessian;
        RequirePositiveDefinite = requirePositiveDefinite;
    }

    /// <summary>n, the number of scalars in all parameters together.</summary>
    public int Size { get; }

    /// <summary>The Hessian source: ∇²J at the current parameters as an [n, n] tensor.</summary>
    public Func<Tensor>? Hessian { get; set; }

    /// <summary>Whether an indefinite Hessian is an error (Cholesky) or solved anyway (LU).</summary>
    public bool RequirePositiveDefinite { get; }

    /// <summary>Solves H·d = ∇J once for all parameters.</summary>
    protected override void BeginStep()
    {
        if (Hessian is null)
            throw new InvalidOperationException(
                "Newton needs the Hessian: pass a Func<Tensor> returning ∇²J at the current parameters to the constructor " +
                "(or set Hessian), or run it over a surface with Trajectory.Run, which supplies the surface's Hessian.");
        var h = Hessian();
        if (h is null || h.Rank != 2 || h.Shape[0] != Size || h.Shape[1] != Size)
            throw new ArgumentException(
                $"The Hessian must be [{Size}, {Size}] for {Size} parameter values; got {h?.ShapeString ?? "null"}.", nameof(Hessian));
        h.Span.CopyTo(_matrix);
        foreach (double x in _matrix)
            if (!double.IsFinite(x)) throw new ArgumentException("The Hessian contains a NaN or infinite entry.", nameof(Hessian));
        foreach (var p in Parameters) p.Grad.Span.CopyTo(_direction.AsSpan(_offsets[p], p.Grad.Length)); // d ← ∇J
        if (RequirePositiveDefinite) LinearSolve.Cholesky(_matrix, _direction, Size); // d ← H⁻¹∇J
        else LinearSolve.LU(_matrix, _direction, Size);
    }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span;
        ReadOnlySpan<double> d = _direction.AsSpan(_offsets[p], theta.Length);
        for (int i = 0; i < theta.Length; i++) theta[i] -= LearningRate * d[i]; // θ ← θ − η·H⁻¹∇J
    }
}
