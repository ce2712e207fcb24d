"""One SGD step of a 784-128-10 MLP (ReLU, softmax cross entropy, batch 64, float64) in PyTorch on the CPU.

Same network as bench/CourseKit.Bench/MlpStepBenchmark.cs and mlp_step_numpy.py: nn.Linear layers (W [out, in]),
W He-normal (std sqrt(2/fan_in)), b = 0, x ~ N(0, 1) [64, 784], labels uniform in 0..9, torch.optim.SGD(lr=0.01).
One step = zero_grad, forward, cross_entropy, backward, step. Two intra-op threads; float64 products go to OpenBLAS.
Run with /usr/bin/python3 (Debian python3-torch).
"""
import os
import sys

THREADS = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
os.environ["OPENBLAS_NUM_THREADS"] = str(THREADS)
import torch
from torch import nn

from _timing import BATCH, INPUTS, HIDDEN, CLASSES, LEARNING_RATE, SEED, report

torch.set_num_threads(THREADS)
torch.manual_seed(SEED)
model = nn.Sequential(nn.Linear(INPUTS, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, CLASSES)).double()
with torch.no_grad():
    for layer in (model[0], model[2]):
        layer.weight.normal_(0.0, (2.0 / layer.in_features) ** 0.5)
        layer.bias.zero_()
x = torch.randn(BATCH, INPUTS, dtype=torch.float64)
labels = torch.randint(0, CLASSES, (BATCH,))
optimiser = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
loss_fn = nn.CrossEntropyLoss()


def step():
    optimiser.zero_grad()
    loss = loss_fn(model(x), labels)
    loss.backward()
    optimiser.step()
    return loss


if __name__ == "__main__":
    if "--check" in sys.argv:
        print("first losses:", [round(float(step()), 6) for _ in range(3)])
        sys.exit(0)
    report(f"torch {torch.__version__} CPU", step, f"{torch.get_num_threads()} (OpenBLAS {THREADS})")
