using System.Text.Json;
using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Tests;

namespace CourseKit.Grading.Tests.CourseExercises;

/// <summary>
/// The exercises of the course notebooks, graded as a class would be: the instructor's source earns every point,
/// the student version none (each test failing with the stub's NotImplementedException), and each seeded mutation
/// of a solution (mutations/&lt;notebook&gt;.json) loses the points of exactly the tests it names, and no others. So a hidden test
/// catches a plausible mistake, and no exercise's tests lean on another exercise's solution.
/// </summary>
public class CourseExercisesTests
{
    /// <summary>The lecture notebooks that must carry exercises (00 is the welcome page).</summary>
    /// <summary>The lecture notebooks through issue 10's second edition (tests/course-notebooks-pending.txt lists the others).</summary>
    public static TheoryData<string> LectureNotebooks() => [.. AllLectureNotebooks().Where(f => !_pending.Contains(f))];

    /// <summary>Every lecture notebook that has exercises, pending or not: all of them are graded.</summary>
    public static TheoryData<string> NotebooksWithExercises() =>
        [.. AllLectureNotebooks().Where(f => ExerciseNotebook.Load(Path.Combine(KitBuild.NotebooksFolder, f)).Cells.Any(c => c.Role == CellRole.Solution))];

    private static IEnumerable<string> AllLectureNotebooks() =>
        Directory.GetFiles(KitBuild.NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith("00-", StringComparison.Ordinal)).Order();

    private static readonly HashSet<string> _pending = [.. File.ReadAllLines(Path.Combine(KitBuild.RepositoryRoot, "tests", "course-notebooks-pending.txt"))
        .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0)];

    [Theory]
    [MemberData(nameof(LectureNotebooks))]
    public void Every_lecture_has_at_least_three_exercises_each_with_hidden_tests_and_a_seeded_mutation(string file)
    {
        var source = ExerciseNotebook.Load(Path.Combine(KitBuild.NotebooksFolder, file));
        var solutions = source.Cells.Where(c => c.Role == CellRole.Solution).Select(c => c.GradeId!).ToArray();
        Assert.True(solutions.Length >= 3, $"{file}: {solutions.Length} exercises (solution cells); every lecture has at least 3");
        Assert.All(source.Tests, t =>
        {
            Assert.True(t.Points > 0, $"{file}: test {t.GradeId} is worth no points");
            Assert.True(t.Cell.Source.Contains(Markers.BeginHiddenTests, StringComparison.Ordinal),
                $"{file}: test {t.GradeId} has no hidden tests; grading must probe more than the visible check");
        });
        var mutated = Mutations.For(file).Select(m => m.Solution).ToHashSet();
        Assert.All(solutions, s => Assert.True(mutated.Contains(s), $"{file}: the solution {s} has no seeded mutation in mutations/"));
    }

    [Theory]
    [MemberData(nameof(NotebooksWithExercises))]
    public async Task Source_earns_every_point_student_version_none_and_each_mutant_loses_exactly_its_tests(string file)
    {
        var sourcePath = Path.Combine(KitBuild.NotebooksFolder, file);
        await KitBuild.EnsureAsync();
        var source = ExerciseNotebook.Load(sourcePath);
        var mutations = Mutations.For(file);
        var root = Directory.CreateTempSubdirectory("coursekit-course-exercises-").FullName;
        try
        {
            var submissions = Path.Combine(root, "submissions");
            HandIn(submissions, "source", source.Notebook, file);
            HandIn(submissions, "student", StudentVersion.Make(source), file);
            foreach (var (m, k) in mutations.Select((m, k) => (m, k)))
                HandIn(submissions, $"mutant-{k:00}", m.Apply(source.Notebook, file), file);

            var grader = new Grader(source, new GradingOptions { CellTimeout = TimeSpan.FromMinutes(3), MemoryLimitMegabytes = null });
            using (var book = Gradebook.Open(Path.Combine(root, "gradebook.db")))
                await GradingRun.RunAsync(grader, Submission.Find(submissions, file), book, new GradingRunOptions { Jobs = 2 });
            using var gradebook = Gradebook.Open(Path.Combine(root, "gradebook.db"), readOnly: true);
            var grades = gradebook.Grades().ToLookup(g => g.Student);
            var tests = source.Tests.Select(t => t.GradeId!).ToArray();

            Assert.All(grades["source"], g => Assert.True(g.Score == g.MaxScore, $"{file}: the source loses {g.GradeId}: {g.Message}"));
            Assert.Equal(tests.Length, grades["source"].Count());
            Assert.All(grades["student"], g =>
            {
                Assert.True(g.Score == 0, $"{file}: the student version earns {g.Score} on {g.GradeId}");
                Assert.Contains("NotImplementedException", g.Message, StringComparison.Ordinal);
            });
            foreach (var (m, k) in mutations.Select((m, k) => (m, k)))
                foreach (var g in grades[$"mutant-{k:00}"])
                {
                    var shouldFail = m.Fails.Contains(g.GradeId);
                    Assert.True(shouldFail ? g.Score == 0 : g.Score == g.MaxScore,
                        $"{file}: mutation {k} of {m.Solution} ({m.Replace} → {m.With}) {(shouldFail ? "still passes" : "also fails")} {g.GradeId}" +
                        (shouldFail ? "" : $": {g.Message}"));
                }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static void HandIn(string submissions, string student, Notebook notebook, string file)
    {
        var folder = Path.Combine(submissions, student);
        Directory.CreateDirectory(folder);
        NotebookFile.Save(notebook, Path.Combine(folder, file));
    }
}

/// <summary>One seeded mistake in one solution cell (see mutations/README.md).</summary>
internal sealed record Mutation(string Solution, string Replace, string With, string[] Fails)
{
    /// <summary>The source with this mistake in its solution cell; the text to replace must occur there exactly once.</summary>
    public Notebook Apply(Notebook source, string file)
    {
        var copy = source.CloneWithoutOutputs();
        var cell = copy.Cells.SingleOrDefault(c => GradingMetadata.Read(c)?.GradeId == Solution)
            ?? throw new InvalidOperationException($"{file}: its mutations file names the solution {Solution}, which the notebook does not have");
        var at = cell.Source.IndexOf(Replace, StringComparison.Ordinal);
        if (at < 0 || cell.Source.IndexOf(Replace, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"{file}: the mutation of {Solution} must replace text that occurs exactly once in it: \"{Replace}\"");
        cell.Source = string.Concat(cell.Source.AsSpan(0, at), With, cell.Source.AsSpan(at + Replace.Length));
        return copy;
    }
}

internal static class Mutations
{
    /// <summary>The mutations of one notebook: mutations/&lt;notebook&gt;.json, or none.</summary>
    public static Mutation[] For(string file)
    {
        var path = Path.Combine(KitBuild.RepositoryRoot, "tests", "CourseKit.Grading.Tests", "CourseExercises", "mutations", Path.ChangeExtension(file, ".json"));
        if (!File.Exists(path)) return [];
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.EnumerateArray().Select(m => new Mutation(
            m.GetProperty("solution").GetString()!, m.GetProperty("replace").GetString()!, m.GetProperty("with").GetString()!,
            [.. m.GetProperty("fails").EnumerateArray().Select(f => f.GetString()!)]))];
    }
}
