using CourseKit.Activations;
using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;
using CourseKit.Training;

namespace CourseKit.Bench;

/// <summary>
/// The network every MLP-step figure times, built the same way as bench/reference/mlp_step_numpy.py and
/// mlp_step_torch.py: Dense(784 → 128), ReLU, Dense(128 → 10), softmax cross entropy, plain gradient descent
/// (η = 0.01); W He-normal (σ² = 2/fan-in), b = 0; one fixed batch x ~ N(0, 1) [64, 784] with labels uniform in 0..9.
/// </summary>
public sealed class MlpStep
{
    public const int Batch = 64, Inputs = 784, Hidden = 128, Classes = 10;
    public const double LearningRate = 0.01;

    public MlpStep(int seed = 1)
    {
        var rng = new Random(seed);
        First = new Dense(Inputs, Hidden, rng);
        Activation = new ReLU();
        Second = new Dense(Hidden, Classes, rng);
        Model = new Sequential(First, Activation, Second);
        Optimiser = new GradientDescent(Model.Parameters(), LearningRate);
        X = Tensor.Normal(rng, 0, 1, Batch, Inputs);
        Labels = [.. Enumerable.Range(0, Batch).Select(_ => rng.Next(Classes))];
    }

    public Dense First { get; }
    public ReLU Activation { get; }
    public Dense Second { get; }
    public Sequential Model { get; }
    public SoftmaxCrossEntropy Loss { get; } = new();
    public GradientDescent Optimiser { get; }
    public Tensor X { get; }
    public int[] Labels { get; }

    /// <summary>
    /// One SGD step as <see cref="Trainer"/> takes it: zero the gradients, forward, loss, backward (without
    /// ∂L/∂x of the data, <see cref="Layer.BackwardParameters"/>, as numpy by hand and PyTorch's autograd also skip it),
    /// update. With <paramref name="inputGradient"/> the backward pass is <see cref="Layer.Backward"/>, which also
    /// returns ∂L/∂x: one more [64, 10]·[10, 128] and [64, 128]·[128, 784] product. Returns the loss.
    /// </summary>
    public double Step(bool inputGradient = false)
    {
        Optimiser.ZeroGrad();
        double loss = Loss.Forward(Model.Forward(X), Labels);
        if (inputGradient) Model.Backward(Loss.Backward());
        else Model.BackwardParameters(Loss.Backward());
        Optimiser.Step();
        return loss;
    }
}
