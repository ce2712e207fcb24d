namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements under a new shape (a view: no copy). One dimension may be −1 and is inferred.
    /// </summary>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = shape.ToArray();
        int inferred = Array.IndexOf(resolved, -1);
        if (inferred >= 0 && Array.IndexOf(resolved, -1, inferred + 1) >= 0)
            throw new ArgumentException($"Reshape {FormatShape(shape)}: only one dimension may be -1.", nameof(shape));
        if (inferred >= 0)
        {
            resolved[inferred] = 1;
            long known = 1;
            foreach (int d in resolved) known *= d;
            if (known <= 0 || Length % known != 0)
                throw new ArgumentException(
                    $"Reshape: cannot view shape {ShapeString} ({Length} elements) as {FormatShape(shape)}.", nameof(shape));
            resolved[inferred] = (int)(Length / known);
        }
        var validated = ValidateShape(resolved);
        if (Product(validated) != Length)
            throw new ArgumentException(
                $"Reshape: cannot view shape {ShapeString} ({Length} elements) as {FormatShape(shape)} ({Product(validated)} elements).",
                nameof(shape));
        return new Tensor(_data, _offset, validated);
    }

    /// <summary>A rank-1 view of all elements.</summary>
    public Tensor Flatten() => new(_data, _offset, [Length]);

    /// <summary>Row <paramref name="i"/> (the sub-tensor at index i of the first axis) as a view.</summary>
    public Tensor Row(int i)
    {
        if ((uint)i >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(i), $"Row {i} is outside [0, {Rows}) for shape {ShapeString}.");
        return Slice(i, 1).Squeeze0();
    }

    /// <summary>
    /// Rows <c>start .. start+count−1</c> along the first axis as a view (a mini-batch without copying).
    /// </summary>
    public Tensor Slice(int start, int count)
    {
        if (start < 0 || count < 1 || start > Rows - count)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Slice({start}, {count}) is outside shape {ShapeString}: need 0 <= start, 1 <= count, start + count <= {Rows}.");
        int rowLength = Length / Rows;
        var shape = _shape.ToArray();
        shape[0] = count;
        return new Tensor(_data, _offset + start * rowLength, shape);
    }

    /// <summary>A new tensor made of the listed rows of the first axis, in order (a shuffled mini-batch).</summary>
    public Tensor GatherRows(ReadOnlySpan<int> indices)
    {
        if (indices.IsEmpty)
            throw new ArgumentException($"GatherRows: the index list is empty; need at least one row of {ShapeString}.", nameof(indices));
        int rowLength = Length / Rows;
        var shape = _shape.ToArray();
        shape[0] = indices.Length;
        var result = new Tensor(shape);
        for (int r = 0; r < indices.Length; r++)
        {
            int i = indices[r];
            if ((uint)i >= (uint)Rows)
                throw new ArgumentOutOfRangeException(nameof(indices),
                    $"GatherRows: index {i} (position {r}) is outside [0, {Rows}) for shape {ShapeString}.");
            _data.AsSpan(_offset + i * rowLength, rowLength).CopyTo(result._data.AsSpan(r * rowLength, rowLength));
        }
        return result;
    }

    /// <summary>The transpose of a rank-2 tensor (a copy).</summary>
    public Tensor Transpose()
    {
        RequireRank(2, nameof(Transpose));
        int rows = _shape[0], cols = _shape[1];
        var result = new Tensor([cols, rows]);
        // Tiles keep both the reads and the writes inside a few cache lines.
        const int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile)
            for (int j0 = 0; j0 < cols; j0 += tile)
                for (int i = i0; i < Math.Min(i0 + tile, rows); i++)
                    for (int j = j0; j < Math.Min(j0 + tile, cols); j++)
                        result._data[j * rows + i] = _data[_offset + i * cols + j];
        return result;
    }

    /// <summary>The transpose of a rank-2 tensor (a copy); same as <see cref="Transpose"/>.</summary>
    public Tensor T => Transpose();

    /// <summary>Column <paramref name="j"/> of a rank-2 tensor (a copy).</summary>
    public Tensor Column(int j)
    {
        RequireRank(2, nameof(Column));
        if ((uint)j >= (uint)_shape[1])
            throw new ArgumentOutOfRangeException(nameof(j), $"Column {j} is outside [0, {_shape[1]}) for shape {ShapeString}.");
        var result = new Tensor([_shape[0]]);
        for (int i = 0; i < _shape[0]; i++) result._data[i] = _data[_offset + i * _shape[1] + j];
        return result;
    }

    /// <summary>Drops a leading dimension of 1 (rank 1 stays rank 1 with shape [1]).</summary>
    private Tensor Squeeze0() => Rank == 1 ? this : new Tensor(_data, _offset, _shape[1..]);
}
