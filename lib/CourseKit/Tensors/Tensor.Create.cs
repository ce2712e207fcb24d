namespace CourseKit;

public sealed partial class Tensor
{
    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape) => new(shape);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1.0, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(double value, params int[] shape)
    {
        var t = new Tensor(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A zero tensor with the shape of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => new(like._shape);

    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major) with the given shape.</summary>
    public static Tensor FromArray(double[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = new Tensor(shape);
        if (data.Length != t.Length)
            throw new ArgumentException(
                $"FromArray: {data.Length} values cannot fill shape {t.ShapeString}, which needs {t.Length}.", nameof(data));
        data.CopyTo(t.Span);
        return t;
    }

    /// <summary>A rank-1 tensor holding a copy of <paramref name="vector"/>.</summary>
    public static Tensor From(double[] vector) => FromArray(vector, vector.Length);

    /// <summary>A rank-2 tensor holding a copy of <paramref name="matrix"/>.</summary>
    public static Tensor From(double[,] matrix)
    {
        var t = new Tensor([matrix.GetLength(0), matrix.GetLength(1)]);
        int k = 0;
        foreach (double x in matrix) t._data[k++] = x; // a double[,] enumerates row-major
        return t;
    }

    /// <summary>A rank-2 tensor from equally long rows.</summary>
    public static Tensor From(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        var t = new Tensor([rows.Length, cols]);
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != cols)
                throw new ArgumentException(
                    $"From(rows): row {i} has {rows[i].Length} values but row 0 has {cols}; all rows must be equally long.", nameof(rows));
            rows[i].CopyTo(t._data, i * cols);
        }
        return t;
    }

    /// <summary>The values start, start+step, ... below <paramref name="stop"/> (numpy's arange).</summary>
    public static Tensor Arange(double start, double stop, double step = 1.0)
    {
        if (step == 0 || double.IsNaN(step) || double.IsInfinity(step))
            throw new ArgumentException($"Arange: step must be a finite non-zero number, got {step}.", nameof(step));
        double count = Math.Ceiling((stop - start) / step);
        if (!(count >= 1))
            throw new ArgumentException(
                $"Arange({start}, {stop}, {step}) would be empty; stop must lie beyond start in the direction of step.", nameof(stop));
        var t = new Tensor([checked((int)count)]);
        for (int i = 0; i < t.Length; i++) t._data[i] = start + i * step;
        return t;
    }

    /// <summary><paramref name="count"/> evenly spaced values from start to stop inclusive.</summary>
    public static Tensor Linspace(double start, double stop, int count)
    {
        if (count < 1)
            throw new ArgumentException($"Linspace: count must be at least 1, got {count}.", nameof(count));
        var t = new Tensor([count]);
        double step = count == 1 ? 0 : (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) t._data[i] = start + i * step;
        if (count > 1) t._data[count - 1] = stop;
        return t;
    }

    /// <summary>Samples of N(mean, std²) drawn from <paramref name="rng"/> (Box–Muller).</summary>
    public static Tensor Normal(Random rng, double mean, double std, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(std >= 0))
            throw new ArgumentException($"Normal: std must be non-negative, got {std}.", nameof(std));
        var t = new Tensor(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i += 2)
        {
            // Box–Muller: two independent standard normals from two uniforms; 1 - U avoids log(0).
            double r = Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble()));
            double theta = 2.0 * Math.PI * rng.NextDouble();
            s[i] = mean + std * r * Math.Cos(theta);
            if (i + 1 < s.Length) s[i + 1] = mean + std * r * Math.Sin(theta);
        }
        return t;
    }

    /// <summary>Samples of N(mean, std²) from a generator seeded with <paramref name="seed"/>.</summary>
    public static Tensor Normal(int seed, double mean, double std, params int[] shape) =>
        Normal(new Random(seed), mean, std, shape);

    /// <summary>Samples of U[low, high) drawn from <paramref name="rng"/>.</summary>
    public static Tensor Uniform(Random rng, double low, double high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(high >= low))
            throw new ArgumentException($"Uniform: high ({high}) must be at least low ({low}).", nameof(high));
        var t = new Tensor(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++) s[i] = low + (high - low) * rng.NextDouble();
        return t;
    }

    /// <summary>Samples of U[low, high) from a generator seeded with <paramref name="seed"/>.</summary>
    public static Tensor Uniform(int seed, double low, double high, params int[] shape) =>
        Uniform(new Random(seed), low, high, shape);

    /// <summary>The n×n identity matrix.</summary>
    public static Tensor Eye(int n)
    {
        var t = Zeros(n, n);
        for (int i = 0; i < n; i++) t._data[i * n + i] = 1.0;
        return t;
    }

    /// <summary>A copy with its own storage.</summary>
    public Tensor Clone()
    {
        var t = new Tensor(_shape);
        Span.CopyTo(t.Span);
        return t;
    }
}
