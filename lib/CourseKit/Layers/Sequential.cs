using System.Globalization;
using System.Text;

namespace CourseKit.Layers;

/// <summary>
/// Layers applied one after the other (the lecture “Deep networks”, §1: the network as a composition f = f_L ∘ … ∘ f_1).
/// Forward chains the layers; Backward runs them in reverse, each passing ∂L/∂input on as the previous
/// layer's ∂L/∂output; Parameters lists every layer's parameters. A layer's parameter names are made unique
/// when it is added: a repeated prefix gets the next free number (dense.W, dense2.W, dense3.W).
/// </summary>
public sealed class Sequential : Layer
{
    private readonly List<Layer> _layers = [];

    /// <summary>A model of the given layers, in order.</summary>
    public Sequential(params Layer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers) Add(layer);
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>Layer <paramref name="index"/>.</summary>
    public Layer this[int index] => (uint)index < (uint)_layers.Count
        ? _layers[index]
        : throw new ArgumentOutOfRangeException(nameof(index), $"Layer {index} does not exist; this model has layers 0 to {_layers.Count - 1}.");

    /// <summary>Appends a layer (in this model's mode) and returns this model, so calls chain.</summary>
    public Sequential Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (ReferenceEquals(layer, this))
            throw new ArgumentException("A Sequential cannot contain itself.", nameof(layer));
        MakeNamesUnique(layer);
        layer.SetTraining(Training);
        _layers.Add(layer);
        return this;
    }

    /// <summary>x through every layer in order.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_layers.Count == 0)
            throw new InvalidOperationException("This Sequential has no layers; Add some before Forward.");
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }

    /// <summary>∂L/∂output through every layer in reverse order; returns ∂L/∂input.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        for (int i = _layers.Count - 1; i >= 0; i--) dOut = _layers[i].Backward(dOut);
        return dOut;
    }

    /// <summary>∂L/∂output through every layer in reverse order, the first layer only filling its parameter gradients
    /// (<see cref="Layer.BackwardParameters"/>): what a training step needs.</summary>
    public override void BackwardParameters(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        if (_layers.Count == 0) return;
        for (int i = _layers.Count - 1; i > 0; i--) dOut = _layers[i].Backward(dOut);
        _layers[0].BackwardParameters(dOut);
    }

    /// <summary>Every layer's parameters in layer order (a layer that appears twice contributes once).</summary>
    public override IEnumerable<Parameter> Parameters() => _layers.SelectMany(l => l.Parameters()).Distinct();

    /// <summary>Sets the mode of this model and of every layer in it.</summary>
    public override void SetTraining(bool training)
    {
        base.SetTraining(training);
        foreach (var layer in _layers) layer.SetTraining(training);
    }

    /// <summary>The number of learnable numbers.</summary>
    public int ParameterCount => Parameters().Sum(p => p.Value.Length);

    /// <summary>
    /// A table: each layer with its parameters' names, shapes and counts, and the total, e.g.
    /// <code>
    ///  #  layer            parameters                    count
    ///  0  Dense(784 → 128)  dense.W [128, 784], dense.b [128]  100480
    /// </code>
    /// </summary>
    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = _layers.Select((l, i) =>
        {
            var ps = l.Parameters().ToList();
            return new[]
            {
                i.ToString(inv), l.ToString() ?? l.GetType().Name,
                ps.Count == 0 ? "-" : string.Join(", ", ps.Select(p => p.ToString())),
                ps.Sum(p => p.Value.Length).ToString("N0", inv),
            };
        }).ToList();
        string[] header = ["#", "layer", "parameters", "count"];
        int[] width = [.. header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length)))];
        var sb = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            sb.AppendLine(string.Join("  ", row.Select((cell, c) => c == 3 ? cell.PadLeft(width[c]) : cell.PadRight(width[c]))).TrimEnd());
        sb.Append(inv, $"total: {ParameterCount.ToString("N0", inv)} parameters in {_layers.Count} layers");
        return sb.ToString();
    }

    /// <summary>E.g. <c>Sequential(Dense(2 → 8), Dense(8 → 1))</c>.</summary>
    public override string ToString() => $"Sequential({string.Join(", ", _layers)})";

    private void MakeNamesUnique(Layer layer)
    {
        var taken = Parameters().Select(p => p.Name).ToHashSet();
        var own = layer.Parameters().Distinct().Where(p => !Parameters().Contains(p)).ToList();
        if (!own.Any(p => taken.Contains(p.Name))) return;
        for (int k = 2; ; k++)
        {
            var renamed = own.Select(p => Numbered(p.Name, k)).ToList();
            if (renamed.Any(taken.Contains) || renamed.Distinct().Count() != renamed.Count) continue;
            for (int i = 0; i < own.Count; i++) own[i].Name = renamed[i];
            return;
        }
    }

    /// <summary>"dense.W" with k = 2 → "dense2.W"; a name without a dot gets the number at the end.</summary>
    private static string Numbered(string name, int k)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name + k.ToString(CultureInfo.InvariantCulture) : name[..dot] + k.ToString(CultureInfo.InvariantCulture) + name[dot..];
    }
}
