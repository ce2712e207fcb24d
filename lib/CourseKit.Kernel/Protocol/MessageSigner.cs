using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over the four JSON frames of a message (header, parent header, metadata, content), as
/// lowercase hex: the signature the Jupyter wire protocol carries. An empty key signs with "" and
/// accepts any signature (the protocol's "no authentication"). Thread-safe.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>Whether messages are signed at all.</summary>
    public bool Enabled => _key.Length > 0;

    /// <summary>The hex signature of the frames.</summary>
    public string Sign(ReadOnlySpan<byte[]> frames) => Enabled ? Convert.ToHexStringLower(Mac(frames)) : "";

    /// <summary>Whether <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(string signature, ReadOnlySpan<byte[]> frames)
    {
        if (!Enabled) return true;
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(frames));
    }

    private byte[] Mac(ReadOnlySpan<byte[]> frames)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var f in frames) hmac.AppendData(f);
        return hmac.GetHashAndReset();
    }
}
