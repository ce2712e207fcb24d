using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Notebooks.Tests;

public class MappedMetadataResolverTests
{
    private static readonly AssemblyIdentity _xml = new("System.Private.Xml");

    [Fact]
    public void A_platform_assembly_is_read_once_per_process_and_shared_by_every_session()
    {
        var asker = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var first = new MappedMetadataResolver(Path.GetTempPath()).ResolveMissingAssembly(asker, _xml);
        var second = new MappedMetadataResolver(Directory.GetCurrentDirectory()).ResolveMissingAssembly(asker, _xml);

        Assert.NotNull(first);
        Assert.Equal(typeof(System.Xml.XmlReader).Assembly.Location, first.FilePath);
        Assert.Equal(first.GetMetadataId(), second!.GetMetadataId());
        // Roslyn's own resolver reads the file anew for each reference, which is what the mapped one saves
        var roslyn = ScriptMetadataResolver.Default;
        Assert.NotEqual(roslyn.ResolveMissingAssembly(asker, _xml)!.GetMetadataId(), roslyn.ResolveMissingAssembly(asker, _xml)!.GetMetadataId());
    }

    [Fact]
    public void A_name_resolves_to_the_platform_file_and_a_path_or_an_unknown_name_as_before()
    {
        var resolver = new MappedMetadataResolver(Path.GetTempPath());
        var byName = Assert.Single(resolver.ResolveReference("System.Linq", null, MetadataReferenceProperties.Assembly));
        Assert.Equal(typeof(Enumerable).Assembly.Location, byName.FilePath);
        Assert.Empty(resolver.ResolveReference("No.Such.Assembly", null, MetadataReferenceProperties.Assembly));
        Assert.Empty(resolver.ResolveReference("./missing.dll", null, MetadataReferenceProperties.Assembly));
    }

    [Fact]
    public async Task An_assembly_next_to_a_referenced_library_is_still_found_there()
    {
        // Probe.A's public API returns a Probe.B type: compiling a call to it needs Probe.B, which is not a platform
        // assembly and not referenced by the cell, so it can only come from the folder beside Probe.A
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-mapped-" + Guid.NewGuid().ToString("N"));
        var b = Path.Combine(folder, "Probe.B.dll");
        HelperAssembly.Emit(b, "Probe.B", "namespace Probe; public sealed class Box { public int Value { get; init; } }");
        HelperAssembly.Emit(Path.Combine(folder, "Probe.A.dll"), "Probe.A",
            "namespace Probe; public static class Maker { public static Box Make() => new Box { Value = 42 }; }", b);
        try
        {
            var session = new ExecutionSession(new ExecutionOptions { WorkingDirectory = folder, SetCurrentDirectory = false });
            var result = await session.ExecuteAsync("#r \"Probe.A.dll\"\nConsole.Write(Probe.Maker.Make().Value + 1);");
            Assert.True(result.Succeeded, result.Error?.Value);
            Assert.Equal("43", Assert.IsType<StreamOutput>(Assert.Single(result.Outputs)).Text);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
