using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;
using Microsoft.Data.Sqlite;

namespace CourseKit.Grading.Tests;

/// <summary>A fresh folder with the instructor's source (source/sheet.ipynb) and a submissions folder with one sub-folder per student.</summary>
internal sealed class ClassFolder
{
    public ClassFolder(Notebook? source = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "coursekit-grading-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "source"));
        Directory.CreateDirectory(SubmissionsFolder);
        SourcePath = Path.Combine(Root, "source", "sheet.ipynb");
        NotebookFile.Save(source ?? Sheet.Source(), SourcePath);
    }

    public string Root { get; }

    public string SourcePath { get; }

    public string SubmissionsFolder => Path.Combine(Root, "submissions");

    public string GradebookPath => Path.Combine(Root, "gradebook.db");

    public string FeedbackFolder => Path.Combine(Root, "feedback");

    public ExerciseNotebook Source => ExerciseNotebook.Load(SourcePath);

    /// <summary>A fresh copy of the student version.</summary>
    public Notebook StudentCopy() => StudentVersion.Make(Source);

    /// <summary>Hands in a notebook for a student.</summary>
    public string HandIn(string student, Notebook notebook, string fileName = "sheet.ipynb")
    {
        var path = Path.Combine(SubmissionsFolder, student, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        NotebookFile.Save(notebook, path);
        return path;
    }

    /// <summary>The correct solution of both exercises, typed into the student version.</summary>
    public Notebook Correct() => StudentCopy().Solve("relu", Sheet.ReluSolution).Solve("mean", Sheet.MeanSolution);

    public static GradingOptions Options => new() { CellTimeout = TimeSpan.FromSeconds(30), MemoryLimitMegabytes = null };

    public async Task<IReadOnlyList<GradingRunEntry>> GradeAsync(GradingRunOptions? run = null, Action<GradingRunEntry>? finished = null,
        string? gradebook = null, CancellationToken cancellationToken = default)
    {
        var grader = new Grader(Source, Options);
        using var book = Gradebook.Open(gradebook ?? GradebookPath);
        return await GradingRun.RunAsync(grader, Submission.Find(SubmissionsFolder, "sheet.ipynb"), book,
            run ?? new GradingRunOptions { FeedbackDirectory = FeedbackFolder }, finished, cancellationToken);
    }

    /// <summary>Every row of both tables, as text: what "the gradebook did not change" compares.</summary>
    public static string Dump(string gradebookPath)
    {
        using var connection = new SqliteConnection($"Data Source={gradebookPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var lines = new List<string>();
        foreach (var table in new[] { "submissions", "grades" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2, 3";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                lines.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return string.Join("\n", lines);
    }

    public static (int Submissions, int Grades) Count(string gradebookPath)
    {
        using var book = Gradebook.Open(gradebookPath, readOnly: true);
        return (book.Submissions().Count, book.Grades().Count);
    }
}
