using System.Security.Cryptography;
using CourseKit.Notebooks.Export;

namespace CourseKit.Notebooks.Tests;

/// <summary>Outputs mirror the source folders, never collide, never replace a source, and go only where they can be written.</summary>
public class OutputLayoutTests
{
    /// <summary>A fresh folder with (empty) notebook files at the given relative paths; returns it and the files' full paths.</summary>
    private static (string Root, string[] Files) Sources(params string[] relative)
    {
        var root = Directory.CreateTempSubdirectory("coursekit-layout-").FullName;
        var files = relative.Select(r => Path.Combine(root, "course", r)).ToArray();
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "{}");
        }
        return (root, files);
    }

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    [Fact]
    public void Copies_mirror_the_source_folders_so_equal_names_in_two_folders_do_not_collide()
    {
        var (root, files) = Sources("one/lesson.ipynb", "two/lesson.ipynb", "two/deeper/lesson.dib");
        var outDir = Path.Combine(root, "out");
        var layout = OutputLayout.ForCopies(files, outDir);
        Assert.Equal(Path.Combine(root, "course"), layout.SourceRoot);
        Assert.Equal(["one/lesson.ipynb", "two/lesson.ipynb", "two/deeper/lesson.dib"], files.Select(f => Relative(outDir, layout.ExecutedCopyPath(f))));
        Assert.False(layout.IsSite);
        Assert.Throws<InvalidOperationException>(() => layout.PagePath(files[0]));
    }

    [Fact]
    public void Notebooks_of_one_folder_keep_their_names_as_before()
    {
        var (root, files) = Sources("01-intro.ipynb", "02-tensors.ipynb");
        var layout = OutputLayout.ForCopies(files, Path.Combine(root, "out"));
        Assert.Equal([Path.Combine(root, "out", "01-intro.ipynb"), Path.Combine(root, "out", "02-tensors.ipynb")], files.Select(layout.ExecutedCopyPath));
    }

    [Fact]
    public void Site_pages_mirror_the_folders_and_a_shared_stem_or_a_name_of_the_site_gets_the_full_file_name()
    {
        var (root, files) = Sources("lesson.ipynb", "lesson.dib", "other.ipynb", "index.ipynb", "Report.dib", "one/lesson.ipynb", "two/lesson.ipynb", "two/index.ipynb", "assets/extra.ipynb", "notebooks/more.ipynb");
        var site = Path.Combine(root, "site");
        var layout = OutputLayout.ForSite(files, site);
        Assert.Equal(
            ["lesson.ipynb.html", "lesson.dib.html", "other.html", "index.ipynb.html", "Report.dib.html", "one/lesson.html", "two/lesson.html", "two/index.html", "assets-pages/extra.html", "notebooks-pages/more.html"],
            files.Select(f => Relative(site, layout.PagePath(f))));
        Assert.Equal(
            ["notebooks/lesson.ipynb", "notebooks/lesson.dib", "notebooks/other.ipynb", "notebooks/index.ipynb", "notebooks/Report.dib", "notebooks/one/lesson.ipynb", "notebooks/two/lesson.ipynb", "notebooks/two/index.ipynb", "notebooks/assets/extra.ipynb", "notebooks/notebooks/more.ipynb"],
            files.Select(f => Relative(site, layout.ExecutedCopyPath(f))));
        Assert.Equal(Path.Combine(site, "index.html"), layout.IndexPath);
        Assert.Equal(Path.Combine(site, "report.html"), layout.ReportPath);
        Assert.Equal(Path.Combine(site, "assets"), layout.AssetsFolder);
    }

    [Fact]
    public void A_path_that_is_not_a_planned_source_is_refused()
    {
        var (root, files) = Sources("a.ipynb");
        var layout = OutputLayout.ForCopies(files, Path.Combine(root, "out"));
        Assert.Throws<ArgumentException>(() => layout.ExecutedCopyPath(Path.Combine(root, "b.ipynb")));
        Assert.Equal(layout.ExecutedCopyPath(files[0]), layout.ExecutedCopyPath(Path.Combine(root, "course", ".", "a.ipynb")));
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public void An_output_folder_equal_to_the_source_folder_is_refused_before_anything_is_written_even_for_a_read_only_source()
    {
        var (_, files) = Sources("a.ipynb", "b.ipynb");
        File.SetAttributes(files[1], FileAttributes.ReadOnly);
        var folder = Path.GetDirectoryName(files[0])!;
        var before = files.Select(Hash).ToArray();

        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, folder));
        Assert.Equal($"{files[0]}: writing there would replace the source notebook {files[0]}; expected an output folder that holds no source", e.Message);
        Assert.Equal(before, files.Select(Hash));
        Assert.Equal(files.Order(), Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order());   // not even a probe file
    }

    [Fact]
    public void An_output_that_would_replace_another_notebook_of_the_run_is_refused()
    {
        // the copy of course/x.ipynb would be course/out/x.ipynb, itself one of the sources
        var (root, files) = Sources("x.ipynb", "out/x.ipynb");
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, Path.Combine(root, "course", "out")));
        Assert.Contains("would replace the source notebook", e.Message);
    }

    [Fact]
    public void An_output_folder_reached_through_a_symbolic_link_is_recognised_as_the_source_folder()
    {
        var (root, files) = Sources("a.ipynb");
        var link = Path.Combine(root, "link-to-course");
        Directory.CreateSymbolicLink(link, Path.Combine(root, "course"));
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, link));
        Assert.Contains($"would replace the source notebook {files[0]}", e.Message);

        // and the other way round: the sources named through the link, the output the real folder
        var viaLink = Path.Combine(link, "a.ipynb");
        Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies([viaLink], Path.Combine(root, "course")));
    }

    [Fact]
    public void Site_pages_next_to_the_sources_are_allowed_when_they_replace_none()
    {
        var (_, files) = Sources("a.ipynb");
        var folder = Path.GetDirectoryName(files[0])!;
        var layout = OutputLayout.ForSite(files, folder);
        Assert.Equal(Path.Combine(folder, "a.html"), layout.PagePath(files[0]));
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_refused()
    {
        var (root, files) = Sources("a.ipynb");
        var file = Path.Combine(root, "out");
        File.WriteAllText(file, "not a folder");
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, file));
        Assert.Equal($"{file}: the output folder is a file; expected a folder, or a path where one can be created", e.Message);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_refused()
    {
        var (root, files) = Sources("a.ipynb");
        var file = Path.Combine(root, "file");
        File.WriteAllText(file, "");
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForSite(files, Path.Combine(file, "site")));
        Assert.StartsWith($"{Path.Combine(file, "site")}: the output folder cannot be created (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_output_folder_that_is_not_writable_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;   // /proc refuses new files even to root
        var (_, files) = Sources("a.ipynb");
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, "/proc"));
        Assert.StartsWith("/proc: the output folder is not writable (", e.Message);
        Assert.EndsWith("; expected a folder where files can be created", e.Message);
    }

    [Fact]
    public void A_file_where_a_mirrored_folder_must_go_is_refused()
    {
        var (root, files) = Sources("one/a.ipynb", "two/b.ipynb");
        var outDir = Path.Combine(root, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "one"), "");
        var e = Assert.Throws<OutputLayoutException>(() => OutputLayout.ForCopies(files, outDir));
        Assert.Equal($"{Path.Combine(outDir, "one")}: is a file, but the output needs a folder there; expected a folder or nothing", e.Message);
    }

    [Fact]
    public void The_writability_probe_leaves_nothing_behind()
    {
        var (root, files) = Sources("a.ipynb");
        var outDir = Path.Combine(root, "out");
        OutputLayout.ForSite(files, outDir);
        Assert.Empty(Directory.GetFileSystemEntries(outDir));
    }

    [Fact]
    public void Missing_sources_still_get_a_place_so_that_the_run_can_report_them()
    {
        var root = Directory.CreateTempSubdirectory("coursekit-layout-").FullName;
        var missing = Path.Combine(root, "gone", "lesson.ipynb");
        var layout = OutputLayout.ForCopies([missing], Path.Combine(root, "out"));
        Assert.Equal(Path.Combine(root, "out", "lesson.ipynb"), layout.ExecutedCopyPath(missing));
    }
}
