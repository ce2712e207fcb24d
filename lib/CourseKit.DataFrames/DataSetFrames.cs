using CourseKit.Data;
using Microsoft.Data.Analysis;

namespace CourseKit.DataFrames;

/// <summary>A <see cref="DataSet"/> as a data frame, to look at it as a table.</summary>
public static class DataSetFrames
{
    /// <summary>
    /// A <see cref="DataFrame"/> with one double column per feature, then "target": the label (int) and
    /// "class": its name for classification, or the target (double) for regression.
    /// </summary>
    public static DataFrame ToDataFrame(this DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new List<DataFrameColumn>();
        for (int j = 0; j < data.FeatureCount; j++)
        {
            var values = new double[data.Count];
            for (int i = 0; i < data.Count; i++) values[i] = data.Features[i, j];
            columns.Add(new DoubleDataFrameColumn(data.FeatureNames[j], values));
        }
        if (data.Labels is { } labels)
        {
            columns.Add(new Int32DataFrameColumn("target", labels));
            columns.Add(new StringDataFrameColumn("class", labels.Select(y => data.ClassNames[y])));
        }
        else columns.Add(new DoubleDataFrameColumn("target", data.Targets!));
        return new DataFrame(columns);
    }
}
