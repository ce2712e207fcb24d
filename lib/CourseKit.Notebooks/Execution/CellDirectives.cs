using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The directives of one cell, lifted out of its code the way the real kernel does it before the code
/// reaches Roslyn: <c>#r "nuget: Name, Version"</c> (package), <c>#i "nuget: source"</c> (package
/// source). Lifted lines become empty lines, so compiler line numbers stay those of the cell.
/// <c>#r "path.dll"</c> stays in the code: Roslyn resolves it against the notebook's folder.
/// A <c>#!kernel</c> first line selects the cell's language; other <c>#!</c> magic commands are unsupported.
/// </summary>
public sealed partial class CellDirectives
{
    /// <summary>The code with lifted directive lines blanked.</summary>
    public required string Code { get; init; }

    /// <summary>Requested packages.</summary>
    public required IReadOnlyList<PackageReference> Packages { get; init; }

    /// <summary>Extra package sources.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>A kernel name chosen by a first line <c>#!name</c>, or null.</summary>
    public string? KernelOverride { get; init; }

    /// <summary>The first unsupported directive as (1-based line, text), or null.</summary>
    public (int Line, string Text)? Unsupported { get; init; }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"]+?)\s*(,\s*(?<version>[^"]*?)\s*)?"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#i\s+"(nuget:\s*)?(?<source>[^"]+?)\s*"\s*$""")]
    private static partial Regex SourceDirective();

    /// <summary>Lifts the directives out of a cell's code.</summary>
    public static CellDirectives Parse(string code)
    {
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        string? kernel = null;
        (int, string)? unsupported = null;
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var keep = true;
            if (NugetReference().Match(line) is { Success: true } m)
            {
                var version = m.Groups["version"].Success && m.Groups["version"].Value.Length > 0 ? m.Groups["version"].Value : null;
                packages.Add(new PackageReference(m.Groups["name"].Value, version));
                keep = false;
            }
            else if (SourceDirective().Match(line) is { Success: true } s)
            {
                sources.Add(s.Groups["source"].Value);
                keep = false;
            }
            else if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line.Trim()[2..].Trim();
                if (i == 0 && IsKernelName(magic)) kernel = magic;
                else unsupported ??= (i + 1, line.Trim());
                keep = false;
            }
            if (i > 0) output.Append('\n');
            if (keep) output.Append(line);
        }
        return new CellDirectives
        {
            Code = output.ToString(),
            Packages = packages,
            Sources = sources,
            KernelOverride = kernel,
            Unsupported = unsupported,
        };
    }

    private static bool IsKernelName(string name) => name is "csharp" or "c#" or "fsharp" or "f#" or "pwsh" or "powershell"
        or "javascript" or "js" or "html" or "sql" or "kql" or "markdown" or "md" or "mermaid" or "value" or "http";
}
