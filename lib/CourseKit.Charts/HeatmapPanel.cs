namespace CourseKit.Charts;

/// <summary>One small heat map of <see cref="Charts.Heatmaps"/>: an image, a kernel, a feature map.</summary>
/// <param name="Title">The panel's title, above it.</param>
/// <param name="Values">The values, [row, column]; row 0 is drawn at the top, as in an image.</param>
public sealed record HeatmapPanel(string Title, double[,] Values);
