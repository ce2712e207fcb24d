"""One SGD step of a 784-128-10 MLP (ReLU, softmax cross entropy, batch 64, float64) in numpy by hand.

Same network as bench/CourseKit.Bench/MlpStepBenchmark.cs: W [out, in] He-normal (std sqrt(2/fan_in)), b = 0,
x ~ N(0, 1) [64, 784], labels uniform in 0..9, learning rate 0.01. Matrix products go to OpenBLAS (2 threads).
Run with /usr/bin/python3 (Debian python3-numpy).
"""
import os
import sys

THREADS = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "2"
os.environ["OPENBLAS_NUM_THREADS"] = THREADS  # before numpy loads OpenBLAS
import numpy as np

from _timing import BATCH, INPUTS, HIDDEN, CLASSES, LEARNING_RATE, SEED, report

rng = np.random.default_rng(SEED)
W1 = rng.normal(0.0, np.sqrt(2.0 / INPUTS), (HIDDEN, INPUTS))
b1 = np.zeros(HIDDEN)
W2 = rng.normal(0.0, np.sqrt(2.0 / HIDDEN), (CLASSES, HIDDEN))
b2 = np.zeros(CLASSES)
x = rng.normal(0.0, 1.0, (BATCH, INPUTS))
labels = rng.integers(0, CLASSES, BATCH)
rows = np.arange(BATCH)


def step():
    global W1, b1, W2, b2  # updated in place below
    # forward
    z1 = x @ W1.T + b1
    a1 = np.maximum(z1, 0.0)
    z2 = a1 @ W2.T + b2
    # softmax cross entropy (stable), mean over the batch
    m = z2.max(axis=1, keepdims=True)
    e = np.exp(z2 - m)
    s = e.sum(axis=1, keepdims=True)
    loss = np.mean(np.log(s[:, 0]) + m[:, 0] - z2[rows, labels])
    # backward
    dz2 = e / s
    dz2[rows, labels] -= 1.0
    dz2 /= BATCH
    dW2 = dz2.T @ a1
    db2 = dz2.sum(axis=0)
    da1 = dz2 @ W2
    dz1 = da1 * (z1 > 0)
    dW1 = dz1.T @ x
    db1 = dz1.sum(axis=0)
    # SGD step, in place
    W1 -= LEARNING_RATE * dW1
    b1 -= LEARNING_RATE * db1
    W2 -= LEARNING_RATE * dW2
    b2 -= LEARNING_RATE * db2
    return loss


if __name__ == "__main__":
    if "--check" in sys.argv:
        print("first losses:", [round(float(step()), 6) for _ in range(3)])
        sys.exit(0)
    report(f"numpy {np.__version__} (OpenBLAS)", step, os.environ["OPENBLAS_NUM_THREADS"])
