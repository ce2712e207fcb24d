using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// What the site publishes of an executed notebook: the notebook its page renders and the copy written beside the
/// pages (<see cref="OutputLayout.ExecutedCopyPath"/>). The site exporter asks it once per notebook before rendering,
/// so a view can hide what some readers must not see (the course's exercises: their solutions and hidden tests)
/// without the exporter knowing about exercises.
/// </summary>
public interface ISiteView
{
    /// <summary>Everything as it ran: the page shows every cell with its outputs, the copy is the executed notebook.</summary>
    static ISiteView AsRun { get; } = new AsRunView();

    /// <summary>What the site publishes of <paramref name="executed"/>, the run of <paramref name="sourcePath"/>; the view must not change <paramref name="executed"/>.</summary>
    /// <exception cref="UnpublishableNotebookException">the notebook cannot be published safely; the site then holds nothing of it.</exception>
    PublishedNotebook Publish(Notebook executed, string sourcePath);
}
