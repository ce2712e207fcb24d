using System.Globalization;
using System.Text.Json;
using CourseKit.Layers;

namespace CourseKit.Training;

/// <summary>
/// Saves and loads the parameter values of a model (its architecture is code: build the same model, then
/// <see cref="Load(Layer, string)"/> into it).
/// </summary>
/// <remarks>
/// <para>The format is UTF-8 JSON, readable by any JSON library:</para>
/// <code>
/// {
///   "format": "CourseKit.ModelFile",
///   "version": 1,
///   "parameters": [
///     { "name": "dense1.W", "shape": [16, 4], "values": [0.12, -0.5, ...] },
///     ...
///   ]
/// }
/// </code>
/// <para>Parameters appear in the order of <see cref="Layer.Parameters"/>; "values" is the row-major
/// flattening of the tensor, each number written in the shortest form that reads back to the same double
/// (so a round trip is exact); non-finite values are the strings "NaN", "Infinity", "-Infinity".</para>
/// <para>Loading matches the file to the model parameter by parameter, in order, on both name and shape,
/// and changes nothing unless every parameter fits.</para>
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string FormatName = "CourseKit.ModelFile";
    /// <summary>The format version written by this library.</summary>
    public const int Version = 1;

    /// <summary>Writes the model's parameters to the file at <paramref name="path"/> (overwriting it).</summary>
    public static void Save(Layer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Write(model, stream);
    }

    /// <summary>Writes the model's parameters to <paramref name="stream"/>.</summary>
    public static void Write(Layer model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", Version);
        json.WriteStartArray("parameters");
        foreach (var p in model.Parameters())
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            json.WriteStartArray("shape");
            foreach (int d in p.Value.Shape) json.WriteNumberValue(d);
            json.WriteEndArray();
            json.WriteStartArray("values");
            foreach (double v in p.Value.Span)
            {
                if (double.IsFinite(v)) json.WriteNumberValue(v);
                else json.WriteStringValue(v.ToString(CultureInfo.InvariantCulture)); // "NaN", "Infinity", "-Infinity"
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads the file at <paramref name="path"/> into the model's parameters.</summary>
    /// <exception cref="ArgumentException">The file is not a model file, or its parameters differ from the
    /// model's in number, name or shape (the message names the first mismatch); the model is unchanged.</exception>
    public static void Load(Layer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No model file at '{path}'.", path);
        using var stream = File.OpenRead(path);
        Read(model, stream, $"model file '{path}'");
    }

    /// <summary>Reads a model file from <paramref name="stream"/> into the model's parameters.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Load(Layer, string)"/>.</exception>
    public static void Read(Layer model, Stream stream) => Read(model, stream, "the model file");

    private static void Read(Layer model, Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var saved = Parse(stream, source);
        var parameters = model.Parameters().ToArray();
        for (int i = 0; i < Math.Min(saved.Count, parameters.Length); i++)
        {
            var (name, shape, _) = saved[i];
            var p = parameters[i];
            if (name != p.Name || !shape.SequenceEqual(p.Value.Shape))
                throw new ArgumentException(
                    $"The {source} does not fit the model: parameter {i} is '{name}' {Shape(shape)} in the file " +
                    $"but '{p.Name}' {p.Value.ShapeString} in the model.", nameof(model));
        }
        if (saved.Count != parameters.Length)
        {
            string first = saved.Count > parameters.Length
                ? $"the file's parameter {parameters.Length} '{saved[parameters.Length].Name}' {Shape(saved[parameters.Length].Shape)} has no counterpart in the model"
                : $"the model's parameter {saved.Count} '{parameters[saved.Count].Name}' {parameters[saved.Count].Value.ShapeString} is missing from the file";
            throw new ArgumentException(
                $"The {source} does not fit the model: the file has {saved.Count} parameters, the model {parameters.Length}; {first}.", nameof(model));
        }
        for (int i = 0; i < parameters.Length; i++) saved[i].Values.CopyTo(parameters[i].Value.Span);
    }

    private static List<(string Name, int[] Shape, double[] Values)> Parse(Stream stream, string source)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(stream); }
        catch (JsonException e) { throw new ArgumentException($"The {source} is not valid JSON: {e.Message}", nameof(stream), e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
                throw new ArgumentException($"The {source} is not a CourseKit model file: expected a JSON object with \"format\": \"{FormatName}\".", nameof(stream));
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out int v) || v != Version)
                throw new ArgumentException($"The {source} has an unsupported version; expected \"version\": {Version}.", nameof(stream));
            if (!root.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new ArgumentException($"The {source} has no \"parameters\" array.", nameof(stream));

            var result = new List<(string, int[], double[])>();
            int index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                string where = $"The {source}, parameter {index}";
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !entry.TryGetProperty("shape", out var shapeJson) || shapeJson.ValueKind != JsonValueKind.Array
                    || !entry.TryGetProperty("values", out var valuesJson) || valuesJson.ValueKind != JsonValueKind.Array)
                    throw new ArgumentException($"{where}: expected an object with \"name\" (string), \"shape\" and \"values\" (arrays).", nameof(stream));
                var shape = shapeJson.EnumerateArray().Select(d => d.TryGetInt32(out int n) && n >= 1 ? n
                    : throw new ArgumentException($"{where}: every dimension of \"shape\" must be an integer ≥ 1, got {d.GetRawText()}.", nameof(stream))).ToArray();
                var values = valuesJson.EnumerateArray().Select(x => Number(x, where, nameof(stream))).ToArray();
                long expected = shape.Aggregate(1L, (a, d) => a * d);
                if (shape.Length == 0 || values.Length != expected)
                    throw new ArgumentException($"{where} ('{name.GetString()}'): shape {Shape(shape)} needs {expected} values, the file has {values.Length}.", nameof(stream));
                result.Add((name.GetString()!, shape, values));
                index++;
            }
            return result;
        }
    }

    private static double Number(JsonElement x, string where, string paramName)
    {
        if (x.ValueKind == JsonValueKind.Number) return x.GetDouble();
        if (x.ValueKind == JsonValueKind.String
            && double.TryParse(x.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && !double.IsFinite(v))
            return v;
        throw new ArgumentException($"{where}: expected numbers (or \"NaN\", \"Infinity\", \"-Infinity\") in \"values\", got {x.GetRawText()}.", paramName);
    }

    private static string Shape(IEnumerable<int> shape) => "[" + string.Join(", ", shape) + "]";
}
