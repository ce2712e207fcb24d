using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>Shapes and class counts against the numbers stated in the sklearn description files.</summary>
public class RealDataSetTests
{
    [Fact]
    public void Iris_is_150_by_4_with_three_classes_of_50()
    {
        var d = DataSets.Iris();
        Assert.Equal((150, 4), (d.Count, d.FeatureCount));
        Assert.Equal([50, 50, 50], d.ClassCounts());
        Assert.Equal(["setosa", "versicolor", "virginica"], d.ClassNames);
        // iris.rst summary statistics: sepal length min 4.3, max 7.9; petal width min 0.1, max 2.5
        Assert.Equal(4.3, Column(d, 0).Min());
        Assert.Equal(7.9, Column(d, 0).Max());
        Assert.Equal(0.1, Column(d, 3).Min());
        Assert.Equal(2.5, Column(d, 3).Max());
        Assert.Equal(5.84, Column(d, 0).Average(), 2);
        Assert.Contains("Iris plants dataset", d.Description);
    }

    [Fact]
    public void Digits_is_1797_by_64_with_pixels_0_to_16_and_ten_classes()
    {
        var d = DataSets.Digits();
        Assert.Equal((1797, 64), (d.Count, d.FeatureCount));
        Assert.Equal(10, d.ClassCount);
        Assert.Equal(1797, d.ClassCounts().Sum());
        Assert.All(d.ClassCounts(), c => Assert.InRange(c, 170, 190)); // roughly 180 per digit
        double min = double.MaxValue, max = double.MinValue;
        foreach (double v in d.Features) { min = Math.Min(min, v); max = Math.Max(max, v); Assert.Equal(Math.Round(v), v); }
        Assert.Equal(0, min);
        Assert.Equal(16, max);
        Assert.Equal("pixel_7_7", d.FeatureNames[63]);
        Assert.Contains("1797", d.Description);
    }

    [Fact]
    public void Breast_cancer_is_569_by_30_with_212_malignant_and_357_benign()
    {
        var d = DataSets.BreastCancer();
        Assert.Equal((569, 30), (d.Count, d.FeatureCount));
        Assert.Equal([212, 357], d.ClassCounts());
        Assert.Equal(["malignant", "benign"], d.ClassNames);
        Assert.Equal("mean radius", d.FeatureNames[0]);
        Assert.Equal("radius error", d.FeatureNames[10]);
        Assert.Equal("worst radius", d.FeatureNames[20]);
        // breast_cancer.rst: radius (mean) min 6.981, max 28.11; area (worst) max 4254
        Assert.Equal(6.981, Column(d, 0).Min());
        Assert.Equal(28.11, Column(d, 0).Max());
        Assert.Equal(4254.0, Column(d, 23).Max());
    }

    [Fact]
    public void Wine_is_178_by_13_with_59_71_48()
    {
        var d = DataSets.Wine();
        Assert.Equal((178, 13), (d.Count, d.FeatureCount));
        Assert.Equal([59, 71, 48], d.ClassCounts());
        // wine_data.rst: proline min 278, max 1680
        Assert.Equal(278, Column(d, 12).Min());
        Assert.Equal(1680, Column(d, 12).Max());
    }

    [Fact]
    public void Diabetes_is_442_by_10_regression_in_raw_units()
    {
        var d = DataSets.Diabetes();
        Assert.Equal((442, 10), (d.Count, d.FeatureCount));
        Assert.False(d.IsClassification);
        Assert.Equal(442, d.Targets!.Length);
        Assert.Equal(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], d.FeatureNames);
        Assert.Equal([1.0, 2.0], Column(d, 1).Distinct().Order());       // sex coded 1/2
        Assert.InRange(d.Targets.Min(), 25, 25);
        Assert.InRange(d.Targets.Max(), 346, 346);
        Assert.Equal(151.0, d.Targets[0]);
    }

    [Theory]
    [InlineData("iris", 150)]
    [InlineData("DIGITS", 1797)]
    [InlineData("breast-cancer", 569)]
    [InlineData("breast_cancer", 569)]
    [InlineData("wine", 178)]
    [InlineData("diabetes", 442)]
    public void Load_by_name(string name, int count) => Assert.Equal(count, DataSets.Load(name).Count);

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataSets.Load("nope"));
        Assert.Contains("Unknown data set 'nope'", ex.Message);
        Assert.Contains("iris, digits, breast_cancer, wine, diabetes", ex.Message);
    }

    [Fact]
    public void DataSet_rejects_inconsistent_input()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => DataSet.Classification("e", new double[0, 2], [])).Message);
        Assert.Contains("3 samples but 2 labels",
            Assert.Throws<ArgumentException>(() => DataSet.Classification("m", new double[3, 1], [0, 1])).Message);
        Assert.Contains("label 2 of sample 1 is out of range; expected 0..1",
            Assert.Throws<ArgumentException>(() => DataSet.Classification("r", new double[2, 1], [0, 2], classNames: ["a", "b"])).Message);
        Assert.Contains("label -1", Assert.Throws<ArgumentException>(() => DataSet.Classification("r", new double[2, 1], [0, -1])).Message);
        Assert.Contains("2 features but 1 feature names",
            Assert.Throws<ArgumentException>(() => DataSet.Regression("f", new double[2, 2], [1, 2], ["a"])).Message);
    }

    internal static double[] Column(DataSet d, int j) => Enumerable.Range(0, d.Count).Select(i => d.Features[i, j]).ToArray();
}
