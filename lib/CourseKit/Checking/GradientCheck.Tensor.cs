using System.Text;
using CourseKit.Layers;
using CourseKit.Losses;

namespace CourseKit.Checking;

public static partial class GradientCheck
{
    /// <summary>The seed of the random upstream gradient G when a layer check is not given one.</summary>
    public const int DefaultUpstreamSeed = 20240611;

    /// <summary>
    /// Checks <paramref name="gradient"/> (∂f/∂x as a tensor of x's shape) against central differences of
    /// <paramref name="f"/> at <paramref name="x"/>. Both functions get copies of <paramref name="x"/>; the
    /// caller's tensor is not changed. Entries are named like <c>x[0, 1]</c>.
    /// </summary>
    public static GradientCheckReport Check(Func<Tensor, double> f, Func<Tensor, Tensor> gradient, Tensor x,
        double h = DefaultStep, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        var point = x.Clone();
        RequireFiniteValue(f(point), "f", nameof(f));
        var analytic = gradient(x.Clone())
            ?? throw new ArgumentException("The gradient function returned null; expected a tensor.", nameof(gradient));
        if (!analytic.SameShape(x))
            throw new ArgumentException(
                $"The gradient function returned shape {analytic.ShapeString} for an input of shape {x.ShapeString}; expected the input's shape.",
                nameof(gradient));
        var names = EntryNames(name, x);
        double[] numeric = NumericInPlace(() => f(point), point.Span, h, names);
        return Compare(analytic.Span, numeric, names);
    }

    /// <summary>
    /// Checks a loss's <see cref="Loss.Backward"/> (∂L/∂prediction) against central differences of
    /// <see cref="Loss.Forward"/> in every entry of <paramref name="prediction"/> (not changed). Losses with a large
    /// third derivative (−t·log p near p = 0) want a smaller step <paramref name="h"/>: the truncation error is h²f‴/6.
    /// </summary>
    public static GradientCheckReport Check(Loss loss, Tensor prediction, Tensor target, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return Check(p => loss.Forward(p, target), p => { loss.Forward(p, target); return loss.Backward(); },
            prediction, h, "prediction");
    }

    /// <summary>
    /// Checks a layer's backward pass (the lecture “Deep networks”, §1, backward pass I and II). With an upstream gradient G of the
    /// output's shape, the scalar L = Σ layer.Forward(x) ⊙ G has ∂L/∂y = G, so
    /// <list type="bullet">
    /// <item>analytic: ∂L/∂x = <c>layer.Backward(G)</c> and ∂L/∂φ = each parameter's <see cref="Parameter.Grad"/>
    /// (zeroed first);</item>
    /// <item>numeric: central differences of L in every entry of x and of every parameter, perturbed in place and
    /// restored.</item>
    /// </list>
    /// Entries are named <c>x[0, 1]</c> and after the parameter, e.g. <c>dense.W[2, 3]</c>.
    /// <para>
    /// The layer stays in its current mode (put batch norm in training mode to check the backward pass through the
    /// batch statistics). Forward runs 2·(entries) + 1 times, so a layer that draws random numbers in Forward must
    /// reuse them (<see cref="Dropout.ReuseMask"/>), and batch norm's running statistics move on each call. The
    /// parameters' gradients hold the analytic gradient afterwards.
    /// </para>
    /// </summary>
    /// <param name="layer">The layer to check.</param>
    /// <param name="x">The input batch (not changed).</param>
    /// <param name="upstream">G = ∂L/∂y; by default standard normal numbers of the output's shape drawn with
    /// seed <see cref="DefaultUpstreamSeed"/>.</param>
    /// <param name="h">The finite-difference step.</param>
    /// <param name="checkInput">Whether to include ∂L/∂x (false for a first layer whose input gradient is unused).</param>
    public static GradientCheckReport Check(Layer layer, Tensor x, Tensor? upstream = null, double h = DefaultStep, bool checkInput = true)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(x);
        var input = x.Clone();
        var y = layer.Forward(input);
        var g = upstream ?? Tensor.Normal(DefaultUpstreamSeed, 0, 1, [.. y.Shape]);
        if (!g.SameShape(y))
            throw new ArgumentException(
                $"The upstream gradient has shape {g.ShapeString} but the layer's output has shape {y.ShapeString}; expected the output's shape.",
                nameof(upstream));
        RequireFiniteValue(Tensor.Dot(y, g), "Σ Forward(x) ⊙ G", nameof(layer));

        var parameters = layer.Parameters().Distinct().ToList();
        foreach (var p in parameters) p.ZeroGrad();
        var dx = layer.Backward(g);
        if (!dx.SameShape(x))
            throw new ArgumentException(
                $"{layer.GetType().Name}.Backward returned shape {dx.ShapeString} for an input of shape {x.ShapeString}; expected the input's shape.",
                nameof(layer));

        var analytic = new List<double>();
        var numeric = new List<double>();
        var names = new List<string>();
        double L() => Tensor.Dot(layer.Forward(input), g);
        if (checkInput)
        {
            var inputNames = EntryNames("x", input);
            analytic.AddRange(dx.ToArray());
            numeric.AddRange(NumericInPlace(L, input.Span, h, inputNames));
            names.AddRange(inputNames);
        }
        foreach (var p in parameters)
        {
            var parameterNames = EntryNames(p.Name, p.Value);
            analytic.AddRange(p.Grad.ToArray());
            numeric.AddRange(NumericInPlace(L, p.Value.Span, h, parameterNames));
            names.AddRange(parameterNames);
        }
        if (analytic.Count == 0)
            throw new ArgumentException($"{layer.GetType().Name} has no parameters and the input was excluded; there is nothing to check.", nameof(checkInput));
        return Compare(analytic.ToArray(), numeric.ToArray(), names);
    }

    /// <summary>Names for every entry of a tensor in row-major order: <c>W[0, 0]</c>, <c>W[0, 1]</c>, ...</summary>
    public static string[] EntryNames(string name, Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var shape = t.Shape;
        var names = new string[t.Length];
        var index = new int[shape.Count];
        var sb = new StringBuilder();
        for (int i = 0; i < names.Length; i++)
        {
            sb.Clear().Append(name).Append('[').AppendJoin(", ", index).Append(']');
            names[i] = sb.ToString();
            for (int d = shape.Count - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return names;
    }
}
