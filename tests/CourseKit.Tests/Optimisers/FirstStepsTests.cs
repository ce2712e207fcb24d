using CourseKit.Optimisers;
using static CourseKit.Tests.Optimisers.OptimiserTesting;

namespace CourseKit.Tests.Optimisers;

/// <summary>
/// Every optimiser's first three steps on a one-number parameter θ0 = 1 with a known gradient sequence,
/// computed by hand from the lecture's formula (the arithmetic is in the comments; the default ε = 1e-8 shifts a
/// step of 0.1 by about 1e-9, below the tolerance, unless the test is about ε).
/// </summary>
public class FirstStepsTests
{
    [Fact]
    public void GradientDescent_subtracts_eta_times_the_gradient()
    {
        // θ ← θ − η·g, η = 0.1, g = 2, −1, 0.5:
        // θ1 = 1 − 0.2 = 0.8;  θ2 = 0.8 + 0.1 = 0.9;  θ3 = 0.9 − 0.05 = 0.85
        Equal([0.8, 0.9, 0.85], Steps(p => new GradientDescent([p], 0.1), 1, 2, -1, 0.5), 1e-15);
    }

    [Fact]
    public void GradientDescent_with_weight_decay_shrinks_then_steps()
    {
        // φ ← (1 − λ)φ − α·g (the lecture “Deep networks” Algorithm 15), λ = 0.1, α = 0.1, g = 1, 1, 1:
        // φ1 = 0.9·1 − 0.1 = 0.8;  φ2 = 0.9·0.8 − 0.1 = 0.62;  φ3 = 0.9·0.62 − 0.1 = 0.458
        Equal([0.8, 0.62, 0.458], Steps(p => new GradientDescent([p], 0.1) { WeightDecay = 0.1 }, 1, 1, 1, 1), 1e-15);
    }

    [Fact]
    public void Weight_decay_skips_parameters_without_Decay()
    {
        var bias = Scalar(1, decay: false);
        var opt = new GradientDescent([bias], 0.1) { WeightDecay = 0.5 };
        bias.Grad[0] = 1;
        opt.Step();
        Assert.Equal(0.9, bias.Value[0], 1e-15); // only θ − η·g = 1 − 0.1
    }

    [Fact]
    public void Momentum_accumulates_a_velocity()
    {
        // v ← γv + η·g, θ ← θ − v, γ = 0.9, η = 0.1, g = 1, 1, −2:
        // v1 = 0 + 0.1 = 0.1,            θ1 = 1 − 0.1 = 0.9
        // v2 = 0.09 + 0.1 = 0.19,        θ2 = 0.9 − 0.19 = 0.71
        // v3 = 0.171 − 0.2 = −0.029,     θ3 = 0.71 + 0.029 = 0.739   (still moving right after the gradient flipped)
        Equal([0.9, 0.71, 0.739], Steps(p => new Momentum([p], 0.1), 1, 1, 1, -2), 1e-15);
    }

    [Fact]
    public void EmaMomentum_averages_the_gradients()
    {
        // m ← βm + (1 − β)g, φ ← φ − α·m, β = 0.9, α = 0.1, g = 1, 1, −2:
        // m1 = 0.1,                 φ1 = 1 − 0.01 = 0.99
        // m2 = 0.09 + 0.1 = 0.19,   φ2 = 0.99 − 0.019 = 0.971
        // m3 = 0.171 − 0.2 = −0.029, φ3 = 0.971 + 0.0029 = 0.9739
        Equal([0.99, 0.971, 0.9739], Steps(p => new EmaMomentum([p], 0.1), 1, 1, 1, -2), 1e-15);
    }

    [Fact]
    public void Nesterov_look_ahead_form_takes_the_gradient_at_theta_minus_gamma_v()
    {
        // J = θ²/2, ∇J(θ) = θ; v ← γv + η∇J(θ − γv), θ ← θ − v, γ = 0.9, η = 0.1, θ0 = 1:
        // step 1: look-ahead 1 − 0 = 1,                g = 1,      v1 = 0.1,               θ1 = 0.9
        // step 2: look-ahead 0.9 − 0.09 = 0.81,        g = 0.81,   v2 = 0.09 + 0.081 = 0.171,  θ2 = 0.729
        // step 3: look-ahead 0.729 − 0.1539 = 0.5751,  g = 0.5751, v3 = 0.1539 + 0.05751 = 0.21141, θ3 = 0.51759
        var p = Scalar(1);
        var opt = new Nesterov([p], 0.1, lookAhead: true);
        var points = new List<double>();
        var thetas = new double[3];
        for (int t = 0; t < 3; t++)
        {
            opt.LookAhead();
            points.Add(p.Value[0]);        // the parameter now sits at the look-ahead point
            p.Grad[0] = p.Value[0];        // ∇J = θ there
            opt.Step();
            thetas[t] = p.Value[0];
        }
        Equal([1, 0.81, 0.5751], [.. points], 1e-15);
        Equal([0.9, 0.729, 0.51759], thetas, 1e-15);
    }

    [Fact]
    public void Nesterov_reformulated_form_holds_the_look_ahead_point()
    {
        // Same run as above; the parameter holds φ = θ − γv:
        // φ1 = 0.9 − 0.9·0.1 = 0.81;  φ2 = 0.729 − 0.9·0.171 = 0.5751;  φ3 = 0.51759 − 0.9·0.21141 = 0.327321
        // and from the update φ ← φ − (γv + η∇J(φ)): φ1 = 1 − (0.09 + 0.1) = 0.81 ✓
        var p = Scalar(1);
        var phis = Run(new Nesterov([p], 0.1), p, th => th, 3);
        Equal([0.81, 0.5751, 0.327321], phis, 1e-15);
    }

    [Fact]
    public void AdaGrad_divides_by_the_root_of_the_summed_squares()
    {
        // G ← G + g², θ ← θ − η/√(G + ε)·g, η = 0.1, g = 3, 4, 12:
        // G1 = 9,   θ1 = 1 − 0.1·3/3 = 0.9
        // G2 = 25,  θ2 = 0.9 − 0.1·4/5 = 0.82
        // G3 = 169, θ3 = 0.82 − 0.1·12/13 = 0.82 − 0.0923076923… = 0.7276923076…
        Equal([0.9, 0.82, 0.82 - 1.2 / 13], Steps(p => new AdaGrad([p], 0.1), 1, 3, 4, 12), 1e-9);
    }

    [Fact]
    public void AdaGrad_and_RMSProp_put_epsilon_inside_the_root_as_the_lecture_does()
    {
        // ε = 1, g = 1, η = 0.1. AdaGrad: G = 1, step = 0.1/√(1 + 1) = 0.0707106…, not 0.1/(√1 + 1) = 0.05.
        Equal([1 - 0.1 / Math.Sqrt(2)], Steps(p => new AdaGrad([p], 0.1, epsilon: 1), 1, 1), 1e-15);
        // RMSProp γ = 0.9: E = 0.1, step = 0.1/√(0.1 + 1) = 0.0953462…, not 0.1/(√0.1 + 1) = 0.0759746…
        Equal([1 - 0.1 / Math.Sqrt(1.1)], Steps(p => new RMSProp([p], 0.1, epsilon: 1), 1, 1), 1e-15);
    }

    [Fact]
    public void Adam_puts_epsilon_outside_the_root()
    {
        // ε = 1, g = 1, η = 0.1: m̂ = 1, v̂ = 1, step = 0.1·1/(√1 + 1) = 0.05
        Equal([0.95], Steps(p => new Adam([p], 0.1, epsilon: 1), 1, 1), 1e-15);
    }

    [Fact]
    public void RMSProp_divides_by_the_root_of_a_running_average()
    {
        // E ← γE + (1 − γ)g², θ ← θ − η/√(E + ε)·g, γ = 0.9, η = 0.1, g = 1, 1, −2:
        // E1 = 0.1,                θ1 = 1 − 0.1/√0.1 = 1 − 0.316227766… = 0.683772233…
        // E2 = 0.09 + 0.1 = 0.19,  θ2 = θ1 − 0.1/√0.19 = θ1 − 0.229415733…
        // E3 = 0.171 + 0.4 = 0.571, θ3 = θ2 + 0.2/√0.571 = θ2 + 0.264676… (the step grows as g grows)
        double t1 = 1 - 0.1 / Math.Sqrt(0.1), t2 = t1 - 0.1 / Math.Sqrt(0.19), t3 = t2 + 0.2 / Math.Sqrt(0.571);
        Equal([t1, t2, t3], Steps(p => new RMSProp([p], 0.1), 1, 1, 1, -2), 1e-7);
        Assert.Equal(0.683772233983, t1, 1e-11); // the first line's figure, as a sanity check on the expression
    }

    [Fact]
    public void Adadelta_scales_by_the_ratio_of_two_RMS()
    {
        // ρ = 0.9, ε = 0.01 (large, to make the numbers readable), g = 1, 1, −2. RMS[x] = √(E[x²] + ε).
        // step 1: E[g²] = 0.1;  Δ1 = −√(0 + 0.01)/√(0.1 + 0.01)·1 = −0.1/√0.11 = −0.301511344…
        //         E[Δ²] = 0.1·Δ1² = 0.1·0.0909090… = 0.00909090…;  θ1 = 1 + Δ1 = 0.698488655…
        // step 2: E[g²] = 0.09 + 0.1 = 0.19;  Δ2 = −√(0.0090909… + 0.01)/√(0.2) = −√0.0190909…/√0.2
        //         E[Δ²] = 0.9·0.0090909… + 0.1·Δ2²
        // step 3: E[g²] = 0.171 + 0.4 = 0.571;  Δ3 = +2·√(E[Δ²] + 0.01)/√0.581
        double d1 = -0.1 / Math.Sqrt(0.11), e1 = 0.1 * d1 * d1;
        double d2 = -Math.Sqrt(e1 + 0.01) / Math.Sqrt(0.2), e2 = 0.9 * e1 + 0.1 * d2 * d2;
        double d3 = 2 * Math.Sqrt(e2 + 0.01) / Math.Sqrt(0.581);
        Assert.Equal(0.0090909090909, e1, 1e-12);
        Equal([1 + d1, 1 + d1 + d2, 1 + d1 + d2 + d3], Steps(p => new Adadelta([p], rho: 0.9, epsilon: 0.01), 1, 1, 1, -2), 1e-15);
    }

    [Fact]
    public void Adam_corrects_the_bias_of_zero_initialised_averages()
    {
        // m ← β1m + (1 − β1)g, v ← β2v + (1 − β2)g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), θ ← θ − η·m̂/(√v̂ + ε);
        // β1 = 0.9, β2 = 0.999, η = 0.1, g = 1, 1, −2:
        // t=1: m = 0.1, v = 0.001;  m̂ = 0.1/0.1 = 1, v̂ = 0.001/0.001 = 1;  θ1 = 1 − 0.1 = 0.9
        // t=2: m = 0.19, v = 0.001999;  m̂ = 0.19/0.19 = 1, v̂ = 0.001999/0.001999 = 1;  θ2 = 0.8
        //      (a constant gradient gives steps of exactly η: without the correction the first would be 0.1·0.1/√0.001 = 0.316)
        // t=3: m = 0.171 − 0.2 = −0.029, v = 0.001997001 + 0.004 = 0.005997001;
        //      m̂ = −0.029/0.271 = −0.107011…, v̂ = 0.005997001/0.002997001 = 2.001000…;  θ3 = 0.8 + 0.1·0.107011…/√2.001…
        double mHat = -0.029 / 0.271, vHat = 0.005997001 / 0.002997001;
        Equal([0.9, 0.8, 0.8 - 0.1 * mHat / Math.Sqrt(vHat)], Steps(p => new Adam([p], 0.1), 1, 1, 1, -2), 1e-8);
    }

    [Fact]
    public void NAdam_adds_the_current_gradient_to_the_next_momentum()
    {
        // θ ← θ − η/(√v̂ + ε)·(β1·m̂ + (1 − β1)·g/(1 − β1^t)), η = 0.1, g = 1, 1, −2 (m̂, v̂ as for Adam above):
        // t=1: β1·1 + 0.1·1/0.1 = 0.9 + 1 = 1.9;          θ1 = 1 − 0.19 = 0.81
        // t=2: 0.9·1 + 0.1·1/0.19 = 0.9 + 0.526315… ;     θ2 = 0.81 − 0.1·1.426315… = 0.667368…
        // t=3: 0.9·(−0.107011…) + 0.1·(−2)/0.271 = −0.096309… − 0.738007… ; θ3 = θ2 + 0.1·0.834317…/√2.001
        double t2 = 0.81 - 0.1 * (0.9 + 0.1 / 0.19);
        double n3 = 0.9 * (-0.029 / 0.271) + 0.1 * -2 / 0.271, vHat = 0.005997001 / 0.002997001;
        Equal([0.81, t2, t2 - 0.1 * n3 / Math.Sqrt(vHat)], Steps(p => new NAdam([p], 0.1), 1, 1, 1, -2), 1e-8);
    }

    [Fact]
    public void AdaMax_divides_by_a_decaying_maximum()
    {
        // m ← β1m + (1 − β1)g, u ← max(β2u, |g|), θ ← θ − η/(1 − β1^t)·m/u, η = 0.1, g = 1, 1, −2:
        // t=1: m = 0.1,  u = max(0, 1) = 1;       θ1 = 1 − 0.1/0.1·0.1/1 = 0.9
        // t=2: m = 0.19, u = max(0.999, 1) = 1;   θ2 = 0.9 − 0.1/0.19·0.19/1 = 0.8
        // t=3: m = −0.029, u = max(0.999, 2) = 2; θ3 = 0.8 + 0.1/0.271·0.029/2 = 0.8 + 0.00535055… = 0.80535055…
        Equal([0.9, 0.8, 0.8 + 0.1 / 0.271 * 0.029 / 2], Steps(p => new AdaMax([p], 0.1), 1, 1, 1, -2), 1e-8);
    }

    [Fact]
    public void AdamW_shrinks_the_weight_then_takes_the_Adam_step()
    {
        // θ ← (1 − ηλ)θ, then Adam; η = 0.1, λ = 0.5 (1 − ηλ = 0.95), g = 1, 1, −2 (Adam steps −0.1, −0.1, +0.1·0.107011…/√2.001):
        // θ1 = 0.95·1 − 0.1 = 0.85;  θ2 = 0.95·0.85 − 0.1 = 0.7075;  θ3 = 0.95·0.7075 + 0.1·0.107011…/√2.001… = 0.672125 + …
        double adam3 = 0.1 * (0.029 / 0.271) / Math.Sqrt(0.005997001 / 0.002997001);
        Equal([0.85, 0.7075, 0.672125 + adam3], Steps(p => new AdamW([p], 0.1, decoupledDecay: 0.5), 1, 1, 1, -2), 1e-8);
    }

    [Fact]
    public void NormalisedGD_moves_every_coordinate_by_alpha()
    {
        // m = g, v = m², φ ← φ − α·m/(√v + ε), α = 0.1, g = 3, −0.5, 0:
        // φ1 = 1 − 0.1·3/3 = 0.9;  φ2 = 0.9 + 0.1·0.5/0.5 = 1.0;  φ3 = 1.0 − 0.1·0/(0 + ε) = 1.0
        Equal([0.9, 1.0, 1.0], Steps(p => new NormalisedGD([p], 0.1), 1, 3, -0.5, 0), 1e-8);
    }

    [Fact]
    public void Newton_on_a_quartic_divides_the_gradient_by_the_curvature()
    {
        // J = θ⁴/4: ∇J = θ³, ∇²J = 3θ², θ ← θ − θ³/(3θ²) = (2/3)θ:  1 → 2/3 → 4/9 → 8/27
        var p = Scalar(1);
        var newton = new Newton([p], () => Tensor.FromArray([3 * p.Value[0] * p.Value[0]], 1, 1));
        Equal([2.0 / 3, 4.0 / 9, 8.0 / 27], Run(newton, p, th => th * th * th, 3), 1e-15);
    }

    [Fact]
    public void State_is_kept_per_parameter()
    {
        // two parameters with different gradients get separate velocities:
        // a: g = 1, 1 → v = 0.1, 0.19 → a = 0.9, 0.71;  b: g = −1, −1 → b = 1.1, 1.29
        Parameter a = Scalar(1), b = Scalar(1);
        var opt = new Momentum([a, b], 0.1);
        for (int t = 0; t < 2; t++)
        {
            a.Grad[0] = 1; b.Grad[0] = -1;
            opt.Step();
        }
        Assert.Equal(0.71, a.Value[0], 1e-15);
        Assert.Equal(1.29, b.Value[0], 1e-15);
        Assert.Equal(2, opt.StepCount);
    }
}
