using CsCheck;

namespace CourseKit.Tests.Tensors;

/// <summary>Generators of random tensors and plain-loop reference implementations to compare against.</summary>
internal static class Reference
{
    /// <summary>Sizes up to 12, and the odd sizes that straddle SIMD widths (4 and 8 doubles) and tile sizes.</summary>
    public static readonly Gen<int> Dim = Gen.OneOf<int>(Gen.Int[1, 12], Gen.OneOf(1, 3, 5, 7, 17, 33, 65, 127));

    /// <summary>Small dimensions for products of three of them.</summary>
    public static readonly Gen<int> SmallDim = Gen.OneOf<int>(Gen.Int[1, 9], Gen.OneOf(1, 3, 5, 7, 17, 33));

    /// <summary>A matrix of uniform values in [-2, 2) with random dimensions.</summary>
    public static readonly Gen<Tensor> Matrix =
        Gen.Select(SmallDim, Dim, Gen.Int, (rows, cols, seed) => Tensor.Uniform(seed, -2, 2, rows, cols));

    /// <summary>A tensor of rank 1 to 4 with random small dimensions.</summary>
    public static readonly Gen<Tensor> AnyRank =
        Gen.Select(Gen.Int[1, 4], Gen.Int, (rank, seed) =>
        {
            var rng = new Random(seed);
            var shape = new int[rank];
            for (int d = 0; d < rank; d++) shape[d] = rng.Next(1, rank <= 2 ? 20 : 6);
            return Tensor.Uniform(rng, -2, 2, shape);
        });

    public static double[,] MatMul(double[,] a, double[,] b)
    {
        int m = a.GetLength(0), k = a.GetLength(1), n = b.GetLength(1);
        Assert.Equal(k, b.GetLength(0));
        var c = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i, p] * b[p, j];
                c[i, j] = s;
            }
        return c;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                t[j, i] = a[i, j];
        return t;
    }

    /// <summary>Asserts equal shapes and element-wise closeness, naming the first bad element.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i].Equals(a[i])) continue;
            double scale = Math.Max(1.0, Math.Abs(e[i]));
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance * scale,
                $"element {i}: expected {e[i]:R}, got {a[i]:R} (shape {actual.ShapeString})");
        }
    }

    /// <summary>Asserts an ArgumentException (or subclass) whose message contains every fragment.</summary>
    public static void Throws(Action action, params string[] fragments)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(action);
        foreach (var fragment in fragments) Assert.Contains(fragment, ex.Message);
    }
}
