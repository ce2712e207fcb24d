namespace CourseKit.Charts.Tests;

public class ConfusionMatrixChartTests
{
    [Fact]
    public void Rows_are_actual_classes_columns_predicted_and_each_cell_shows_its_count()
    {
        var counts = new[,] { { 5, 1, 0 }, { 0, 7, 2 }, { 3, 0, 4 } };
        var fig = Figure.Of(Charts.ConfusionMatrix(counts, ["a", "b", "c"]));
        Assert.Equal(["heatmap"], fig.Types);
        var heat = fig.Data[0];
        Assert.Equal(["a", "b", "c"], heat.GetProperty("x").Strings());
        Assert.Equal(["a", "b", "c"], heat.GetProperty("y").Strings());
        var z = heat.GetProperty("z");
        Assert.Equal(2, z[1][2].GetInt32()); // actual b, predicted c
        Assert.Equal(3, z[2][0].GetInt32()); // actual c, predicted a
        Assert.Equal("2", heat.GetProperty("text")[1][2].GetString());
        Assert.Equal("predicted class", fig.AxisTitle("xaxis"));
        Assert.Equal("actual class", fig.AxisTitle("yaxis"));
        Assert.Equal("reversed", fig.Layout.Str("yaxis", "autorange"));
    }

    [Fact]
    public void Class_names_default_to_indices()
    {
        var fig = Figure.Of(Charts.ConfusionMatrix(new[,] { { 1, 0 }, { 0, 1 } }));
        Assert.Equal(["0", "1"], fig.Data[0].GetProperty("x").Strings());
    }

    [Fact]
    public void Bad_matrices_are_refused()
    {
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[2, 3])).Message);
        Assert.Contains("2 class names for 3 classes", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[3, 3], ["a", "b"])).Message);
        Assert.Contains("[1, 0] is -1", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new[,] { { 1, 0 }, { -1, 1 } })).Message);
    }
}
