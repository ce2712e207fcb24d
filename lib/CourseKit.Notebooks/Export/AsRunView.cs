using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Export;

/// <summary>The view that publishes a notebook as it ran (see <see cref="ISiteView.AsRun"/>).</summary>
internal sealed class AsRunView : ISiteView
{
    /// <inheritdoc />
    public PublishedNotebook Publish(Notebook executed, string sourcePath) => new(executed, executed);
}
