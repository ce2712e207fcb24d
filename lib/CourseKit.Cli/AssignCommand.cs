using System.CommandLine;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit assign SOURCE... --out DIR</c>: writes the student version of each source notebook into DIR
/// (solutions stubbed, hidden tests removed, outputs cleared, locked cells checksummed). Every source is
/// checked first; if any breaks the exercise format, all its problems are reported and nothing is written.
/// </summary>
public static class AssignCommand
{
    /// <summary>Builds the command; errors go to <paramref name="errors"/> (stderr by default).</summary>
    public static Command Build(IAnsiConsole console, TextWriter? errors = null)
    {
        var sources = new Argument<string[]>("SOURCE") { Description = "Source notebooks (.ipynb, .dib) or folders of them", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the student versions", Required = true };
        var command = new Command("assign", "Write the student version of exercise notebooks: solutions stubbed, hidden tests removed.") { sources, outDir };
        command.SetAction(parse =>
        {
            var error = new CommandErrors(errors);
            var folder = Path.GetFullPath(parse.GetValue(outDir)!);
            var checkedSources = new List<ExerciseNotebook>();
            var problems = new List<string>();
            var expanded = NotebookPaths.Expand(parse.GetValue(sources)!);
            if (expanded.EmptyFolders.Count > 0)
                return error.Usage(string.Join("\n", expanded.EmptyFolders.Select(f => $"{f}: no notebooks (.ipynb, .dib) in this folder")));
            foreach (var path in expanded.Files)
            {
                try
                {
                    checkedSources.Add(ExerciseNotebook.Load(path));
                }
                catch (NotebookFormatException e)
                {
                    problems.Add(e.Message);
                }
                catch (ExerciseFormatException e)
                {
                    problems.AddRange(e.Lines);
                }
            }
            if (problems.Count > 0) return error.Fail(string.Join("\n", problems));
            OutputLayout layout;
            try
            {
                // mirrors the sources' folders; refuses any target that would replace a source
                layout = OutputLayout.ForCopies(checkedSources.Select(s => s.Path), folder);
            }
            catch (OutputLayoutException e)
            {
                return error.Usage(e.Message);
            }
            foreach (var source in checkedSources)
            {
                var target = layout.ExecutedCopyPath(source.Path);
                NotebookFile.Save(StudentVersion.Make(source), target);
                console.MarkupLine($"[green]assigned[/] {Markup.Escape(Path.GetFileName(source.Path))}: {source.Solutions.Count()} exercise(s), {source.Tests.Count()} test(s), {source.MaxScore} point(s) -> [blue]{Markup.Escape(target)}[/]");
            }
            return 0;
        });
        return command;
    }
}
