using CsCheck;
using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorReductionTests
{
    [Fact]
    public void Whole_tensor_reductions_match_loops() =>
        AnyRank.Sample(a =>
        {
            var x = a.ToArray();
            double sum = 0, sq = 0, max = double.NegativeInfinity, min = double.PositiveInfinity;
            foreach (double v in x) { sum += v; sq += v * v; max = Math.Max(max, v); min = Math.Min(min, v); }
            Assert.Equal(sum, a.Sum(), 1e-12);
            Assert.Equal(sum / x.Length, a.Mean(), 1e-12);
            Assert.Equal(max, a.Max());
            Assert.Equal(min, a.Min());
            Assert.Equal(Math.Sqrt(sq), a.Norm(), 1e-12);
            Assert.Equal(sq, Tensor.Dot(a, a), 1e-12);
        });

    /// <summary>Reference reduction along one axis of any rank: fold over the axis for each remaining index.</summary>
    private static (double[] Values, int[] Shape) Along(Tensor a, int axis, Func<IEnumerable<double>, double> fold)
    {
        var shape = a.Shape.ToArray();
        int outer = shape[..axis].Aggregate(1, (p, d) => p * d);
        int inner = shape[(axis + 1)..].Aggregate(1, (p, d) => p * d);
        var x = a.ToArray();
        var result = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < inner; j++)
                result[o * inner + j] = fold(Enumerable.Range(0, shape[axis]).Select(t => x[(o * shape[axis] + t) * inner + j]));
        var reduced = shape.Where((_, d) => d != axis).ToArray();
        return (result, reduced.Length == 0 ? [1] : reduced);
    }

    private static readonly Gen<(Tensor A, int Axis)> _withAxis =
        AnyRank.SelectMany(a => Gen.Int[0, a.Rank - 1].Select(axis => (a, axis)));

    [Fact]
    public void Axis_reductions_match_loops_for_every_axis() =>
        _withAxis.Sample(s =>
        {
            var (a, axis) = s;
            var (sum, shape) = Along(a, axis, v => v.Sum());
            Close(Tensor.FromArray(sum, shape), a.Sum(axis));
            Close(Tensor.FromArray(sum.Select(v => v / a.Shape[axis]).ToArray(), shape), a.Mean(axis));
            Close(Tensor.FromArray(Along(a, axis, v => v.Max()).Values, shape), a.Max(axis));
            Close(Tensor.FromArray(Along(a, axis, v => v.Min()).Values, shape), a.Min(axis));
            var argmax = Along(a, axis, v => v.Select((x, i) => (x, i)).Aggregate((b, c) => c.x > b.x ? c : b).i).Values;
            Assert.Equal(argmax.Select(v => (int)v), a.ArgMax(axis));
            var kept = a.Shape.ToArray();
            kept[axis] = 1;
            Assert.Equal(kept, a.Sum(axis, keepDims: true).Shape);
            Close(Tensor.FromArray(sum, kept), a.Sum(axis, keepDims: true));
            Close(a.Sum(axis), a.Sum(axis - a.Rank)); // negative axis counts from the end
        });

    [Fact]
    public void Matrix_axes_follow_numpy()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new[] { 5.0, 7, 9 }, m.Sum(0).ToArray());
        Assert.Equal(new[] { 3 }, m.Sum(0).Shape);
        Assert.Equal(new[] { 6.0, 15 }, m.Sum(1).ToArray());
        Assert.Equal(new[] { 2, 1 }, m.Sum(1, keepDims: true).Shape);
        Assert.Equal(new[] { 2.0, 5 }, m.Mean(1).ToArray());
        Assert.Equal(new[] { 4.0, 5, 6 }, m.Max(0).ToArray());
        Assert.Equal(new[] { 6.0 }, Tensor.From([1.0, 2, 3]).Sum(0).ToArray());
    }

    [Fact]
    public void ArgMax_ties_go_to_the_first_index()
    {
        var m = Tensor.From(new double[,] { { 1, 3, 3 }, { 5, 5, 0 }, { 5, 3, 3 }, { 2, 2, 2 } });
        Assert.Equal(new[] { 1, 0, 0, 0 }, m.ArgMax(1));
        Assert.Equal(new[] { 1, 1, 0 }, m.ArgMax(0)); // columns 1 5 5 2 | 3 5 3 2 | 3 0 3 2
        var wide = Tensor.Zeros(2, 40); // long rows go through the vectorised search
        wide[0, 17] = 1; wide[0, 33] = 1;
        wide[1, 39] = -1;
        Assert.Equal(new[] { 17, 0 }, wide.ArgMax(1));
    }
}
