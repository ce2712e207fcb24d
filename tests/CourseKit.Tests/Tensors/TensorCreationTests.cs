namespace CourseKit.Tests.Tensors;

public class TensorCreationTests
{
    [Fact]
    public void Zeros_ones_full_have_the_shape_and_value()
    {
        var z = Tensor.Zeros(2, 3);
        var o = Tensor.Ones(4);
        var f = Tensor.Full(2.5, 1, 2, 3, 2);
        Assert.Equal([2, 3], z.Shape);
        Assert.Equal(2, z.Rank);
        Assert.Equal(6, z.Length);
        Assert.All(z.ToArray(), x => Assert.Equal(0.0, x));
        Assert.All(o.ToArray(), x => Assert.Equal(1.0, x));
        Assert.Equal(12, f.Length);
        Assert.Equal(4, f.Rank);
        Assert.All(f.ToArray(), x => Assert.Equal(2.5, x));
        Assert.Equal("[1, 2, 3, 2]", f.ShapeString);
    }

    [Fact]
    public void FromArray_copies_and_is_row_major()
    {
        var data = new double[] { 1, 2, 3, 4, 5, 6 };
        var t = Tensor.FromArray(data, 2, 3);
        data[0] = 100;
        Assert.Equal(1.0, t[0, 0]);
        Assert.Equal(6.0, t[1, 2]);
        Assert.Equal(4.0, t[1, 0]);
        Assert.Equal(2, t.Rows);
        Assert.Equal(3, t.Cols);
    }

    [Fact]
    public void From_matrix_and_jagged_rows_agree_and_round_trip()
    {
        var m = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var a = Tensor.From(m);
        var b = Tensor.From([[1.0, 2, 3], [4.0, 5, 6]]);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.Equal(m, a.ToArray2D());
        Assert.Equal([1.0, 2, 3], Tensor.From([1.0, 2, 3]).ToArray());
    }

    [Fact]
    public void Higher_rank_indexers_are_row_major()
    {
        var t3 = Tensor.FromArray(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 2, 3, 4);
        Assert.Equal(1 * 12 + 2 * 4 + 3, t3[1, 2, 3]);
        var t4 = t3.Reshape(2, 3, 2, 2);
        Assert.Equal(1 * 12 + 2 * 4 + 1 * 2 + 1, t4[1, 2, 1, 1]);
        t4[0, 0, 0, 1] = -1;
        Assert.Equal(-1.0, t3[0, 0, 1]);
        var v = Tensor.From([5.0, 6]);
        v[1] = 7;
        Assert.Equal(7.0, v[1]);
    }

    [Fact]
    public void Arange_and_linspace()
    {
        Assert.Equal([0.0, 0.25, 0.5, 0.75], Tensor.Arange(0, 1, 0.25).ToArray());
        Assert.Equal([3.0, 2, 1], Tensor.Arange(3, 0, -1).ToArray());
        Assert.Equal([0.0, 1, 2, 3, 4], Tensor.Arange(0, 5).ToArray());
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], Tensor.Linspace(0, 1, 5).ToArray());
        Assert.Equal([2.0], Tensor.Linspace(2, 3, 1).ToArray());
    }

    [Fact]
    public void Normal_is_reproducible_and_has_the_requested_moments()
    {
        var a = Tensor.Normal(42, 1.5, 2.0, 200_000);
        var b = Tensor.Normal(new Random(42), 1.5, 2.0, 200_000);
        Assert.Equal(a.ToArray(), b.ToArray());
        double mean = a.Mean();
        double std = Math.Sqrt((a - mean).Square().Mean());
        // Standard error of the mean is 2/sqrt(200000) ≈ 0.0045; of the std about 0.0032.
        Assert.InRange(mean, 1.5 - 0.025, 1.5 + 0.025);
        Assert.InRange(std, 2.0 - 0.02, 2.0 + 0.02);
        Assert.NotEqual(a.ToArray(), Tensor.Normal(43, 1.5, 2.0, 200_000).ToArray());
    }

    [Fact]
    public void Uniform_stays_in_range_and_is_reproducible()
    {
        var u = Tensor.Uniform(7, -3, 5, 100, 100);
        Assert.True(u.Min() >= -3 && u.Max() < 5);
        Assert.InRange(u.Mean(), 1 - 0.1, 1 + 0.1);
        Assert.Equal(u.ToArray(), Tensor.Uniform(new Random(7), -3, 5, 100, 100).ToArray());
    }

    [Fact]
    public void Eye_zeroslike_clone()
    {
        var e = Tensor.Eye(3);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(i == j ? 1.0 : 0.0, e[i, j]);
        var z = Tensor.ZerosLike(Tensor.Ones(2, 5));
        Assert.Equal([2, 5], z.Shape);
        Assert.Equal(0.0, z.Sum());
        var c = e.Clone();
        c[0, 0] = 9;
        Assert.Equal(1.0, e[0, 0]);
    }
}
