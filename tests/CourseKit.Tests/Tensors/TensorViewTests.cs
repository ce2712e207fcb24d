using CsCheck;
using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorViewTests
{
    [Fact]
    public void Row_is_a_view_that_shares_storage()
    {
        var t = Tensor.FromArray([1.0, 2, 3, 4, 5, 6], 2, 3);
        var row = t.Row(1);
        Assert.Equal(new[] { 3 }, row.Shape);
        Assert.Equal(new[] { 4.0, 5, 6 }, row.ToArray());
        row[0] = -4;
        Assert.Equal(-4.0, t[1, 0]);
        t[1, 2] = 60;
        Assert.Equal(60.0, row[2]);
        row.ScaleInPlace(10);
        Assert.Equal(new[] { 1.0, 2, 3, -40, 50, 600 }, t.ToArray());
    }

    [Fact]
    public void Slice_is_a_mini_batch_view()
    {
        var t = Tensor.Arange(0, 24).Reshape(6, 4);
        var batch = t.Slice(2, 3);
        Assert.Equal(new[] { 3, 4 }, batch.Shape);
        Assert.Equal(8.0, batch[0, 0]);
        Assert.Equal(23.0 - 4, batch[2, 3]);
        batch.Fill(-1);
        Assert.Equal(12, t.Span.ToArray().Count(x => x == -1));
        Assert.Equal(7.0, t[1, 3]);
        Assert.Equal(20.0, t[5, 0]);
        // A view of a view, and a slice of a rank-3 tensor.
        Assert.Equal(-1.0, batch.Row(2)[1]);
        var cube = Tensor.Arange(0, 24).Reshape(4, 3, 2).Slice(1, 2);
        Assert.Equal(new[] { 2, 3, 2 }, cube.Shape);
        Assert.Equal(6.0, cube[0, 0, 0]);
    }

    [Fact]
    public void Reshape_is_a_view_and_infers_minus_one()
    {
        var t = Tensor.Arange(0, 12);
        var m = t.Reshape(3, -1);
        Assert.Equal(new[] { 3, 4 }, m.Shape);
        Assert.Equal(6.0, m[1, 2]);
        m[2, 3] = 99;
        Assert.Equal(99.0, t[11]);
        Assert.Equal(new[] { 2, 2, 3 }, t.Reshape(2, 2, 3).Shape);
        Assert.Equal(new[] { 12 }, m.Flatten().Shape);
        Assert.Equal(t.ToArray(), m.Flatten().ToArray());
    }

    [Fact]
    public void GatherRows_copies_the_listed_rows()
    {
        var t = Tensor.Arange(0, 8).Reshape(4, 2);
        var g = t.GatherRows([3, 0, 3]);
        Assert.Equal(new[] { 6.0, 7, 0, 1, 6, 7 }, g.ToArray());
        g[0, 0] = -1;
        Assert.Equal(6.0, t[3, 0]);
    }

    [Fact]
    public void Transpose_and_column_match_loops() =>
        Matrix.Sample(a =>
        {
            var t = a.Transpose();
            var expected = Transpose(a.ToArray2D());
            Assert.Equal(expected, t.ToArray2D());
            Assert.Equal(expected, a.T.ToArray2D());
            int j = a.Cols / 2;
            Assert.Equal(Enumerable.Range(0, a.Rows).Select(i => a[i, j]), a.Column(j).ToArray());
        });

    [Fact]
    public void Row_of_a_higher_rank_tensor_drops_the_first_axis()
    {
        var t = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        var r = t.Row(1);
        Assert.Equal(new[] { 3, 4 }, r.Shape);
        Assert.Equal(12.0, r[0, 0]);
        r[2, 3] = -1;
        Assert.Equal(-1.0, t[1, 2, 3]);
        Assert.Equal(2, t.Rows);
    }
}
