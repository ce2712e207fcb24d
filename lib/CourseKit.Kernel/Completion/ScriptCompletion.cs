using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Kernel.Completion;

/// <summary>
/// <c>complete_request</c> and <c>inspect_request</c> with Roslyn's own <see cref="CompletionService"/>
/// and <see cref="QuickInfoService"/> (Microsoft.CodeAnalysis.CSharp.Features), as an IDE offers them:
/// an <see cref="AdhocWorkspace"/> holds one submission project per cell the session has run, each
/// referencing the previous one (Roslyn chains submission compilations through those references,
/// exactly as the script state does), with the session's resolved references and default imports;
/// the code being edited is one more submission on top. The workspace is rebuilt only when the
/// session has run another cell. Requests arrive on the shell thread, between cells.
/// </summary>
public sealed class ScriptCompletion(ExecutionSession session)
{
    private static readonly CSharpParseOptions _parse = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private AdhocWorkspace? _workspace;
    private ScriptState<object>? _builtFor;
    private Solution? _solution;
    private ProjectId? _last;
    private ImmutableArray<MetadataReference> _references = [];

    /// <summary>The complete_reply content for the cursor (UTF-16 offset) in <paramref name="code"/>.</summary>
    public JsonObject Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var matches = new JsonArray();
        var types = new JsonArray();
        int start = cursor, end = cursor;
        if (Document(code) is { } document && CompletionService.GetService(document) is { } service)
        {
            var list = service.GetCompletionsAsync(document, cursor).GetAwaiter().GetResult();
            start = list.Span.Start;
            end = list.Span.End;
            var typed = code[start..Math.Min(cursor, end)];
            foreach (var item in list.ItemsList)
            {
                if (!item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
                var text = item.Properties.TryGetValue("InsertionText", out var insertion) ? insertion : item.DisplayText;
                matches.Add(text);
                types.Add(new JsonObject
                {
                    ["text"] = text, ["start"] = start, ["end"] = end,
                    ["type"] = item.Tags.FirstOrDefault()?.ToLowerInvariant() ?? "",
                });
            }
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = matches,
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject { ["_jupyter_types_experimental"] = types },
        };
    }

    /// <summary>The inspect_reply content: the quick info (signature and documentation) of the symbol at or just before the cursor.</summary>
    public JsonObject Inspect(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        string? text = null;
        if (Document(code) is { } document && QuickInfoService.GetService(document) is { } service)
        {
            foreach (var position in new[] { cursor, cursor - 1 })
            {
                if (position < 0) continue;
                var info = service.GetQuickInfoAsync(document, position).GetAwaiter().GetResult();
                if (info is null || info.Sections.IsEmpty) continue;
                text = string.Join("\n", info.Sections.Select(s => string.Concat(s.TaggedParts.Select(p => p.Text))).Where(s => s.Length > 0));
                break;
            }
        }
        var reply = new JsonObject { ["status"] = "ok", ["found"] = text is not null, ["metadata"] = new JsonObject() };
        reply["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text };
        return reply;
    }

    /// <summary>The document of <paramref name="code"/> as the next submission, or null before the session has started.</summary>
    private Document? Document(string code)
    {
        var state = session.State;
        if (state is null)
        {
            session.WarmUpAsync().GetAwaiter().GetResult();
            state = session.State!;
        }
        if (!ReferenceEquals(state, _builtFor)) Build(state);
        var id = ProjectId.CreateNewId();
        var solution = AddSubmission(_solution!, id, "edit", code);
        return solution.GetProject(id)!.Documents.Single();
    }

    private void Build(ScriptState<object> state)
    {
        _workspace ??= new AdhocWorkspace(MefHostServices.DefaultHost);
        var chain = new List<Script>();
        for (var s = state.Script; s is not null; s = s.Previous) chain.Add(s);
        chain.Reverse();
        // the resolved references (script options name assemblies, #r adds paths): every submission's, once
        var references = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in chain)
        {
            var compilation = script.GetCompilation();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path } reference)
                    references.TryAdd(path, reference);
            }
        }
        _references = [.. references.Values];
        var solution = _workspace.CurrentSolution;
        foreach (var old in solution.ProjectIds.ToArray()) solution = solution.RemoveProject(old);
        _last = null;
        for (var i = 0; i < chain.Count; i++)
        {
            var id = ProjectId.CreateNewId();
            solution = AddSubmission(solution, id, $"submission{i}", chain[i].Code);
            _last = id;
        }
        _solution = solution;
        _builtFor = state;
    }

    private Solution AddSubmission(Solution solution, ProjectId id, string name, string code)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ExecutionSession.DefaultImports);
        var project = ProjectInfo.Create(id, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: options, parseOptions: _parse, metadataReferences: _references,
            projectReferences: _last is null ? null : [new ProjectReference(_last)], isSubmission: true);
        return solution.AddProject(project)
            .AddDocument(DocumentId.CreateNewId(id), name + ".csx", SourceText.From(code), filePath: null)
            .GetProject(id)!.Solution;
    }
}
