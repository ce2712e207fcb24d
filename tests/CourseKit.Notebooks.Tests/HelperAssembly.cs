using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Notebooks.Tests;

/// <summary>Compiles a tiny library for the <c>#r "path.dll"</c> test.</summary>
internal static class HelperAssembly
{
    public static void Emit(string path) =>
        Emit(path, "NotebookHelper",
            "namespace NotebookHelper; public static class Greeter { public static string Greet(string name) => $\"Hello, {name}!\"; }");

    /// <summary>Compiles <paramref name="source"/> as the library <paramref name="name"/> into <paramref name="path"/>.</summary>
    public static void Emit(string path, string name, string source, params string[] references)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll");
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)],
            framework.Concat(references).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
