using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// One message of the Jupyter messaging protocol: the routing identities (ROUTER sockets), header,
/// parent header, metadata, content and binary buffers.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>Routing prefix of the message (the sender's identities on a ROUTER socket; the topic on iopub).</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    /// <summary>msg_id, session, username, date, msg_type, version.</summary>
    public required JsonObject Header { get; init; }

    /// <summary>The header of the request this answers, or empty.</summary>
    public JsonObject ParentHeader { get; init; } = new();

    /// <summary>Metadata.</summary>
    public JsonObject Metadata { get; init; } = new();

    /// <summary>The message's content.</summary>
    public required JsonObject Content { get; init; }

    /// <summary>Extra binary frames.</summary>
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    /// <summary>The header's msg_type, or "" when it is missing or not a string.</summary>
    public string Type => Header["msg_type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : "";

    /// <summary>A header for a new message of <paramref name="type"/> in <paramref name="session"/>.</summary>
    public static JsonObject NewHeader(string type, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = ProtocolVersion,
    };
}
