namespace CourseKit.Notebooks.Export;

/// <summary>The site cannot be built (e.g. the offline KaTeX files are missing); the message says how to fix it.</summary>
public sealed class SiteExportException(string message) : Exception(message);
