using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// The connection file a Jupyter front end writes before starting a kernel: where the five sockets
/// (shell, iopub, stdin, control, heartbeat) bind, and the key that signs every message (HMAC-SHA256).
/// </summary>
/// <param name="Transport">"tcp" or "ipc".</param>
/// <param name="Ip">The address to bind (loopback by default in every front end).</param>
/// <param name="ShellPort">Shell (requests and replies).</param>
/// <param name="IOPubPort">IOPub (outputs and status, broadcast).</param>
/// <param name="StdinPort">Stdin (input requests to the front end).</param>
/// <param name="ControlPort">Control (interrupt, shutdown: served while a cell runs).</param>
/// <param name="HeartbeatPort">Heartbeat (echo).</param>
/// <param name="SignatureScheme">Only "hmac-sha256".</param>
/// <param name="Key">The signing key; empty disables signing, as the protocol allows.</param>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int IOPubPort, int StdinPort, int ControlPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    /// <summary>The only scheme the kernel signs with.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The ZeroMQ address of one socket, e.g. tcp://127.0.0.1:5555 (ipc: ip-port as the path, as jupyter_client does).</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="ConnectionFileException">The file is missing, unreadable, not JSON, or a field is absent or invalid.</exception>
    public static ConnectionInfo Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConnectionFileException($"{path}: connection file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConnectionFileException($"{path}: cannot read the connection file ({e.Message})");
        }
        return Parse(text, path);
    }

    /// <summary>Parses the JSON of a connection file; <paramref name="path"/> only names it in errors.</summary>
    public static ConnectionInfo Parse(string json, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new ConnectionFileException($"{path}: expected a JSON object with the kernel's ports and key");
        }
        catch (JsonException e)
        {
            throw new ConnectionFileException($"{path}: not JSON ({e.Message})");
        }

        var transport = Text(root, "transport", path, "tcp");
        if (transport is not ("tcp" or "ipc"))
            throw new ConnectionFileException($"{path}: transport '{transport}' is not supported; expected \"tcp\" or \"ipc\"");
        var scheme = Text(root, "signature_scheme", path, HmacSha256);
        if (scheme != HmacSha256)
            throw new ConnectionFileException($"{path}: signature_scheme '{scheme}' is not supported; expected \"{HmacSha256}\"");
        return new ConnectionInfo(
            transport,
            Text(root, "ip", path, "127.0.0.1"),
            Port(root, "shell_port", path),
            Port(root, "iopub_port", path),
            Port(root, "stdin_port", path),
            Port(root, "control_port", path),
            Port(root, "hb_port", path),
            Text(root, "key", path, ""),
            scheme);
    }

    private static string Text(JsonObject root, string name, string path, string fallback)
    {
        if (!root.TryGetPropertyValue(name, out var node) || node is null) return fallback;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw new ConnectionFileException($"{path}: \"{name}\" must be a string, got {node.ToJsonString()}");
    }

    private static int Port(JsonObject root, string name, string path)
    {
        if (!root.TryGetPropertyValue(name, out var node) || node is null)
            throw new ConnectionFileException($"{path}: \"{name}\" is missing; expected a port number 1-65535");
        if (node is JsonValue v && v.TryGetValue<int>(out var port) && port is > 0 and <= 65535) return port;
        throw new ConnectionFileException($"{path}: \"{name}\" is {node.ToJsonString()}; expected a port number 1-65535");
    }
}
