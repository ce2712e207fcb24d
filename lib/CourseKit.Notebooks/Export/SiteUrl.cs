namespace CourseKit.Notebooks.Export;

/// <summary>Links between the site's files: relative, with every path segment URL-encoded, so that a <c>#</c>, <c>?</c>, <c>%</c> or space in a file name keeps the link working.</summary>
public static class SiteUrl
{
    /// <summary>The relative URL from the page <paramref name="fromFile"/> to <paramref name="toPath"/> (both full paths in the site).</summary>
    public static string Relative(string fromFile, string toPath)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(fromFile)!, toPath);
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
