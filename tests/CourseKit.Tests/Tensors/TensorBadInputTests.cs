using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorBadInputTests
{
    [Fact]
    public void Empty_shape_is_rejected_with_the_shape() =>
        Throws(() => Tensor.Zeros(0, 3), "[0, 3]", "empty", "at least 1");

    [Fact]
    public void Negative_dimension_is_rejected_with_the_shape() =>
        Throws(() => Tensor.Ones(2, -1), "[2, -1]", "negative dimension");

    [Fact]
    public void Rank_above_four_is_rejected() =>
        Throws(() => Tensor.Zeros(1, 2, 3, 4, 5), "[1, 2, 3, 4, 5]", "rank 5", "ranks 1 to 4");

    [Fact]
    public void Rank_zero_is_rejected() =>
        Throws(() => Tensor.Zeros(), "[]", "rank 0");

    [Fact]
    public void FromArray_length_mismatch_names_counts_and_shape() =>
        Throws(() => Tensor.FromArray([1.0, 2, 3], 2, 2), "3 values", "[2, 2]", "needs 4");

    [Fact]
    public void Ragged_rows_are_rejected() =>
        Throws(() => Tensor.From([[1.0, 2], [3.0]]), "row 1 has 1 values", "row 0 has 2");

    [Fact]
    public void Elementwise_shape_mismatch_names_both_shapes_and_the_operation()
    {
        var a = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(3, 2);
        Throws(() => _ = a + b, "Add", "[2, 3]", "[3, 2]", "do not broadcast");
        Throws(() => _ = a * Tensor.Zeros(4), "Multiply", "[2, 3]", "[4]");
        Throws(() => a.SubInPlace(Tensor.Zeros(2, 3, 1)), "Subtract", "[2, 3]", "[2, 3, 1]");
        Throws(() => Tensor.Zeros(3).AddInPlace(Tensor.Zeros(2, 3)), "Add", "[3]", "[2, 3]");
        Throws(() => a.AddScaledInPlace(b, 0.1), "AddScaledInPlace", "[2, 3]", "[3, 2]");
        Throws(() => a.CopyFrom(b), "CopyFrom", "[2, 3]", "[3, 2]");
        Throws(() => Tensor.Dot(a, b), "Dot", "[2, 3]", "[3, 2]");
        Throws(() => Tensor.Zip(a, b, (x, y) => x), "Zip", "[2, 3]", "[3, 2]");
    }

    [Fact]
    public void Matrix_product_mismatch_names_the_form_and_both_shapes()
    {
        Throws(() => Tensor.MatMul(Tensor.Zeros(64, 784), Tensor.Zeros(128, 10)),
            "A·B", "[64, 784]", "[128, 10]", "784 vs 128");
        Throws(() => Tensor.MatMulNT(Tensor.Zeros(64, 784), Tensor.Zeros(128, 10)),
            "A·Bᵀ", "[64, 784]", "[128, 10]", "784 vs 10");
        Throws(() => Tensor.MatMulTN(Tensor.Zeros(64, 784), Tensor.Zeros(128, 10)),
            "Aᵀ·B", "[64, 784]", "[128, 10]", "64 vs 128");
        Throws(() => Tensor.MatMul(Tensor.Zeros(2, 2, 2), Tensor.Zeros(2, 2)), "[2, 2, 2]", "rank-2");
        Throws(() => Tensor.MatMulTN(Tensor.Zeros(2), Tensor.Zeros(2, 2)), "Aᵀ·B", "[2]", "rank-2");
    }

    [Fact]
    public void MatMulInto_checks_the_destination()
    {
        var a = Tensor.Zeros(3, 4);
        var b = Tensor.Zeros(4, 5);
        Throws(() => Tensor.MatMulInto(Tensor.Zeros(5, 3), a, b), "dest has shape [5, 3]", "[3, 5]");
        var big = Tensor.Zeros(8, 4);
        Throws(() => Tensor.MatMulInto(big.Slice(0, 4), big.Slice(2, 4), Tensor.Zeros(4, 4)), "shares storage");
        Throws(() => Tensor.MatMulInto(Tensor.Zeros(4, 5), a, b, transposeA: true), "Aᵀ·B", "[3, 4]", "[4, 5]", "3 vs 4");
    }

    [Fact]
    public void Views_and_indexers_check_bounds()
    {
        var t = Tensor.Zeros(3, 4);
        Throws(() => _ = t[3, 0], "[3, 0]", "outside shape [3, 4]");
        Throws(() => _ = t[1], "1 coordinate", "[3, 4]");
        Throws(() => t.Row(3), "Row 3", "[3, 4]");
        Throws(() => t.Slice(2, 2), "Slice(2, 2)", "[3, 4]");
        Throws(() => t.Reshape(5, -1), "[3, 4]", "[5, -1]");
        Throws(() => t.Reshape(2, 2), "[3, 4]", "[2, 2]");
        Throws(() => t.Reshape(-1, -1), "only one dimension may be -1");
        Throws(() => t.GatherRows([0, 3]), "index 3", "[3, 4]");
        Throws(() => t.Sum(2), "axis 2", "[3, 4]");
        Throws(() => t.Column(4), "Column 4", "[3, 4]");
        Throws(() => Tensor.Zeros(2, 2, 2).Transpose(), "Transpose", "[2, 2, 2]");
        Assert.Contains("[2, 2, 2]", Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 2, 2).Cols).Message);
    }

    [Fact]
    public void Other_arguments_are_checked()
    {
        Throws(() => Tensor.Arange(0, 1, 0), "step");
        Throws(() => Tensor.Arange(1, 0), "empty");
        Throws(() => Tensor.Linspace(0, 1, 0), "count");
        Throws(() => Tensor.Normal(1, 0, -1, 3), "std");
        Throws(() => Tensor.Uniform(1, 2, 1, 3), "high");
        Throws(() => Tensor.Ones(3).Clip(1, 0), "lo");
        Throws(() => Tensor.Ones(3).GatherRows([]), "empty");
    }
}
