using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Tests;

public class DocumentTests
{
    private static string Temp(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Writing_a_notebook_that_was_read_gives_back_the_same_file()
    {
        // the test notebooks are written by Python's json.dumps(indent=1, sort_keys=True), as Jupyter and VS Code write them
        foreach (var file in Directory.GetFiles(TestNotebooks.SourceFolder, "*.ipynb"))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(text, IpynbFormat.Write(IpynbFormat.Parse(text, file)));
        }
    }

    [Fact]
    public void Unknown_metadata_outputs_and_list_of_lines_sources_survive_a_round_trip()
    {
        const string json = """
            {"cells":[{"cell_type":"code","execution_count":3,"id":"abc","metadata":{"custom":{"keep":[1,2]},"polyglot_notebook":{"kernelName":"csharp"},"tags":["raises-exception"]},
             "outputs":[{"name":"stdout","output_type":"stream","text":["a\n","b"]},{"data":{"text/html":["<b>x</b>"]},"metadata":{"m":1},"output_type":"display_data"},
                        {"ename":"Error","evalue":"E: m","output_type":"error","traceback":["E: m","   at cell 1"]}],
             "source":["var x = 1;\n","x"]}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},"mine":{"deep":true}},"nbformat":4,"nbformat_minor":5}
            """;
        var notebook = IpynbFormat.Parse(json, "x.ipynb");
        var cell = Assert.Single(notebook.Cells);
        Assert.Equal("var x = 1;\nx", cell.Source);
        Assert.True(cell.RaisesException);
        Assert.Equal(3, cell.Outputs.Count);
        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
    }

    [Fact]
    public void Kernel_names_come_from_polyglot_cell_metadata_or_the_notebook_default()
    {
        const string json = """
            {"cells":[{"cell_type":"code","metadata":{"polyglot_notebook":{"kernelName":"fsharp"}},"outputs":[],"source":"1"},
                      {"cell_type":"code","metadata":{},"outputs":[],"source":"2"},
                      {"cell_type":"code","metadata":{"dotnet_interactive":{"language":"pwsh"}},"outputs":[],"source":"3"}],
             "metadata":{"polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp"}}},"nbformat":4,"nbformat_minor":2}
            """;
        var cells = IpynbFormat.Parse(json, "k.ipynb").Cells;
        Assert.Equal(["fsharp", "csharp", "pwsh"], cells.Select(c => c.KernelName));
        Assert.Equal([false, true, false], cells.Select(c => c.IsCSharp));
    }

    [Fact]
    public void Dib_files_are_read_and_written()
    {
        const string dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!markdown\n\n# Title\n\n#!csharp\n\nvar x = 1;\n#!time\nx\n\n#!fsharp\n\nlet y = 2\n";
        var notebook = DibFormat.Parse(dib, "a.dib");
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("var x = 1;\n#!time\nx", notebook.Cells[1].Source);
        Assert.Equal("fsharp", notebook.Cells[2].KernelName);
        Assert.Equal(dib, DibFormat.Write(notebook));
    }

    [Theory]
    [InlineData("bad.ipynb", "not json at all", "bad.ipynb: not JSON (line 1, position 2); expected an nbformat 4 notebook")]
    [InlineData("object.ipynb", "{\"hello\": 1}", "object.ipynb: JSON but not a notebook: no \"cells\" array; expected an nbformat 4 notebook")]
    [InlineData("empty.ipynb", "", "empty.ipynb: the file is empty; expected an nbformat 4 notebook (JSON with a \"cells\" array)")]
    [InlineData("nocells.ipynb", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 2}", "nocells.ipynb: the notebook is empty (no cells); expected at least one C# code cell")]
    [InlineData("old.ipynb", "{\"cells\": [], \"nbformat\": 3}", "old.ipynb: nbformat 3 is not supported; convert with `jupyter nbconvert --to notebook`")]
    public void Bad_files_give_one_line_naming_the_file_and_the_problem(string name, string text, string expectedEnd)
    {
        var path = Temp(name, text);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, expectedEnd), e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "coursekit-tests", "does-not-exist.ipynb");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.Equal($"{path}: file not found; expected an existing .ipynb or .dib file", e.Message);
    }

    [Fact]
    public async Task A_notebook_without_csharp_cells_is_invalid()
    {
        var path = Temp("md.ipynb", """{"cells":[{"cell_type":"markdown","metadata":{},"source":"# only text"}],"metadata":{},"nbformat":4,"nbformat_minor":2}""");
        var r = await Execution.NotebookRunner.RunFileAsync(path, new Execution.NotebookRunOptions());
        Assert.Equal(Execution.NotebookRunStatus.Invalid, r.Status);
        Assert.Equal($"{path}: the notebook has no C# code cells; expected at least one cell of kernel 'csharp'", r.FirstError);
    }
}
