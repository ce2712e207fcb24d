namespace CourseKit.Tests.Tensors;

public class TensorFormatTests
{
    [Fact]
    public void Matrix_prints_like_numpy()
    {
        var t = Tensor.From(new double[,] { { 1, 2 }, { 3, -4.5 } });
        Assert.Equal("Tensor[2, 2]\n[[ 1.0000,  2.0000],\n [ 3.0000, -4.5000]]", t.ToString());
    }

    [Fact]
    public void Vector_and_rank_three_print_nested_blocks()
    {
        Assert.Equal("Tensor[3]\n[ 0.5000,  0.0000, -1.0000]", Tensor.From([0.5, 0, -1]).ToString());
        Assert.Equal("Tensor[2, 1, 2]\n[[[1.0000, 2.0000]],\n\n [[3.0000, 4.0000]]]",
            Tensor.Arange(1, 5).Reshape(2, 1, 2).ToString());
    }

    [Fact]
    public void Long_axes_are_truncated_to_three_at_each_end()
    {
        Assert.Equal("Tensor[10]\n[0.0000, 1.0000, 2.0000, ..., 7.0000, 8.0000, 9.0000]",
            Tensor.Arange(0, 10).ToString());
        var lines = Tensor.Arange(0, 100).Reshape(10, 10).ToString().Split('\n');
        Assert.Equal("Tensor[10, 10]", lines[0]);
        Assert.Equal(8, lines.Length); // header, 3 rows, "...", 3 rows
        Assert.Equal("[[ 0.0000,  1.0000,  2.0000, ...,  7.0000,  8.0000,  9.0000],", lines[1]);
        Assert.Equal(" ...,", lines[4]);
        Assert.Equal(" [90.0000, 91.0000, 92.0000, ..., 97.0000, 98.0000, 99.0000]]", lines[7]);
    }

    [Fact]
    public void Very_large_or_small_values_switch_to_scientific()
    {
        Assert.Equal("Tensor[2]\n[1.0000e+06, 2.5000e-07]", Tensor.From([1e6, 2.5e-7]).ToString());
    }

    [Fact]
    public void Rank_four_nests_blocks_with_growing_blank_lines()
    {
        var text = Tensor.Arange(0, 4).Reshape(2, 2, 1, 1).ToString();
        Assert.Equal("Tensor[2, 2, 1, 1]\n[[[[0.0000]],\n\n  [[1.0000]]],\n\n\n [[[2.0000]],\n\n  [[3.0000]]]]", text);
    }

    [Fact]
    public void Non_finite_values_print_as_words()
    {
        Assert.Equal("Tensor[3]\n[ nan,  inf, -inf]",
            Tensor.From([double.NaN, double.PositiveInfinity, double.NegativeInfinity]).ToString());
    }
}
