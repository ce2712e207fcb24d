using CourseKit.Training;
using CsCheck;

namespace CourseKit.Tests.Training;

public class MiniBatchesTests
{
    // Row i of X is (i, −i); row i of Y is 10·i, so a batch tells which rows it holds and whether X and Y agree.
    private static (Tensor X, Tensor Y) Numbered(int n)
    {
        var x = Tensor.Zeros(n, 2);
        var y = Tensor.Zeros(n, 1);
        for (int i = 0; i < n; i++) { x[i, 0] = i; x[i, 1] = -i; y[i, 0] = 10 * i; }
        return (x, y);
    }

    private static List<int[]> EpochRows(MiniBatches batches)
    {
        var result = new List<int[]>();
        foreach (var b in batches.NextEpoch())
        {
            var rows = new int[b.Size];
            for (int r = 0; r < b.Size; r++)
            {
                rows[r] = (int)b.X[r, 0];
                Assert.Equal(-rows[r], b.X[r, 1]);
                Assert.Equal(10.0 * rows[r], b.Y[r, 0]);
                Assert.Equal(rows[r], b.Rows.Span[r]);
            }
            result.Add(rows);
        }
        return result;
    }

    [Fact]
    public void Every_row_appears_exactly_once_per_epoch_with_a_smaller_last_batch()
    {
        var (x, y) = Numbered(10);
        var batches = new MiniBatches(x, y, batchSize: 3, seed: 7);
        Assert.Equal(4, batches.BatchesPerEpoch); // ⌈10/3⌉
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            var rows = EpochRows(batches);
            Assert.Equal([3, 3, 3, 1], rows.Select(r => r.Length));
            Assert.Equal(Enumerable.Range(0, 10), rows.SelectMany(r => r).Order());
            Assert.Equal(epoch, batches.Epoch);
        }
    }

    [Fact]
    public void Order_changes_between_epochs_and_repeats_with_the_same_seed()
    {
        var (x, y) = Numbered(50);
        var a = new MiniBatches(x, y, 8, seed: 3);
        var b = new MiniBatches(x, y, 8, seed: 3);
        var c = new MiniBatches(x, y, 8, seed: 4);
        var a1 = EpochRows(a).SelectMany(r => r).ToArray();
        var a2 = EpochRows(a).SelectMany(r => r).ToArray();
        Assert.NotEqual(a1, a2);
        Assert.Equal(a1, EpochRows(b).SelectMany(r => r));
        Assert.Equal(a2, EpochRows(b).SelectMany(r => r));
        Assert.NotEqual(a1, EpochRows(c).SelectMany(r => r));
        Assert.NotEqual(Enumerable.Range(0, 50), a1); // actually shuffled
    }

    [Fact]
    public void Drop_last_skips_the_remainder_and_uses_a_different_subset_each_epoch()
    {
        var (x, y) = Numbered(10);
        var batches = new MiniBatches(x, y, 4, seed: 1, dropLast: true);
        Assert.Equal(2, batches.BatchesPerEpoch); // ⌊10/4⌋
        Assert.Equal(8, batches.ExamplesPerEpoch);
        var seen = new HashSet<int>();
        for (int e = 0; e < 10; e++)
        {
            var rows = EpochRows(batches);
            Assert.Equal([4, 4], rows.Select(r => r.Length));
            var all = rows.SelectMany(r => r).ToArray();
            Assert.Equal(8, all.Distinct().Count());
            seen.UnionWith(all);
        }
        Assert.Equal(10, seen.Count);
    }

    [Fact]
    public void Full_batch_is_one_unshuffled_view_of_all_rows()
    {
        var (x, y) = Numbered(6);
        var batches = MiniBatches.FullBatch(x, y);
        var b = Assert.Single(batches.NextEpoch());
        Assert.Equal([6, 2], b.X.Shape);
        Assert.True(b.X.AllClose(x));
        x[2, 0] = 99;                  // a view: sees the change
        Assert.Equal(99, b.X[2, 0]);
        Assert.StartsWith("batch gradient descent", batches.ToString());
    }

    [Fact]
    public void Stochastic_is_batch_size_one_in_a_new_random_order()
    {
        var (x, y) = Numbered(12);
        var batches = MiniBatches.Stochastic(x, y, seed: 5);
        var rows = EpochRows(batches);
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Single(r));
        Assert.Equal(Enumerable.Range(0, 12), rows.Select(r => r[0]).Order());
        Assert.StartsWith("stochastic gradient descent", batches.ToString());
    }

    [Fact]
    public void Without_shuffling_batches_are_consecutive_slices()
    {
        var (x, y) = Numbered(7);
        var batches = new MiniBatches(x, y, 3, shuffle: false);
        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], EpochRows(batches));
        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], EpochRows(batches));
    }

    [Fact]
    public void Shuffled_batches_reuse_their_buffers()
    {
        var (x, y) = Numbered(9);
        var batches = new MiniBatches(x, y, 3, seed: 2);
        var tensors = batches.NextEpoch().Select(b => b.X).ToList();
        Assert.Same(tensors[0], tensors[1]);
        Assert.Same(tensors[1], tensors[2]);
    }

    [Fact]
    public void Reading_an_old_epoch_after_the_next_started_is_an_error()
    {
        var (x, y) = Numbered(9);
        var batches = new MiniBatches(x, y, 3, seed: 2);
        var first = batches.NextEpoch();
        batches.NextEpoch();
        var e = Assert.Throws<InvalidOperationException>(() => first.ToList());
        Assert.Contains("Epoch 1's batches were read after epoch 2 started", e.Message);
    }

    [Fact]
    public void Bad_batch_size_and_row_mismatch_are_explained()
    {
        var (x, y) = Numbered(5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(x, y, 0));
        Assert.Contains("Expected a batch size between 1 and N = 5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(x, y, 6));
        var m = Assert.Throws<ArgumentException>(() => new MiniBatches(x, Tensor.Zeros(4, 1), 2));
        Assert.Contains("X is [5, 2], Y is [4, 1]", m.Message);
    }

    [Fact]
    public void Property_every_epoch_is_a_permutation_cut_into_batches()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 60], Gen.Int, Gen.Bool)
            .Where(t => t.Item2 <= t.Item1)
            .Sample((n, b, seed, dropLast) =>
            {
                var (x, y) = Numbered(n);
                var batches = new MiniBatches(x, y, b, seed: seed, dropLast: dropLast);
                for (int e = 0; e < 2; e++)
                {
                    var rows = EpochRows(batches);
                    var all = rows.SelectMany(r => r).ToArray();
                    int expected = dropLast ? n / b * b : n;
                    if (all.Length != expected || all.Distinct().Count() != expected) return false;
                    if (rows.Take(rows.Count - 1).Any(r => r.Length != b)) return false;
                }
                return true;
            }, iter: 200);
    }
}
