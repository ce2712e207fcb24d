using CourseKit.Data;

namespace CourseKit.DataFrames.Tests;

public class DataSetFramesTests
{
    [Fact]
    public void ToDataFrame_has_feature_columns_then_target_and_class()
    {
        var d = DataSets.Iris();
        var df = d.ToDataFrame();
        Assert.Equal(150, df.Rows.Count);
        Assert.Equal(6, df.Columns.Count);
        Assert.Equal("sepal length (cm)", df.Columns[0].Name);
        Assert.Equal(d.Features[149, 2], (double)df.Columns[2][149]!);
        Assert.Equal(2, (int)df.Columns["target"][149]!);
        Assert.Equal("virginica", (string)df.Columns["class"][149]!);

        var reg = DataSets.Diabetes().ToDataFrame();
        Assert.Equal(11, reg.Columns.Count);
        Assert.Equal(151.0, (double)reg.Columns["target"][0]!);
    }
}
