using CourseKit.Activations;
using CsCheck;

namespace CourseKit.Tests.Activations;

/// <summary>ReLU's vectorised backward pass against the rule ∂L/∂z = ∂L/∂y where z &gt; 0, else 0, element by element.</summary>
public class ReLUBackwardTests
{
    [Fact]
    public void Backward_passes_the_gradient_where_z_is_positive_at_every_length_and_position()
    {
        // Lengths 1..40 cover whole SIMD vectors (4 or 8 doubles) and every tail length; values include 0, −0 and NaN.
        var gen = Gen.Int[1, 40].SelectMany(n => Gen.Select(
            Gen.OneOf(Gen.Double[-3, 3], Gen.Const(0.0), Gen.Const(-0.0), Gen.Const(double.NaN)).Array[n],
            Gen.Double[-5, 5].Array[n]));
        gen.Sample(t =>
        {
            var (z, dy) = t;
            var relu = new ReLU();
            relu.Forward(Tensor.FromArray(z, z.Length));
            var dz = relu.Backward(Tensor.FromArray(dy, dy.Length)).ToArray();
            for (int i = 0; i < z.Length; i++)
                Assert.Equal(z[i] > 0 ? dy[i] : 0.0, dz[i]);
        });
    }
}
