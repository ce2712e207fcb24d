using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Grading.Autograding;

/// <summary>
/// The K-th of N stable slices of a class (<c>--shard K/N</c>, 1 ≤ K ≤ N): a student belongs to slice
/// 1 + (the first 8 bytes of the SHA-256 of the student id's UTF-8, read big-endian) mod N. The slice of a student
/// depends only on the id and N, never on the machine, the process or the other students, so N job-array
/// tasks that each grade one slice together grade every student exactly once.
/// </summary>
/// <param name="Index">K, 1-based.</param>
/// <param name="Count">N.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole class.</summary>
    public static readonly Shard All = new(1, 1);

    /// <summary>Parses "K/N".</summary>
    /// <exception cref="FormatException">not two integers with 1 ≤ K ≤ N.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
            return new Shard(k, n);
        throw new FormatException($"--shard '{text}' is not K/N with 1 <= K <= N (for example 2/4)");
    }

    /// <summary>The 1-based slice a student belongs to among <paramref name="count"/>.</summary>
    public static int SliceOf(string student, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(student));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Whether this slice holds the student.</summary>
    public bool Contains(string student) => Count == 1 || SliceOf(student, Count) == Index;

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
