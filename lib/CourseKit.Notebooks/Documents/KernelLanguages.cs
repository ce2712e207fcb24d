namespace CourseKit.Notebooks.Documents;

/// <summary>Kernel names of Polyglot Notebooks and the aliases that mean C#.</summary>
public static class KernelLanguages
{
    /// <summary>The Polyglot kernel name of C#.</summary>
    public const string CSharp = "csharp";

    /// <summary>Whether a Polyglot kernel name (or alias) denotes the C# kernel.</summary>
    public static bool IsCSharp(string kernelName) =>
        kernelName.Equals("csharp", StringComparison.OrdinalIgnoreCase)
        || kernelName.Equals("c#", StringComparison.OrdinalIgnoreCase)
        || kernelName.Equals("C#", StringComparison.Ordinal);
}
