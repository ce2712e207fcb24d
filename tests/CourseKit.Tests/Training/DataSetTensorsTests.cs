using CourseKit.Data;

namespace CourseKit.Tests.Training;

public class DataSetTensorsTests
{
    [Fact]
    public void Iris_as_tensors()
    {
        var iris = DataSets.Iris();
        var x = iris.ToTensor();
        Assert.Equal([150, 4], x.Shape);
        Assert.Equal(iris.Features[17, 2], x[17, 2]);
        var y = iris.LabelsOneHot();
        Assert.Equal([150, 3], y.Shape);
        for (int i = 0; i < 150; i++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(iris.Labels![i] == c ? 1.0 : 0.0, y[i, c]);
        var labels = iris.LabelArray();
        Assert.Equal(iris.Labels, labels);
        Assert.NotSame(iris.Labels, labels);
        Assert.Equal([150, 5], iris.LabelsOneHot(5).Shape);
    }

    [Fact]
    public void Regression_targets_are_a_column()
    {
        var line = Synthetic.NoisyLine(7, 0.1, seed: 1);
        var t = line.TargetsTensor();
        Assert.Equal([7, 1], t.Shape);
        Assert.Equal(line.Targets, t.ToArray());
        Assert.Equal([7, 1], line.ToTensor().Shape);
    }

    [Fact]
    public void Wrong_kind_of_set_and_labels_out_of_range_are_explained()
    {
        var line = Synthetic.NoisyLine(7, 0.1, seed: 1);
        var iris = DataSets.Iris();
        Assert.Contains("is a regression set and has no class labels",
            Assert.Throws<ArgumentException>(() => line.LabelsOneHot()).Message);
        Assert.Contains("is a classification set", Assert.Throws<ArgumentException>(() => iris.TargetsTensor()).Message);
        Assert.Contains("label 2 of sample 100 is out of range; expected 0..1 (2 classes)",
            Assert.Throws<ArgumentException>(() => iris.LabelsOneHot(2)).Message);
        Assert.Contains("the label list is empty", Assert.Throws<ArgumentException>(() => DataSetTensors.OneHot([], 3)).Message);
        Assert.Contains("label -1 of sample 1", Assert.Throws<ArgumentException>(() => DataSetTensors.OneHot([0, -1], 3)).Message);
    }
}
