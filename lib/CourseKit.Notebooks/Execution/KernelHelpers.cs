using CourseKit.Notebooks.Formatting;
using Microsoft.AspNetCore.Html;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The kernel helpers a notebook cell sees through <c>using static</c>, as the real C# kernel offers
/// them: <c>display(value)</c> and <c>HTML(text)</c>. They write into the cell that is running on the
/// caller's async flow.
/// </summary>
public static class KernelHelpers
{
    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell.</summary>
    /// <param name="value">Any value: formatted like a trailing expression.</param>
    /// <param name="mimeTypes">Mime types to render instead of the value's preferred one.</param>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var cell = ConsoleRouter.Current
            ?? throw new InvalidOperationException("display(...) was called outside a running notebook cell; expected a call from cell code");
        var id = Guid.NewGuid().ToString("N");
        cell.Display(ValueFormatter.Format(value, mimeTypes, id));
        return new DisplayedValue(cell, id, mimeTypes);
    }

    /// <summary>Marks a string as HTML, so that displaying it renders the markup.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);
}
