using Microsoft.Data.Sqlite;

namespace CourseKit.Grading.Gradebooks;

/// <summary>
/// The gradebook: a SQLite file with a <c>submissions</c> table keyed by (student, assignment), holding
/// the graded submission's content hash, and a <c>grades</c> table with one row per (student, assignment,
/// grade_id). A submission's rows are replaced in one transaction, so a run killed at any point leaves
/// every submission either fully recorded or not at all: a rerun resumes without losing or doubling rows.
/// Safe to share between the threads of one grading run.
/// </summary>
public sealed class Gradebook : IDisposable
{
    private const string Schema = """
        PRAGMA foreign_keys = ON;
        CREATE TABLE IF NOT EXISTS submissions (
            student     TEXT NOT NULL,
            assignment  TEXT NOT NULL,
            hash        TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            score       REAL NOT NULL,
            max_score   REAL NOT NULL,
            graded_at   TEXT NOT NULL,
            PRIMARY KEY (student, assignment)
        );
        CREATE TABLE IF NOT EXISTS grades (
            student    TEXT NOT NULL,
            assignment TEXT NOT NULL,
            grade_id   TEXT NOT NULL,
            score      REAL NOT NULL,
            max_score  REAL NOT NULL,
            passed     INTEGER NOT NULL,
            message    TEXT NOT NULL,
            PRIMARY KEY (student, assignment, grade_id),
            FOREIGN KEY (student, assignment) REFERENCES submissions (student, assignment) ON DELETE CASCADE
        );
        """;

    /// <summary>Fails unless both tables have the columns this class reads.</summary>
    private const string Probe = """
        SELECT student, assignment, hash, source_hash, score, max_score, graded_at FROM submissions LIMIT 0;
        SELECT student, assignment, grade_id, score, max_score, passed, message FROM grades LIMIT 0;
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private Gradebook(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The gradebook file.</summary>
    public string Path { get; }

    /// <summary>Opens a gradebook, creating the file and its tables when missing.</summary>
    /// <exception cref="GradebookException">the file is not a gradebook (not SQLite, or other tables of the same names).</exception>
    public static Gradebook Open(string path, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (readOnly && !File.Exists(full))
            throw new GradebookException(path, "file not found; expected a gradebook written by `coursekit grade`");
        if (!readOnly) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = (readOnly ? "PRAGMA foreign_keys = ON;" : Schema) + Probe;
            command.ExecuteNonQuery();
            return new Gradebook(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new GradebookException(path, $"is not a gradebook ({e.Message}); expected a SQLite file written by `coursekit grade`", e);
        }
    }

    /// <summary>The recorded submission of a student for an assignment, or null.</summary>
    public SubmissionRecord? Find(string student, string assignment)
    {
        lock (_gate)
        {
            using var command = Command("SELECT student, assignment, hash, source_hash, score, max_score, graded_at FROM submissions WHERE student = $s AND assignment = $a",
                ("$s", student), ("$a", assignment));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadSubmission(reader) : null;
        }
    }

    /// <summary>Records a graded submission: its old rows (if any) are replaced by these, all in one transaction.</summary>
    public void Record(SubmissionRecord submission, IEnumerable<GradeRecord> grades)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Execute(transaction, "DELETE FROM grades WHERE student = $s AND assignment = $a", ("$s", submission.Student), ("$a", submission.Assignment));
            Execute(transaction, """
                INSERT INTO submissions (student, assignment, hash, source_hash, score, max_score, graded_at) VALUES ($s, $a, $h, $sh, $score, $max, $at)
                ON CONFLICT (student, assignment) DO UPDATE SET hash = excluded.hash, source_hash = excluded.source_hash,
                    score = excluded.score, max_score = excluded.max_score, graded_at = excluded.graded_at
                """,
                ("$s", submission.Student), ("$a", submission.Assignment), ("$h", submission.Hash), ("$sh", submission.SourceHash),
                ("$score", submission.Score), ("$max", submission.MaxScore), ("$at", submission.GradedAt));
            foreach (var g in grades)
            {
                if (g.Student != submission.Student || g.Assignment != submission.Assignment)
                    throw new ArgumentException($"grade row of {g.Student}/{g.Assignment} recorded with the submission of {submission.Student}/{submission.Assignment}; expected the same student and assignment", nameof(grades));
                Execute(transaction, "INSERT INTO grades (student, assignment, grade_id, score, max_score, passed, message) VALUES ($s, $a, $g, $score, $max, $p, $m)",
                    ("$s", g.Student), ("$a", g.Assignment), ("$g", g.GradeId), ("$score", g.Score), ("$max", g.MaxScore), ("$p", g.Passed ? 1 : 0), ("$m", g.Message));
            }
            transaction.Commit();
        }
    }

    /// <summary>Every submission row, ordered by assignment and student.</summary>
    public IReadOnlyList<SubmissionRecord> Submissions()
    {
        lock (_gate)
        {
            using var command = Command("SELECT student, assignment, hash, source_hash, score, max_score, graded_at FROM submissions ORDER BY assignment, student");
            using var reader = command.ExecuteReader();
            var rows = new List<SubmissionRecord>();
            while (reader.Read()) rows.Add(ReadSubmission(reader));
            return rows;
        }
    }

    /// <summary>Every grade row, ordered by assignment, student and grade_id.</summary>
    public IReadOnlyList<GradeRecord> Grades()
    {
        lock (_gate)
        {
            using var command = Command("SELECT student, assignment, grade_id, score, max_score, passed, message FROM grades ORDER BY assignment, student, grade_id");
            using var reader = command.ExecuteReader();
            var rows = new List<GradeRecord>();
            while (reader.Read())
                rows.Add(new GradeRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5) != 0, reader.GetString(6)));
            return rows;
        }
    }

    /// <summary>
    /// Joins another gradebook (a shard's) into this one: each of its submissions, with its grade rows,
    /// replaces this one's for the same student and assignment unless this one was graded later.
    /// </summary>
    /// <returns>How many submissions were taken over.</returns>
    public int MergeFrom(Gradebook other)
    {
        var grades = other.Grades().ToLookup(g => (g.Student, g.Assignment));
        var taken = 0;
        foreach (var submission in other.Submissions())
        {
            var mine = Find(submission.Student, submission.Assignment);
            if (mine is not null && string.CompareOrdinal(mine.GradedAt, submission.GradedAt) > 0) continue;
            Record(submission, grades[(submission.Student, submission.Assignment)]);
            taken++;
        }
        return taken;
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static SubmissionRecord ReadSubmission(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5), r.GetString(6));

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
