using CourseKit.Notebooks.Formatting;

namespace CourseKit.Notebooks.Execution;

/// <summary>What <c>display(x)</c> returns: a handle that replaces the shown value in place, as in the kernel.</summary>
public sealed class DisplayedValue
{
    private readonly CellContext _cell;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(CellContext cell, string displayId, string[] mimeTypes)
    {
        _cell = cell;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>.</summary>
    public void Update(object? value) => _cell.Display(ValueFormatter.Format(value, _mimeTypes, DisplayId), update: true);
}
