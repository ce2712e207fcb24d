#!/usr/bin/python3
"""numpy/OpenBLAS reference for bench/CourseKit.Bench's MatMulBenchmarks.

The same products into a preallocated result (np.matmul(..., out=c)): 64x784 . 784x128 and
512x512 . 512x512, each as A.B, A^T.B (A stored [k, m]) and A.B^T (B stored [n, k]); a transposed
operand is a numpy view, which OpenBLAS reads without copying. Prints GFLOP/s = 2*m*n*k / time for the
median and the best of the repeats, in the format the .NET benchmark prints after its summary.
"""
import sys
import timeit

import numpy as np

SIZES = ["64x784x128", "512x512x512"]
FORMS = ["A·B", "Aᵀ·B", "A·Bᵀ"]


def operands(size, form, rng):
    m, k, n = map(int, size.split("x"))
    a = rng.uniform(-1, 1, (k, m)).T if form == "Aᵀ·B" else rng.uniform(-1, 1, (m, k))
    b = rng.uniform(-1, 1, (n, k)).T if form == "A·Bᵀ" else rng.uniform(-1, 1, (k, n))
    return a, b, np.empty((m, n)), 2.0 * m * n * k


def main(repeats=20, min_seconds=0.1):
    rng = np.random.default_rng(1)
    print(f"numpy {np.__version__}", file=sys.stderr)
    for size in SIZES:
        for form in FORMS:
            a, b, c, flops = operands(size, form, rng)
            timer = timeit.Timer(lambda: np.matmul(a, b, out=c))
            number, _ = timer.autorange()
            number = max(number, int(number * min_seconds / 0.2) or 1)
            times = sorted(t / number for t in timer.repeat(repeat=repeats, number=number))
            median, best = times[len(times) // 2], times[0]
            print(f"numpy   {form:<5} {size:<12} median {flops / median / 1e9:7.1f} GFLOP/s  "
                  f"best {flops / best / 1e9:7.1f} GFLOP/s  ({median * 1e3:.3f} ms)")


if __name__ == "__main__":
    main()
