using CsCheck;
using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorArithmeticTests
{
    private static readonly Func<double, double, double>[] _ops = [(x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y];

    private static Tensor Apply(int op, Tensor a, Tensor b) => op switch
    {
        0 => a + b,
        1 => a - b,
        2 => a * b,
        _ => a / b,
    };

    /// <summary>Element (i, j) of the reference: how a [rows, cols] operand and its broadcast partner pair up.</summary>
    private static Tensor Loop(int rows, int cols, Func<int, int, double> left, Func<int, int, double> right, Func<double, double, double> f)
    {
        var r = Tensor.Zeros(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                r[i, j] = f(left(i, j), right(i, j));
        return r;
    }

    private static readonly Gen<(Tensor A, Tensor B, int Op)> _pairs =
        Gen.Select(Matrix, Gen.Int, Gen.Int[0, 3], (a, seed, op) => (a, Tensor.Uniform(seed, 0.5, 2, a.Rows, a.Cols), op));

    [Fact]
    public void Same_shape_operators_match_loops() =>
        _pairs.Sample(s =>
        {
            var (a, b, op) = s;
            Close(Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => b[i, j], _ops[op]), Apply(op, a, b));
        });

    [Fact]
    public void Row_vector_broadcasts_over_rows_in_both_orders() =>
        _pairs.Sample(s =>
        {
            var (a, b, op) = s;
            var row = b.Row(0).Clone();                // shape [cols]
            var row2 = row.Reshape(1, a.Cols);         // shape [1, cols]
            var expected = Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => row[j], _ops[op]);
            Close(expected, Apply(op, a, row));
            Close(expected, Apply(op, a, row2));
            Close(Loop(a.Rows, a.Cols, (i, j) => row[j], (i, j) => a[i, j], _ops[op]), Apply(op, row, a));
        });

    [Fact]
    public void Column_vector_broadcasts_over_columns_in_both_orders() =>
        _pairs.Sample(s =>
        {
            var (a, b, op) = s;
            var col = b.Column(0).Reshape(a.Rows, 1);
            Close(Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => col[i, 0], _ops[op]), Apply(op, a, col));
            Close(Loop(a.Rows, a.Cols, (i, j) => col[i, 0], (i, j) => a[i, j], _ops[op]), Apply(op, col, a));
        });

    [Fact]
    public void Single_value_tensor_and_double_broadcast() =>
        _pairs.Sample(s =>
        {
            var (a, b, op) = s;
            double v = b[0, 0];
            var one = Tensor.From([v]);
            var expected = Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => v, _ops[op]);
            var reversed = Loop(a.Rows, a.Cols, (i, j) => v, (i, j) => a[i, j], _ops[op]);
            Close(expected, Apply(op, a, one));
            Close(reversed, Apply(op, one, a));
            Close(expected, op switch { 0 => a + v, 1 => a - v, 2 => a * v, _ => a / v });
            Close(reversed, op switch { 0 => v + a, 1 => v - a, 2 => v * a, _ => v / a });
        });

    [Fact]
    public void Broadcasting_over_the_last_axis_of_higher_ranks() =>
        AnyRank.Sample(a =>
        {
            int cols = a.Shape[^1];
            var bias = Tensor.Uniform(5, -1, 1, cols);
            var expected = a.Clone();
            var e = expected.Span;
            for (int i = 0; i < e.Length; i++) e[i] += bias[i % cols];
            Close(expected, a + bias);
        });

    [Fact]
    public void In_place_forms_match_the_operators() =>
        _pairs.Sample(s =>
        {
            var (a, b, _) = s;
            var row = b.Row(0).Clone();
            Close(a + b, a.Clone().AddInPlace(b));
            Close(a - b, a.Clone().SubInPlace(b));
            Close(a * b, a.Clone().MulInPlace(b));
            Close(a + row, a.Clone().AddInPlace(row));
            Close(a * 0.3, a.Clone().ScaleInPlace(0.3));
            Close(Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => b[i, j], (x, y) => x - 0.1 * y),
                a.Clone().AddScaledInPlace(b, -0.1));
            Close(Loop(a.Rows, a.Cols, (i, j) => a[i, j], (i, j) => 0, (x, _) => -x), -a);
        });

    [Fact]
    public void Fill_clear_copy_from_write_in_place()
    {
        var t = Tensor.Ones(2, 3);
        var view = t.Row(1);
        view.Fill(4);
        Assert.Equal(new[] { 1.0, 1, 1, 4, 4, 4 }, t.ToArray());
        view.CopyFrom(Tensor.From([7.0, 8, 9]));
        Assert.Equal(new[] { 1.0, 1, 1, 7, 8, 9 }, t.ToArray());
        t.Row(0).Clear();
        Assert.Equal(new[] { 0.0, 0, 0, 7, 8, 9 }, t.ToArray());
    }

    [Fact]
    public void Aliased_in_place_add_doubles()
    {
        var t = Tensor.Arange(1, 6);
        t.AddInPlace(t);
        Assert.Equal(new[] { 2.0, 4, 6, 8, 10 }, t.ToArray());
    }
}
