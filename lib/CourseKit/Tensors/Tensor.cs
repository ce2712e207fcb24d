using System.Globalization;

namespace CourseKit;

/// <summary>
/// A dense tensor of <see cref="double"/>: row-major, contiguous, rank 1 to 4.
/// </summary>
/// <remarks>
/// Storage is a <c>double[]</c> plus an offset, so a run of rows (<see cref="Row"/>, <see cref="Slice"/>)
/// or a reshape is a view that shares the array: writes through a view are seen by the original.
/// Every dimension is at least 1; element loops run on SIMD through
/// <see cref="System.Numerics.Tensors.TensorPrimitives"/>.
/// </remarks>
public sealed partial class Tensor
{
    /// <summary>Largest supported rank.</summary>
    public const int MaxRank = 4;

    private readonly double[] _data;
    private readonly int _offset;
    private readonly int[] _shape;
    private IReadOnlyList<int>? _shapeView;

    private Tensor(double[] data, int offset, int[] shape)
    {
        _data = data;
        _offset = offset;
        _shape = shape;
        Length = Product(shape);
    }

    /// <summary>A new zero tensor of a validated shape (the shape array is copied).</summary>
    private Tensor(ReadOnlySpan<int> shape)
    {
        _shape = ValidateShape(shape);
        Length = Product(_shape);
        _data = new double[Length];
    }

    /// <summary>Number of dimensions (1 to 4).</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements (the product of the shape).</summary>
    public int Length { get; }

    /// <summary>The dimensions, outermost first (read-only).</summary>
    public IReadOnlyList<int> Shape => _shapeView ??= Array.AsReadOnly(_shape);

    /// <summary>The first dimension: the number of rows of a matrix, the batch size of a batch.</summary>
    public int Rows => _shape[0];

    /// <summary>The number of columns of a rank-2 tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not rank 2.</exception>
    public int Cols => Rank == 2
        ? _shape[1]
        : throw new InvalidOperationException($"Cols needs a rank-2 tensor, but this tensor has shape {ShapeString}.");

    /// <summary>The shape as text, e.g. <c>[64, 784]</c>.</summary>
    public string ShapeString => FormatShape(_shape);

    /// <summary>The elements in row-major order; writes go to the tensor (and to every view of it).</summary>
    public Span<double> Span => _data.AsSpan(_offset, Length);

    /// <summary>A copy of the elements in row-major order.</summary>
    public double[] ToArray() => Span.ToArray();

    /// <summary>A copy of a rank-2 tensor as a <c>double[rows, cols]</c>.</summary>
    public double[,] ToArray2D()
    {
        RequireRank(2, nameof(ToArray2D));
        var result = new double[_shape[0], _shape[1]];
        for (int i = 0; i < _shape[0]; i++)
            for (int j = 0; j < _shape[1]; j++)
                result[i, j] = _data[_offset + i * _shape[1] + j];
        return result;
    }

    /// <summary>Element <c>i</c> of a rank-1 tensor.</summary>
    public double this[int i]
    {
        get => _data[Index(i)];
        set => _data[Index(i)] = value;
    }

    /// <summary>Element <c>(i, j)</c> of a rank-2 tensor.</summary>
    public double this[int i, int j]
    {
        get => _data[Index(i, j)];
        set => _data[Index(i, j)] = value;
    }

    /// <summary>Element <c>(i, j, k)</c> of a rank-3 tensor.</summary>
    public double this[int i, int j, int k]
    {
        get => _data[Index(i, j, k)];
        set => _data[Index(i, j, k)] = value;
    }

    /// <summary>Element <c>(i, j, k, l)</c> of a rank-4 tensor.</summary>
    public double this[int i, int j, int k, int l]
    {
        get => _data[Index(i, j, k, l)];
        set => _data[Index(i, j, k, l)] = value;
    }

    /// <summary>Whether two tensors have the same shape.</summary>
    public bool SameShape(Tensor other) => _shape.AsSpan().SequenceEqual(other._shape);

    private int Index(params ReadOnlySpan<int> index)
    {
        if (index.Length != Rank)
            throw new ArgumentException(
                $"Index {FormatShape(index)} has {index.Length} coordinate(s), but the tensor has shape {ShapeString} (rank {Rank}).");
        int flat = 0;
        for (int d = 0; d < index.Length; d++)
        {
            if ((uint)index[d] >= (uint)_shape[d])
                throw new ArgumentOutOfRangeException(nameof(index),
                    $"Index {FormatShape(index)} is outside shape {ShapeString}: coordinate {d} must be in [0, {_shape[d]}).");
            flat = flat * _shape[d] + index[d];
        }
        return _offset + flat;
    }

    private void RequireRank(int rank, string operation)
    {
        if (Rank != rank)
            throw new ArgumentException($"{operation} needs a rank-{rank} tensor, but got shape {ShapeString}.");
    }

    /// <summary>Checks rank 1..4 and positive dimensions; returns a private copy of the shape.</summary>
    internal static int[] ValidateShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length is 0 or > MaxRank)
            throw new ArgumentException(
                $"Tensor shape {FormatShape(shape)} has rank {shape.Length}; ranks 1 to {MaxRank} are supported.", nameof(shape));
        long length = 1;
        foreach (int d in shape)
        {
            if (d < 0)
                throw new ArgumentException(
                    $"Tensor shape {FormatShape(shape)} has a negative dimension; every dimension must be at least 1.", nameof(shape));
            if (d == 0)
                throw new ArgumentException(
                    $"Tensor shape {FormatShape(shape)} is empty (a zero dimension); every dimension must be at least 1.", nameof(shape));
            length *= d;
            if (length > Array.MaxLength)
                throw new ArgumentException(
                    $"Tensor shape {FormatShape(shape)} has more than {Array.MaxLength} elements.", nameof(shape));
        }
        return shape.ToArray();
    }

    private static int Product(ReadOnlySpan<int> shape)
    {
        int n = 1;
        foreach (int d in shape) n *= d;
        return n;
    }

    internal static string FormatShape(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
