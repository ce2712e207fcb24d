using CourseKit.Notebooks.Documents;
using Microsoft.DotNet.Interactive.Formatting;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// Turns a value into the mime bundle the real C# kernel would produce: the value's preferred mime
/// type from <see cref="Formatter"/> (text/plain for strings, text/html for everything else unless a
/// formatter says otherwise), rendered by <see cref="Formatter.ToDisplayString(object, string)"/>, so
/// formatters registered with <c>Formatter.Register</c> (by a notebook, a library or a
/// <see cref="IFormatterPlugin"/>) apply exactly as in the kernel.
/// </summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for display; <paramref name="mimeTypes"/> overrides the preferred ones.</summary>
    public static DisplayDataOutput Format(object? value, IReadOnlyCollection<string>? mimeTypes = null, string? displayId = null)
    {
        FormatterPlugins.EnsureRegistered();
        var types = mimeTypes is { Count: > 0 }
            ? mimeTypes
            : value is null ? new[] { HtmlFormatter.MimeType } : Formatter.GetPreferredMimeTypesFor(value.GetType());
        var data = new Dictionary<string, string>();
        foreach (var mime in types)
            data[mime] = Formatter.ToDisplayString(value!, mime);
        return new DisplayDataOutput(data) { DisplayId = displayId };
    }
}
