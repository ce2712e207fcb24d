using System.Diagnostics;
using System.Globalization;

namespace CourseKit.Bench;

/// <summary>
/// Stopwatch timing of <see cref="MlpStep"/> with the protocol of bench/reference/_timing.py (100 warm-up steps,
/// then 21 repeats of 100 steps; median, min and max µs per step) and the same output line, so the three can be run
/// interleaved in seconds. <see cref="Phases"/> splits one step into its parts for profiling.
/// </summary>
public static class MlpStepTiming
{
    public static void Run(bool inputGradient = false, int warmup = 100, int repeats = 21, int steps = 100)
    {
        var net = new MlpStep(seed: 1);
        for (int i = 0; i < warmup; i++) net.Step(inputGradient);
        var perStep = new double[repeats];
        int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < steps; i++) net.Step(inputGradient);
            perStep[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / steps;
        }
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        Array.Sort(perStep);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {bytes / (double)(repeats * steps) / 1024:F1} KiB allocated per step; GCs gen0/1/2 during the timed steps: {GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]}; GC pause total {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlp-step CourseKit .NET {Environment.Version}{(inputGradient ? " with dL/dx" : "")}: median {perStep[repeats / 2]:F1} us/step (min {perStep[0]:F1}, max {perStep[^1]:F1}; {repeats} repeats x {steps} steps; threads {Environment.ProcessorCount})"));
    }

    /// <summary>Median µs of each phase of the step over <paramref name="steps"/> steps (after a warm-up).</summary>
    public static void Phases(int steps = 2000)
    {
        var net = new MlpStep(seed: 1);
        for (int i = 0; i < 200; i++) net.Step();
        string[] names = ["zero grad", "dense1 fwd", "relu fwd", "dense2 fwd", "loss fwd", "loss bwd", "dense2 bwd", "relu bwd", "dense1 bwd (params only)", "sgd update"];
        var times = new double[names.Length][];
        for (int p = 0; p < names.Length; p++) times[p] = new double[steps];
        long gcBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int s = 0; s < steps; s++)
        {
            int p = 0;
            long t = Stopwatch.GetTimestamp();
            void Lap()
            {
                long now = Stopwatch.GetTimestamp();
                times[p++][s] = Stopwatch.GetElapsedTime(t, now).TotalMicroseconds;
                t = now;
            }
            net.Optimiser.ZeroGrad(); Lap();
            var h = net.First.Forward(net.X); Lap();
            var a = net.Activation.Forward(h); Lap();
            var logits = net.Second.Forward(a); Lap();
            net.Loss.Forward(logits, net.Labels); Lap();
            var d = net.Loss.Backward(); Lap();
            d = net.Second.Backward(d); Lap();
            d = net.Activation.Backward(d); Lap();
            net.First.BackwardParameters(d); Lap();
            net.Optimiser.Step(); Lap();
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - gcBefore;
        double total = 0;
        for (int p = 0; p < names.Length; p++)
        {
            Array.Sort(times[p]);
            double median = times[p][steps / 2];
            total += median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[p],-24} median {median,8:F1} us   p10 {times[p][steps / 10],8:F1} us   min {times[p][0],8:F1} us"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sum of medians {total:F1} us; allocated {allocated / (double)steps / 1024:F1} KiB per step"));
    }
}
