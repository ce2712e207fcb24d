using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CsCheck;

namespace CourseKit.Notebooks.Tests;

/// <summary>A notebook with a field of the wrong type is reported as one line naming the file, the cell and the field.</summary>
public class MalformedNotebookTests
{
    /// <summary>A valid notebook with every kind of cell and output and the metadata the kit reads.</summary>
    private const string Valid = """
        {"cells":[
          {"cell_type":"markdown","id":"m1","metadata":{},"source":["# Title\n","text"]},
          {"cell_type":"code","execution_count":3,"id":"c2","metadata":{"polyglot_notebook":{"kernelName":"csharp"},"tags":["raises-exception"],"dotnet_interactive":{"language":"csharp"}},
           "outputs":[{"name":"stdout","output_type":"stream","text":["a\n","b"]},
                      {"data":{"text/plain":["1"],"application/json":{"a":[1,2]}},"execution_count":3,"metadata":{"m":1},"output_type":"execute_result"},
                      {"ename":"Error","evalue":"E: m","output_type":"error","traceback":["E: m","   at cell 2"]}],
           "source":"var x = 1;"},
          {"cell_type":"raw","metadata":{},"source":"raw"}],
         "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},
                     "polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}},
         "nbformat":4,"nbformat_minor":5}
        """;

    private static string Mutate(Action<JsonObject> change)
    {
        var root = (JsonObject)JsonNode.Parse(Valid)!;
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Cell(JsonObject root, int number) => (JsonObject)root["cells"]![number - 1]!;

    private static JsonObject Output(JsonObject root, int number) => (JsonObject)Cell(root, 2)["outputs"]![number - 1]!;

    public static TheoryData<string, string> Cases() => new()
    {
        { Mutate(r => Cell(r, 2)["source"] = new JsonArray(1)), "cell 2: item 1 of \"source\" is the number 1; expected a string (one line)" },
        { Mutate(r => Cell(r, 2)["source"] = 5), "cell 2: \"source\" is the number 5; expected a string or a list of strings" },
        { Mutate(r => Cell(r, 1)["source"] = new JsonObject()), "cell 1: \"source\" is an object; expected a string or a list of strings" },
        { Mutate(r => r["cells"] = new JsonObject()), "\"cells\" is an object; expected a list" },
        { Mutate(r => r["metadata"] = new JsonArray()), "\"metadata\" is a list; expected an object" },
        { Mutate(r => Cell(r, 2)["outputs"] = "x"), "cell 2: \"outputs\" is the string \"x\"; expected a list" },
        { Mutate(r => Output(r, 1)["text"] = 3), "cell 2, output 1: \"text\" is the number 3; expected a string or a list of strings" },
        { Mutate(r => Output(r, 1)["text"] = new JsonArray("a", false)), "cell 2, output 1: item 2 of \"text\" is false; expected a string (one line)" },
        { Mutate(r => Output(r, 1)["name"] = 1), "cell 2, output 1: \"name\" is the number 1; expected a string" },
        { Mutate(r => Output(r, 2)["data"] = "x"), "cell 2, output 2: \"data\" is the string \"x\"; expected an object" },
        { Mutate(r => Output(r, 2)["data"]!["text/plain"] = 5), "cell 2, output 2: \"text/plain\" in \"data\" is the number 5; expected a string or a list of strings" },
        { Mutate(r => Output(r, 2)["metadata"] = new JsonArray()), "cell 2, output 2: \"metadata\" is a list; expected an object" },
        { Mutate(r => Output(r, 2)["execution_count"] = "3"), "cell 2, output 2: \"execution_count\" is the string \"3\"; expected a whole number" },
        { Mutate(r => Output(r, 3)["traceback"] = new JsonArray((JsonNode?)null)), "cell 2, output 3: item 1 of \"traceback\" is null; expected a string" },
        { Mutate(r => Output(r, 3)["evalue"] = new JsonArray()), "cell 2, output 3: \"evalue\" is a list; expected a string" },
        { Mutate(r => Output(r, 1)["output_type"] = "movie"), "cell 2, output 1: \"output_type\" is the string \"movie\"; expected \"stream\", \"display_data\", \"execute_result\" or \"error\"" },
        { Mutate(r => Output(r, 1).Remove("output_type")), "cell 2, output 1: \"output_type\" is missing; expected \"stream\", \"display_data\", \"execute_result\" or \"error\"" },
        { Mutate(r => ((JsonArray)Cell(r, 2)["outputs"]!)[0] = 7), "cell 2: output 1 is the number 7; expected an object with \"output_type\"" },
        { Mutate(r => Cell(r, 2)["execution_count"] = "a"), "cell 2: \"execution_count\" is the string \"a\"; expected a whole number" },
        { Mutate(r => Cell(r, 2)["execution_count"] = 1.5), "cell 2: \"execution_count\" is the number 1.5; expected a whole number" },
        { Mutate(r => Cell(r, 2)["metadata"] = "m"), "cell 2: \"metadata\" is the string \"m\"; expected an object" },
        { Mutate(r => Cell(r, 2)["metadata"]!["polyglot_notebook"] = new JsonArray()), "cell 2: \"metadata.polyglot_notebook\" is a list; expected an object" },
        { Mutate(r => Cell(r, 2)["metadata"]!["polyglot_notebook"]!["kernelName"] = 1), "cell 2: \"metadata.polyglot_notebook.kernelName\" is the number 1; expected a string" },
        { Mutate(r => Cell(r, 2)["metadata"]!["dotnet_interactive"]!["language"] = new JsonArray()), "cell 2: \"metadata.dotnet_interactive.language\" is a list; expected a string" },
        { Mutate(r => Cell(r, 1)["metadata"]!["polyglot_notebook"] = 1), "cell 1: \"metadata.polyglot_notebook\" is the number 1; expected an object" },
        { Mutate(r => Cell(r, 2)["metadata"]!["tags"] = new JsonArray(1)), "cell 2: item 1 of \"metadata.tags\" is the number 1; expected a string" },
        { Mutate(r => Cell(r, 2)["metadata"]!["tags"] = "raises-exception"), "cell 2: \"metadata.tags\" is the string \"raises-exception\"; expected a list" },
        { Mutate(r => Cell(r, 2)["id"] = 2), "cell 2: \"id\" is the number 2; expected a string" },
        { Mutate(r => Cell(r, 3)["cell_type"] = true), "cell 3: \"cell_type\" is true; expected \"code\", \"markdown\" or \"raw\"" },
        { Mutate(r => Cell(r, 3)["cell_type"] = "heading"), "cell 3: \"cell_type\" is the string \"heading\"; expected \"code\", \"markdown\" or \"raw\"" },
        { Mutate(r => Cell(r, 3).Remove("cell_type")), "cell 3: \"cell_type\" is missing; expected \"code\", \"markdown\" or \"raw\"" },
        { Mutate(r => ((JsonArray)r["cells"]!)[1] = "x"), "cell 2 is the string \"x\"; expected an object with \"cell_type\" and \"source\"" },
        { Mutate(r => ((JsonArray)r["cells"]!)[0] = null), "cell 1 is null; expected an object with \"cell_type\" and \"source\"" },
        { Mutate(r => r["nbformat"] = "4"), "\"nbformat\" is the string \"4\"; expected a whole number" },
        { Mutate(r => r["nbformat_minor"] = new JsonArray()), "\"nbformat_minor\" is a list; expected a whole number" },
        { Mutate(r => r["metadata"]!["kernelspec"]!["name"] = 5), "\"metadata.kernelspec.name\" is the number 5; expected a string" },
        { Mutate(r => r["metadata"]!["kernelspec"] = "csharp"), "\"metadata.kernelspec\" is the string \"csharp\"; expected an object" },
        { Mutate(r => r["metadata"]!["polyglot_notebook"]!["kernelInfo"] = 0), "\"metadata.polyglot_notebook.kernelInfo\" is the number 0; expected an object" },
        { Mutate(r => r["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"] = new JsonObject()), "\"metadata.polyglot_notebook.kernelInfo.defaultKernelName\" is an object; expected a string" },
        { """{"cells": [], "cells": [], "nbformat": 4}""", "not JSON (Duplicate property 'cells' encountered during deserialization); expected an nbformat 4 notebook" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wrong_typed_field_names_the_file_the_cell_and_the_field(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Parse(json, "/course/lesson.ipynb"));
        Assert.Equal($"/course/lesson.ipynb: {problem}", e.Message);
        Assert.Equal(problem, e.Problem);
    }

    [Fact]
    public void The_valid_notebook_of_the_table_is_valid()
    {
        var notebook = IpynbFormat.Parse(Valid, "lesson.ipynb");
        Assert.Equal(3, notebook.Cells.Count);
        Assert.Equal(3, notebook.Cells[1].Outputs.Count);
        Assert.True(notebook.Cells[1].RaisesException);
        Assert.Equal("{\"a\":[1,2]}", ((DisplayDataOutput)notebook.Cells[1].Outputs[1]).Data["application/json"]);
    }

    [Theory]
    [InlineData("""{"metadata": {}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": [], "metadata": {}}]}""", 3)]
    [InlineData("""{"cells": [], "nbformat": 3}""", 3)]
    [InlineData("""{"nbformat": 2, "worksheets": []}""", 2)]
    public void An_old_nbformat_says_how_to_convert_it(string json, int version)
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Parse(json, "/course/old.ipynb"));
        Assert.Equal($"/course/old.ipynb: nbformat {version} is not supported; convert with `jupyter nbconvert --to notebook`", e.Message);
    }

    [Fact]
    public void A_newer_nbformat_is_named()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Parse("""{"cells": [], "nbformat": 5}""", "new.ipynb"));
        Assert.Equal("new.ipynb: nbformat 5 is not supported; expected nbformat 4", e.Message);
    }

    [Theory]
    [InlineData("#!meta\n\n[1]\n\n#!csharp\n\n1", "the #!meta block: its JSON is a list; expected an object with \"kernelInfo\"")]
    [InlineData("#!meta\n\n{\"kernelInfo\": []}\n\n#!csharp\n\n1", "the #!meta block: \"kernelInfo\" is a list; expected an object")]
    [InlineData("#!meta\n\n{\"kernelInfo\": {\"defaultKernelName\": 5}}\n\n#!csharp\n\n1", "the #!meta block: \"kernelInfo.defaultKernelName\" is the number 5; expected a string")]
    [InlineData("#!meta\n\n{\"a\": 1, \"a\": 2}\n\n#!csharp\n\n1", "the #!meta block is not JSON (Duplicate property 'a' encountered during deserialization.)")]
    public void A_dib_meta_block_of_the_wrong_shape_is_named(string dib, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => DibFormat.Parse(dib, "/course/lesson.dib"));
        Assert.Equal($"/course/lesson.dib: {problem}", e.Message);
    }

    /// <summary>Replacement values of every JSON type, as JSON text.</summary>
    private static readonly Gen<string> _anyValue = Gen.OneOf<string>(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.OneOf("true", "false", "null", "[]", "{}", "[1]", "[null]", "[\"a\", 2]", "{\"a\": 1}", "[[]]", "\"code\"", "\"stream\"", "4", "3"));

    /// <summary>Every place in the JSON tree: the steps (a key or an index) that lead to it.</summary>
    private static List<object[]> Places(JsonNode? node, object[] steps)
    {
        var places = new List<object[]> { steps };
        if (node is JsonObject o)
            foreach (var (key, child) in o) places.AddRange(Places(child, [.. steps, key]));
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++) places.AddRange(Places(a[i], [.. steps, i]));
        return places;
    }

    /// <summary>Puts <paramref name="value"/> (JSON text) at the place <paramref name="steps"/> leads to; the root itself is replaced whole.</summary>
    private static JsonNode? Replace(JsonNode root, object[] steps, string value)
    {
        if (steps.Length == 0) return JsonNode.Parse(value);
        var parent = steps[..^1].Aggregate(root, (node, step) => step is string key ? node[key]! : node[(int)step]!);
        if (steps[^1] is string last) parent[last] = JsonNode.Parse(value);
        else parent[(int)steps[^1]] = JsonNode.Parse(value);
        return root;
    }

    private static string MutatedJson(string valid, (int Place, string Value)[] changes)
    {
        JsonNode? root = JsonNode.Parse(valid)!;
        foreach (var (place, value) in changes)
        {
            if (root is null) break;
            var places = Places(root, []);
            root = Replace(root, places[place % places.Count], value);
        }
        return root?.ToJsonString() ?? "null";
    }

    [Fact]
    public void Values_of_random_wrong_types_anywhere_give_a_format_error_or_a_usable_notebook()
    {
        Gen.Select(Gen.Int.Positive, _anyValue).Array[1, 3].Sample(changes =>
        {
            var json = MutatedJson(Valid, changes);
            Notebook notebook;
            try
            {
                notebook = IpynbFormat.Parse(json, "lesson.ipynb");
            }
            catch (NotebookFormatException e)
            {
                Assert.StartsWith("lesson.ipynb: ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                return;
            }
            // whatever was accepted can be used and written back
            Assert.All(notebook.Cells, c => _ = c.RaisesException);
            IpynbFormat.Parse(IpynbFormat.Write(notebook), "again.ipynb");
        }, iter: 3000);
    }

    [Fact]
    public void A_dib_meta_block_of_random_shape_gives_a_format_error_or_a_usable_notebook()
    {
        const string meta = """{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}""";
        Gen.Select(Gen.Int.Positive, _anyValue).Array[1, 2].Sample(changes =>
        {
            var dib = $"#!meta\n\n{MutatedJson(meta, changes)}\n\n#!csharp\n\nvar x = 1;\n";
            try
            {
                var notebook = DibFormat.Parse(dib, "lesson.dib");
                DibFormat.Parse(DibFormat.Write(notebook), "again.dib");
            }
            catch (NotebookFormatException e)
            {
                Assert.StartsWith("lesson.dib: ", e.Message);
            }
        }, iter: 1000);
    }
}
