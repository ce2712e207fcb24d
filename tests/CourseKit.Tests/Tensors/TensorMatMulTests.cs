using CourseKit.Tensors;
using CsCheck;
using static CourseKit.Tests.Tensors.Reference;

namespace CourseKit.Tests.Tensors;

public class TensorMatMulTests
{
    /// <summary>m, k, n from sizes that are and are not multiples of the SIMD width and tile (1, 3, 5, 7, 17, 33, 65, 127 ...).</summary>
    private static readonly Gen<(int M, int K, int N, int Seed)> _sizes = Gen.Select(Dim, Dim, Dim, Gen.Int);

    private static (Tensor A, Tensor B, double[,] Expected) Operands((int M, int K, int N, int Seed) s)
    {
        var a = Tensor.Uniform(s.Seed, -1, 1, s.M, s.K);
        var b = Tensor.Uniform(s.Seed + 1, -1, 1, s.K, s.N);
        return (a, b, MatMul(a.ToArray2D(), b.ToArray2D()));
    }

    [Fact]
    public void A_times_B_matches_the_triple_loop() =>
        _sizes.Sample(s =>
        {
            var (a, b, expected) = Operands(s);
            Close(Tensor.From(expected), Tensor.MatMul(a, b), 1e-12);
        });

    [Fact]
    public void A_transposed_times_B_matches() =>
        _sizes.Sample(s =>
        {
            var (a, b, expected) = Operands(s);
            Close(Tensor.From(expected), Tensor.MatMulTN(a.Transpose(), b), 1e-12);
        });

    [Fact]
    public void A_times_B_transposed_matches() =>
        _sizes.Sample(s =>
        {
            var (a, b, expected) = Operands(s);
            Close(Tensor.From(expected), Tensor.MatMulNT(a, b.Transpose()), 1e-12);
        });

    [Fact]
    public void MatMulInto_overwrites_or_accumulates_in_every_form() =>
        Gen.Select(_sizes, Gen.Bool, Gen.Bool).Sample(s =>
        {
            var (size, transposeA, transposeB) = s;
            var (a, b, expected) = Operands(size);
            var start = Tensor.Uniform(size.Seed + 2, -1, 1, size.M, size.N);
            var sum = Tensor.From(expected) + start;
            var opA = transposeA ? a.Transpose() : a;
            var opB = transposeB ? b.Transpose() : b;

            var dest = start.Clone();
            Tensor.MatMulInto(dest, opA, opB, transposeA, transposeB);
            Close(Tensor.From(expected), dest, 1e-12);

            dest = start.Clone();
            Tensor.MatMulInto(dest, opA, opB, transposeA, transposeB, accumulate: true);
            Close(sum, dest, 1e-12);
        });

    [Fact]
    public void Products_write_into_views_without_touching_neighbours()
    {
        var big = Tensor.Full(-7, 10, 5);
        var a = Tensor.Uniform(1, -1, 1, 4, 3);
        var b = Tensor.Uniform(2, -1, 1, 3, 5);
        Tensor.MatMulInto(big.Slice(3, 4), a.Slice(0, 4), b);
        Close(Tensor.From(MatMul(a.ToArray2D(), b.ToArray2D())), big.Slice(3, 4), 1e-12);
        Assert.All(big.Slice(0, 3).ToArray(), x => Assert.Equal(-7, x));
        Assert.All(big.Slice(7, 3).ToArray(), x => Assert.Equal(-7, x));
        // Operands that are row views of larger tensors.
        var rows = Tensor.Uniform(3, -1, 1, 9, 3).Slice(2, 4);
        Close(Tensor.From(MatMul(rows.ToArray2D(), b.ToArray2D())), Tensor.MatMul(rows, b), 1e-12);
    }

    [Fact]
    public void Large_products_cross_the_parallel_threshold_and_still_match()
    {
        // 300·200·150 = 9e6 multiply-adds, above the threshold; 130 rows is split into unequal strips.
        foreach (var (m, k, n) in new[] { (300, 200, 150), (130, 257, 70), (20, 300, 400) })
        {
            Assert.True((long)m * k * n >= MatMulKernel.DefaultParallelThreshold);
            var (a, b, expected) = Operands((m, k, n, m + k + n));
            var e = Tensor.From(expected);
            Close(e, Tensor.MatMul(a, b), 1e-12);
            Close(e, Tensor.MatMulTN(a.Transpose(), b), 1e-12);
            Close(e, Tensor.MatMulNT(a, b.Transpose()), 1e-12);
        }
    }

    [Fact]
    public void Every_micro_kernel_and_the_parallel_split_match_on_this_cpu() =>
        Gen.Select(_sizes, Gen.Bool, Gen.Bool, Gen.Bool).Sample(s =>
        {
            var (size, transposeA, transposeB, accumulate) = s;
            var (a, b, expected) = Operands(size);
            var (m, k, n) = (size.M, size.K, size.N);
            var sa = transposeA ? new StridedMatrix(a.Transpose().ToArray(), 0, 1, m) : new StridedMatrix(a.ToArray(), 0, k, 1);
            var sb = transposeB ? new StridedMatrix(b.Transpose().ToArray(), 0, 1, k) : new StridedMatrix(b.ToArray(), 0, n, 1);
            foreach (var path in Enum.GetValues<MatMulPath>().Where(MatMulKernel.IsSupported))
                foreach (long threshold in new[] { 0L, long.MaxValue })
                {
                    var c = Enumerable.Repeat(0.5, m * n + 3).ToArray();
                    MatMulKernel.Multiply(sa, sb, c, 3, n, m, n, k, accumulate, path, threshold);
                    var result = Tensor.FromArray(c[3..], m, n);
                    var want = Tensor.From(expected) + (accumulate ? 0.5 : 0.0);
                    Close(want, result, 1e-12);
                    Assert.Equal(new[] { 0.5, 0.5, 0.5 }, c[..3]);
                }
        }, iter: 40);

    [Fact]
    public void Vector_forms_drop_the_vector_axis()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var v = Tensor.From([1.0, 0, -1]);
        var mv = Tensor.MatMul(m, v);
        Assert.Equal(new[] { 2 }, mv.Shape);
        Assert.Equal(new[] { -2.0, -2 }, mv.ToArray());
        var vm = Tensor.MatMul(Tensor.From([1.0, -1]), m);
        Assert.Equal(new[] { -3.0, -3, -3 }, vm.ToArray());
        Assert.Equal(new[] { 2.0 }, Tensor.MatMul(v, v).ToArray());
    }

    [Fact]
    public void Identity_is_neutral()
    {
        var a = Tensor.Uniform(4, -1, 1, 33, 17);
        Assert.Equal(a.ToArray(), Tensor.MatMul(a, Tensor.Eye(17)).ToArray());
        Assert.Equal(a.ToArray(), Tensor.MatMul(Tensor.Eye(33), a).ToArray());
    }
}
