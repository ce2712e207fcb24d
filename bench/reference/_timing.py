"""Shared timing for the reference scripts: warm-up, then timeit repeats; prints one line per script.

Line format (the same as CourseKit's MlpStepTiming in bench/CourseKit.Bench, so the three can be compared):
    mlp-step <impl>: median <µs> us/step (min <µs>, max <µs>; <repeats> repeats x <steps> steps; threads <n>)
"""
import statistics
import timeit

BATCH, INPUTS, HIDDEN, CLASSES = 64, 784, 128, 10
LEARNING_RATE = 0.01
SEED = 1


def report(name, step, threads, warmup=100, repeats=21, steps=100):
    for _ in range(warmup):
        step()
    per_step = [t / steps * 1e6 for t in timeit.repeat(step, number=steps, repeat=repeats)]
    print(f"mlp-step {name}: median {statistics.median(per_step):.1f} us/step "
          f"(min {min(per_step):.1f}, max {max(per_step):.1f}; {repeats} repeats x {steps} steps; threads {threads})",
          flush=True)
