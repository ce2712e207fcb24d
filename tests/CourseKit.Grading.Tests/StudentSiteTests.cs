using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;
using CourseKit.Notebooks.Tests;

namespace CourseKit.Grading.Tests;

/// <summary>
/// <c>coursekit export</c> builds the student view: the instructor's source runs, but no solution, hidden test or output of
/// either reaches the pages or the copies; <c>--instructor</c> shows everything.
/// </summary>
public partial class StudentSiteTests
{
    private const string SolutionToken = "SOLUTION-TOKEN-5c1f";
    private const string HiddenToken = "HIDDEN-TOKEN-0b8e";
    /// <summary>Printed by the solution cell and by the visible test: each is built at run time, so no source holds it.</summary>
    private const string SolutionOutput = "SOLUTION-OUTPUT-9d2b";
    private const string VisibleTestOutput = "VISIBLE-OUTPUT-e4a7";
    private static readonly string[] _secrets = [SolutionToken, HiddenToken, SolutionOutput, VisibleTestOutput];

    private const string Stub = "throw new NotImplementedException();";

    /// <summary>One exercise whose solution, hidden test and outputs carry tokens, and a later cell that uses the solution.</summary>
    private static Notebook Tokens()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(Sheet.Markdown("# Tokens\n\nOne exercise."));
        notebook.Cells.Add(Sheet.Code($$"""
            double Relu(double x)
            {
                // BEGIN SOLUTION
                // {{SolutionToken}}
                return Math.Max(0, x);
                // END SOLUTION
            }
            Console.WriteLine(string.Concat("SOLUTION-", "OUTPUT-", "9d2b"));
            """, Sheet.Grading("relu", solution: true)));
        notebook.Cells.Add(Sheet.Code($$"""
            Console.WriteLine(string.Concat("VISIBLE-", "OUTPUT-", "e4a7"));
            if (Relu(3) != 3) throw new Exception("expected Relu(3) = 3");
            // BEGIN HIDDEN TESTS
            var hidden = "{{HiddenToken}}";
            if (Relu(-2) != 0) throw new Exception("expected Relu(-2) = 0");
            // END HIDDEN TESTS
            """, Sheet.Grading("relu-test", grade: true, locked: true, points: 1)));
        notebook.Cells.Add(Sheet.Code("""Console.WriteLine($"Relu(5) = {Relu(5)}");"""));
        return notebook;
    }

    private static Task<(int Exit, string Output, string Errors)> Export(params string[] args) => InProcessCli.Run(["export", .. args]);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>The text a reader sees of a page: tags dropped (the highlighter splits code into spans), entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    /// <summary>Every file of the site but its assets, with its text as a reader sees it.</summary>
    private static IEnumerable<(string Path, string Text)> Published(string site) =>
        Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(site, OutputLayout.AssetsFolderName) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (f, f.EndsWith(".html", StringComparison.Ordinal) ? Text(File.ReadAllText(f)) : File.ReadAllText(f)));

    private static (string Folder, string Source, string Site) Course(Notebook notebook)
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-student-site-").FullName;
        var source = Path.Combine(folder, "course", "tokens.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        NotebookFile.Save(notebook, source);
        return (folder, source, Path.Combine(folder, "site"));
    }

    [Fact]
    public async Task The_default_site_shows_stubs_and_visible_tests_without_outputs_and_the_instructor_option_shows_everything()
    {
        var (_, source, site) = Course(Tokens());
        var (exit, output, errors) = await Export(source, "--out", site, "--timeout", "60");
        Assert.True(exit == 0, output + errors);

        var published = Published(site).ToList();
        Assert.Equal(["index.html", "notebooks/tokens.ipynb", "report.html", "tokens.html"],
            published.Select(p => Path.GetRelativePath(site, p.Path).Replace('\\', '/')).Order(StringComparer.Ordinal));
        foreach (var (path, text) in published)
            foreach (var secret in _secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{path} shows {secret}");
        var page = Text(File.ReadAllText(Path.Combine(site, "tokens.html")));
        Assert.Contains(Stub, page);
        Assert.Contains("if (Relu(3) != 3)", page);      // the visible test
        Assert.Contains("Relu(5) = 5", page);            // a later cell's output, from the instructor's solution
        var copy = NotebookFile.Load(Path.Combine(site, "notebooks", "tokens.ipynb"));
        Assert.Equal(StudentVersion.Make(ExerciseNotebook.Load(source)).Cells.Select(c => c.Source), copy.Cells.Select(c => c.Source));
        Assert.Contains(copy.Cells, c => c.Source.Contains(Stub, StringComparison.Ordinal));
        Assert.All(copy.Cells, c => Assert.Empty(c.Outputs));

        (exit, output, errors) = await Export(source, "--out", site, "--timeout", "60", "--instructor");
        Assert.True(exit == 0, output + errors);
        page = Text(File.ReadAllText(Path.Combine(site, "tokens.html")));
        foreach (var secret in _secrets)
            Assert.Contains(secret, page);
        Assert.DoesNotContain(Stub, page);
        var instructorCopy = File.ReadAllText(Path.Combine(site, "notebooks", "tokens.ipynb"));
        foreach (var secret in _secrets)
            Assert.Contains(secret, instructorCopy);
    }

    [Fact]
    public async Task A_notebook_whose_exercises_break_the_format_is_reported_and_nothing_of_it_stays_in_the_site()
    {
        var (_, source, site) = Course(Tokens());
        var (exit, output, errors) = await Export(source, "--out", site, "--timeout", "60", "--instructor");
        Assert.True(exit == 0, output + errors);
        Assert.True(File.Exists(Path.Combine(site, "tokens.html")));

        var broken = Tokens();
        broken.Cell("relu-test").Metadata[GradingMetadata.Key]!["grade_id"] = "relu";   // two cells with one grade_id
        NotebookFile.Save(broken, source);
        (exit, output, errors) = await Export(source, "--out", site, "--timeout", "60");

        Assert.Equal(1, exit);
        Assert.Contains($"error: {source}: not published: its exercises break the format", errors);
        Assert.Contains("cells 2 and 3 all have grade_id 'relu'", errors);
        Assert.Matches(@"tokens\.ipynb\s*│\s*invalid", output);
        Assert.False(File.Exists(Path.Combine(site, "tokens.html")), "the instructor's page of the earlier build is still there");
        Assert.False(File.Exists(Path.Combine(site, "notebooks", "tokens.ipynb")), "the instructor's copy of the earlier build is still there");
        var report = File.ReadAllText(Path.Combine(site, "report.html"));
        Assert.Contains("<td class=\"invalid\">invalid</td>", report);
        Assert.Contains("not published: its exercises break the format", report);
        foreach (var (path, text) in Published(site))
            foreach (var secret in _secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{path} shows {secret}");
    }

    [Fact]
    public async Task A_course_notebook_is_published_without_a_line_of_its_solutions_or_hidden_tests()
    {
        const string file = "16-dense-to-convolutional.ipynb";
        await KitBuild.EnsureAsync();
        var sourcePath = Path.Combine(KitBuild.NotebooksFolder, file);
        var source = ExerciseNotebook.Load(sourcePath);
        // the lines only the instructor's source holds: inside solution and hidden-test regions, in no student source
        var shown = source.Cells.Select(c => c.StudentSource).ToArray();
        var secret = source.Cells.Where(c => c.Role is CellRole.Solution or CellRole.Test)
            .SelectMany(c => Markers.Find(c.Cell.Source, c.Role == CellRole.Solution ? MarkerKind.Solution : MarkerKind.HiddenTests, _ => { })
                .SelectMany(r => c.Cell.Source.Split('\n')[(r.BeginLine + 1)..r.EndLine]))
            .Select(l => l.Trim()).Where(l => l.Length >= 16 && !shown.Any(s => s.Contains(l, StringComparison.Ordinal))).Distinct().ToArray();
        Assert.True(secret.Length >= 10, $"only {secret.Length} lines of {file} are the instructor's alone");
        var instructorPage = Text(NotebookPage.Render(source.Notebook, "source"));
        Assert.All(secret, line => Assert.Contains(line, instructorPage));   // the page text shows a line of code as it is written

        var site = Path.Combine(Directory.CreateTempSubdirectory("coursekit-student-site-").FullName, "site");
        var (exit, output, errors) = await Export(sourcePath, "--out", site, "--timeout", "180");
        Assert.True(exit == 0, output + errors);
        var page = Text(File.ReadAllText(Path.Combine(site, Path.ChangeExtension(file, ".html"))));
        Assert.All(secret, line => Assert.DoesNotContain(line, page));
        Assert.All(source.Solutions, s => Assert.Contains(s.StudentSource, page));   // each exercise as its stub
        var copy = NotebookFile.Load(Path.Combine(site, "notebooks", file));
        Assert.Equal(StudentVersion.Make(source).Cells.Select(c => c.Source), copy.Cells.Select(c => c.Source));
    }
}
