using System.Text.Json;
using Plotly.NET;

namespace CourseKit.Charts.Tests;

/// <summary>A chart's figure JSON (GenericChart.toFigureJson), parsed, with short accessors for the tests.</summary>
internal sealed class Figure
{
    private Figure(JsonElement root) => Root = root;

    public JsonElement Root { get; }
    public JsonElement Layout => Root.GetProperty("layout");
    public JsonElement[] Data => [.. Root.GetProperty("data").EnumerateArray()];

    public static Figure Of(GenericChart chart)
    {
        using var doc = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        return new Figure(doc.RootElement.Clone());
    }

    public JsonElement Trace(string name) => Data.Single(t => t.TryGetProperty("name", out var n) && n.GetString() == name);
    public string[] Names => [.. Data.Select(t => t.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "")];
    public string[] Types => [.. Data.Select(t => t.GetProperty("type").GetString() ?? "")];
    public string AxisTitle(string axis) => Layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString() ?? "";
}

internal static class Json
{
    public static double[] Doubles(this JsonElement array) => [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];
    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString() ?? "")];
    public static string Str(this JsonElement e, params string[] path)
    {
        foreach (var p in path) e = e.GetProperty(p);
        return e.GetString() ?? "";
    }
    public static JsonElement At(this JsonElement e, params string[] path)
    {
        foreach (var p in path) e = e.GetProperty(p);
        return e;
    }
}
