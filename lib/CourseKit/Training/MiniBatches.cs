namespace CourseKit.Training;

/// <summary>
/// Mini-batches over a training set (X, Y), epoch by epoch (the lecture “Optimisation: gradient descent and its variants” "mini-batch gradient descent",
/// the lecture “Gradient descent: the basics” "разбиваем все пары объект-ответ на группы размера batch size", the lecture “Deep networks” Algorithm 8): each
/// epoch draws the examples <b>without replacement</b> in a fresh seeded random order and cuts that order
/// into batches of <see cref="BatchSize"/>; "the epoch ends when the data runs out".
/// </summary>
/// <remarks>
/// <para>The special cases of the lecture “Optimisation: gradient descent and its variants”'s comparison: <see cref="FullBatch"/> (batch gradient descent, one
/// batch of all N rows, θ ← θ − η∇Σᵢ J(θ; xᵢ, yᵢ)) and <see cref="Stochastic"/> (pure SGD, batch size 1,
/// θ ← θ − η∇J(θ; xᵢ, yᵢ)); anything between is mini-batch gradient descent (the lecture “Optimisation: gradient descent and its variants”: usually a power of
/// 2 between 8 and 256).</para>
/// <para>If N is not a multiple of the batch size, the last batch of an epoch is smaller, unless
/// <see cref="DropLast"/> is set, in which case those rows are skipped in that epoch (a different subset each
/// epoch when shuffling).</para>
/// <para>Without shuffling each batch is a <see cref="Tensor.Slice"/> view of X and Y (no copy). With
/// shuffling the rows are gathered into two reused buffers (one of the full batch size, one of the
/// remainder size), so a batch's tensors are overwritten by the next batch of the same size.</para>
/// <para>The same seed gives the same sequence of epochs; each call of <see cref="NextEpoch"/> draws a new
/// order from the iterator's own <see cref="Random"/>.</para>
/// </remarks>
/// <example><code>
/// var batches = new MiniBatches(x, y, batchSize: 32, seed: 1);
/// for (int epoch = 0; epoch &lt; 10; epoch++)
///     foreach (var b in batches.NextEpoch()) { /* forward b.X, loss vs b.Y, backward, step */ }
/// </code></example>
public sealed class MiniBatches
{
    private readonly Random? _rng;
    private readonly int[] _order;
    private readonly int _xRow, _yRow;
    private Tensor? _xFull, _yFull, _xRest, _yRest;
    private int _version;

    /// <param name="x">The inputs, one example per row (rank ≥ 1, first dimension N).</param>
    /// <param name="y">The targets, one row per example (first dimension N).</param>
    /// <param name="batchSize">b, 1 ≤ b ≤ N.</param>
    /// <param name="shuffle">Draw a new random order each epoch (true) or always go through rows 0..N−1 (false).</param>
    /// <param name="seed">The seed of the shuffling (ignored without shuffling).</param>
    /// <param name="dropLast">Skip the last, smaller batch of an epoch when b does not divide N.</param>
    public MiniBatches(Tensor x, Tensor y, int batchSize, bool shuffle = true, int seed = 0, bool dropLast = false)
        : this(x, y, batchSize, shuffle ? new Random(seed) : null, dropLast) { }

    /// <param name="x">The inputs, one example per row.</param>
    /// <param name="y">The targets, one row per example.</param>
    /// <param name="batchSize">b, 1 ≤ b ≤ N.</param>
    /// <param name="rng">The source of the random orders, or null for no shuffling.</param>
    /// <param name="dropLast">Skip the last, smaller batch of an epoch when b does not divide N.</param>
    public MiniBatches(Tensor x, Tensor y, int batchSize, Random? rng, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException(
                $"Inputs and targets need one row per example: X is {x.ShapeString}, Y is {y.ShapeString} ({x.Rows} vs {y.Rows} rows).", nameof(y));
        if (batchSize < 1 || batchSize > x.Rows)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"Expected a batch size between 1 and N = {x.Rows} (the number of examples), got {batchSize}.");
        X = x;
        Y = y;
        BatchSize = batchSize;
        DropLast = dropLast;
        _rng = rng;
        _order = new int[x.Rows];
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        _xRow = x.Length / x.Rows;
        _yRow = y.Length / y.Rows;
    }

    /// <summary>Batch gradient descent: every epoch is a single batch of all N rows, in order (no copy).</summary>
    public static MiniBatches FullBatch(Tensor x, Tensor y) => new(x, y, x.Rows, shuffle: false);

    /// <summary>Pure stochastic gradient descent (the lecture “Gradient descent: the basics”, "на каждом шаге выбираем один случайный объект"):
    /// batch size 1, a new random order each epoch.</summary>
    public static MiniBatches Stochastic(Tensor x, Tensor y, int seed) => new(x, y, 1, shuffle: true, seed: seed);

    /// <summary>The inputs.</summary>
    public Tensor X { get; }
    /// <summary>The targets.</summary>
    public Tensor Y { get; }
    /// <summary>N, the number of examples.</summary>
    public int Count => X.Rows;
    /// <summary>b.</summary>
    public int BatchSize { get; }
    /// <summary>Whether the last, smaller batch of an epoch is skipped.</summary>
    public bool DropLast { get; }
    /// <summary>Whether each epoch goes through the rows in a new random order.</summary>
    public bool Shuffle => _rng is not null;
    /// <summary>Batches (updates) per epoch: ⌈N/b⌉, or ⌊N/b⌋ with <see cref="DropLast"/>.</summary>
    public int BatchesPerEpoch => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;
    /// <summary>Examples used per epoch (N, or fewer with <see cref="DropLast"/>).</summary>
    public int ExamplesPerEpoch => DropLast ? BatchesPerEpoch * BatchSize : Count;
    /// <summary>Epochs started so far.</summary>
    public int Epoch { get; private set; }
    /// <summary>The row order of the current epoch (the permutation the batches are cut from).</summary>
    public IReadOnlyList<int> Order => _order;

    /// <summary>
    /// Starts the next epoch (drawing a new order when shuffling) and returns its batches, lazily.
    /// Enumerate each epoch once, before starting the next.
    /// </summary>
    public IEnumerable<MiniBatch> NextEpoch()
    {
        Epoch++;
        _version++;
        if (_rng is not null) _rng.Shuffle(_order); // Fisher–Yates: without replacement
        return Batches(Epoch, _version);
    }

    private IEnumerable<MiniBatch> Batches(int epoch, int version)
    {
        for (int index = 0, start = 0; index < BatchesPerEpoch; index++, start += BatchSize)
        {
            if (version != _version)
                throw new InvalidOperationException(
                    $"Epoch {epoch}'s batches were read after epoch {Epoch} started; enumerate each epoch before calling NextEpoch again.");
            int size = Math.Min(BatchSize, Count - start);
            var rows = new ReadOnlyMemory<int>(_order, start, size);
            yield return _rng is null
                ? new MiniBatch(X.Slice(start, size), Y.Slice(start, size), epoch, index, rows)
                : Gather(rows.Span, size, epoch, index, rows);
        }
    }

    private MiniBatch Gather(ReadOnlySpan<int> rows, int size, int epoch, int index, ReadOnlyMemory<int> memory)
    {
        Tensor xb, yb;
        if (size == BatchSize)
        {
            xb = _xFull ??= Buffer(X, size);
            yb = _yFull ??= Buffer(Y, size);
        }
        else
        {
            xb = _xRest ??= Buffer(X, size);
            yb = _yRest ??= Buffer(Y, size);
        }
        Copy(X, xb, rows, _xRow);
        Copy(Y, yb, rows, _yRow);
        return new MiniBatch(xb, yb, epoch, index, memory);
    }

    private static Tensor Buffer(Tensor like, int rows)
    {
        var shape = like.Shape.ToArray();
        shape[0] = rows;
        return Tensor.Zeros(shape);
    }

    private static void Copy(Tensor source, Tensor destination, ReadOnlySpan<int> rows, int rowLength)
    {
        var from = source.Span;
        var to = destination.Span;
        for (int r = 0; r < rows.Length; r++)
            from.Slice(rows[r] * rowLength, rowLength).CopyTo(to.Slice(r * rowLength, rowLength));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        BatchSize == Count && !Shuffle ? $"batch gradient descent: 1 batch of all {Count} examples per epoch"
        : BatchSize == 1 ? $"stochastic gradient descent: {Count} batches of 1 example per epoch{(Shuffle ? ", shuffled" : "")}"
        : $"mini-batches: {BatchesPerEpoch} batches of {BatchSize} per epoch ({Count} examples{(DropLast && ExamplesPerEpoch < Count ? $", {Count - ExamplesPerEpoch} dropped" : "")}){(Shuffle ? ", shuffled" : "")}";
}
