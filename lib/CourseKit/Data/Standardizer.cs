namespace CourseKit.Data;

/// <summary>
/// Standardisation x′ = (x − μ)/σ per feature, with μ and σ (population standard deviation, divisor n)
/// fitted on the <b>training data only</b> and then applied unchanged to validation and test data, so no
/// information leaks from them. A constant feature (σ = 0) is only centred (divided by 1).
/// </summary>
public sealed class Standardizer
{
    private double[]? _mean, _std;

    /// <summary>μ per feature (after <see cref="Fit(double[,])"/>).</summary>
    public IReadOnlyList<double> Mean => _mean ?? throw NotFitted();
    /// <summary>σ per feature as used for dividing (1 for constant features).</summary>
    public IReadOnlyList<double> StdDev => _std ?? throw NotFitted();
    /// <summary>Whether <see cref="Fit(double[,])"/> has been called.</summary>
    public bool IsFitted => _mean is not null;

    /// <summary>Learn μ and σ of each column of <paramref name="x"/> (n × d, n ≥ 1).</summary>
    public Standardizer Fit(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), d = x.GetLength(1);
        if (n == 0 || d == 0)
            throw new ArgumentException($"Cannot fit a standardizer on empty data ({n} samples × {d} features).", nameof(x));
        var mean = new double[d];
        var std = new double[d];
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += x[i, j];
            double mu = sum / n, ss = 0;
            for (int i = 0; i < n; i++) ss += (x[i, j] - mu) * (x[i, j] - mu);
            double sigma = Math.Sqrt(ss / n);
            mean[j] = mu;
            std[j] = sigma > 0 ? sigma : 1.0;
        }
        _mean = mean;
        _std = std;
        return this;
    }

    /// <summary>Fit on a (training) data set's features.</summary>
    public Standardizer Fit(DataSet train) => Fit(train.Features);

    /// <summary>(x − μ)/σ with the fitted μ, σ; returns a new array.</summary>
    /// <exception cref="ArgumentException">x has a different number of features than the fitted data.</exception>
    public double[,] Transform(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (mean, std) = Fitted(x);
        int n = x.GetLength(0), d = x.GetLength(1);
        var z = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) z[i, j] = (x[i, j] - mean[j]) / std[j];
        return z;
    }

    /// <summary>The data set with standardised features.</summary>
    public DataSet Transform(DataSet data) => data.WithFeatures(Transform(data.Features));

    /// <summary>x = x′·σ + μ, undoing <see cref="Transform(double[,])"/>.</summary>
    public double[,] InverseTransform(double[,] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var (mean, std) = Fitted(z);
        int n = z.GetLength(0), d = z.GetLength(1);
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] = z[i, j] * std[j] + mean[j];
        return x;
    }

    /// <summary>Fit on <paramref name="x"/> and transform it.</summary>
    public double[,] FitTransform(double[,] x) => Fit(x).Transform(x);

    private (double[] Mean, double[] Std) Fitted(double[,] x)
    {
        if (_mean is null || _std is null) throw NotFitted();
        if (x.GetLength(1) != _mean.Length)
            throw new ArgumentException(
                $"The standardizer was fitted on {_mean.Length} features but this data has {x.GetLength(1)} features ([{x.GetLength(0)}, {x.GetLength(1)}]).", nameof(x));
        return (_mean, _std);
    }

    private static InvalidOperationException NotFitted() =>
        new("The standardizer is not fitted yet: call Fit(trainingData) first.");
}
