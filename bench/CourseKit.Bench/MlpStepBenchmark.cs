using BenchmarkDotNet.Attributes;

namespace CourseKit.Bench;

/// <summary>
/// One SGD step of a 784-128-10 MLP (ReLU, softmax cross entropy, batch 64, double): what
/// bench/reference/mlp_step_numpy.py and mlp_step_torch.py time. The matrix products use both cores
/// (products above a million multiply-adds are split across <see cref="Environment.ProcessorCount"/> strips).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 21)]
[MedianColumn, MinColumn, MaxColumn]
public class MlpStepBenchmark
{
    private MlpStep _net = null!;

    /// <summary>The network, its fixed batch and labels (seed 1).</summary>
    [GlobalSetup]
    public void Setup() => _net = new MlpStep(seed: 1);

    /// <summary>Zero the gradients, forward, loss, backward (no ∂L/∂x of the data), update: the trainer's step.</summary>
    [Benchmark(Baseline = true)]
    public double Step() => _net.Step();

    /// <summary>The same step with <c>Model.Backward</c>, which also computes ∂L/∂x of the data.</summary>
    [Benchmark]
    public double StepWithInputGradient() => _net.Step(inputGradient: true);
}

/// <summary>The same step with <see cref="MemoryDiagnoserAttribute"/>: bytes and GC collections per step.</summary>
[MemoryDiagnoser]
public class MlpStepAllocations : MlpStepBenchmark;
