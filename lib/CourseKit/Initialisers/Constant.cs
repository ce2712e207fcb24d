using System.Globalization;

namespace CourseKit.Initialisers;

/// <summary>Every weight equal to <see cref="Value"/> (e.g. batch norm's γ = 1).</summary>
public sealed class Constant(double value) : Initialiser
{
    /// <summary>The constant c.</summary>
    public double Value { get; } = double.IsFinite(value)
        ? value
        : throw new ArgumentException($"Constant: the value must be a finite number, got {value}.", nameof(value));

    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 0;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) => weights.Fill(Value);

    /// <inheritdoc/>
    public override string ToString() => $"Constant({Value.ToString(CultureInfo.InvariantCulture)})";
}
