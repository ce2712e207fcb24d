using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

/// <summary>Every link of the site reaches its file, whatever characters the notebooks' names and folders hold.</summary>
public partial class SiteLinkTests
{
    private static NotebookRunResult Executed(string source, string title)
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellKind.Markdown, $"# {title}\n\nThe mean is $\\mu = 1$."));
        var code = new NotebookCell(CellKind.Code, "1 + 1");
        code.Outputs.Add(DisplayDataOutput.Of("text/plain", "2"));
        notebook.Cells.Add(code);
        return new NotebookRunResult(source, NotebookRunStatus.Succeeded, 1, 1, TimeSpan.FromSeconds(1), null, notebook, null);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Link();

    /// <summary>A file URL for Chromium, every segment encoded (new Uri(path) would read a '#' in the name as a fragment).</summary>
    private static string FileUrl(string path) => "file://" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    [Fact]
    public void Pages_in_mirrored_folders_with_hash_question_mark_percent_and_space_in_their_names_link_to_existing_files()
    {
        var root = Directory.CreateTempSubdirectory("coursekit-links-").FullName;
        var sources = new[] { "a #1?.ipynb", "sub dir/b%20c.ipynb", "one/lesson.ipynb", "two/lesson.ipynb", "lesson.ipynb", "lesson.dib", "index.ipynb", "x&y/z'.dib" }
            .Select(r => Path.Combine(root, "course", r)).ToArray();
        var site = Path.Combine(root, "site");
        var layout = OutputLayout.ForSite(sources, site);
        SiteExporter.Export([.. sources.Select((s, i) => Executed(s, $"Notebook {i}"))], layout);

        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);
        Assert.Equal(sources.Length + 2, pages.Length);   // the pages, the index and the report, none lost to a collision
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            foreach (Match m in Link().Matches(File.ReadAllText(page)))
            {
                var url = WebUtility.HtmlDecode(m.Groups[1].Value);
                Assert.Matches("^[A-Za-z0-9._~%/-]+$", url);   // every other character is percent-encoded
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(url)));
                Assert.True(File.Exists(target), $"{page}: the link {url} leads to {target}, which does not exist");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= pages.Length * 6, $"only {checkedLinks} links were found");   // 5 assets and the index, the report or the pages

        var index = File.ReadAllText(layout.IndexPath);
        Assert.Contains("<a href=\"a%20%231%3F.html\">Notebook 0</a>", index);
        Assert.Contains("<a href=\"sub%20dir/b%2520c.html\">Notebook 1</a>", index);
        Assert.Contains("<a href=\"one/lesson.html\">Notebook 2</a>", index);
        Assert.Contains("<a href=\"lesson.ipynb.html\">Notebook 4</a>", index);
        Assert.Contains("<a href=\"index.ipynb.html\">Notebook 6</a>", index);
        var deep = File.ReadAllText(layout.PagePath(sources[1]));
        Assert.Contains("<link rel=\"stylesheet\" href=\"../assets/coursekit.css\">", deep);
        Assert.Contains("<a class=\"index\" href=\"../index.html\">Course index</a>", deep);
    }

    [Fact]
    public void A_page_with_a_hash_in_its_name_in_a_sub_folder_loads_its_assets_in_headless_chromium()
    {
        var root = Directory.CreateTempSubdirectory("coursekit-links-").FullName;
        var source = Path.Combine(root, "course", "part #2", "lesson #1?.ipynb");
        var other = Path.Combine(root, "course", "intro.ipynb");
        var layout = OutputLayout.ForSite([source, other], Path.Combine(root, "site"));
        SiteExporter.Export([Executed(source, "Deep"), Executed(other, "Intro")], layout);

        var dom = ExternalTools.ChromiumDom(FileUrl(layout.PagePath(source)));
        Assert.Contains("data-math-done=\"true\"", dom);   // coursekit.js ran, from ../assets
        Assert.Contains("class=\"katex\"", dom);           // and KaTeX typeset the formula
    }
}
