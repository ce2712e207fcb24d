using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// The pipe between a front end and its worker: JSON objects, each framed by its UTF-8 length as a
/// 4-byte little-endian prefix. Sends are thread-safe (a cell's outputs come from any thread);
/// one reader receives.
/// </summary>
public sealed class WorkerChannel(Stream input, Stream output)
{
    /// <summary>The largest message accepted (a cell's outputs are capped far below it).</summary>
    public const int MaxMessageBytes = 256 << 20;

    private readonly object _sendGate = new();

    /// <summary>Sends one message.</summary>
    /// <exception cref="IOException">The other side has gone.</exception>
    public void Send(JsonObject message)
    {
        var payload = Encoding.UTF8.GetBytes(message.ToJsonString());
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, payload.Length);
        lock (_sendGate)
        {
            output.Write(prefix);
            output.Write(payload);
            output.Flush();
        }
    }

    /// <summary>
    /// The next message, or null when the other side closed the pipe. Blocks: each side reads on a thread of
    /// its own, so that a busy thread pool (a cell's parallel loops, many workers' pipes) never stalls the pipe.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a framed JSON object (the pipe was written to by something else).</exception>
    public JsonObject? Receive()
    {
        var prefix = new byte[4];
        if (!Fill(prefix)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is < 2 or > MaxMessageBytes)
            throw new InvalidDataException($"a message of {length} bytes on the worker pipe; expected a framed JSON object of at most {MaxMessageBytes} bytes");
        var payload = new byte[length];
        if (!Fill(payload))
            throw new InvalidDataException("the worker pipe closed in the middle of a message");
        try
        {
            return JsonNode.Parse(payload) as JsonObject ?? throw new InvalidDataException("a worker message that is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"a worker message that is not JSON ({e.Message})", e);
        }
    }

    private bool Fill(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = input.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new InvalidDataException("the worker pipe closed in the middle of a message");
            }
            read += n;
        }
        return true;
    }
}
