using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

/// <summary>The site reads as a course: an index of lectures with their objectives, pages chained in course order with contents, code that fits, and the run report on its own page.</summary>
public partial class CourseSiteTests
{
    private const string Readme = """
        # The course notebooks

        | # | notebook |
        |---|---|
        | 00 | [Welcome](00-welcome.ipynb) |

        ## The lecture notes

        The course follows two sets of lecture notes:

        | lecture notes | language |
        |---|---|
        | **Optimisation basics** | Greek |
        | **Deep networks** | Polish |

        ## Exercises

        Not part of the lecture notes.
        """;

    /// <summary>A small course: a welcome notebook and three lectures, each introduced as the course notebooks are.</summary>
    private static (string Folder, NotebookRunResult[] Results) Course(bool readme = true)
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-course-site-").FullName;
        if (readme) File.WriteAllText(Path.Combine(folder, "README.md"), Readme);
        var welcome = Notebook(
            "# 00 · Welcome to Tiny Nets\n\nThis notebook checks that the kit works. It loads the library.\n\n**Who it is for:** students who can differentiate a product.",
            "## A tensor", "## A chart");
        var results = new[]
        {
            Run(folder, "00-welcome.ipynb", welcome),
            Run(folder, "01-descent.ipynb", Notebook(Intro("01", "Gradient descent", "derive the update $\\theta \\leftarrow \\theta - \\eta \\nabla J$;", "pick a learning rate."),
                "## 1. The objective $J(\\theta)$", "## 2. The update\n\nText.\n\n### A detail", "## Recap")),
            Run(folder, "02-momentum.ipynb", Notebook(Intro("02", "Momentum", "write the momentum update;", "explain overshoot;", "compare it with Nesterov."),
                "## Recap", "## Recap")),   // the same heading twice: two sections, two ids
            Run(folder, "03-adaptive.ipynb", Notebook(Intro("03", "Adaptive methods", "derive Adam's bias correction."), "## Adam")),
        };
        return (folder, results);
    }

    private static string Intro(string number, string title, params string[] objectives) =>
        $"# {number} · {title}\n\nThis notebook follows the lecture on {title.ToLowerInvariant()} (seed 00{number}: the first part). It then goes further.\n\n" +
        "After working through it you will be able to:\n\n" + string.Join("\n", objectives.Select(o => "- " + o));

    private static Notebook Notebook(string intro, params string[] sections)
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellKind.Markdown, intro));
        foreach (var section in sections)
        {
            notebook.Cells.Add(new NotebookCell(CellKind.Markdown, section));
            var code = new NotebookCell(CellKind.Code, "var x = 1;\nx + 1");
            code.Outputs.Add(DisplayDataOutput.Of("text/plain", "2"));
            notebook.Cells.Add(code);
        }
        return notebook;
    }

    private static NotebookRunResult Run(string folder, string name, Notebook executed) =>
        new(Path.Combine(folder, name), NotebookRunStatus.Succeeded, 1, 1, TimeSpan.FromSeconds(1.5), null, executed, null);

    [GeneratedRegex("<a class=\"(previous|next)\" rel=\"(?:prev|next)\" href=\"([^\"]*)\">")]
    private static partial Regex NeighbourLink();

    [GeneratedRegex("<nav class=\"contents\">(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex Contents();

    [GeneratedRegex("href=\"#([^\"]*)\"")]
    private static partial Regex Anchor();

    [Fact]
    public void The_index_names_the_course_and_lists_every_lecture_with_its_summary_objectives_and_page()
    {
        var (folder, results) = Course();
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));

        Assert.Contains("<h1>Tiny Nets</h1>", index);   // "Welcome to Tiny Nets" in notebook 00
        Assert.Contains("<p class=\"audience\">students who can differentiate a product.</p>", index);
        Assert.Contains("kernel install --user", index);   // how to start
        Assert.Contains("<span class=\"number\">00</span> <a href=\"00-welcome.html\">Welcome to Tiny Nets</a>", index);
        Assert.Contains("<p class=\"summary\">This notebook checks that the kit works.</p>", index);
        Assert.Contains("<span class=\"number\">01</span> <a href=\"01-descent.html\">Gradient descent</a>", index);
        Assert.Contains("<p class=\"summary\">This notebook follows the lecture on gradient descent (seed 0001: the first part).</p>", index);
        Assert.Contains("<li>derive the update <span class=\"math\">\\(\\theta \\leftarrow \\theta - \\eta \\nabla J\\)</span>;</li>", index);
        Assert.Contains("<li>pick a learning rate.</li>", index);
        Assert.Contains("<span class=\"number\">02</span> <a href=\"02-momentum.html\">Momentum</a>", index);
        Assert.Contains("<li>compare it with Nesterov.</li>", index);
        Assert.Contains("<li>derive Adam's bias correction.</li>", index);
        Assert.Equal(4, Regex.Count(index, "<li class=\"lecture\">"));
        Assert.Equal(2 + 3 + 1, Regex.Matches(index, "<ul class=\"objectives\">.*?</ul>", RegexOptions.Singleline)
            .Sum(m => Regex.Count(m.Value, "<li>")));   // every objective, none invented

        // the lecture-notes table, and only that section of the README
        Assert.Contains("<h2>The lecture notes</h2>", index);
        Assert.Contains("<td><strong>Deep networks</strong></td>", index);
        Assert.DoesNotContain("Not part of the lecture notes", index);
        Assert.DoesNotContain("00-welcome.ipynb", index);
    }

    [Theory]
    [InlineData("One sentence. Two sentences.", "One sentence.")]
    [InlineData("It follows seed **004** (§4. Planners. And more) closely. Then it goes on.", "It follows seed **004** (§4. Planners. And more) closely.")]
    [InlineData("The step $x. Y$ and `a. B` stay whole! Next.", "The step $x. Y$ and `a. B` stay whole!")]
    [InlineData("A line\nbroken in two. Next.", "A line broken in two.")]
    [InlineData("No full stop at all", "No full stop at all")]
    public void The_summary_is_the_first_sentence_of_the_introduction(string paragraph, string summary)
    {
        var intro = LectureIntro.From(Notebook($"# 07 · Title\n\n{paragraph}\n\nAfter it you will be able to:\n\n- one;\n- two."), "07-title.ipynb");
        Assert.Equal(("07", "Title", summary), (intro.Number, intro.Title, intro.Summary));
        Assert.Equal(["one;", "two."], intro.Objectives);
    }

    [Fact]
    public void Options_set_the_title_and_audience_and_a_course_without_a_README_has_no_lecture_notes()
    {
        var (folder, results) = Course(readme: false);
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site, new SiteOptions { CourseTitle = "Optimisation <for> all", Audience = "Engineers who *train* models." });
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<h1>Optimisation &lt;for&gt; all</h1>", index);
        Assert.Contains("<p class=\"audience\">Engineers who <em>train</em> models.</p>", index);
        Assert.DoesNotContain("lecture-notes", index);

        SiteExporter.Export(results[1..], site);   // no welcome notebook: the defaults
        index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(SiteOptions.DefaultCourseTitle)}</h1>", index);
        Assert.Contains($"<p class=\"audience\">{SiteOptions.DefaultAudience}</p>", index);
    }

    [Fact]
    public void Previous_and_next_links_chain_every_page_in_course_order()
    {
        var (folder, results) = Course();
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site);
        var pages = results.Select(r => Path.Combine(site, Path.ChangeExtension(Path.GetFileName(r.SourcePath), ".html"))).ToArray();
        for (int i = 0; i < pages.Length; i++)
        {
            var links = NeighbourLink().Matches(File.ReadAllText(pages[i])).Select(m => (Kind: m.Groups[1].Value, Href: m.Groups[2].Value)).ToList();
            // each link appears twice: above and below the page
            var expected = new List<(string, string)>();
            if (i > 0) expected.Add(("previous", Path.GetFileName(pages[i - 1])));
            if (i + 1 < pages.Length) expected.Add(("next", Path.GetFileName(pages[i + 1])));
            Assert.Equal([.. expected, .. expected], links);
        }
        Assert.Contains("rel=\"next\" href=\"01-descent.html\">01 &#183; Gradient descent &rarr;</a>", File.ReadAllText(pages[0]));
        Assert.Contains("rel=\"prev\" href=\"02-momentum.html\">&larr; 02 &#183; Momentum</a>", File.ReadAllText(pages[3]));
    }

    [Fact]
    public void A_notebook_that_could_not_be_read_has_no_page_and_the_chain_skips_it()
    {
        var (folder, results) = Course();
        results[2] = results[2] with { Status = NotebookRunStatus.Invalid, Executed = null, FirstError = "not JSON" };
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site);
        Assert.False(File.Exists(Path.Combine(site, "02-momentum.html")));
        Assert.Contains("rel=\"next\" href=\"03-adaptive.html\"", File.ReadAllText(Path.Combine(site, "01-descent.html")));
        Assert.Contains("rel=\"prev\" href=\"01-descent.html\"", File.ReadAllText(Path.Combine(site, "03-adaptive.html")));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<h3>02-momentum</h3>", index);   // listed, not linked
        Assert.Contains("<td class=\"invalid\">invalid</td>", File.ReadAllText(Path.Combine(site, "report.html")));
    }

    [Fact]
    public void The_contents_list_each_section_and_every_anchor_is_an_id_of_the_page()
    {
        var (folder, results) = Course();
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site);
        var expected = new Dictionary<string, int> { ["00-welcome"] = 2, ["01-descent"] = 3, ["02-momentum"] = 2, ["03-adaptive"] = 1 };
        foreach (var (name, sections) in expected)
        {
            var html = File.ReadAllText(Path.Combine(site, name + ".html"));
            var contents = Contents().Match(html);
            Assert.True(contents.Success, $"{name}: no table of contents");
            var anchors = Anchor().Matches(contents.Groups[1].Value).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
            Assert.Equal(sections, anchors.Count);
            Assert.Equal(anchors.Count, anchors.Distinct().Count());
            foreach (var anchor in anchors)
                Assert.Single(Regex.Matches(html, $"<h2 id=\"{Regex.Escape(anchor)}\">"));
            Assert.True(html.IndexOf("<nav class=\"contents\">", StringComparison.Ordinal) > html.IndexOf("<h1", StringComparison.Ordinal), $"{name}: the contents come after the title");
        }
        var descent = File.ReadAllText(Path.Combine(site, "01-descent.html"));
        Assert.Matches("<a href=\"#[^\"]+\">1. The objective <span class=\"math\">", descent);   // the heading's math goes to KaTeX in the contents too
        Assert.DoesNotContain("A detail</a>", descent);                                           // ### is not a section
    }

    [Fact]
    public void The_run_report_is_its_own_page_linked_from_the_index()
    {
        var (folder, results) = Course();
        results[3] = results[3] with { Status = NotebookRunStatus.Failed, FirstError = "cell 2: System.Exception: boom" };
        var site = Path.Combine(folder, "site");
        SiteExporter.Export(results, site);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<a class=\"report\" href=\"report.html\">Run report</a>", index);
        Assert.Contains("3 of 4 notebooks ran without an error; 1 did not", index);
        Assert.DoesNotContain("boom", index);   // the details are the report's

        var report = File.ReadAllText(Path.Combine(site, "report.html"));
        Assert.Contains("<a class=\"index\" href=\"index.html\">Course index</a>", report);
        Assert.Contains("<td><a href=\"01-descent.html\">01 &#183; Gradient descent</a></td><td class=\"ok\">ok</td><td>1.5 s</td>", report);
        Assert.Contains("<td class=\"failed\">failed</td><td>1.5 s</td><td class=\"first-error\">cell 2: System.Exception: boom</td>", report);
    }

    [Fact]
    public void Code_lines_of_110_characters_fit_without_scrolling_and_longer_ones_wrap_in_headless_chromium()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-code-width-").FullName;
        string Line(int length) => ("var total = Tensor.Zeros(3, 4) + Tensor.Ones(3, 4) * learningRate; // " + new string('w', 200))[..length];
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellKind.Markdown, "# Widths"));
        foreach (var source in new[] { Line(110), Line(110) + "\n" + Line(90), Line(140), "var s = \"" + new string('x', 240) + "\";" })
            notebook.Cells.Add(new NotebookCell(CellKind.Code, source));
        var printed = new NotebookCell(CellKind.Code, "Console.WriteLine(line);");
        printed.Outputs.Add(new StreamOutput("stdout", Line(110) + "\n"));
        notebook.Cells.Add(printed);
        var site = Path.Combine(folder, "site");
        SiteExporter.Export([Run(folder, "widths.ipynb", notebook)], site);

        // a probe beside the page: the page itself plus a script that writes each pre's layout into the DOM
        const string probe = """
            <script>
            window.addEventListener("load", function () {
              var rows = [];
              document.querySelectorAll("pre").forEach(function (el) {
                var style = getComputedStyle(el);
                var lines = (el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight);
                rows.push(el.scrollWidth + " " + el.clientWidth + " " + Math.round(lines));
              });
              document.body.setAttribute("data-layout", rows.join(";"));
            });
            </script>
            """;
        var probePage = Path.Combine(site, "probe.html");
        File.WriteAllText(probePage, File.ReadAllText(Path.Combine(site, "widths.html")).Replace("</body>", probe + "</body>"));

        foreach (var width in new[] { 1024, 1440 })
        {
            var dom = ExternalTools.ChromiumDom(probePage, width);
            var layout = Regex.Match(dom, "data-layout=\"([^\"]*)\"");
            Assert.True(layout.Success, dom);
            var pres = layout.Groups[1].Value.Split(';').Select(r => r.Split(' ').Select(int.Parse).ToArray()).ToArray();
            Assert.True(pres.Length == 6, layout.Groups[1].Value);   // five code cells and one printed line
            Assert.All(pres, p => Assert.True(p[0] <= p[1], $"at {width} px a pre scrolls sideways: scrollWidth {p[0]} > clientWidth {p[1]}"));
            var lines = pres.Select(p => p[2]).ToArray();
            Assert.True(lines[0] == 1 && lines[1] == 2 && lines[4] == 1 && lines[5] == 1, layout.Groups[1].Value);   // 110 characters (code or output): one line each
            Assert.True(lines[2] >= 2 && lines[3] >= 3, layout.Groups[1].Value);                                       // 140 and 250: wrapped, not cut
        }
    }

    [Fact]
    public void The_real_courses_index_lists_every_notebook_with_its_objectives_and_chromium_draws_it()
    {
        // the real course, unexecuted (what the index shows comes from the sources' first cells)
        var sources = Directory.GetFiles(KitBuild.NotebooksFolder, "*.ipynb").Order().ToArray();
        var results = sources.Select(s => new NotebookRunResult(s, NotebookRunStatus.Succeeded, 1, 1, TimeSpan.FromSeconds(1), null, NotebookFile.Load(s), null)).ToArray();
        var site = Path.Combine(Directory.CreateTempSubdirectory("coursekit-course-index-").FullName, "site");
        var layout = OutputLayout.ForSite(sources, site);
        SiteExporter.Export(results, layout);
        var index = File.ReadAllText(layout.IndexPath);

        Assert.Contains("<h1>CourseKit</h1>", index);
        Assert.Equal(sources.Length, Regex.Count(index, "<li class=\"lecture\">"));
        Assert.Equal(sources.Length, Regex.Count(index, "<p class=\"summary\">"));
        foreach (var (source, result) in sources.Zip(results))
        {
            var intro = LectureIntro.From(result.Executed!, source);
            Assert.Equal(Path.GetFileName(source)[..2], intro.Number);
            if (intro.Number != "00") Assert.InRange(intro.Objectives.Count, 3, 8);
            Assert.Contains($"href=\"{Path.GetFileNameWithoutExtension(source)}.html\"", index);
            foreach (var objective in intro.Objectives) Assert.Contains(SiteMarkdown.InlineHtml(objective), index);
        }
        Assert.Contains("<h2>The lecture notes</h2>", index);
        Assert.Contains("<strong>Gradient descent: the basics</strong>", index);

        var shots = Path.Combine(Path.GetTempPath(), "coursekit-screenshots");
        Directory.CreateDirectory(shots);
        foreach (var (page, png) in new[] { (layout.IndexPath, "index.png"), (layout.PagePath(sources[1]), "page.png") })
        {
            var file = Path.Combine(shots, png);
            File.Delete(file);
            ExternalTools.ChromiumScreenshot(page, file, 1280, 2400);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Equal(1280, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));   // IHDR width
        }
    }
}
