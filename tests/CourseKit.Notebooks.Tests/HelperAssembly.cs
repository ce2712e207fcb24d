using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Notebooks.Tests;

/// <summary>Compiles a tiny library for the <c>#r "path.dll"</c> test.</summary>
internal static class HelperAssembly
{
    public static void Emit(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tree = CSharpSyntaxTree.ParseText(
            "namespace NotebookHelper; public static class Greeter { public static string Greet(string name) => $\"Hello, {name}!\"; }");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("NotebookHelper", [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
