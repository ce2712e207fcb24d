using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Grading.Autograding;

/// <summary>Content hashes that decide whether a submission must be graded again.</summary>
public static class ContentHash
{
    /// <summary>The hash of a submission that has no notebook.</summary>
    public const string Missing = "missing";

    /// <summary>Lowercase hex SHA-256 of a file's bytes, or <see cref="Missing"/> when there is no file.</summary>
    public static string OfFile(string? path) =>
        path is not null && File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : Missing;

    /// <summary>Lowercase hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
