using CourseKit.Gates;
using CsCheck;

namespace CourseKit.Tests.Gates;

public class CopyGateTests
{
    [Fact]
    public void Forward_copies_and_backward_adds_the_two_gradients()
    {
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample((x, g1, g2) =>
        {
            var copy = new CopyGate();
            Assert.Equal((x, x), copy.Forward(x));
            Assert.Equal(g1 + g2, copy.Backward(g1, g2));
        });
    }

    [Fact]
    public void Copy_then_star_is_the_derivative_of_x_squared()
    {
        // f = x·x written with an explicit branch: x → (x1, x2) → x1·x2. df/dx = 2x.
        Gen.Double[-3, 3].Sample(x =>
        {
            var copy = new CopyGate();
            var star = new StarGate();
            var (x1, x2) = copy.Forward(x);
            star.Forward(x1, x2);
            var (d1, d2) = star.Backward(1);
            Close.Equal(2 * x, copy.Backward(d1, d2), 1e-15);
            Close.Equal(Close.Derivative(v => v * v, x), copy.Backward(d1, d2), 1e-7);
        });
    }
}
