namespace CourseKit.Notebooks.Export;

/// <summary>A link from one page of the site to another: its (URL-encoded, relative) address and the text shown.</summary>
/// <param name="Href">The relative URL, as <see cref="SiteUrl.Relative"/> gives it.</param>
/// <param name="Text">The link's text (plain, not HTML).</param>
public sealed record PageLink(string Href, string Text);
