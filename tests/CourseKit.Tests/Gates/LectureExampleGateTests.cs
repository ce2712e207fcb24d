using CourseKit.Gates;

namespace CourseKit.Tests.Gates;

/// <summary>the lecture “Neural networks and back-propagation”: f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4, gates called by hand.</summary>
public class LectureExampleGateTests
{
    [Fact]
    public void Forward_then_backward_through_plus_and_star_gates_gives_the_slide_numbers()
    {
        var plus = new PlusGate();
        var star = new StarGate();

        double q = plus.Forward(-2, 5);
        double f = star.Forward(q, -4);
        Assert.Equal(3, q);
        Assert.Equal(-12, f);

        var (dq, dz) = star.Backward(1);      // ∂f/∂f = 1 by definition
        var (dx, dy) = plus.Backward(dq);     // incoming × local: ∂f/∂q · 1
        Assert.Equal(-4, dq);                 // = z
        Assert.Equal(3, dz);                  // = q
        Assert.Equal(-4, dx);
        Assert.Equal(-4, dy);
    }
}
