using System.Reflection;
using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;

namespace CourseKit.Kernel.Server;

/// <summary>The content of <c>kernel_info_reply</c>: protocol version, implementation and the language (C# script).</summary>
public static class KernelInfo
{
    /// <summary>The implementation's name.</summary>
    public const string Implementation = "coursekit";

    /// <summary>The kernel's version (the assembly's informational version without build metadata).</summary>
    public static string Version
    {
        get
        {
            var v = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = v.IndexOf('+');
            return plus < 0 ? v : v[..plus];
        }
    }

    /// <summary>The reply content.</summary>
    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "latest",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"CourseKit C# kernel {Version}: Roslyn scripting with the Polyglot Notebooks C# kernel's semantics",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
