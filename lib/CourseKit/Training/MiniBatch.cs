namespace CourseKit.Training;

/// <summary>
/// One mini-batch B_t of an epoch: the inputs and targets of its examples (one per row) and where it
/// sits in training.
/// </summary>
/// <param name="X">The inputs, [b, …]. When the iterator shuffles, this is a buffer reused by the next
/// batch of the same size: use it for this step, <see cref="Tensor.Clone"/> it to keep it.</param>
/// <param name="Y">The targets, [b, …]; reused like <paramref name="X"/>.</param>
/// <param name="Epoch">The epoch, counting from 1.</param>
/// <param name="Index">The batch's position in its epoch, from 0.</param>
/// <param name="Rows">The row numbers of the examples in the full data, in batch order (a view of the epoch's permutation).</param>
public readonly record struct MiniBatch(Tensor X, Tensor Y, int Epoch, int Index, ReadOnlyMemory<int> Rows)
{
    /// <summary>b, the number of examples in the batch.</summary>
    public int Size => X.Rows;
}
