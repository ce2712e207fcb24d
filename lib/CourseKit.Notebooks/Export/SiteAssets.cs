using CourseKit.Notebooks.Formatting;

namespace CourseKit.Notebooks.Export;

/// <summary>
/// The site's offline assets: plotly.js from the copy embedded in Plotly.NET, KaTeX (js, css, fonts)
/// from the npm package installed by <c>npm ci --prefix lib/CourseKit.Notebooks/Export/web</c>
/// (or the folder named by the environment variable <c>COURSEKIT_KATEX_DIR</c>), and the kit's CSS and start-up script.
/// </summary>
public static class SiteAssets
{
    /// <summary>Where the npm-installed KaTeX dist folder lives, relative to the repository root.</summary>
    public const string KatexRelativePath = "lib/CourseKit.Notebooks/Export/web/node_modules/katex/dist";

    /// <summary>Finds KaTeX's dist folder: <c>COURSEKIT_KATEX_DIR</c>, else the npm folder above the current directory or above this assembly.</summary>
    public static string? FindKatex()
    {
        if (Environment.GetEnvironmentVariable("COURSEKIT_KATEX_DIR") is { Length: > 0 } dir && File.Exists(Path.Combine(dir, "katex.min.js")))
            return dir;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, KatexRelativePath);
                if (File.Exists(Path.Combine(candidate, "katex.min.js"))) return candidate;
            }
        }
        return null;
    }

    /// <summary>Writes the assets into <paramref name="assetsFolder"/>.</summary>
    /// <exception cref="SiteExportException">KaTeX was not found.</exception>
    public static void Write(string assetsFolder)
    {
        var katex = FindKatex() ?? throw new SiteExportException(
            $"KaTeX not found (needed to typeset formulas offline); run `npm ci --prefix lib/CourseKit.Notebooks/Export/web` in the repository, or set COURSEKIT_KATEX_DIR to a katex/dist folder");
        Directory.CreateDirectory(assetsFolder);
        using (var plotly = EmbeddedPlotlyJs.Open())
        using (var file = File.Create(Path.Combine(assetsFolder, "plotly.min.js")))
            plotly.CopyTo(file);
        var katexOut = Path.Combine(assetsFolder, "katex");
        Directory.CreateDirectory(Path.Combine(katexOut, "fonts"));
        File.Copy(Path.Combine(katex, "katex.min.js"), Path.Combine(katexOut, "katex.min.js"), true);
        File.Copy(Path.Combine(katex, "katex.min.css"), Path.Combine(katexOut, "katex.min.css"), true);
        foreach (var font in Directory.GetFiles(Path.Combine(katex, "fonts")))
            File.Copy(font, Path.Combine(katexOut, "fonts", Path.GetFileName(font)), true);
        File.WriteAllText(Path.Combine(assetsFolder, "coursekit.css"), Css);
        File.WriteAllText(Path.Combine(assetsFolder, "coursekit.js"), Script);
    }

    /// <summary>Typesets Markdig's math elements with KaTeX once the page is loaded.</summary>
    private const string Script = """
        // Typesets the formulas Markdig marked as math (span.math: inline, div.math: display).
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll(".math").forEach(function (el) {
            var tex = el.textContent.trim();
            var display = el.tagName === "DIV" || tex.startsWith("\\[");   // $$…$$ inside a paragraph is display math too
            if (tex.startsWith("\\[") || tex.startsWith("\\(")) tex = tex.slice(2, -2);
            try {
              katex.render(tex, el, { displayMode: display, throwOnError: false });
            } catch (e) {
              el.classList.add("math-error");
            }
          });
          document.body.setAttribute("data-math-done", "true");
        });
        """;

    /// <summary>
    /// The kit's page style, the one place the site's look is set (also inlined by the grader's self-contained feedback
    /// pages). Code and text outputs wrap (<c>pre-wrap</c>) instead of scrolling sideways; at a normal width (a 60rem
    /// column) a code line of 110 characters fits without wrapping.
    /// </summary>
    public const string Css = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; }
        a { color: #2456b3; }
        .cell { margin: 1rem 0; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .85rem; line-height: 1.4; }
        pre.code { background: #f6f8fa; border-left: 3px solid #4a7bd0; padding: .6rem; margin: 0; }
        .outputs { margin-left: 1rem; }
        .display { overflow-x: auto; }
        pre.stream { margin: .2rem 0; padding: .4rem; background: #fff; border: 1px solid #eee; }
        pre.stderr { color: #a33; }
        pre.error { background: #fdecec; color: #a00; padding: .5rem; }
        .tok-keyword { color: #0033b3; } .tok-string { color: #067d17; } .tok-comment { color: #8c8c8c; font-style: italic; }
        .tok-number { color: #1750eb; } .tok-directive { color: #9e880d; }
        nav.pages { display: flex; gap: 1.5rem; padding: .5rem 0; border-bottom: 1px solid #ddd; font-size: .95rem; }
        nav.pages.bottom { border-bottom: none; border-top: 1px solid #ddd; margin-top: 2rem; }
        nav.pages .next { margin-left: auto; text-align: right; }
        nav.contents { background: #f8f8fa; border: 1px solid #e4e4ea; border-radius: 4px; padding: .3rem 1.2rem; margin: 1.5rem 0; }
        nav.contents .contents-title { font-size: 1rem; margin: .5rem 0 .2rem; }
        nav.contents ul { margin: .2rem 0 .6rem; padding-left: 0; list-style: none; }   /* the notebooks number their own sections */
        header.course h1 { font-size: 2.2rem; margin-bottom: .3rem; }
        header.course .audience { font-size: 1.15rem; color: #444; margin-top: 0; }
        ol.lectures { list-style: none; padding: 0; }
        li.lecture { border-top: 1px solid #e4e4ea; padding: .4rem 0 .6rem; }
        li.lecture h3 { margin: .4rem 0 .2rem; font-size: 1.15rem; }
        li.lecture .number { color: #888; font-variant-numeric: tabular-nums; margin-right: .3rem; }
        li.lecture .summary { margin: .2rem 0; }
        li.lecture .objectives-lead { margin: .3rem 0 0; color: #555; font-size: .95rem; }
        ul.objectives { margin: .1rem 0; font-size: .95rem; }
        table { border-collapse: collapse; }
        #lecture-notes td, #lecture-notes th, table.report td, table.report th { padding: .3rem .8rem; text-align: left; vertical-align: top; border-bottom: 1px solid #eee; }
        footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #ddd; color: #555; font-size: .95rem; }
        .ok { color: #067d17; } .failed, .invalid { color: #a00; }
        """;
}
