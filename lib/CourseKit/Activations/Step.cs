using System.Diagnostics.CodeAnalysis;

namespace CourseKit.Activations;

/// <summary>
/// The step (Heaviside) activation of the perceptron (the lecture “Neural networks and back-propagation”: "a single neuron with a sign or, equivalently,
/// step activation"): f(z) = 1 if z ≥ 0, else 0.
/// <para>
/// f′(z) = 0 for z ≠ 0 and is undefined at 0; <see cref="Derivative"/> returns 0 everywhere, so no gradient flows
/// through a step. That is why the perceptron learns with its own rule (w ← w + η(t − o)x) and why networks trained by
/// back-propagation use a smooth activation such as the sigmoid instead.
/// </para>
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The lecture's name for the activation; the notebooks use it, and the kit is not written for Visual Basic.")]
public sealed class Step : Activation
{
    /// <summary>1 if z ≥ 0, else 0.</summary>
    public override double Apply(double z) => z >= 0 ? 1 : 0;

    /// <summary>0 (the step is flat wherever it is differentiable).</summary>
    public override double Derivative(double z) => 0;
}
