using System.Globalization;
using CourseKit.Grading.Autograding;
using CourseKit.Grading.Gradebooks;

namespace CourseKit.Grading.Tests;

public class GradebookTests
{
    private static string NewPath() => Path.Combine(Path.GetTempPath(), "coursekit-grading-tests", Guid.NewGuid().ToString("N"), "book.db");

    private static void Add(Gradebook book, string student, string at, double score, string message = "")
    {
        book.Record(new SubmissionRecord(student, "sheet", "h-" + student, "src", score, 3, at),
            [new GradeRecord(student, "sheet", "t1", score, 3, score == 3, message)]);
    }

    [Fact]
    public void Recording_a_submission_again_replaces_its_rows()
    {
        var path = NewPath();
        using var book = Gradebook.Open(path);
        book.Record(new SubmissionRecord("ada", "sheet", "h1", "src", 1, 3, "2026-01-01T00:00:00Z"),
            [new GradeRecord("ada", "sheet", "t1", 1, 1, true, ""), new GradeRecord("ada", "sheet", "old-test", 0, 2, false, "x")]);
        book.Record(new SubmissionRecord("ada", "sheet", "h2", "src", 3, 3, "2026-01-02T00:00:00Z"),
            [new GradeRecord("ada", "sheet", "t1", 3, 3, true, "")]);
        Assert.Equal("h2", Assert.Single(book.Submissions()).Hash);
        Assert.Equal(new GradeRecord("ada", "sheet", "t1", 3, 3, true, ""), Assert.Single(book.Grades()));
    }

    [Fact]
    public void A_rejected_row_rolls_back_the_whole_submission()
    {
        using var book = Gradebook.Open(NewPath());
        Add(book, "ada", "2026-01-01T00:00:00Z", 3);
        Assert.Throws<ArgumentException>(() => book.Record(new SubmissionRecord("ada", "sheet", "h9", "src", 0, 3, "2026-01-03T00:00:00Z"),
            [new GradeRecord("ada", "sheet", "t1", 0, 3, false, ""), new GradeRecord("bob", "sheet", "t1", 0, 3, false, "")]));
        Assert.Equal("h-ada", Assert.Single(book.Submissions()).Hash);
        Assert.Equal(3, Assert.Single(book.Grades()).Score);
    }

    [Fact]
    public void Merge_keeps_the_newest_grading_of_each_submission()
    {
        var target = NewPath();
        var shard = NewPath();
        using (var book = Gradebook.Open(shard))
        {
            Add(book, "ada", "2026-02-01T00:00:00Z", 3);   // newer than the target's
            Add(book, "bob", "2026-01-01T00:00:00Z", 0);   // older than the target's
            Add(book, "cyd", "2026-01-01T00:00:00Z", 1);   // new
        }
        using var merged = Gradebook.Open(target);
        Add(merged, "ada", "2026-01-15T00:00:00Z", 0);
        Add(merged, "bob", "2026-01-15T00:00:00Z", 2);
        using (var part = Gradebook.Open(shard, readOnly: true))
            Assert.Equal(2, merged.MergeFrom(part));
        Assert.Equal([("ada", 3.0), ("bob", 2.0), ("cyd", 1.0)], merged.Grades().Select(g => (g.Student, g.Score)));
        Assert.Equal(3, merged.Submissions().Count);
    }

    [Fact]
    public void Csv_has_a_header_invariant_numbers_quoted_text_and_no_formulas()
    {
        using var book = Gradebook.Open(NewPath());
        book.Record(new SubmissionRecord("ada", "sheet", "h", "src", 1.5, 3, "2026-01-01T00:00:00Z"),
            [new GradeRecord("ada", "sheet", "t1", 1.5, 1.5, true, ""), new GradeRecord("ada", "sheet", "t2", 0, 1.5, false, "=HYPERLINK(\"x\"), then \"boom\"\nsecond line")]);
        var previous = CultureInfo.CurrentCulture;
        var writer = new StringWriter();
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            GradebookCsv.Write(book, writer);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.Equal(
            "student,assignment,grade_id,score,max_score,passed,message\r\n" +
            "ada,sheet,t1,1.5,1.5,true,\r\n" +
            "ada,sheet,t2,0,1.5,false,\"'=HYPERLINK(\"\"x\"\"), then \"\"boom\"\"\nsecond line\"\r\n",
            writer.ToString());
    }

    [Fact]
    public void A_file_that_is_not_a_gradebook_is_refused_with_its_name()
    {
        var path = NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "this is not SQLite, just text that is long enough to be read as a header............................");
        var e = Assert.Throws<GradebookException>(() => Gradebook.Open(path));
        Assert.StartsWith($"{path}: is not a gradebook", e.Message);
        Assert.StartsWith($"{path + ".missing"}: file not found", Assert.Throws<GradebookException>(() => Gradebook.Open(path + ".missing", readOnly: true)).Message);
    }

    [Fact]
    public void Shards_partition_a_class_stably()
    {
        var students = Enumerable.Range(1, 200).Select(i => $"student{i:000}").ToArray();
        var slices = Enumerable.Range(1, 4).Select(k => students.Where(new Shard(k, 4).Contains).ToArray()).ToArray();
        Assert.Equal(students.Order(), slices.SelectMany(s => s).Order());                 // every student once
        Assert.All(slices, s => Assert.InRange(s.Length, 25, 75));                          // and spread out
        Assert.Equal(3, Shard.SliceOf("ada", 4));                                           // the same on every machine
        Assert.Equal(new Shard(2, 5), Shard.Parse("2/5"));
        foreach (var bad in new[] { "0/3", "4/3", "1", "a/b", "1/0", "-1/2", "1/2/3" })
            Assert.Throws<FormatException>(() => Shard.Parse(bad));
    }
}
