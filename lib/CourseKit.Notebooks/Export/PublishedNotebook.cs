using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Export;

/// <summary>What the site publishes of one notebook (see <see cref="ISiteView"/>).</summary>
/// <param name="Page">The notebook its page renders, cells and outputs as readers see them.</param>
/// <param name="Copy">The notebook written beside the pages for readers to download and run.</param>
public sealed record PublishedNotebook(Notebook Page, Notebook Copy);
