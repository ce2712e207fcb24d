using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SplitStandardizeBootstrapTests
{
    [Fact]
    public void Split_sizes_cover_every_sample_once()
    {
        var d = DataSets.Iris();
        var s = d.Split(0.6, 0.2, seed: 42);
        Assert.Equal(90, s.Train.Count);              // round(0.6·150)
        Assert.Equal(30, s.Validation!.Count);        // round(0.2·150)
        Assert.Equal(30, s.Test!.Count);
        var all = s.TrainIndices.Concat(s.ValidationIndices).Concat(s.TestIndices).ToArray();
        Assert.Equal(150, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 150), all.Order());
        // rows really are the original rows
        int k = s.TestIndices[5];
        Assert.Equal(d.Row(k), s.Test.Row(5));
        Assert.Equal(d.Labels![k], s.Test.Labels![5]);
    }

    [Fact]
    public void Split_is_deterministic_per_seed_and_shuffles()
    {
        var d = DataSets.Wine();
        Assert.Equal(d.Split(0.7, 0.15, seed: 1).TrainIndices, d.Split(0.7, 0.15, seed: 1).TrainIndices);
        Assert.NotEqual(d.Split(0.7, 0.15, seed: 1).TrainIndices, d.Split(0.7, 0.15, seed: 2).TrainIndices);
        Assert.NotEqual(Enumerable.Range(0, 125), d.Split(0.7, 0.15, seed: 1).TrainIndices);
    }

    [Fact]
    public void Stratified_split_keeps_class_proportions()
    {
        var d = DataSets.Iris();
        var s = d.Split(0.6, 0.2, seed: 3, stratify: true);
        Assert.Equal([30, 30, 30], s.Train.ClassCounts());
        Assert.Equal([10, 10, 10], s.Validation!.ClassCounts());
        Assert.Equal([10, 10, 10], s.Test!.ClassCounts());
        Assert.Equal(150, s.TrainIndices.Concat(s.ValidationIndices).Concat(s.TestIndices).Distinct().Count());
        var bc = DataSets.BreastCancer().Split(0.5, 0.0, seed: 3, stratify: true);
        Assert.Equal([106, 179], bc.Train.ClassCounts());   // round(212/2) = 106, round(357/2) = 178.5 → 179
        Assert.Null(bc.Validation);
    }

    [Fact]
    public void Split_rejects_bad_fractions()
    {
        var d = DataSets.Iris();
        Assert.Contains("add up to more than 1", Assert.Throws<ArgumentException>(() => d.Split(0.8, 0.3, 1)).Message);
        Assert.Contains("training fraction in (0, 1]", Assert.ThrowsAny<ArgumentException>(() => d.Split(0, 0.3, 1)).Message);
        Assert.Contains("regression", Assert.Throws<ArgumentException>(() => DataSets.Diabetes().Split(0.8, 0.1, 1, stratify: true)).Message);
        Assert.Contains("validation part", Assert.Throws<ArgumentException>(() => Synthetic.Xor(4, 0, 1).Split(0.5, 0.1, 1)).Message);
    }

    [Fact]
    public void Standardizer_gives_mean_0_std_1_on_train_and_uses_train_statistics_elsewhere()
    {
        var s = DataSets.Wine().Split(0.7, 0.0, seed: 11);
        var z = new Standardizer().Fit(s.Train);
        var train = z.Transform(s.Train);
        for (int j = 0; j < train.FeatureCount; j++)
        {
            double[] col = RealDataSetTests.Column(train, j);
            double mean = col.Average();
            Assert.Equal(0, mean, 1e-12);
            Assert.Equal(1, Math.Sqrt(col.Select(v => (v - mean) * (v - mean)).Average()), 1e-12);
        }
        // the test part is transformed with the training μ, σ (not its own)
        var test = z.Transform(s.Test!);
        Assert.Equal((s.Test!.Features[0, 12] - z.Mean[12]) / z.StdDev[12], test.Features[0, 12], 1e-12);
        Assert.NotEqual(0, RealDataSetTests.Column(test, 12).Average(), 3);
        // and inverting gives the original numbers back
        var back = z.InverseTransform(test.Features);
        Assert.Equal(s.Test.Features[3, 4], back[3, 4], 1e-9);
    }

    [Fact]
    public void Standardizer_checks_feature_count_fit_state_and_constant_columns()
    {
        var z = new Standardizer();
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => z.Transform(new double[2, 2])).Message);
        z.Fit(new double[,] { { 1, 5 }, { 3, 5 } });
        Assert.Equal([2.0, 5.0], z.Mean);
        Assert.Equal([1.0, 1.0], z.StdDev);          // σ = 1 for column 0, constant column 1 divided by 1
        Assert.Equal(new double[,] { { -1, 0 }, { 1, 0 } }, z.Transform(new double[,] { { 1, 5 }, { 3, 5 } }));
        var ex = Assert.Throws<ArgumentException>(() => z.Transform(new double[4, 3]));
        Assert.Contains("fitted on 2 features but this data has 3 features", ex.Message);
    }

    [Fact]
    public void Bootstrap_draws_with_replacement_and_reports_out_of_bag()
    {
        var d = DataSets.Digits();
        var b = Bootstrap.Sample(d, seed: 5);
        Assert.Equal(d.Count, b.Data.Count);
        int distinct = b.Indices.Distinct().Count();
        Assert.True(distinct < d.Count, "with replacement some rows must repeat");
        // expected fraction of distinct rows 1 − (1 − 1/n)^n ≈ 0.632; sd ≈ 0.011 for n = 1797
        Assert.InRange(distinct / (double)d.Count, 0.59, 0.68);
        Assert.Equal(d.Count - distinct, b.OutOfBag.Length);
        Assert.Empty(b.OutOfBag.Intersect(b.Indices));
        Assert.Equal(d.Row(b.Indices[10]), b.Data.Row(10));
        Assert.Equal(b.Indices, Bootstrap.Sample(d, seed: 5).Indices);
        Assert.NotEqual(b.Indices, Bootstrap.Sample(d, seed: 6).Indices);
        Assert.ThrowsAny<ArgumentException>(() => Bootstrap.Indices(0, new Random(1)));
    }
}
