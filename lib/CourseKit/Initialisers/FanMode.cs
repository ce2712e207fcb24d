namespace CourseKit.Initialisers;

/// <summary>
/// Which size a variance-scaling initialiser divides by (the lecture “Deep networks”, §3). The forward pass multiplies by W and
/// wants σ² ∝ 1/D (fan-in); the backward pass multiplies by Wᵀ and wants σ² ∝ 1/D′ (fan-out); for a
/// non-square W both cannot hold, and the average (D + D′)/2 is the compromise (He: 4/(D + D′)).
/// </summary>
public enum FanMode
{
    /// <summary>D, the number of inputs of a neuron: keeps the activations' variance.</summary>
    FanIn,

    /// <summary>D′, the number of neurons of the layer: keeps the gradients' variance.</summary>
    FanOut,

    /// <summary>(D + D′)/2.</summary>
    Average,
}
