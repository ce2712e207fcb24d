using CsCheck;
using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorFunctionTests
{
    private static Tensor Loop(Tensor a, Func<double, double> f)
    {
        var r = Tensor.FromArray(a.ToArray(), [.. a.Shape]);
        var s = r.Span;
        for (int i = 0; i < s.Length; i++) s[i] = f(s[i]);
        return r;
    }

    [Fact]
    public void Element_functions_match_math() =>
        AnyRank.Sample(a =>
        {
            var positive = a.Abs() + 0.01;
            Close(Loop(a, Math.Exp), a.Exp(), 1e-14);
            Close(Loop(positive, Math.Log), positive.Log(), 1e-14);
            Close(Loop(positive, Math.Sqrt), positive.Sqrt(), 1e-15);
            Close(Loop(a, Math.Abs), a.Abs());
            Close(Loop(a, x => x * x), a.Square());
            Close(Loop(positive, x => Math.Pow(x, 1.7)), positive.Pow(1.7), 1e-14);
            Close(Loop(a, Math.Tanh), a.Tanh(), 1e-14);
            Close(Loop(a, x => 1 / (1 + Math.Exp(-x))), a.Sigmoid(), 1e-14);
            Close(Loop(a, x => Math.Max(x, 0.25)), a.Maximum(0.25));
            Close(Loop(a, x => Math.Min(x, -0.5)), a.Minimum(-0.5));
            Close(Loop(a, x => Math.Clamp(x, -1, 0.5)), a.Clip(-1, 0.5));
            Close(Loop(a, x => 3 * x + 1), a.Map(x => 3 * x + 1));
            Close(Loop(a, x => x * x + x), Tensor.Zip(a, a.Square(), (x, y) => x + y));
        });

    [Fact]
    public void Functions_return_new_tensors()
    {
        var a = Tensor.From([1.0, -2]);
        _ = a.Exp();
        _ = a.Maximum(0);
        Assert.Equal(new[] { 1.0, -2 }, a.ToArray());
    }
}
