using CourseKit.Tensors;

namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>
    /// The matrix product A·B of [m, k] and [k, n], giving [m, n]. A rank-1 A is a row vector and a
    /// rank-1 B a column vector; the vector's axis is dropped from the result.
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b) => Product(a, b, transposeA: false, transposeB: false);

    /// <summary>Aᵀ·B of A [k, m] and B [k, n], giving [m, n] (the weight gradient Xᵀ·dY).</summary>
    public static Tensor MatMulTN(Tensor a, Tensor b) => Product(a, b, transposeA: true, transposeB: false);

    /// <summary>A·Bᵀ of A [m, k] and B [n, k], giving [m, n] (the input gradient dY·Wᵀ).</summary>
    public static Tensor MatMulNT(Tensor a, Tensor b) => Product(a, b, transposeA: false, transposeB: true);

    /// <summary>
    /// dest = op(A)·op(B), or dest += op(A)·op(B) when <paramref name="accumulate"/>, where op transposes
    /// when asked. No allocation; <paramref name="dest"/> must have shape [m, n] and must not overlap A or B.
    /// </summary>
    public static void MatMulInto(Tensor dest, Tensor a, Tensor b,
        bool transposeA = false, bool transposeB = false, bool accumulate = false)
    {
        ArgumentNullException.ThrowIfNull(dest);
        var (m, n, k) = ProductShape(a, b, transposeA, transposeB);
        if (dest.Rank != 2 || dest._shape[0] != m || dest._shape[1] != n)
            throw new ArgumentException(
                $"MatMulInto {FormName(transposeA, transposeB)}: dest has shape {dest.ShapeString}, but the product of " +
                $"{a.ShapeString} and {b.ShapeString} has shape [{m}, {n}].", nameof(dest));
        if (dest.Overlaps(a) || dest.Overlaps(b))
            throw new ArgumentException(
                $"MatMulInto {FormName(transposeA, transposeB)}: dest shares storage with an operand; use a separate tensor.",
                nameof(dest));
        MatMulKernel.Multiply(a.AsMatrix(transposeA), b.AsMatrix(transposeB), dest._data, dest._offset, n, m, n, k, accumulate);
    }

    private static Tensor Product(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        var (m, n, k) = ProductShape(a, b, transposeA, transposeB);
        var result = Zeros(m, n);
        MatMulKernel.Multiply(a.AsMatrix(transposeA), b.AsMatrix(transposeB), result._data, 0, n, m, n, k, accumulate: false);
        return (a.Rank, b.Rank) switch
        {
            (1, 1) => result.Reshape(1),
            (1, _) => result.Reshape(n),
            (_, 1) => result.Reshape(m),
            _ => result,
        };
    }

    /// <summary>Checks the operands of op(A)·op(B) and returns the product's m, n and inner k.</summary>
    private static (int M, int N, int K) ProductShape(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string form = FormName(transposeA, transposeB);
        bool vectorsAllowed = !transposeA && !transposeB;
        if (a.Rank > 2 || b.Rank > 2 || (!vectorsAllowed && (a.Rank != 2 || b.Rank != 2)))
            throw new ArgumentException(
                $"{form}: shapes {a.ShapeString} and {b.ShapeString}; the matrix product needs rank-2 operands" +
                (vectorsAllowed ? " (or rank-1 vectors)." : "."));
        var (ar, ac) = a.Rank == 1 ? (1, a.Length) : (a._shape[0], a._shape[1]);
        var (br, bc) = b.Rank == 1 ? (b.Length, 1) : (b._shape[0], b._shape[1]);
        var (m, ka) = transposeA ? (ac, ar) : (ar, ac);
        var (kb, n) = transposeB ? (bc, br) : (br, bc);
        if (ka != kb)
            throw new ArgumentException(
                $"{form}: shapes {a.ShapeString} and {b.ShapeString} do not fit; the inner dimensions differ ({ka} vs {kb}).");
        return (m, n, ka);
    }

    private static string FormName(bool transposeA, bool transposeB) =>
        (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B");

    /// <summary>This matrix with strides (swapped when transposed); a vector has unit strides, so it reads
    /// as the row [1, k] when it is A and as the column [k, 1] when it is B.</summary>
    private StridedMatrix AsMatrix(bool transpose) =>
        Rank == 1 ? new StridedMatrix(_data, _offset, 1, 1)
        : transpose ? new StridedMatrix(_data, _offset, 1, _shape[1])
        : new StridedMatrix(_data, _offset, _shape[1], 1);

    private bool Overlaps(Tensor other) =>
        ReferenceEquals(_data, other._data) && _offset < other._offset + other.Length && other._offset < _offset + Length;
}
