using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// The multipart wire form of a message: identities, the delimiter <c>&lt;IDS|MSG&gt;</c>, the HMAC
/// signature, header, parent header, metadata, content, buffers.
/// </summary>
public static class WireFormat
{
    /// <summary>The frame that separates identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>Frames of <paramref name="message"/>, signed.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        byte[][] parts =
        [
            Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content),
        ];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Parses and verifies frames; returns null with the reason when they are malformed or wrongly signed.</summary>
    public static JupyterMessage? Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? rejection)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            rejection = "malformed message (no <IDS|MSG> delimiter or fewer than five frames after it)";
            return null;
        }
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (!signer.Verify(signature, parts))
        {
            rejection = signature.Length == 0 ? "missing signature" : "invalid signature";
            return null;
        }
        try
        {
            var header = Object(parts[0]);
            rejection = null;
            return new JupyterMessage
            {
                Identities = frames.Take(delimiter).ToArray(),
                Header = header,
                ParentHeader = Object(parts[1]),
                Metadata = Object(parts[2]),
                Content = Object(parts[3]),
                Buffers = frames.Skip(delimiter + 6).ToArray(),
            };
        }
        catch (JsonException e)
        {
            rejection = $"malformed JSON frame ({e.Message})";
            return null;
        }
    }

    private static byte[] Json(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());

    private static JsonObject Object(byte[] frame) =>
        frame.Length == 0 ? new JsonObject() : JsonNode.Parse(frame) as JsonObject ?? throw new JsonException("expected a JSON object");
}
