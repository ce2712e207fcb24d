using System.Reflection;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// The process-wide list of <see cref="IFormatterPlugin"/>s. Every plugin sees every assembly loaded
/// in the process, the ones already loaded when it is added included. The engine adds
/// <see cref="KitFormatterPlugin"/> by default; hosts add their own with <see cref="Add"/>.
/// </summary>
public static class FormatterPlugins
{
    private static readonly object _gate = new();
    private static readonly List<IFormatterPlugin> _plugins = new();
    private static readonly HashSet<Assembly> _seen = new();
    private static bool _hooked;

    /// <summary>Adds a plugin and lets it see the assemblies loaded so far.</summary>
    public static void Add(IFormatterPlugin plugin)
    {
        Assembly[] loaded;
        lock (_gate)
        {
            Hook();
            if (_plugins.Contains(plugin)) return;
            _plugins.Add(plugin);
            loaded = _seen.ToArray();
        }
        foreach (var a in loaded) plugin.OnAssemblyLoaded(a);
    }

    /// <summary>Makes sure the default plugins are installed.</summary>
    public static void EnsureRegistered() => Add(KitFormatterPlugin.Instance);

    private static void Hook()
    {
        if (_hooked) return;
        _hooked = true;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Notify(e.LoadedAssembly);
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies()) _seen.Add(a);
    }

    private static void Notify(Assembly assembly)
    {
        IFormatterPlugin[] plugins;
        lock (_gate)
        {
            if (!_seen.Add(assembly)) return;
            plugins = _plugins.ToArray();
        }
        foreach (var p in plugins) p.OnAssemblyLoaded(assembly);
    }
}
