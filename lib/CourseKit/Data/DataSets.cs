using System.Globalization;
using System.IO.Compression;
using System.Reflection;

namespace CourseKit.Data;

/// <summary>
/// The five real data sets of the course (data/README.md: Debian python3-sklearn 1.2.1+dfsg-1), read from
/// CSV files embedded in this assembly, so they load from any working directory. Each call parses a
/// fresh copy.
/// </summary>
public static class DataSets
{
    private static readonly Dictionary<string, Func<DataSet>> _loaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iris"] = Iris,
        ["digits"] = Digits,
        ["breast_cancer"] = BreastCancer,
        ["wine"] = Wine,
        ["diabetes"] = Diabetes,
    };

    /// <summary>The names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["iris", "digits", "breast_cancer", "wine", "diabetes"];

    /// <summary>A real data set by name (case-insensitive; "-" or " " may stand for "_").</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DataSet Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().Replace('-', '_').Replace(' ', '_');
        if (key.Equals("breastcancer", StringComparison.OrdinalIgnoreCase)) key = "breast_cancer";
        return _loaders.TryGetValue(key, out var load)
            ? load()
            : throw new ArgumentException($"Unknown data set '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Fisher's iris: 150 × 4 (sepal/petal length and width in cm), 3 classes of 50.</summary>
    public static DataSet Iris() => LoadWithHeader("iris", "iris.csv", "iris.rst",
        ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);

    /// <summary>Handwritten digits: 1797 × 64 (8×8 images, row-major, integers 0..16), classes 0–9.</summary>
    public static DataSet Digits()
    {
        var rows = ReadLines("digits.csv.gz").Select(line => Numbers(line, ',', "digits.csv.gz")).ToList();
        var x = new double[rows.Count, 64];
        var y = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != 65)
                throw new InvalidDataException($"digits.csv.gz line {i + 1}: expected 65 values (64 pixels and the digit), got {rows[i].Length}.");
            for (int j = 0; j < 64; j++) x[i, j] = rows[i][j];
            y[i] = (int)rows[i][64];
        }
        var names = Enumerable.Range(0, 64).Select(j => $"pixel_{j / 8}_{j % 8}").ToArray();
        return DataSet.Classification("digits", x, y, names, Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray(), Text("digits.rst"));
    }

    /// <summary>Breast cancer Wisconsin (diagnostic): 569 × 30, malignant (0) 212, benign (1) 357.</summary>
    public static DataSet BreastCancer()
    {
        string[] measures = ["radius", "texture", "perimeter", "area", "smoothness", "compactness",
                             "concavity", "concave points", "symmetry", "fractal dimension"];
        var names = measures.Select(m => $"mean {m}")
            .Concat(measures.Select(m => $"{m} error"))
            .Concat(measures.Select(m => $"worst {m}")).ToArray();
        return LoadWithHeader("breast_cancer", "breast_cancer.csv", "breast_cancer.rst", names);
    }

    /// <summary>Wine recognition: 178 × 13 chemical measurements, cultivars of 59, 71 and 48.</summary>
    public static DataSet Wine() => LoadWithHeader("wine", "wine_data.csv", "wine_data.rst",
        ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
         "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]);

    /// <summary>
    /// Diabetes (Efron et al. 2004): 442 × 10 baseline variables in their original units (age, sex coded
    /// 1/2, bmi, bp, s1–s6), regression target = disease progression after one year. Unlike sklearn's
    /// default these are not pre-scaled: fit a <see cref="Standardizer"/> on the training split.
    /// </summary>
    public static DataSet Diabetes()
    {
        var rows = ReadLines("diabetes_data_raw.csv.gz").Select(line => Numbers(line, ' ', "diabetes_data_raw.csv.gz")).ToList();
        var targets = ReadLines("diabetes_target.csv.gz").Select(line => Numbers(line, ' ', "diabetes_target.csv.gz")[0]).ToArray();
        var x = new double[rows.Count, 10];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != 10)
                throw new InvalidDataException($"diabetes_data_raw.csv.gz line {i + 1}: expected 10 values, got {rows[i].Length}.");
            for (int j = 0; j < 10; j++) x[i, j] = rows[i][j];
        }
        return DataSet.Regression("diabetes", x, targets, ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], Text("diabetes.rst"));
    }

    // Header "n_samples,n_features,class0,class1,…", then rows of features and the label.
    private static DataSet LoadWithHeader(string name, string file, string descr, string[] featureNames)
    {
        var lines = ReadLines(file).ToList();
        string[] header = lines[0].Split(',');
        int n = int.Parse(header[0], CultureInfo.InvariantCulture), d = int.Parse(header[1], CultureInfo.InvariantCulture);
        if (lines.Count - 1 != n || d != featureNames.Length)
            throw new InvalidDataException($"{file}: header says {n} × {d}, found {lines.Count - 1} rows and expected {featureNames.Length} features.");
        var x = new double[n, d];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double[] v = Numbers(lines[i + 1], ',', file);
            if (v.Length != d + 1)
                throw new InvalidDataException($"{file} line {i + 2}: expected {d + 1} values, got {v.Length}.");
            for (int j = 0; j < d; j++) x[i, j] = v[j];
            y[i] = (int)v[d];
        }
        return DataSet.Classification(name, x, y, featureNames, header[2..], Text(descr));
    }

    private static double[] Numbers(string line, char separator, string file)
    {
        var parts = line.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidDataException($"{file}: '{parts[i]}' is not a number.");
        return values;
    }

    private static IEnumerable<string> ReadLines(string file)
    {
        using var reader = new StreamReader(Open(file));
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    private static string Text(string descr)
    {
        using var reader = new StreamReader(Open("descr/" + descr));
        return reader.ReadToEnd();
    }

    private static Stream Open(string file)
    {
        string resource = "CourseKit.Data." + file.Replace('/', '.');
        Stream stream = typeof(DataSets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded data file '{resource}' is missing from {typeof(DataSets).Assembly.GetName().Name}; the build must embed data/{file}.");
        return file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
