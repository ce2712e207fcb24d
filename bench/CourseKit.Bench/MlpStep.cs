using CourseKit.Activations;
using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;

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

    /// <summary>One SGD step: zero the gradients, forward, loss, backward, update. Returns the loss.</summary>
    public double Step()
    {
        Optimiser.ZeroGrad();
        double loss = Loss.Forward(Model.Forward(X), Labels);
        Model.Backward(Loss.Backward());
        Optimiser.Step();
        return loss;
    }
}
