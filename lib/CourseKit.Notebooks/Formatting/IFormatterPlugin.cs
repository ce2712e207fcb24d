using System.Reflection;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// Registers <c>Formatter.Register</c> formatters for types of an assembly when that assembly is
/// loaded into the process (by the host or by a notebook's <c>#r</c>). Kit types (Tensor, Value,
/// DataFrame helpers, charts) get their HTML this way in our engine; the same registrations run in the
/// real kernel when made from notebook code or a kernel extension.
/// </summary>
public interface IFormatterPlugin
{
    /// <summary>Registers formatters for the types of <paramref name="assembly"/> this plugin knows; called once per loaded assembly.</summary>
    void OnAssemblyLoaded(Assembly assembly);
}
