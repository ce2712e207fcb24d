using CourseKit.Autograd;

namespace CourseKit.Tests.Autograd;

/// <summary>the lecture “Neural networks and back-propagation”: f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4, with Value.</summary>
public class LectureExampleValueTests
{
    [Fact]
    public void Reads_as_on_the_slide_and_gives_its_numbers()
    {
        var x = new Value(-2, "x");
        var y = new Value(5, "y");
        var z = new Value(-4, "z");
        var q = (x + y).As("q");
        var f = (q * z).As("f");
        f.Backward();

        Assert.Equal(3, q.Data);
        Assert.Equal(-12, f.Data);
        Assert.Equal(1, f.Grad);
        Assert.Equal(-4, q.Grad); // ∂f/∂q = z
        Assert.Equal(-4, x.Grad); // ∂f/∂q · ∂q/∂x = −4 · 1
        Assert.Equal(-4, y.Grad);
        Assert.Equal(3, z.Grad);  // ∂f/∂z = q
        Assert.Equal("+", q.Op);
        Assert.Equal("*", f.Op);
        Assert.Equal(new[] { q, z }, f.Children);
    }

    [Fact]
    public void Label_is_settable_and_ToString_shows_it()
    {
        var x = new Value(-2, "x");
        var q = x + new Value(5);
        q.Label = "q";
        Assert.Equal("q", q.Label);
        Assert.Equal("Value(q = 3, grad 0, op +)", q.ToString());
        Assert.Equal("Value(x = -2, grad 0)", x.ToString());
        Assert.True(x.IsLeaf);
        Assert.False(q.IsLeaf);
    }
}
