using System.Text;
using System.Text.Json;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class ModelFileTests
{
    private static TestLinear Filled(int inputs, int outputs, int seed, string name = "linear")
    {
        var model = new TestLinear(inputs, outputs, name: name);
        var rng = new Random(seed);
        foreach (var p in model.Parameters())
            for (int i = 0; i < p.Value.Length; i++) p.Value.Span[i] = rng.NextDouble() * 2 - 1;
        return model;
    }

    [Fact]
    public void Save_then_load_restores_every_value_exactly()
    {
        var source = Filled(3, 2, seed: 1);
        source.W.Value[0, 1] = 1.0 / 3;         // needs all 17 digits
        source.W.Value[1, 2] = double.NaN;      // non-finite values survive as strings
        source.B!.Value[1] = double.NegativeInfinity;
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-model-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Save(source, path);
            var target = Filled(3, 2, seed: 2);
            ModelFile.Load(target, path);
            Assert.Equal(source.W.Value.ToArray(), target.W.Value.ToArray());
            Assert.Equal(source.B.Value.ToArray(), target.B!.Value.ToArray());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_file_is_the_documented_json()
    {
        var model = new TestLinear(2, 1);
        model.W.Value[0, 0] = 0.5;
        model.W.Value[0, 1] = -2;
        model.B!.Value[0] = 0.25;
        using var stream = new MemoryStream();
        ModelFile.Write(model, stream);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal("CourseKit.ModelFile", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var ps = root.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(2, ps.Length);
        Assert.Equal("linear.W", ps[0].GetProperty("name").GetString());
        Assert.Equal([1, 2], ps[0].GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0.5, -2.0], ps[0].GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("linear.b", ps[1].GetProperty("name").GetString());
        Assert.Equal([0.25], ps[1].GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
    }

    private static ArgumentException LoadFails(TestLinear saved, TestLinear target)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(saved, stream);
        stream.Position = 0;
        return Assert.Throws<ArgumentException>(() => ModelFile.Read(target, stream));
    }

    [Fact]
    public void A_shape_mismatch_names_the_first_differing_parameter_and_changes_nothing()
    {
        var target = Filled(3, 4, seed: 5);
        var before = target.W.Value.ToArray();
        var e = LoadFails(Filled(3, 2, seed: 1), target);
        Assert.Contains("parameter 0 is 'linear.W' [2, 3] in the file but 'linear.W' [4, 3] in the model", e.Message);
        Assert.Equal(before, target.W.Value.ToArray());
    }

    [Fact]
    public void A_name_mismatch_is_reported()
    {
        var e = LoadFails(Filled(3, 2, 1, name: "encoder"), Filled(3, 2, 1, name: "decoder"));
        Assert.Contains("parameter 0 is 'encoder.W' [2, 3] in the file but 'decoder.W' [2, 3] in the model", e.Message);
    }

    [Fact]
    public void A_different_number_of_parameters_is_reported()
    {
        var withBias = Filled(3, 2, 1);
        var withoutBias = new TestLinear(3, 2, bias: false);
        var e = LoadFails(withBias, withoutBias);
        Assert.Contains("the file has 2 parameters, the model 1; the file's parameter 1 'linear.b' [2] has no counterpart in the model", e.Message);
        var e2 = LoadFails(withoutBias, withBias);
        Assert.Contains("the file has 1 parameters, the model 2; the model's parameter 1 'linear.b' [2] is missing from the file", e2.Message);
    }

    [Fact]
    public void Not_a_model_file_is_rejected()
    {
        var model = new TestLinear(1, 1);
        var e = Assert.Throws<ArgumentException>(() => ModelFile.Read(model, new MemoryStream(Encoding.UTF8.GetBytes("{\"a\": 1}"))));
        Assert.Contains("is not a CourseKit model file", e.Message);
        var bad = "{\"format\":\"CourseKit.ModelFile\",\"version\":1,\"parameters\":[{\"name\":\"linear.W\",\"shape\":[1,1],\"values\":[1,2]}]}";
        var e2 = Assert.Throws<ArgumentException>(() => ModelFile.Read(model, new MemoryStream(Encoding.UTF8.GetBytes(bad))));
        Assert.Contains("shape [1, 1] needs 1 values, the file has 2", e2.Message);
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(model, "/nonexistent/model.json"));
    }
}
