using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Tests;

/// <summary>One mapping, two forms: what a message carries and what a notebook file stores differ only where Jupyter's formats do.</summary>
public class CellOutputJsonTests
{
    private static readonly DisplayDataOutput _result =
        new(new Dictionary<string, string> { ["text/plain"] = "a\nb", ["application/json"] = """{"k":[1,2]}""" })
        {
            Metadata = new JsonObject { ["m"] = 1 },
            DisplayId = "d1",
            ExecuteResultCount = 7,
        };

    [Fact]
    public void A_message_carries_strings_and_the_display_id_and_reads_back_as_written()
    {
        var json = CellOutputJson.Write(_result);
        var expected = JsonNode.Parse("""
            {"output_type":"execute_result","data":{"text/plain":"a\nb","application/json":"{\"k\":[1,2]}"},
             "metadata":{"m":1},"transient":{"display_id":"d1"},"execution_count":7}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        var read = Assert.IsType<DisplayDataOutput>(CellOutputJson.Read(json));
        Assert.Equal(_result.Data, read.Data);
        Assert.Equal(("d1", 7), (read.DisplayId, read.ExecuteResultCount));
    }

    [Fact]
    public void A_file_stores_lines_and_json_data_and_no_display_id()
    {
        var json = CellOutputJson.WriteForFile(_result);
        var expected = JsonNode.Parse("""
            {"output_type":"execute_result","data":{"text/plain":["a\n","b"],"application/json":{"k":[1,2]}},
             "metadata":{"m":1},"execution_count":7}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        var stream = CellOutputJson.WriteForFile(new StreamOutput("stdout", "x\ny\n"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"output_type":"stream","name":"stdout","text":["x\n","y\n"]}"""), stream), stream.ToJsonString());
    }

    [Fact]
    public void A_message_s_type_is_taken_out_of_its_content()
    {
        var (type, content) = CellOutputJson.Message(new ErrorOutput("Error", "E: m", ["E: m", "   at cell 1"]));
        Assert.Equal("error", type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ename":"Error","evalue":"E: m","traceback":["E: m","   at cell 1"]}"""), content), content.ToJsonString());
        var (display, _) = CellOutputJson.Message(DisplayDataOutput.Of("text/html", "<b/>"));
        Assert.Equal("display_data", display);
    }
}
