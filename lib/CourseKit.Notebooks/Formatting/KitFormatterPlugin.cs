using System.Net;
using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// HTML for the kit's own types, registered through <see cref="Formatter.Register(Type, Action{object, TextWriter}, string)"/>
/// when an assembly defining them is loaded: <c>CourseKit.Tensor</c> (and any kit type that only has
/// a meaningful <c>ToString()</c>, listed in <see cref="PreformattedTypes"/>) as a <c>&lt;pre&gt;</c> block of its
/// numpy-like text. Types are matched by full name, so the formatter applies whichever copy of the
/// library a notebook loaded (<c>#r</c> of a DLL path or a package). A type that brings its own
/// <c>ToHtml()</c> method returning string is rendered with it instead.
/// </summary>
public sealed class KitFormatterPlugin : IFormatterPlugin
{
    /// <summary>The single instance.</summary>
    public static KitFormatterPlugin Instance { get; } = new();

    /// <summary>Full names of kit types shown as their <c>ToString()</c> in a pre block (or their <c>ToHtml()</c>).</summary>
    public static IReadOnlyList<string> PreformattedTypes { get; } = new[]
    {
        "CourseKit.Tensor",
        "CourseKit.Autograd.Value",
    };

    private KitFormatterPlugin()
    {
    }

    /// <inheritdoc />
    public void OnAssemblyLoaded(Assembly assembly)
    {
        if (assembly.IsDynamic) return;
        foreach (var name in PreformattedTypes)
        {
            if (assembly.GetType(name, throwOnError: false) is not { } type) continue;
            var toHtml = type.GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            if (toHtml is not null && toHtml.ReturnType == typeof(string))
                Formatter.Register(type, (value, writer) => writer.Write((string?)toHtml.Invoke(value, null)), HtmlFormatter.MimeType);
            else
                Formatter.Register(type, (value, writer) => writer.Write(PreBlock(value)), HtmlFormatter.MimeType);
        }
    }

    /// <summary>The value's text, HTML-escaped, in a pre block with the kit's CSS class.</summary>
    public static string PreBlock(object value) =>
        $"<pre class=\"coursekit-value\">{WebUtility.HtmlEncode(value.ToString())}</pre>";
}
