using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// Where a batch run writes its files, decided and checked before any notebook runs. The output folder mirrors the
/// source folders relative to their common root, so <c>one/lesson.ipynb</c> and <c>two/lesson.ipynb</c> do not collide;
/// executed copies keep their file name. A site also gets one page per notebook: <c>stem.html</c>, or
/// <c>lesson.ipynb.html</c> and <c>lesson.dib.html</c> when two notebooks of one folder share a stem; the names the
/// site uses itself (<c>index.html</c>, <c>report.html</c>, <c>assets/</c>, <c>notebooks/</c> at its root) are never
/// a notebook's. A layout that would replace a source, or an output folder that cannot be written, is refused.
/// </summary>
/// <example>
/// The CLI plans the layout first, then runs:
/// <code>
/// // coursekit run PATH... --out DIR
/// var layout = OutputLayout.ForCopies(sources, outDir);         // OutputLayoutException: print its message, run nothing
/// foreach (var source in sources)
///     ... run it and save the executed copy to layout.ExecutedCopyPath(source);
///
/// // coursekit export PATH... --out SITE
/// var layout = OutputLayout.ForSite(sources, site);             // same refusal, before anything runs
/// foreach (var source in sources)
///     ... run it, writing no copy: the site's copies are what its view publishes
/// SiteExporter.Export(results, layout, options);                // pages at layout.PagePath(source), index at layout.IndexPath,
///                                                               // the view's copies at layout.ExecutedCopyPath(source): SITE/notebooks/mirrored/name
/// </code>
/// </example>
public sealed class OutputLayout
{
    /// <summary>The site's folder of notebook copies (as its view publishes them), under the site folder.</summary>
    public const string CopiesFolderName = "notebooks";

    /// <summary>The site's folder of offline assets, under the site folder.</summary>
    public const string AssetsFolderName = "assets";

    private static readonly string[] _reservedPages = ["index.html", "report.html"];
    private static readonly string[] _reservedFolders = [AssetsFolderName, CopiesFolderName];

    /// <summary>How paths are compared: as the platform's file systems usually do.</summary>
    private static readonly StringComparer _paths = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, string> _copies = new(_paths);
    private readonly Dictionary<string, string> _pages = new(_paths);

    private OutputLayout(IEnumerable<string> sources, string outputFolder, bool site)
    {
        Sources = sources.Select(Path.GetFullPath).Distinct(_paths).ToArray();
        OutputFolder = Path.GetFullPath(outputFolder);
        IsSite = site;
        SourceRoot = CommonFolder(Sources.Select(s => Path.GetDirectoryName(s)!).ToArray());
        var copies = site ? Path.Combine(OutputFolder, CopiesFolderName) : OutputFolder;
        foreach (var source in Sources)
            _copies[source] = Path.Combine(copies, Path.GetRelativePath(SourceRoot, source));
        if (site)
            foreach (var source in Sources)
                _pages[source] = Path.Combine(OutputFolder, PageFolder(source), PageName(source));
    }

    /// <summary>The layout of <c>coursekit run --out</c>: executed copies under <paramref name="outputFolder"/>, mirroring the sources' folders.</summary>
    /// <exception cref="OutputLayoutException">an output would replace a source, or the folder cannot be created or written.</exception>
    public static OutputLayout ForCopies(IEnumerable<string> sources, string outputFolder) => Checked(new OutputLayout(sources, outputFolder, site: false));

    /// <summary>The layout of <c>coursekit export --out</c>: pages, index and assets in <paramref name="siteFolder"/>, the notebooks' copies in its <c>notebooks/</c>.</summary>
    /// <exception cref="OutputLayoutException">an output would replace a source, or the folder cannot be created or written.</exception>
    public static OutputLayout ForSite(IEnumerable<string> sources, string siteFolder) => Checked(new OutputLayout(sources, siteFolder, site: true));

    /// <summary>The source notebooks as full paths, in the given order, each once.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The folder all sources are under; its sub-folders are mirrored in the output.</summary>
    public string SourceRoot { get; }

    /// <summary>The output folder (<c>--out</c>) as a full path.</summary>
    public string OutputFolder { get; }

    /// <summary>Whether this is a site layout (pages, index, assets) rather than executed copies only.</summary>
    public bool IsSite { get; }

    /// <summary>The site's index page.</summary>
    public string IndexPath => Path.Combine(OutputFolder, "index.html");

    /// <summary>The run report page, reserved: no notebook's page is called so.</summary>
    public string ReportPath => Path.Combine(OutputFolder, "report.html");

    /// <summary>The site's folder of offline assets (KaTeX, plotly.js, CSS).</summary>
    public string AssetsFolder => Path.Combine(OutputFolder, AssetsFolderName);

    /// <summary>Where the executed copy of <paramref name="source"/> is written (in a site: the copy its view publishes).</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not one of <see cref="Sources"/>.</exception>
    public string ExecutedCopyPath(string source) => Lookup(_copies, source);

    /// <summary>Where the page of <paramref name="source"/> is written (site layouts only).</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not one of <see cref="Sources"/>.</exception>
    /// <exception cref="InvalidOperationException">the layout is not a site's.</exception>
    public string PagePath(string source) => IsSite
        ? Lookup(_pages, source)
        : throw new InvalidOperationException("this layout has executed copies only; pages are planned by OutputLayout.ForSite");

    private static string Lookup(Dictionary<string, string> map, string source) =>
        map.TryGetValue(Path.GetFullPath(source), out var path)
            ? path
            : throw new ArgumentException($"{source} is not one of the notebooks this layout was planned for", nameof(source));

    /// <summary>The page's folder relative to the site: the source's mirrored folder, a top folder the site reserves renamed.</summary>
    private string PageFolder(string source)
    {
        var folder = Path.GetRelativePath(SourceRoot, Path.GetDirectoryName(source)!);
        if (folder == ".") return "";
        var steps = folder.Split(Path.DirectorySeparatorChar);
        if (_reservedFolders.Contains(steps[0], StringComparer.OrdinalIgnoreCase)) steps[0] += "-pages";
        return Path.Combine(steps);
    }

    /// <summary>stem.html, unless another source of the folder has the same stem or the site reserves the name: then name.html.</summary>
    private string PageName(string source)
    {
        var folder = Path.GetDirectoryName(source)!;
        var stem = Path.GetFileNameWithoutExtension(source);
        var shared = Sources.Count(s => _paths.Equals(Path.GetDirectoryName(s), folder)
            && string.Equals(Path.GetFileNameWithoutExtension(s), stem, StringComparison.OrdinalIgnoreCase)) > 1;
        var reserved = _paths.Equals(folder, SourceRoot) && _reservedPages.Contains(stem + ".html", StringComparer.OrdinalIgnoreCase);
        return (shared || reserved || stem.Length == 0 ? Path.GetFileName(source) : stem) + ".html";
    }

    /// <summary>The deepest folder that contains all <paramref name="folders"/> (full paths).</summary>
    private static string CommonFolder(string[] folders)
    {
        if (folders.Length == 0) return Directory.GetCurrentDirectory();
        var root = Path.GetPathRoot(folders[0])!;
        if (folders.FirstOrDefault(f => !_paths.Equals(Path.GetPathRoot(f), root)) is { } other)
            throw new OutputLayoutException($"the notebooks are under different roots ({root} and {Path.GetPathRoot(other)}); expected one folder tree, run them separately");
        var common = Steps(folders[0]);
        foreach (var folder in folders.Skip(1))
        {
            var steps = Steps(folder);
            var n = 0;
            while (n < common.Length && n < steps.Length && _paths.Equals(common[n], steps[n])) n++;
            common = common[..n];
        }
        return Path.Combine([root, .. common]);
    }

    private static string[] Steps(string folder) =>
        folder[Path.GetPathRoot(folder)!.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Refuses the layout when an output would be a source or two outputs one file, or the output folder is unusable.</summary>
    private static OutputLayout Checked(OutputLayout layout)
    {
        var outputs = layout._copies.Values.Concat(layout._pages.Values).ToList();
        if (layout.IsSite) outputs.AddRange([layout.IndexPath, layout.ReportPath]);

        var sources = layout.Sources.ToLookup(RealPath, _paths);
        foreach (var output in outputs)
            if (sources[RealPath(output)].FirstOrDefault() is { } source)
                throw new OutputLayoutException($"{output}: writing there would replace the source notebook {source}; expected an output folder that holds no source");
        if (outputs.GroupBy(o => o, _paths).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new OutputLayoutException($"{clash.Key}: two outputs would be written to this file; rename one of their notebooks");

        CheckFolder(layout.OutputFolder);
        foreach (var folder in outputs.Select(o => Path.GetDirectoryName(o)!).Distinct(_paths))
            for (var f = folder; f.Length > layout.OutputFolder.Length; f = Path.GetDirectoryName(f)!)
                if (File.Exists(f))
                    throw new OutputLayoutException($"{f}: is a file, but the output needs a folder there; expected a folder or nothing");
        return layout;
    }

    /// <summary>The output folder exists or can be created, and a file can be created in it (probed with a temporary file).</summary>
    private static void CheckFolder(string folder)
    {
        if (File.Exists(folder))
            throw new OutputLayoutException($"{folder}: the output folder is a file; expected a folder, or a path where one can be created");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputLayoutException($"{folder}: the output folder cannot be created ({OneLine(e.Message)}); expected a writable location");
        }
        var probe = NotebookFile.TempPathFor(Path.Combine(folder, "probe"));
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputLayoutException($"{folder}: the output folder is not writable ({OneLine(e.Message)}); expected a folder where files can be created");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.');

    /// <summary>The path with every symbolic link on the way resolved, as far as the path exists; unresolved where a link cannot be read.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var links = 0;
        var steps = new Queue<string>(Steps(full));
        while (steps.TryDequeue(out var step))
        {
            var next = Path.Combine(current, step);
            string? target = null;
            try { target = new FileInfo(next).LinkTarget; }   // null when not a link or not there
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (target is null || ++links > 40)   // 40: a cycle of links, as the kernel's ELOOP
            {
                current = next;
                continue;
            }
            // the link's target (relative to the link's folder) takes the link's place; its own steps are resolved in turn
            var resolved = Path.GetFullPath(target, current);
            steps = new Queue<string>([.. Steps(resolved), .. steps]);
            current = Path.GetPathRoot(resolved)!;
        }
        return current;
    }
}
